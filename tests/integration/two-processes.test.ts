/**
 * Two production app processes against ONE database, as two servers behind a load balancer would
 * be (docs/deploy.md): each with its own connection pool, page cache, catalogue cache and
 * graphile-worker runner, sharing only PostgreSQL and the session secret. Every step goes over
 * real HTTP through the forms a browser without JavaScript submits (tests/support/shop-client.ts),
 * switching process between steps the way a load balancer may.
 *
 * Shown: a session made on one process works on the other and dies everywhere at log-out; a cart
 * follows its shopper between processes and merges at log-in; a producer's edit on one process
 * reaches the other's cached product page, listing and search; buyers racing for the last units
 * through both processes get exactly that many orders. Then, with both processes on a shared
 * Meilisearch (the fake), the edit reaches the index once although two workers run.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { faker } from '@faker-js/faker'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { pick, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { createMeilisearchSearch } from '#app/modules/search/meilisearch-search.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatVnd } from '#app/utils/money.ts'
import { createTestUser, TEST_PASSWORD } from '#tests/factories/accounts.ts'
import { createTestProducer, TEST_COMMUNE } from '#tests/factories/orders.ts'
import { startMeilisearchFake, type MeilisearchFake } from '#tests/fakes/meilisearch-fake.ts'
import { hasBuild, startApp, type AppProcess } from '#tests/support/app-process.ts'
import { ShopClient, textOf, type Page } from '#tests/support/shop-client.ts'

const SESSION_SECRET = 'two-processes-shared-secret-2026'

let dataDir = ''

/** A price as the page's text shows it (textOf turns the no-break space into a space). */
const price = (vnd: number) => formatVnd(vnd).replace(/\s/g, ' ')

/**
 * Two app processes on the test file's database, sharing a data directory, started together as a
 * fleet behind a load balancer would be (if the build is stale, one builds and the other waits for
 * it: server/start.ts).
 */
async function startPair(env: Record<string, string> = {}): Promise<[AppProcess, AppProcess]> {
  const shared = { DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET, DATA_DIR: dataDir, ...env }
  const [a, b] = await Promise.allSettled([startApp(shared), startApp(shared)])
  if (a.status === 'fulfilled' && b.status === 'fulfilled') return [a.value, b.value]
  for (const started of [a, b]) if (started.status === 'fulfilled') await started.value.stop()
  throw a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason
}

async function stopPair(pair: AppProcess[]) {
  const codes = await Promise.all(pair.map((p) => p.stop()))
  for (const [i, code] of codes.entries()) {
    if (code !== 0) throw new Error(`app process ${i} exited with ${code}:\n${pair[i]!.output()}`)
  }
}

/** Asks until `done` holds (at most `timeoutMs`); returns the last answer either way. */
async function until<T>(ask: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await ask()
    if (done(value) || Date.now() > deadline) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** An anonymous visitor's GET, asked again until the process serves it from its page cache. */
async function warmPageCache(base: string, pathname: string): Promise<Page> {
  const visitor = new ShopClient()
  return until(
    () => visitor.get(base, pathname),
    (page) => page.headers.get('X-Page-Cache') === 'hit',
    5_000,
  )
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ocop-two-processes-'))
})

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

/**
 * A user who can log in through the form: the factory's random e-mails may hold capital letters,
 * which log-in (normalising to lower case) would not find.
 */
function loginUser(options: Parameters<typeof createTestUser>[0] = {}) {
  return createTestUser({ email: `${faker.string.alpha({ length: 12, casing: 'lower' })}@example.com`, ...options })
}

/** A seller (owner of a verified test producer) with a product whose name carries a unique word. */
async function sellerWithProduct() {
  const oldWord = faker.string.alpha({ length: 10, casing: 'lower' })
  const producer = await createTestProducer({
    products: [{ priceVnd: 100_000, stock: 40, nameVi: `Chè búp ${oldWord}` }],
  })
  const product = producer.products[0]!
  const { slug } = await getDb().product.findUniqueOrThrow({ where: { id: product.id }, select: { slug: true } })
  const seller = await loginUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: producer.id }] })
  return { producer, product: { ...product, slug }, seller, oldWord }
}

