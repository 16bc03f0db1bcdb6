/**
 * The Meilisearch adapter, its outbox and the job worker, against the local fake of the Meilisearch
 * HTTP API (tests/fakes/meilisearch-fake.ts) and the real PostgreSQL test database. The fake checks
 * request shapes and models tasks; it has no relevance, so ranking is only checked on a real
 * Meilisearch: with MEILI_HOST set, the shared contract suite runs against it (first, on the seeded data).
 */
import { randomUUID } from 'node:crypto'
import { Meilisearch } from 'meilisearch'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { startJobs } from '#app/modules/jobs/worker.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { startMeilisearchFake, type MeilisearchFake, type RecordedRequest } from '#tests/fakes/meilisearch-fake.ts'
import {
  buildFilter,
  createMeilisearchSearch,
  filterValue,
  MEILISEARCH_SETTINGS,
  tieBreakOnToneMarks,
} from './meilisearch-search.server.ts'
import { createPostgresSearch } from './postgres-search.server.ts'
import { describeSearchContract } from './search-contract.ts'
import { epochDay } from './search-documents.server.ts'
import { type SearchIndex, type SearchQuery } from './search-index.ts'
import { drainSearchOutbox, withSearchOutboxPaused } from './search-outbox.server.ts'

const today = new Date()
let fake: MeilisearchFake
let indexCount = 0

/** A fresh live index name per test, so tests never see each other's documents. */
function makeIndex(): { index: SearchIndex; name: string } {
  const name = `products_t${++indexCount}`
  return { index: createMeilisearchSearch({ host: fake.url, apiKey: fake.apiKey, indexName: name }), name }
}

function query(q: string, extra: Partial<SearchQuery> = {}): SearchQuery {
  return { q, filters: {}, sort: q ? 'relevance' : 'newest', page: 1, pageSize: 24, today, ...extra }
}

const requestsSince = (start: number, method: string, path: string | RegExp) =>
  fake.requests
    .slice(start)
    .filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)))

type MultiSearchBody = { queries: (Record<string, unknown> & { filter: string[]; facets?: string[] })[] }
const multiSearchBodies = (requests: RecordedRequest[]) => requests.map((r) => r.body as MultiSearchBody)

async function productId(slug: string): Promise<string> {
  return (await getDb().product.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id
}

async function visibleIds(): Promise<string[]> {
  const rows = await getDb().catalogEntry.findMany({
    where: { visible: true },
    select: { productId: true },
    orderBy: { productId: 'asc' },
  })
  return rows.map((row) => row.productId)
}

async function outbox(): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ productId: string }[]>`SELECT "productId" FROM "SearchOutbox" ORDER BY id`
  return rows.map((row) => row.productId)
}

beforeAll(async () => {
  fake = await startMeilisearchFake()
})

afterAll(async () => {
  await fake.close()
})

// The same contract as PostgreSQL, on a real Meilisearch (MEILI_HOST, MEILI_API_KEY), in an index
// of its own that is deleted afterwards. Figures and relevance come only from this run. First in the
// file, so it sees the seeded catalogue before the tests below change it.
const realHost = process.env.MEILI_HOST
describe.runIf(Boolean(realHost))('a real Meilisearch', () => {
  const indexName = `ocop_test_${randomUUID().slice(0, 8)}`
  afterAll(async () => {
    if (!realHost) return
    const client = new Meilisearch({ host: realHost, apiKey: process.env.MEILI_API_KEY })
    await client.deleteIndexIfExists(indexName)
  })
  describeSearchContract('Meilisearch', () =>
    createMeilisearchSearch({ host: realHost ?? '', apiKey: process.env.MEILI_API_KEY, indexName }),
  )
})

beforeEach(async () => {
  await getDb().$executeRaw`DELETE FROM "SearchOutbox"`
})

