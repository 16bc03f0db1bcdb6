/**
 * Issue 8, faults: Meilisearch (the fake, tests/fakes/meilisearch-fake.ts) stops answering while a
 * producer edits listings through the seller pages of a real app process. The edits save and the
 * storefront (PostgreSQL) shows them at once; their search-outbox rows stay; the search-sync job
 * fails and graphile-worker retries it (attempts counted on the job), losing nothing. When the fake
 * is back on the same port, the next retry writes every pending change: the index matches the
 * database again and the outbox is empty.
 *
 * The app runs with JOBS=off; the worker runs in this test process (`startJobs`, the same code as
 * `npm run worker`) so that it can be given the adapter pointed at the fake. Retry timing is
 * graphile-worker's own (exp(attempts) seconds): the fake comes back after the second failed
 * attempt, so the third comes about 7 s later.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startJobs, type Jobs } from '#app/modules/jobs/worker.server.ts'
import { createMeilisearchSearch } from '#app/modules/search/meilisearch-search.server.ts'
import { buildSearchDocuments } from '#app/modules/search/search-documents.server.ts'
import { drainSearchOutbox } from '#app/modules/search/search-outbox.server.ts'
import { type SearchIndex } from '#app/modules/search/search-index.ts'
import { getDb } from '#app/utils/db.server.ts'
import { resetEnvForTests } from '#app/utils/env.server.ts'
import { createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { createTestProducer, type TestProduct } from '#tests/factories/orders.ts'
import { startMeilisearchFake, type MeilisearchFake } from '#tests/fakes/meilisearch-fake.ts'
import { hasBuild, startApp, type AppProcess } from '#tests/support/app-process.ts'
import { pollUntil, send } from './fault-support.ts'

process.env.SESSION_SECRET = 'fault-search-outage-secret-2026'
resetEnvForTests()

const INDEX = 'fault_outage_products'
const NAMES_BEFORE = ['Miến dong trước sự cố', 'Bánh đa trước sự cố', 'Mắm tép trước sự cố'].sort()

let fake: MeilisearchFake
let jobs: Jobs | null = null
let app: AppProcess | null = null
const jobLog: string[] = []

beforeAll(async () => {
  fake = await startMeilisearchFake()
})

afterAll(async () => {
  await jobs?.stop()
  await app?.stop('SIGKILL')
  await fake?.close()
})

function listingForm(product: TestProduct, changes: { nameVi: string; priceVnd: number; status: string }) {
  return {
    intent: 'save-listing',
    sku: product.sku,
    nameVi: changes.nameVi,
    nameEn: `${changes.nameVi} (EN)`,
    groupCode: 'thuc-pham',
    subgroupCode: 'rau-cu-qua-hat-tuoi',
    priceVnd: String(changes.priceVnd),
    unitVi: 'hộp',
    unitEn: 'box',
    weightGrams: '500',
    stock: '50',
    descriptionVi: 'Sửa khi máy tìm kiếm đang tắt.',
    descriptionEn: '',
    status: changes.status,
  }
}

async function outboxRows(productIds: string[]): Promise<number> {
  return getDb().searchOutbox.count({ where: { productId: { in: productIds } } })
}

async function searchSyncJob(): Promise<{ attempts: number; lastError: string | null } | null> {
  const [job] = await getDb().$queryRaw<{ attempts: number; lastError: string | null }[]>`
    SELECT j.attempts::int AS attempts, j.last_error AS "lastError"
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'search-sync' ORDER BY j.id DESC LIMIT 1`
  return job ?? null
}

/** The fake's documents of these products, as the index would answer them. */
function indexed(productIds: string[]) {
  const wanted = new Set(productIds)
  return fake
    .documents(INDEX)
    .filter((doc) => wanted.has(String(doc.id)))
    .map((doc) => ({ id: doc.id, nameVi: doc.nameVi, priceVnd: doc.priceVnd }))
}

/** What the index should hold for these products: the visible ones' documents, built from PostgreSQL. */
async function expectedDocuments(productIds: string[]) {
  const documents = await buildSearchDocuments(productIds)
  return documents
    .filter((doc) => doc.visible)
    .map((doc) => ({ id: doc.id, nameVi: doc.nameVi, priceVnd: doc.priceVnd }))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
}