describe.skipIf(!hasBuild())('two app processes on one PostgreSQL (PostgreSQL search)', () => {
  let a: AppProcess
  let b: AppProcess

  beforeAll(async () => {
    ;[a, b] = await startPair()
  }, 120_000)

  afterAll(async () => {
    if (a && b) await stopPair([a, b])
  }, 60_000)

  test('sessions: logged in on A, known on B; logged out on B, the cookie is dead on A', async () => {
    const user = await loginUser({ name: 'Trần Thị Hai Nơi' })
    const browser = new ShopClient()

    const login = await browser.logIn(a.base, user.email, TEST_PASSWORD)
    expect(login.status).toBe(302)
    expect(login.location).toBe('/')
    expect(browser.cookie('__session')).toBeDefined()

    const accountOnB = await browser.get(b.base, '/account')
    expect(accountOnB.status).toBe(200)
    expect(textOf(accountOnB.body)).toContain(user.email)
    expect(textOf(accountOnB.body)).toContain('Trần Thị Hai Nơi')

    // The same cookie, kept by someone else (another tab, a copied cookie) before the log-out.
    const remembered = browser.clone()
    const logout = await browser.logOut(b.base)
    expect(logout.status).toBe(302)
    expect(browser.cookie('__session')).toBeUndefined()

    for (const base of [a.base, b.base]) {
      const account = await remembered.get(base, '/account')
      expect(account.status).toBe(302)
      expect(account.location).toBe('/account/login?redirectTo=%2Faccount')
    }
    // Only the session the factory made is left: the log-out deleted the row, not just the cookie.
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(1)
  })

  test('carts: a guest cart follows its shopper between processes and merges at log-in', async () => {
    const shop = await createTestProducer({ products: [{ stock: 30 }, { stock: 30 }] })
    const [p1, p2] = shop.products as [(typeof shop.products)[0], (typeof shop.products)[0]]
    const user = await loginUser()
    const browser = new ShopClient()

    // Logged in (on B), the account's own cart gets 2 of p1; then the shopper logs out (on A).
    expect((await browser.logIn(b.base, user.email, TEST_PASSWORD)).status).toBe(302)
    expect((await browser.addToCart(a.base, p1.id, 2)).location).toBe('/cart')
    expect(await browser.cartCount(b.base)).toBe(2)
    expect((await browser.logOut(a.base)).status).toBe(302)
    expect(await browser.cartCount(a.base)).toBe(0)

    // As a guest: p1 on A (the guest cart and its cookie are made there), p2 on B, then p2 set to 3 on B.
    const addOnA = await browser.addToCart(a.base, p1.id, 1)
    expect(addOnA.status).toBe(302)
    expect(browser.cookie('__cart')).toBeDefined()
    expect(await browser.cartCount(b.base)).toBe(1)
    expect((await browser.addToCart(b.base, p2.id, 1)).status).toBe(302)
    expect((await browser.setCartQuantity(b.base, p2.id, 3)).location).toBe('/cart')
    expect(await browser.cartCount(a.base)).toBe(4)
    const guestCartOnA = textOf((await browser.get(a.base, '/cart')).body)
    expect(guestCartOnA).toContain('Sản phẩm thử 1')
    expect(guestCartOnA).toContain('Sản phẩm thử 2')

    // Logging in (on B) moves the guest lines into the account's cart: p1 2 + 1, p2 3.
    const login = await browser.logIn(b.base, user.email, TEST_PASSWORD)
    expect(login.status).toBe(302)
    expect(browser.cookie('__cart')).toBeUndefined()
    expect(await browser.cartCount(a.base)).toBe(6)
    const lines = await getDb().cartLine.findMany({
      where: { cart: { userId: user.id } },
      select: { productId: true, quantity: true },
    })
    expect(Object.fromEntries(lines.map((l) => [l.productId, l.quantity]))).toEqual({ [p1.id]: 3, [p2.id]: 3 })
    expect(await getDb().cart.count({ where: { userId: null, lines: { some: { productId: p2.id } } } })).toBe(0)

    // A change on A is what B shows next.
    expect((await browser.setCartQuantity(a.base, p1.id, 1)).status).toBe(302)
    expect(await browser.cartCount(b.base)).toBe(1 + 3)
  })

  test("catalogue edits: a producer's save on A reaches B's cached product page, listing and search", async () => {
    const { product, seller, oldWord } = await sellerWithProduct()
    const productPath = `/products/${product.slug}`
    const listingPath = '/products?sort=newest'
    const searchOld = `/products?q=${oldWord}`

    // B serves all three from its page cache, with the old name and price.
    for (const pathname of [productPath, listingPath, searchOld]) {
      const page = await warmPageCache(b.base, pathname)
      expect(page.headers.get('X-Page-Cache'), pathname).toBe('hit')
      expect(textOf(page.body), pathname).toContain(`Chè búp ${oldWord}`)
    }
    expect(textOf((await warmPageCache(b.base, productPath)).body)).toContain(price(100_000))

    // The producer logs in and saves the listing on A, through the seller editor.
    const producerBrowser = new ShopClient()
    expect((await producerBrowser.logIn(a.base, seller.email, TEST_PASSWORD)).status).toBe(302)
    const newWord = faker.string.alpha({ length: 10, casing: 'lower' })
    const saved = await producerBrowser.editListing(a.base, product.id, {
      nameVi: `Chè Tân Cương ${newWord}`,
      priceVnd: '123.000',
    })
    expect(saved.status, textOf(saved.body).slice(0, 500)).toBe(302)
    expect(saved.location).toBe(`/seller/listings/${product.id}`)

    // B: no request reached A's process; the NOTIFY catalog_changed did.
    const visitor = new ShopClient()
    const productOnB = await until(
      () => visitor.get(b.base, productPath),
      (page) => textOf(page.body).includes(`Chè Tân Cương ${newWord}`),
    )
    expect(textOf(productOnB.body)).toContain(`Chè Tân Cương ${newWord}`)
    expect(textOf(productOnB.body)).toContain(price(123_000))
    expect(textOf(productOnB.body)).not.toContain(oldWord)

    const listingOnB = textOf((await visitor.get(b.base, listingPath)).body)
    expect(listingOnB).toContain(`Chè Tân Cương ${newWord}`)
    expect(listingOnB).not.toContain(oldWord)

    const searchNew = textOf((await visitor.get(b.base, `/products?q=${newWord}`)).body)
    expect(searchNew).toContain(`Chè Tân Cương ${newWord}`)
    expect(searchNew).toContain(price(123_000))
    expect(textOf((await visitor.get(b.base, searchOld)).body)).not.toContain(`Chè búp ${oldWord}`)

    // The cart on B prices the product at the new price too.
    const shopper = new ShopClient()
    expect((await shopper.addToCart(b.base, product.id, 1)).status).toBe(302)
    expect(textOf((await shopper.get(a.base, '/cart')).body)).toContain(price(123_000))
  })

  test('orders: 20 buyers through both processes for the last 5 units get exactly 5 orders', async () => {
    const UNITS = 5
    const BUYERS = 20
    const shop = await createTestProducer({ products: [{ stock: UNITS, nameVi: 'Mật ong bạc hà Đồng Văn' }] })
    const product = shop.products[0]!
    const buyers = Array.from({ length: BUYERS }, (_, i) => ({
      browser: new ShopClient(),
      locale: (i % 4 < 2 ? 'vi' : 'en') as Locale,
      // The cart is filled on one process and checked out on the other.
      cartOn: i % 2 === 0 ? a : b,
      checkoutOn: i % 2 === 0 ? b : a,
    }))
    for (const buyer of buyers) {
      const added = await buyer.browser.addToCart(buyer.cartOn.base, product.id, 1, buyer.locale)
      expect(added.status).toBe(302)
    }

    // All twenty at once, ten on each process: both processes' transactions compete for the same row.
    const outcomes = await Promise.all(
      buyers.map((buyer, i) =>
        buyer.browser.checkout(
          buyer.checkoutOn.base,
          {
            name: `Người mua ${i + 1}`,
            phone: '0912345678',
            provinceCode: TEST_COMMUNE.provinceCode,
            communeCode: TEST_COMMUNE.code,
            street: `Số ${i + 1} phố Thử`,
          },
          buyer.locale,
        ),
      ),
    )

    const placed = outcomes.flatMap((page, i) => {
      const number = /\/orders\/([^/?]+)$/.exec(page.location ?? '')?.[1]
      return page.status === 302 && number ? [{ buyer: buyers[i]!, number }] : []
    })
    const refused = outcomes.flatMap((page, i) => (page.status === 409 ? [{ buyer: buyers[i]!, page }] : []))
    expect(placed).toHaveLength(UNITS)
    expect(refused).toHaveLength(BUYERS - UNITS)
    expect(new Set(placed.map((p) => p.number)).size).toBe(UNITS)
    for (const { buyer, page } of refused) {
      const t = messagesFor(buyer.locale).checkout.errors
      const name = pick(buyer.locale, 'Mật ong bạc hà Đồng Văn', 'Test product 1')
      expect(textOf(page.body)).toContain(t.soldOut(t.soldOutItem(name, 1, 0)))
      // Nothing was taken from them: the line is still in the cart, on either process.
      expect(await buyer.browser.cartCount(buyer.cartOn.base)).toBe(1)
    }

    const db = getDb()
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0)
    const sold = await db.orderLine.aggregate({ where: { productId: product.id }, _sum: { quantity: true } })
    expect(sold._sum.quantity).toBe(UNITS)
    expect(await db.order.count({ where: { lines: { some: { productId: product.id } } } })).toBe(UNITS)

    // Each winner sees their order on both processes (the order cookie is signed with the shared secret).
    for (const { buyer, number } of placed) {
      for (const app of [a, b]) {
        const page = await buyer.browser.get(app.base, `${buyer.locale === 'en' ? '/en' : ''}/orders/${number}`)
        expect(page.status).toBe(200)
        const text = textOf(page.body)
        expect(text).toContain(number)
        expect(text).toContain(pick(buyer.locale, 'Mật ong bạc hà Đồng Văn', 'Test product 1'))
      }
      expect(await buyer.browser.cartCount(buyer.checkoutOn.base)).toBe(0)
    }
  })
})

