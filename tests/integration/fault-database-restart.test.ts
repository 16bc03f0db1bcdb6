/**
 * Issue 8, faults: PostgreSQL stops while the app serves a steady trickle of requests, then starts
 * again on the same port and data folder. During the outage every request that needs the database
 * is answered at once with a 503 that says, in the user's language, that the service is temporarily
 * unavailable (never a bare 500, never a hang, and the process stays up); /healthz says 503. Once
 * PostgreSQL is back the same process recovers by itself: logins, cart changes, the page cache's
 * invalidation (its LISTEN connection reconnects) and background jobs all work again.
 *
 * The cluster is this file's own (embedded, in a temporary folder): the shared test cluster other
 * files use is never stopped.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { disconnectDb, getDb } from '#app/utils/db.server.ts'
import { resetEnvForTests } from '#app/utils/env.server.ts'
import { createTestUser, TEST_PASSWORD } from '#tests/factories/accounts.ts'
import { createTestProducer } from '#tests/factories/orders.ts'
import { freePort, hasBuild, startApp, type AppProcess } from '#tests/support/app-process.ts'
import { seedReferenceData } from '../../prisma/seed/run-seed.ts'
import { migrateDatabase } from '../../server/database.ts'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/embedded-postgres.ts'
import { pollUntil, send, type Answer } from './fault-support.ts'

process.env.SESSION_SECRET = 'fault-database-restart-secret-2026'
resetEnvForTests()

const UNAVAILABLE_VI = 'Dịch vụ tạm thời gián đoạn'
const UNAVAILABLE_EN = 'Service temporarily unavailable'

let folder = ''
let pgPort = 0
let postgres: EmbeddedDatabase | null = null
let app: AppProcess | null = null
/** The request trickle runs while this is true; afterAll ends it even when the test failed half-way. */
let trickling = false

function startPostgres() {
  return startEmbeddedPostgres({ dataDir: path.join(folder, 'postgres'), database: 'ocop', port: pgPort })
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'ocop-fault-db-'))
  // As root the server runs as the `postgres` user, which must be able to reach the folder.
  await chmod(folder, 0o755)
  pgPort = await freePort()
  postgres = await startPostgres()
  await migrateDatabase(postgres.url)
  // From here on this file's Prisma client (factories, checks) talks to its own cluster.
  await disconnectDb()
  process.env.DATABASE_URL = postgres.url
  await seedReferenceData(getDb())
}, 120_000)

afterAll(async () => {
  trickling = false
  await app?.stop('SIGKILL')
  await disconnectDb()
  await postgres?.stop()
  if (folder) await rm(folder, { recursive: true, force: true })
}, 60_000)

type Outcome = { phase: string; what: string; status: number | string }