describe('rebuilding the index', () => {
  test('builds a new index with our settings, fills it, swaps it in and deletes the old one', async () => {
    const { index, name } = makeIndex()
    const start = fake.requests.length
    const { documents } = await index.reindex()

    const ids = await visibleIds()
    expect(documents).toBe(ids.length)
    expect(fake.indexUids()).toContain(name)
    expect(fake.indexUids().filter((uid) => uid.startsWith(`${name}_`))).toEqual([])
    expect(fake.settings(name)).toEqual(MEILISEARCH_SETTINGS)
    expect(fake.documents(name).map((doc) => doc.id)).toEqual(ids)

    const created = requestsSince(start, 'POST', '/indexes').map((r) => (r.body as { uid: string }).uid)
    const fresh = created[0]
    expect(fresh).toMatch(new RegExp(`^${name}_\\d+$`))
    // First run: the live index did not exist, so it is created (empty) to be swapped with.
    expect(created).toEqual([fresh, name])
    expect(requestsSince(start, 'PATCH', `/indexes/${fresh}/settings`)).toHaveLength(1)
    expect(requestsSince(start, 'POST', `/indexes/${fresh}/documents`).length).toBeGreaterThan(0)
    expect(requestsSince(start, 'POST', '/swap-indexes').map((r) => r.body)).toEqual([
      [{ indexes: [name, fresh], rename: false }],
    ])
    expect(requestsSince(start, 'DELETE', `/indexes/${fresh}`)).toHaveLength(1)

    // A second rebuild picks up a change and replaces the live index again, without creating it.
    const db = getDb()
    const id = await productId('vai-lua-to-tam-van-phuc')
    await db.product.update({ where: { id }, data: { nameVi: 'Vải lụa Vạn Phúc dệt tay' } })
    const again = fake.requests.length
    await index.reindex()
    expect(requestsSince(again, 'POST', '/indexes')).toHaveLength(1)
    expect(fake.indexUids().filter((uid) => uid.startsWith(name))).toEqual([name])
    expect(fake.documents(name).find((doc) => doc.id === id)?.nameVi).toBe('Vải lụa Vạn Phúc dệt tay')
  })

  test('documents carry the search document shape: places with former names, groups, descriptions, days', async () => {
    const { index, name } = makeIndex()
    await index.reindex()
    const id = await productId('vai-lua-to-tam-van-phuc')
    const document = fake.documents(name).find((doc) => doc.id === id)
    const certificate = await getDb().certificate.findFirstOrThrow({
      where: { productId: id, revokedAt: null },
      orderBy: { issuedOn: 'desc' },
    })
    expect(document).toMatchObject({
      slug: 'vai-lua-to-tam-van-phuc',
      visible: true,
      villageName: 'Làng lụa Vạn Phúc',
      villageSlug: 'lang-lua-van-phuc',
      regionSlug: 'dong-bang-song-hong',
      provinceCode: '01',
      certStars: certificate.stars,
      certIssuedDay: epochDay(certificate.issuedOn),
      certExpiresDay: epochDay(certificate.expiresOn),
    })
    expect(document?.places).toEqual(expect.arrayContaining(['Hà Đông', 'Hà Nội', 'phường Vạn Phúc', 'quận Hà Đông']))
    expect(document?.groupNames).toHaveLength(4)
    expect(String(document?.descriptionVi)).toContain('tơ tằm')
    // Drafts and products of unverified producers never reach the index.
    expect(fake.documents(name).map((doc) => doc.slug)).not.toContain('gao-nang-huong-giang-thanh')
  })
})

