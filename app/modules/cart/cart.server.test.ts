/** The cart module against the seeded database: guests by cookie, users by session. */
import { describe, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser } from '#tests/factories/accounts.ts'
import { MAX_QUANTITY } from './cart-forms.ts'
import {
  addToCart,
  CART_COOKIE_NAME,
  clearLines,
  countCartItems,
  getCartId,
  GUEST_CART_MAX_IDLE_DAYS,
  mergeGuestCart,
  pruneGuestCarts,
  readCart,
  removeLine,
  setQuantity,
  type CartChange,
} from './cart.server.ts'

async function productId(slug: string): Promise<string> {
  return (await getDb().product.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id
}

/** A published product of a verified producer with plenty of stock, made for one test. */
async function freshProduct(overrides: { stock?: number; priceVnd?: number } = {}): Promise<string> {
  const base = await getDb().product.findUniqueOrThrow({
    where: { slug: 'mat-ong-hoa-nhan-tuan-minh' },
    select: { producerId: true, groupCode: true, subgroupCode: true },
  })
  const n = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  const product = await getDb().product.create({
    data: {
      ...base,
      sku: `CART-${n}`,
      slug: `mat-ong-thu-gio-hang-${n}`,
      nameVi: `Mật ong thử giỏ hàng ${n}`,
      nameEn: `Cart test honey ${n}`,
      priceVnd: overrides.priceVnd ?? 200_000,
      unitVi: 'chai 500 ml',
      unitEn: '500 ml bottle',
      weightGrams: 700,
      stock: overrides.stock ?? 5_000,
      status: 'PUBLISHED',
      publishedAt: new Date(),
    },
    select: { id: true },
  })
  return product.id
}

/** The Cookie header a browser would send back after this change. */
function cookieOf(change: CartChange): string {
  if (!change.ok || !change.setCookie) throw new Error(`no cart cookie in ${JSON.stringify(change)}`)
  return change.setCookie.split(';')[0]!
}

function guest(cookie?: string): Request {
  return appRequest('/cart', { cookie })
}

async function linesOf(cartId: string | null) {
  if (!cartId) return []
  return getDb().cartLine.findMany({
    where: { cartId },
    orderBy: { createdAt: 'asc' },
    select: { productId: true, quantity: true, seenPriceVnd: true },
  })
}

function expectError(change: CartChange, code: string) {
  expect(change.ok).toBe(false)
  if (!change.ok) expect(change.error.code).toBe(code)
}

describe('a guest cart', () => {
  test('is created on the first add, with one signed HttpOnly cookie, and reused afterwards', async () => {
    const honey = await freshProduct()
    const cartsBefore = await getDb().cart.count()
    const first = await addToCart(guest(), honey, 2)
    expect(first).toMatchObject({ ok: true, quantity: 2, capped: false })
    const setCookie = first.ok ? first.setCookie : null
    expect(setCookie).toMatch(new RegExp(`^${CART_COOKIE_NAME}=`))
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toMatch(/Max-Age=2592000/)
    const cookie = cookieOf(first)

    const second = await addToCart(guest(cookie), honey, 3)
    expect(second).toMatchObject({ ok: true, quantity: 5, setCookie: null })
    expect(await getDb().cart.count()).toBe(cartsBefore + 1)

    const cartId = await getCartId(guest(cookie))
    const cart = await getDb().cart.findUniqueOrThrow({ where: { id: cartId! }, select: { userId: true } })
    expect(cart.userId).toBeNull()
    expect(await countCartItems(guest(cookie))).toBe(5)
  })

  test('a forged or tampered cookie opens no cart', async () => {
    const honey = await freshProduct()
    const cookie = cookieOf(await addToCart(guest(), honey, 1))
    const cartId = await getCartId(guest(cookie))
    expect(await getCartId(guest(`${CART_COOKIE_NAME}=${encodeURIComponent(JSON.stringify(cartId))}`))).toBeNull()
    expect(await getCartId(guest(cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))))).toBeNull()
  })

  test('quantities can be set, set to 0 (removed) and lines removed', async () => {
    const [honey, other] = [await freshProduct(), await freshProduct()]
    const cookie = cookieOf(await addToCart(guest(), honey, 1))
    await addToCart(guest(cookie), other, 4)
    const cartId = await getCartId(guest(cookie))

    expect(await setQuantity(guest(cookie), honey, 7)).toMatchObject({ ok: true, quantity: 7 })
    expect((await linesOf(cartId)).map((l) => [l.productId, l.quantity])).toEqual([
      [honey, 7],
      [other, 4],
    ])
    expect(await setQuantity(guest(cookie), other, 0)).toMatchObject({ ok: true, quantity: 0 })
    expect((await linesOf(cartId)).map((l) => l.productId)).toEqual([honey])
    expect(await removeLine(guest(cookie), honey)).toMatchObject({ ok: true })
    expect(await linesOf(cartId)).toEqual([])
    expectError(await removeLine(guest(cookie), honey), 'not-in-cart')
    expectError(await setQuantity(guest(cookie), honey, 2), 'not-in-cart')
  })

  test('adding a product again grows its line up to 999, and says so', async () => {
    const honey = await freshProduct({ stock: 5_000 })
    const cookie = cookieOf(await addToCart(guest(), honey, 998))
    const capped = await addToCart(guest(cookie), honey, 5)
    expect(capped).toMatchObject({ ok: true, quantity: MAX_QUANTITY, capped: true })
    expect((await linesOf(await getCartId(guest(cookie))))[0]?.quantity).toBe(MAX_QUANTITY)
  })
})