describe.skipIf(!hasBuild())('two app processes sharing Meilisearch (the fake)', () => {
  let fake: MeilisearchFake
  let a: AppProcess
  let b: AppProcess
  let fixture: Awaited<ReturnType<typeof sellerWithProduct>>

  /** The outbox is empty and no search-sync job is queued or running: every change has been handled. */
  async function searchSyncIdle(): Promise<boolean> {
    const [row] = await getDb().$queryRaw<{ outbox: number; jobs: number }[]>`
      SELECT (SELECT count(*)::int FROM "SearchOutbox") AS outbox,
             (SELECT count(*)::int FROM graphile_worker.jobs WHERE task_identifier = 'search-sync') AS jobs`
    return row!.outbox === 0 && row!.jobs === 0
  }

  /** The document writes the index received for a product (documents posted to the live index). */
  function writesOf(productId: string) {
    return fake.requests.flatMap((r) =>
      r.method === 'POST' && r.path === '/indexes/products/documents' && Array.isArray(r.body)
        ? (r.body as { id: string; nameVi: string; priceVnd: number }[]).filter((d) => d.id === productId)
        : [],
    )
  }

  beforeAll(async () => {
    fake = await startMeilisearchFake()
    fixture = await sellerWithProduct()
    // `npm run search:reindex`, once, before the processes start (docs/deploy.md).
    const { documents } = await createMeilisearchSearch({
      host: fake.url,
      apiKey: fake.apiKey,
      indexName: 'products',
    }).reindex()
    expect(documents).toBeGreaterThan(60)
    ;[a, b] = await startPair({ MEILI_HOST: fake.url, MEILI_API_KEY: fake.apiKey })
  }, 120_000)

  afterAll(async () => {
    if (a && b) await stopPair([a, b])
    await fake?.close()
  }, 60_000)

  test('an edit on A is written to the index once, though both processes run workers, and B finds it', async () => {
    const { product, seller, oldWord } = fixture
    for (const app of [a, b]) expect(app.output()).toContain('jobs: worker running')
    // Changes left in the outbox from before (this file's earlier edits and orders) are drained first.
    expect(await until(searchSyncIdle, (idle) => idle)).toBe(true)

    const visitor = new ShopClient()
    const before = await warmPageCache(b.base, `/products?q=${oldWord}`)
    expect(textOf(before.body)).toContain(`Chè búp ${oldWord}`)
    const writesBefore = writesOf(product.id).length

    const producerBrowser = new ShopClient()
    expect((await producerBrowser.logIn(a.base, seller.email, TEST_PASSWORD)).status).toBe(302)
    const newWord = faker.string.alpha({ length: 10, casing: 'lower' })
    const saved = await producerBrowser.editListing(a.base, product.id, {
      nameVi: `Chè Tân Cương ${newWord}`,
      priceVnd: '98.000',
    })
    expect(saved.status).toBe(302)

    const written = await until(
      async () => writesOf(product.id).slice(writesBefore),
      (docs) => docs.some((d) => d.nameVi === `Chè Tân Cương ${newWord}`),
    )
    expect(written.map((d) => [d.nameVi, d.priceVnd])).toContainEqual([`Chè Tân Cương ${newWord}`, 98_000])
    // Settled: nothing left to send, and the change was sent exactly once.
    expect(await until(searchSyncIdle, (idle) => idle)).toBe(true)
    expect(writesOf(product.id).slice(writesBefore)).toEqual([
      expect.objectContaining({ id: product.id, nameVi: `Chè Tân Cương ${newWord}`, priceVnd: 98_000 }),
    ])
    expect(fake.documents('products').find((d) => d.id === product.id)).toMatchObject({
      nameVi: `Chè Tân Cương ${newWord}`,
      priceVnd: 98_000,
    })

    // B's search (on Meilisearch now) finds the new name; its cached page of the old one is gone.
    const found = await until(
      () => visitor.get(b.base, `/products?q=${newWord}`),
      (page) => textOf(page.body).includes(`Chè Tân Cương ${newWord}`),
    )
    expect(textOf(found.body)).toContain(price(98_000))
    const old = await until(
      () => visitor.get(b.base, `/products?q=${oldWord}`),
      (page) => !textOf(page.body).includes(`Chè búp ${oldWord}`),
    )
    expect(textOf(old.body)).not.toContain(`Chè búp ${oldWord}`)
  })
})