describe('searching', () => {
  let meili: SearchIndex
  const postgres = createPostgresSearch()

  beforeAll(async () => {
    meili = makeIndex().index
    await meili.reindex()
  })

  test.each<[string, Partial<SearchQuery>]>([
    ['everything, newest first', {}],
    ['one group', { filters: { group: 'thuc-pham' } }],
    ['group, province and women-led', { filters: { group: 'thu-cong-my-nghe', province: '01', women: true } }],
    ['stars and stock, by price', { filters: { stars: 4, instock: true }, sort: 'price-asc' }],
    ['a price range, dearest first', { filters: { minPrice: 100_000, maxPrice: 1_000_000 }, sort: 'price-desc' }],
    ['by stars, page 1', { sort: 'stars', pageSize: 7 }],
    ['by stars, page 3', { sort: 'stars', pageSize: 7, page: 3 }],
    ['by stars from 4, page 2', { sort: 'stars', pageSize: 5, page: 2, filters: { stars: 4 } }],
    ['years later, when every certificate has expired', { sort: 'stars', today: new Date('2032-01-01') }],
  ])('browsing %s gives the same hits, total and disjunctive facets as PostgreSQL', async (_label, extra) => {
    // The fake breaks ties on the primary key, as the SQL does, so even the order must match.
    const [fromMeili, fromPostgres] = await Promise.all([
      meili.search(query('', extra)),
      postgres.search(query('', extra)),
    ])
    expect(fromMeili).toEqual(fromPostgres)
    expect(fromMeili.total).toBeGreaterThan(0)
  })

  test('a village filter and the disjunctive facets travel in one multi-search', async () => {
    const villageId = (await getDb().craftVillage.findUniqueOrThrow({ where: { slug: 'lang-lua-van-phuc' } })).id
    const start = fake.requests.length
    const result = await meili.search(query('', { filters: { group: 'thu-cong-my-nghe', villageId, instock: true } }))
    const [request, ...others] = requestsSince(start, 'POST', '/multi-search')
    expect(others).toEqual([])
    const { queries } = multiSearchBodies([request])[0]
    const [page, groupCounts, villageCounts, ...counts] = queries
    // The page carries the facets of every dimension without a filter.
    expect(page.facets).toEqual(['subgroupCode', 'regionSlug', 'provinceCode', 'producerKind', 'womenLed'])
    expect(page.filter).toEqual([
      'visible = true',
      'groupCode = "thu-cong-my-nghe"',
      `villageId = "${villageId}"`,
      'stock > 0',
    ])
    // Each active dimension is counted with its own filter lifted.
    expect(groupCounts).toMatchObject({ facets: ['groupCode'], hitsPerPage: 0 })
    expect(groupCounts.filter).toEqual(['visible = true', `villageId = "${villageId}"`, 'stock > 0'])
    expect(villageCounts).toMatchObject({ facets: ['villageId'], hitsPerPage: 0 })
    expect(villageCounts.filter).toEqual(['visible = true', 'groupCode = "thu-cong-my-nghe"', 'stock > 0'])
    // In stock is active, so its count is the total; then ≥3★, ≥4★, ≥5★ valid today.
    const day = epochDay(today)
    expect(counts.map((q) => q.filter.at(-1))).toEqual(
      [3, 4, 5].map((n) => `certStars >= ${n} AND certIssuedDay <= ${day} AND certExpiresDay >= ${day}`),
    )
    expect(result.facets.group['thu-cong-my-nghe']).toBe(result.total)
    expect(Object.keys(result.facets.group).length).toBeGreaterThan(0)
    expect(result.facets.instock).toBe(result.total)
  })

  test('a hostile filter value stays one quoted value and matches nothing', async () => {
    const hostile = 'x" OR visible = false OR villageId = "y\\'
    expect(filterValue(hostile)).toBe('"x\\" OR visible = false OR villageId = \\"y\\\\"')
    expect(buildFilter({ villageId: hostile, minPrice: 1000 }, today)).toEqual([
      'visible = true',
      `villageId = ${filterValue(hostile)}`,
      'priceVnd >= 1000',
    ])
    const result = await meili.search(query('', { filters: { villageId: hostile, province: "01' OR '1'='1" } }))
    // The fake parsed the filter (a broken quote would have answered 400) and found no such village.
    expect(result.total).toBe(0)
    expect(() => buildFilter({ minPrice: Number.NaN }, today)).toThrow(/finite/)
  })

  test('words are searched with every word first, then any word, with highlights', async () => {
    const start = fake.requests.length
    const honey = await meili.search(query('Mật ong'))
    expect(honey.matchMode).toBe('all')
    expect(honey.total).toBeGreaterThanOrEqual(3)
    expect(honey.hits[0].highlightVi).toMatch(/«Mật» «ong»/)
    const [first] = multiSearchBodies(requestsSince(start, 'POST', '/multi-search'))
    expect(first.queries[0]).toMatchObject({ q: 'Mật ong', matchingStrategy: 'all', showRankingScore: true })

    const loose = fake.requests.length
    const some = await meili.search(query('mật xyzzyq'))
    expect(some.matchMode).toBe('words')
    expect(some.total).toBeGreaterThan(0)
    expect(
      multiSearchBodies(requestsSince(loose, 'POST', '/multi-search')).map((b) => b.queries[0].matchingStrategy),
    ).toEqual(['all', 'frequency'])

    expect(await meili.search(query('xyzzyq qqqzz'))).toEqual({
      hits: [],
      total: 0,
      facets: expect.objectContaining({ group: {} }),
      matchMode: 'none',
    })
  })

  test('on a tie, the name with the exact tone marks comes first; other ranks are kept', () => {
    const hits = [
      { nameVi: 'Mắt ong rừng', nameEn: 'x', _rankingScore: 0.9 },
      { nameVi: 'Mật ong rừng', nameEn: 'y', _rankingScore: 0.9 },
      { nameVi: 'Mắt ong núi', nameEn: 'z', _rankingScore: 0.8 },
      { nameVi: 'Mật ong núi', nameEn: 'w', _rankingScore: 0.7 },
    ]
    expect(tieBreakOnToneMarks(hits, 'mật ong').map((hit) => hit.nameVi)).toEqual([
      'Mật ong rừng',
      'Mắt ong rừng',
      'Mắt ong núi',
      'Mật ong núi',
    ])
  })

  test('autocomplete: products from Meilisearch, villages and producers from PostgreSQL', async () => {
    const start = fake.requests.length
    const suggestions = await meili.suggest('lua van ph', 6, today)
    expect(suggestions.some((s) => s.kind === 'village' && s.slug === 'lang-lua-van-phuc')).toBe(true)
    expect(suggestions.some((s) => s.kind === 'producer' && s.slug === 'htx-det-lua-van-phuc')).toBe(true)
    const products = suggestions.filter((s) => s.kind === 'product')
    expect(products.map((s) => s.slug)).toContain('vai-lua-to-tam-van-phuc')
    expect(products.every((s) => s.kind === 'product' && (s.stars === null || s.stars >= 3))).toBe(true)
    const [request] = requestsSince(start, 'POST', /\/search$/)
    expect(request.body).toMatchObject({
      q: 'lua van ph',
      limit: 6,
      filter: ['visible = true'],
      matchingStrategy: 'all',
    })
    expect(await meili.suggest('  ', 6, today)).toEqual([])
  })
})