test.skipIf(!hasBuild())(
  'Meilisearch down while a producer edits: edits save, the outbox keeps them, the index catches up when it returns',
  async () => {
    const db = getDb()
    const producer = await createTestProducer({
      products: [
        { nameVi: 'Miến dong trước sự cố' },
        { nameVi: 'Bánh đa trước sự cố' },
        { nameVi: 'Mắm tép trước sự cố' },
      ],
    })
    const owner: TestUser = await createTestUser({ roles: ['PRODUCER'], producers: [{ producerId: producer.id }] })
    const ids = producer.products.map((p) => p.id)
    const slugs = await db.product.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } })
    const slugOf = new Map(slugs.map((p) => [p.id, p.slug]))

    // The index starts current: a full build, then whatever the outbox still held (the seed's rows).
    const index: SearchIndex = createMeilisearchSearch({ host: fake.url, apiKey: fake.apiKey, indexName: INDEX })
    await index.reindex()
    while ((await drainSearchOutbox(index)) > 0);
    expect(await db.searchOutbox.count()).toBe(0)
    expect(
      indexed(ids)
        .map((d) => d.nameVi)
        .sort(),
    ).toEqual(NAMES_BEFORE)

    app = await startApp({
      JOBS: 'off',
      MEILI_HOST: fake.url,
      MEILI_API_KEY: fake.apiKey,
      MEILI_INDEX: INDEX,
    })
    const base = app.base

    // ── Meilisearch goes away; the worker is running ──
    await fake.down()
    jobs = await startJobs({
      databaseUrl: process.env.DATABASE_URL!,
      concurrency: 1,
      logger: (line) => jobLog.push(line),
      searchIndex: index,
    })

    // The producer edits over HTTP: two renamed and repriced, one archived (it must leave the index).
    const edits = [
      { nameVi: 'Miến dong Bình Liêu (sửa khi tắt)', priceVnd: 123_000, status: 'PUBLISHED' },
      { nameVi: 'Bánh đa Kế (sửa khi tắt)', priceVnd: 45_000, status: 'PUBLISHED' },
      { nameVi: 'Mắm tép Hà Tĩnh (sửa khi tắt)', priceVnd: 67_000, status: 'ARCHIVED' },
    ]
    for (const [i, product] of producer.products.entries()) {
      const answer = await send(`${base}/seller/listings/${product.id}`, {
        cookie: owner.cookie,
        form: listingForm(product, edits[i]!),
      })
      expect(answer.status, `edit ${i}: ${answer.body.slice(0, 200)}`).toBe(302)
    }

    // Saved, and the storefront (PostgreSQL) shows them at once.
    const saved = await db.product.findMany({
      where: { id: { in: ids } },
      select: { id: true, nameVi: true, priceVnd: true, status: true },
    })
    expect(saved.map((p) => [p.nameVi, p.priceVnd, p.status]).sort()).toEqual(
      edits.map((e) => [e.nameVi, e.priceVnd, e.status]).sort(),
    )
    for (const [i, product] of producer.products.entries()) {
      const page = await send(`${base}/products/${slugOf.get(product.id)}`)
      if (edits[i]!.status === 'PUBLISHED') {
        expect(page.status).toBe(200)
        expect(page.body).toContain(edits[i]!.nameVi)
      } else {
        expect(page.status).toBe(404)
      }
    }

    // The sync fails and is retried; the outbox keeps every change meanwhile.
    const pending = await outboxRows(ids)
    expect(pending).toBeGreaterThanOrEqual(3)
    const failing = await pollUntil(
      'search-sync failed twice',
      async () => {
        const job = await searchSyncJob()
        return job && job.attempts >= 2 ? job : undefined
      },
      { timeoutMs: 30_000 },
    )
    expect(failing.lastError).toMatch(/has failed|ECONNREFUSED|fetch failed/i)
    expect(await outboxRows(ids)).toBe(pending)
    // Nothing half-written: the index still holds the old documents.
    expect(
      indexed(ids)
        .map((d) => d.nameVi)
        .sort(),
    ).toEqual(NAMES_BEFORE)

    // ── Meilisearch returns on the same port ──
    await fake.up()
    const expected = await expectedDocuments(ids)
    expect(expected.map((d) => d.nameVi).sort()).toEqual([edits[1]!.nameVi, edits[0]!.nameVi].sort())
    await pollUntil(
      'the index catches up and the outbox drains',
      async () => {
        const now = indexed(ids)
        const drained = (await db.searchOutbox.count()) === 0
        return drained && JSON.stringify(now) === JSON.stringify(expected) ? true : undefined
      },
      { timeoutMs: 45_000, intervalMs: 500 },
    )
    expect(indexed(ids)).toEqual(expected)
    expect(await searchSyncJob()).toBeNull()

    // And search answers from the index again, with the edited name.
    const search = await send(`${base}/api/search?q=${encodeURIComponent('Bình Liêu')}`)
    expect(search.status).toBe(200)
    expect(search.body).toContain(edits[0]!.nameVi)

    console.info(
      `[fault-search-outage] ${edits.length} edits while down, ${pending} outbox rows kept, ` +
        `search-sync failed ${failing.attempts}× (${failing.lastError?.split('\n')[0]}), index caught up; ` +
        `worker log: ${jobLog
          .filter((l) => l.includes('search-sync'))
          .map((l) => l.split('\n')[0])
          .join(' | ')}`,
    )
  },
  120_000,
)