describe('what may be added', () => {
  test('drafts, archived products, unknown ids and products of unverified producers are refused; nothing is stored', async () => {
    const draft = await productId('gao-nang-huong-giang-thanh')
    const archived = await productId('nam-so-kms-minh-phu')
    // A published product whose producer the office has since suspended.
    const suspendedProducer = await getDb().producer.findUniqueOrThrow({
      where: { slug: 'banh-trang-tan-nhien' },
      select: { id: true },
    })
    await getDb().producer.update({ where: { id: suspendedProducer.id }, data: { status: 'SUSPENDED' } })
    const ofSuspended = await productId('banh-trang-sieu-mong-tan-nhien')
    const user = await createTestUser()
    const cartsBefore = await getDb().cart.count()
    const linesBefore = await getDb().cartLine.count()
    for (const id of [draft, archived, ofSuspended, 'no-such-product', '']) {
      expectError(await addToCart(guest(), id, 1), 'unavailable')
      expectError(await addToCart(appRequest('/cart', { cookie: user.cookie }), id, 1), 'unavailable')
    }
    expect(await getDb().cart.count()).toBe(cartsBefore)
    expect(await getDb().cartLine.count()).toBe(linesBefore)
  })

  test('tampered quantities are refused and change nothing', async () => {
    const honey = await freshProduct()
    const cookie = cookieOf(await addToCart(guest(), honey, 2))
    const cartId = await getCartId(guest(cookie))
    for (const quantity of [0, -1, 1.5, 1_000, 1e12, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectError(await addToCart(guest(cookie), honey, quantity), 'invalid-quantity')
    }
    for (const quantity of [-1, 2.5, 1_000, Number.NaN]) {
      expectError(await setQuantity(guest(cookie), honey, quantity), 'invalid-quantity')
    }
    expect(await linesOf(cartId)).toEqual([{ productId: honey, quantity: 2, seenPriceVnd: 200_000 }])
  })

  test('a sold-out product, or more than the stock left, is refused', async () => {
    const scarf = await productId('khan-lua-to-sen-phung-xa') // stock 0 in the seed
    expectError(await addToCart(guest(), scarf, 1), 'sold-out')
    const few = await freshProduct({ stock: 3 })
    const cookie = cookieOf(await addToCart(guest(), few, 2))
    const refused = await addToCart(guest(cookie), few, 2)
    expect(refused).toEqual({ ok: false, error: { code: 'not-enough-stock', stock: 3, inCart: 2 } })
    expectError(await setQuantity(guest(cookie), few, 4), 'not-enough-stock')
    expect((await linesOf(await getCartId(guest(cookie))))[0]?.quantity).toBe(2)
  })

  test('a line whose product was withdrawn can only be removed', async () => {
    const honey = await freshProduct()
    const cookie = cookieOf(await addToCart(guest(), honey, 2))
    await getDb().product.update({ where: { id: honey }, data: { status: 'ARCHIVED' } })
    expectError(await setQuantity(guest(cookie), honey, 1), 'unavailable')
    expect(await removeLine(guest(cookie), honey)).toMatchObject({ ok: true })
  })

  test('a line above the stock left may be lowered, not raised', async () => {
    const honey = await freshProduct({ stock: 10 })
    const cookie = cookieOf(await addToCart(guest(), honey, 8))
    await getDb().product.update({ where: { id: honey }, data: { stock: 4 } })
    expectError(await setQuantity(guest(cookie), honey, 9), 'not-enough-stock')
    expect(await setQuantity(guest(cookie), honey, 6)).toMatchObject({ ok: true, quantity: 6 })
  })
})

describe('reading the cart', () => {
  test('flags a price changed since it was added, until it is added again', async () => {
    const honey = await freshProduct({ priceVnd: 200_000 })
    const cookie = cookieOf(await addToCart(guest(), honey, 1))
    await getDb().product.update({ where: { id: honey }, data: { priceVnd: 230_000 } })
    const { priced } = await readCart(guest(cookie))
    const line = priced.groups[0]!.lines[0]!
    expect(line).toMatchObject({ priceVnd: 230_000, seenPriceVnd: 200_000, problems: ['price-changed'] })
    expect(priced.subtotalVnd).toBe(230_000)

    await addToCart(guest(cookie), honey, 1)
    const again = (await readCart(guest(cookie))).priced.groups[0]!.lines[0]!
    expect(again).toMatchObject({ quantity: 2, seenPriceVnd: 230_000, problems: [] })
  })

  test('flags a product sold out or short of stock since it was added', async () => {
    const [soldOut, short] = [await freshProduct({ stock: 10 }), await freshProduct({ stock: 10 })]
    const cookie = cookieOf(await addToCart(guest(), soldOut, 2))
    await addToCart(guest(cookie), short, 5)
    await getDb().product.update({ where: { id: soldOut }, data: { stock: 0 } })
    await getDb().product.update({ where: { id: short }, data: { stock: 3 } })
    const { priced } = await readCart(guest(cookie))
    const problems = new Map(priced.groups.flatMap((g) => g.lines).map((l) => [l.productId, l.problems]))
    expect(problems.get(soldOut)).toEqual(['sold-out'])
    expect(problems.get(short)).toEqual(['not-enough-stock'])
    expect(priced.hasProblems).toBe(true)
  })

  test('a visit without a cart reads an empty cart and creates none', async () => {
    const cartsBefore = await getDb().cart.count()
    const { cartId, priced } = await readCart(guest())
    expect(cartId).toBeNull()
    expect(priced).toMatchObject({ groups: [], itemCount: 0, totalVnd: 0, hasProblems: false })
    expect(await countCartItems(guest())).toBe(0)
    expect(await getDb().cart.count()).toBe(cartsBefore)
  })
})

describe("a user's cart", () => {
  test('belongs to the session: another user, or a guest cookie naming it, reads nothing', async () => {
    const honey = await freshProduct()
    const [owner, stranger] = await Promise.all([createTestUser(), createTestUser()])
    const added = await addToCart(appRequest('/cart', { cookie: owner.cookie }), honey, 2)
    expect(added).toMatchObject({ ok: true, setCookie: null })
    const ownerCartId = await getCartId(appRequest('/cart', { cookie: owner.cookie }))
    const cart = await getDb().cart.findUniqueOrThrow({ where: { id: ownerCartId! }, select: { userId: true } })
    expect(cart.userId).toBe(owner.id)

    const theirs = await readCart(appRequest('/cart', { cookie: stranger.cookie }))
    expect(theirs.cartId).toBeNull()
    expect(theirs.priced.groups).toEqual([])
    expectError(await removeLine(appRequest('/cart', { cookie: stranger.cookie }), honey), 'not-in-cart')

    // Even a correctly signed guest cookie carrying the user's cart id opens nothing.
    const { createCookie } = await import('@remix-run/node')
    const { getEnv } = await import('#app/utils/env.server.ts')
    const forged = await createCookie(CART_COOKIE_NAME, { secrets: getEnv().SESSION_SECRET.split(',') }).serialize(
      ownerCartId,
    )
    expect(await getCartId(guest(forged.split(';')[0]))).toBeNull()
    expect(await linesOf(ownerCartId)).toHaveLength(1)
  })
})

test('adds arriving together (a double click, two tabs) all count, in one cart', async () => {
  const honey = await freshProduct()
  const user = await createTestUser()
  const results = await Promise.all(
    Array.from({ length: 6 }, () => addToCart(appRequest('/cart', { cookie: user.cookie }), honey, 1)),
  )
  expect(results.every((r) => r.ok)).toBe(true)
  expect(await getDb().cart.count({ where: { userId: user.id } })).toBe(1)
  expect(await countCartItems(appRequest('/cart', { cookie: user.cookie }))).toBe(6)
})

describe('merging at log-in', () => {
  test("moves the guest's lines into the user's cart, sums quantities, deletes the guest cart and clears the cookie", async () => {
    const [shared, guestOnly, userOnly, big] = [
      await freshProduct(),
      await freshProduct(),
      await freshProduct(),
      await freshProduct({ stock: 5_000 }),
    ]
    const user = await createTestUser()
    const asUser = appRequest('/cart', { cookie: user.cookie })
    await addToCart(asUser, shared, 3)
    await addToCart(asUser, userOnly, 1)
    await addToCart(asUser, big, 600)
    const cookie = cookieOf(await addToCart(guest(), shared, 2))
    await addToCart(guest(cookie), guestOnly, 4)
    await addToCart(guest(cookie), big, 600)
    const guestCartId = await getCartId(guest(cookie))

    const clear = await mergeGuestCart(guest(cookie), user.id)
    expect(clear).toMatch(new RegExp(`^${CART_COOKIE_NAME}=;`))
    expect(clear).toMatch(/Max-Age=0/)
    expect(await getDb().cart.findUnique({ where: { id: guestCartId! } })).toBeNull()
    const lines = await linesOf(await getCartId(asUser))
    expect(new Map(lines.map((l) => [l.productId, l.quantity]))).toEqual(
      new Map([
        [shared, 5],
        [userOnly, 1],
        [big, MAX_QUANTITY],
        [guestOnly, 4],
      ]),
    )
  })

  test('creates the user a cart when they had none, and does nothing without a guest cookie', async () => {
    const honey = await freshProduct()
    const user = await createTestUser()
    expect(await mergeGuestCart(guest(), user.id)).toBeNull()
    expect(await getDb().cart.findUnique({ where: { userId: user.id } })).toBeNull()
    const cookie = cookieOf(await addToCart(guest(), honey, 2))
    expect(await mergeGuestCart(guest(cookie), user.id)).toMatch(/Max-Age=0/)
    const lines = await linesOf(await getCartId(appRequest('/cart', { cookie: user.cookie })))
    expect(lines.map((l) => [l.productId, l.quantity])).toEqual([[honey, 2]])
    // The cookie of a cart already merged (or pruned) only gets cleared.
    expect(await mergeGuestCart(guest(cookie), user.id)).toMatch(/Max-Age=0/)
    expect(await linesOf(await getCartId(appRequest('/cart', { cookie: user.cookie })))).toHaveLength(1)
  })
})

describe('housekeeping', () => {
  test('clearLines removes only the products named', async () => {
    const [a, b] = [await freshProduct(), await freshProduct()]
    const cookie = cookieOf(await addToCart(guest(), a, 1))
    await addToCart(guest(cookie), b, 1)
    const cartId = (await getCartId(guest(cookie)))!
    expect(await clearLines(cartId, [a])).toBe(1)
    expect((await linesOf(cartId)).map((l) => l.productId)).toEqual([b])
    expect(await clearLines(cartId, [])).toBe(0)
  })

  test(`guest carts untouched for ${GUEST_CART_MAX_IDLE_DAYS} days are pruned; users' carts and recent ones stay`, async () => {
    const day = 24 * 60 * 60 * 1000
    const now = new Date()
    const user = await createTestUser()
    const [stale, recent, usersOld] = await Promise.all([
      getDb().cart.create({ data: {}, select: { id: true } }),
      getDb().cart.create({ data: {}, select: { id: true } }),
      getDb().cart.create({ data: { userId: user.id }, select: { id: true } }),
    ])
    await getDb()
      .$executeRaw`UPDATE "Cart" SET "updatedAt" = ${new Date(now.getTime() - 61 * day)} WHERE id IN (${stale.id}, ${usersOld.id})`
    await getDb()
      .$executeRaw`UPDATE "Cart" SET "updatedAt" = ${new Date(now.getTime() - 59 * day)} WHERE id = ${recent.id}`
    expect(await pruneGuestCarts(now)).toBeGreaterThanOrEqual(1)
    expect(await getDb().cart.findUnique({ where: { id: stale.id } })).toBeNull()
    expect(await getDb().cart.findUnique({ where: { id: recent.id } })).not.toBeNull()
    expect(await getDb().cart.findUnique({ where: { id: usersOld.id } })).not.toBeNull()
  })

  test('every change refreshes the cart, so a cart in use is never pruned', async () => {
    const honey = await freshProduct()
    const cookie = cookieOf(await addToCart(guest(), honey, 1))
    const cartId = (await getCartId(guest(cookie)))!
    await getDb().$executeRaw`UPDATE "Cart" SET "updatedAt" = now() - interval '61 days' WHERE id = ${cartId}`
    await setQuantity(guest(cookie), honey, 2)
    await pruneGuestCarts()
    expect(await getDb().cart.findUnique({ where: { id: cartId } })).not.toBeNull()
  })
})