describe('writing changes', () => {
  test('sync creates the index with its settings, writes visible products, removes hidden and deleted ones', async () => {
    const { index, name } = makeIndex()
    const db = getDb()
    const silk = await productId('vai-lua-to-tam-van-phuc')
    await index.sync([silk])
    // The fake shows a write only once its task has finished: sync waited for it.
    expect(fake.settings(name)).toEqual(MEILISEARCH_SETTINGS)
    expect(fake.documents(name).map((doc) => doc.id)).toEqual([silk])

    await db.product.update({ where: { id: silk }, data: { status: 'DRAFT' } })
    const start = fake.requests.length
    await index.sync([silk])
    expect(requestsSince(start, 'POST', `/indexes/${name}/documents/delete-batch`).map((r) => r.body)).toEqual([[silk]])
    expect(fake.documents(name)).toEqual([])
    await db.product.update({ where: { id: silk }, data: { status: 'PUBLISHED' } })

    const ceramics = await productId('bo-gom-men-suoi-ngoc')
    await index.sync([silk, ceramics])
    expect(fake.documents(name)).toHaveLength(2)
    await db.product.delete({ where: { id: ceramics } })
    await index.sync([ceramics])
    expect(fake.documents(name).map((doc) => doc.id)).toEqual([silk])
  })

  test('sync throws when Meilisearch fails the task', async () => {
    const { index } = makeIndex()
    const id = await productId('vai-lua-to-tam-van-phuc')
    await index.sync([id])
    fake.failNextTasks(1, 'documentAdditionOrUpdate')
    await expect(index.sync([id])).rejects.toThrow(/documentAdditionOrUpdate.*failed: Injected failure/)
  })

  test('a saved product lands in the outbox in the same transaction; a rollback or a no-op does not', async () => {
    const db = getDb()
    const silk = await productId('vai-lua-to-tam-van-phuc')
    await db.product.update({ where: { id: silk }, data: { priceVnd: 495_000 } })
    expect(await outbox()).toEqual([silk])

    await db.$executeRaw`DELETE FROM "SearchOutbox"`
    await expect(
      db.$transaction(async (tx) => {
        await tx.product.update({ where: { id: silk }, data: { priceVnd: 499_000 } })
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await outbox()).toEqual([])

    // A producer's phone number is not part of any search document.
    await db.producer.update({ where: { slug: 'htx-det-lua-van-phuc' }, data: { phone: '0243 000 000' } })
    expect(await outbox()).toEqual([])
    // Its name is, in each of its products.
    await db.producer.update({ where: { slug: 'htx-det-lua-van-phuc' }, data: { name: 'HTX Lụa Vạn Phúc' } })
    const products = await db.product.count({ where: { producer: { slug: 'htx-det-lua-van-phuc' } } })
    expect((await outbox()).length).toBe(products)
  })

  test('the outbox keeps its rows while Meilisearch is down, and drains them once it is back', async () => {
    const { index, name } = makeIndex()
    const db = getDb()
    const slugs = ['vai-lua-to-tam-van-phuc', 'bo-bat-dia-hoa-sen-do', 'bo-am-chen-chim-en-hoa-sen']
    for (const slug of slugs) await db.product.update({ where: { slug }, data: { stock: { increment: 1 } } })
    expect(await outbox()).toHaveLength(3)

    await fake.down()
    try {
      await expect(drainSearchOutbox(index, 10)).rejects.toThrow()
      expect(await outbox()).toHaveLength(3)
    } finally {
      await fake.up()
    }
    expect(await drainSearchOutbox(index, 10)).toBe(3)
    expect(await outbox()).toEqual([])
    expect(
      fake
        .documents(name)
        .map((doc) => doc.slug)
        .sort(),
    ).toEqual([...slugs].sort())
  })

  test('two drainers at once process every row exactly once', async () => {
    const { index, name } = makeIndex()
    const db = getDb()
    const products = await db.product.findMany({
      where: { status: 'PUBLISHED' },
      select: { id: true },
      orderBy: { slug: 'asc' },
      take: 8,
    })
    for (const { id } of products) await db.product.update({ where: { id }, data: { stock: { increment: 1 } } })
    // Two more rows for products already waiting: a second drainer must not write them meanwhile.
    for (const { id } of products.slice(0, 2))
      await db.product.update({ where: { id }, data: { stock: { increment: 1 } } })
    expect(await outbox()).toHaveLength(10)

    let processed = 0
    for (let round = 0; round < 10; round++) {
      const [a, b] = await Promise.all([drainSearchOutbox(index, 3), drainSearchOutbox(index, 3)])
      processed += a + b
      if (a + b === 0 && (await outbox()).length === 0) break
    }
    expect(processed).toBe(10)
    expect(await outbox()).toEqual([])
    expect(fake.documents(name)).toHaveLength(8)
  })

  test('a rebuild holds the outbox, so a change made meanwhile reaches the new index', async () => {
    const { index, name } = makeIndex()
    const db = getDb()
    const id = await productId('bo-bat-dia-hoa-sen-do')
    await withSearchOutboxPaused(async () => {
      await db.product.update({ where: { id }, data: { nameVi: 'Bộ bát đĩa hoa sen đỏ (mới)' } })
      expect(await drainSearchOutbox(index, 10)).toBe(0)
    })
    expect(await outbox()).toEqual([id])
    expect(await drainSearchOutbox(index, 10)).toBe(1)
    expect(fake.documents(name)[0].nameVi).toBe('Bộ bát đĩa hoa sen đỏ (mới)')
  })
})

describe('the job worker', () => {
  test('writes a committed change to Meilisearch within seconds (NOTIFY), then stops cleanly', async () => {
    const { index, name } = makeIndex()
    const lines: string[] = []
    const url = process.env.DATABASE_URL ?? ''
    const jobs = await startJobs({
      databaseUrl: url,
      concurrency: 1,
      logger: (line) => lines.push(line),
      searchIndex: index,
    })
    try {
      const id = await productId('bo-am-chen-chim-en-hoa-sen')
      await getDb().product.update({ where: { id }, data: { nameVi: 'Bộ ấm chén chim én' } })
      const written = async () =>
        fake.documents(name)[0]?.nameVi === 'Bộ ấm chén chim én' &&
        (await outbox()).length === 0 &&
        lines.some((line) => line.includes('written to meilisearch'))
      const deadline = Date.now() + 15_000
      while (Date.now() < deadline && !(await written())) await new Promise((resolve) => setTimeout(resolve, 50))
      expect(fake.documents(name).map((doc) => doc.nameVi)).toEqual(['Bộ ấm chén chim én'])
      expect(await outbox()).toEqual([])
      expect(lines).toContainEqual(expect.stringContaining('1 product change(s) written to meilisearch'))
    } finally {
      await jobs.stop()
    }
    const locked = await getDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE locked_at IS NOT NULL`
    expect(locked[0].n).toBe(0)
  })

  test('with the PostgreSQL adapter there is nothing to write: the worker discards the rows', async () => {
    const url = process.env.DATABASE_URL ?? ''
    await getDb().product.update({ where: { slug: 'vai-lua-to-tam-van-phuc' }, data: { stock: { increment: 1 } } })
    const jobs = await startJobs({
      databaseUrl: url,
      concurrency: 1,
      logger: () => {},
      searchIndex: createPostgresSearch(),
    })
    try {
      const deadline = Date.now() + 15_000
      while (Date.now() < deadline && (await outbox()).length > 0) await new Promise((r) => setTimeout(r, 100))
      expect(await outbox()).toEqual([])
    } finally {
      await jobs.stop()
    }
  })
})