test.skipIf(!hasBuild())(
  'PostgreSQL restarts under traffic: clear 503s meanwhile, then the same app process recovers by itself',
  async () => {
    const db = getDb()
    // A lower-case address: the factory's random one may hold capitals, which login (lower-casing what is typed) never finds.
    const user = await createTestUser({ name: 'Người mua kiên nhẫn', email: `kien-nhan-${Date.now()}@example.com` })
    const producer = await createTestProducer({
      products: [
        { stock: 500, nameVi: 'Chè Shan tuyết trước sự cố' },
        { stock: 500, nameVi: 'Trà sen Tây Hồ' },
      ],
    })
    const second = producer.products[1]!
    const product = await db.product.findUniqueOrThrow({
      where: { id: producer.products[0]!.id },
      select: { id: true, slug: true },
    })

    app = await startApp({ DATABASE_URL: postgres!.url })
    const base = app.base
    const running = app

    const addToCart = (cookie: string) =>
      send(`${base}/cart`, { cookie, form: { intent: 'add', productId: product.id, quantity: '1' } }, 15_000)

    // A steady trickle through all of it: anonymous pages, a signed-in page, a POST, an API, health.
    const outcomes: Outcome[] = []
    let phase = 'before'
    trickling = true
    const trickle = (async () => {
      let round = 0
      while (trickling) {
        round++
        const requests: [string, () => Promise<Answer>][] = [
          ['home', () => send(`${base}/`, {}, 15_000)],
          ['listing', () => send(`${base}/products?page=${(round % 3) + 1}`, {}, 15_000)],
          ['account', () => send(`${base}/account`, { cookie: user.cookie }, 15_000)],
          ['cart add', () => addToCart(user.cookie)],
          ['api cart', () => send(`${base}/api/cart`, { cookie: user.cookie }, 15_000)],
          ['healthz', () => send(`${base}/healthz`, {}, 15_000)],
        ]
        await Promise.all(
          requests.map(async ([what, request]) => {
            const sentIn = phase
            const status = await request().then(
              (answer) => answer.status,
              (error: unknown) => String(error),
            )
            // A request that spans two phases (sent just before the stop) is labelled with both.
            outcomes.push({ phase: sentIn === phase ? sentIn : `${sentIn}→${phase}`, what, status })
          }),
        )
        await new Promise((r) => setTimeout(r, 150))
      }
    })()

    // ── Before: all is well ──
    expect((await send(`${base}/account`, { cookie: user.cookie })).status).toBe(200)
    expect((await addToCart(user.cookie)).status).toBe(302)
    await new Promise((r) => setTimeout(r, 500))

    // ── PostgreSQL goes away ──
    phase = 'outage'
    await postgres!.stop()
    postgres = null

    const health = await send(`${base}/healthz`, {}, 15_000)
    expect(health.status).toBe(503)

    const page = await send(`${base}/account`, { cookie: user.cookie }, 15_000)
    expect(page.status).toBe(503)
    expect(page.headers['retry-after']).toMatch(/^\d+$/)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.body).toContain(UNAVAILABLE_VI)

    const english = await send(`${base}/en/products?q=outage`, {}, 15_000)
    expect(english.status).toBe(503)
    expect(english.body).toContain(UNAVAILABLE_EN)

    const post = await addToCart(user.cookie)
    expect(post.status).toBe(503)
    expect(post.body).toContain(UNAVAILABLE_VI)

    const api = await send(`${base}/api/cart`, { cookie: user.cookie }, 15_000)
    expect(api.status).toBe(503)
    expect(api.headers['content-type']).toContain('application/json')
    expect(JSON.parse(api.body)).toMatchObject({ status: 'unavailable', title: UNAVAILABLE_VI })

    const login = await send(
      `${base}/account/login`,
      { form: { email: user.email, password: TEST_PASSWORD, redirectTo: '/account' } },
      15_000,
    )
    expect(login.status).toBe(503)

    // A few more rounds of the trickle while it is down.
    await new Promise((r) => setTimeout(r, 1_500))
    expect(running.child.exitCode).toBeNull()

    // ── PostgreSQL comes back on the same port and data; the app is not restarted ──
    phase = 'restarting'
    postgres = await startPostgres()
    await pollUntil(
      'the signed-in page answers again',
      async () => ((await send(`${base}/account`, { cookie: user.cookie }, 15_000)).status === 200 ? true : undefined),
      { timeoutMs: 30_000 },
    )
    phase = 'after'
    expect((await send(`${base}/healthz`)).status).toBe(200)

    // A login.
    const loggedIn = await send(`${base}/account/login`, {
      form: { email: user.email, password: TEST_PASSWORD, redirectTo: '/account' },
    })
    expect(loggedIn.status).toBe(302)
    const session = loggedIn.cookies.find((c) => c.startsWith('__session='))
    expect(session).toBeDefined()
    expect((await send(`${base}/account`, { cookie: session })).status).toBe(200)

    // A cart change (another product than the trickle's), written to the database.
    const added = await send(`${base}/cart`, {
      cookie: session,
      form: { intent: 'add', productId: second.id, quantity: '2' },
    })
    expect(added.status).toBe(302)
    const line = await db.cartLine.findFirst({ where: { cart: { userId: user.id }, productId: second.id } })
    expect(line?.quantity).toBe(2)

    // The page cache is invalidated by a catalogue change again: its LISTEN connection came back.
    const productPage = `${base}/products/${product.slug}`
    await pollUntil('the product page is cached', async () =>
      (await send(productPage)).headers['x-page-cache'] === 'hit' ? true : undefined,
    )
    await db.product.update({ where: { id: product.id }, data: { nameVi: 'Chè Shan tuyết sau sự cố' } })
    await pollUntil('the cached product page shows the edit', async () =>
      (await send(productPage)).body.includes('Chè Shan tuyết sau sự cố') ? true : undefined,
    )

    // Background jobs run again: the edit's search-outbox row is taken by the search-sync job.
    await pollUntil('the search-sync job drains the outbox', async () =>
      (await db.searchOutbox.count()) === 0 ? true : undefined,
    )

    trickling = false
    await trickle
    expect(running.child.exitCode).toBeNull()
    const unexpected = outcomes.filter((o) => {
      if (typeof o.status === 'string') return true // the app never stopped answering
      if (o.status >= 500 && o.status !== 503) return true
      if (o.phase === 'before' || o.phase === 'after') return o.status >= 400
      if (o.phase === 'outage') {
        // Anonymous pages may still come from the page cache; everything else is refused clearly.
        const cacheable = o.what === 'home' || o.what === 'listing'
        return !(o.status === 503 || (cacheable && o.status === 200))
      }
      return false
    })
    expect(unexpected).toEqual([])
    // Nothing escaped as an unhandled error in the app process.
    expect(running.output()).not.toMatch(/unhandled|uncaught/i)
    const count = (p: string, s: number) => outcomes.filter((o) => o.phase === p && o.status === s).length
    console.info(
      `[fault-database-restart] ${outcomes.length} trickle requests: before ${count('before', 200) + count('before', 302)} ok; ` +
        `outage ${count('outage', 503)}×503, ${count('outage', 200)}×200 (page cache); ` +
        `restarting ${count('restarting', 503)}×503; after ${count('after', 200) + count('after', 302)} ok`,
    )
  },
  120_000,
)
