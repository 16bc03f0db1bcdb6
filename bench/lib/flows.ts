/**
 * The shopper flows that write: add-to-cart and place order, as the storefront sends them.
 *
 * - Add to cart: the product page's fetcher form, `POST /cart.data` (Remix single fetch) with
 *   `intent=add&productId=…&quantity=1&fetch=1`, the guest's signed `__cart` cookie and a same-origin
 *   `Origin` header (server/app.ts refuses other posts). Answer: 200 with the action data.
 * - Place order: the checkout form posted as a browser without JavaScript does, `POST /checkout`
 *   (urlencoded: contact, province, commune, street, cash on delivery and the page's `checkoutKey`),
 *   with the cart cookie. Answer: 302 to the order page.
 *
 * Preparing them (creating guest carts, reading each cart's checkout key, topping up stock) happens
 * before the measured runs.
 */
import pg from 'pg'
import { mulberry32 } from '#app/utils/random.ts'
import { openDatabase } from '../../server/database.ts'
import { fetchBytes, mapLimited } from './http.ts'
import { type LoadRequest } from './load-types.ts'

const FORM = 'application/x-www-form-urlencoded'
export const PLACED_STATUS = 302

function sameOrigin(origin: string): Record<string, string> {
  return { origin, 'content-type': FORM, accept: '*/*' }
}

/** Product ids from product pages (the add-to-cart form's hidden `productId`). */
export async function productIdsOf(origin: string, paths: readonly string[]): Promise<string[]> {
  const ids = await mapLimited(paths, 4, async (p) => {
    const html = (await fetchBytes(`${origin}${p}`)).toString('utf8')
    return /name="productId" value="([^"]+)"/.exec(html)?.[1] ?? null
  })
  return ids.filter((id): id is string => id !== null)
}

/** Runs `body` with a client on the app's running embedded PostgreSQL (shared, not stopped). */
async function withDatabase<T>(dataDir: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const database = await openDatabase(dataDir, () => {})
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    return await body(client)
  } finally {
    await client.end()
  }
}

/** Sets these products' stock to `stock`, so orders never run out (one UPDATE; empties the caches). */
export async function topUpStock(dataDir: string, productIds: readonly string[], stock: number): Promise<number> {
  return withDatabase(dataDir, async (client) => {
    const result = await client.query('UPDATE "Product" SET stock = $1 WHERE id = ANY($2::text[]) AND stock < $1', [
      stock,
      productIds,
    ])
    return result.rowCount ?? 0
  })
}

export async function countOrders(dataDir: string): Promise<number> {
  return withDatabase(dataDir, async (client) => {
    const result = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Order"')
    return result.rows[0]?.n ?? 0
  })
}

function addBody(productId: string): string {
  return new URLSearchParams({ intent: 'add', productId, quantity: '1', fetch: '1' }).toString()
}

/** `count` new guest carts with one product each; returns their `__cart=…` cookies. */
export async function createCarts(origin: string, productIds: readonly string[], count: number): Promise<string[]> {
  const random = mulberry32(20261129)
  const cookies = await mapLimited(Array.from({ length: count }), 6, async () => {
    const productId = productIds[Math.floor(random() * productIds.length)]
    const response = await fetch(`${origin}/cart.data`, {
      method: 'POST',
      headers: sameOrigin(origin),
      body: addBody(productId),
    })
    await response.arrayBuffer()
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith('__cart='))
    if (response.status !== 200 || !cookie) throw new Error(`creating a cart: ${response.status}, no __cart cookie`)
    return cookie
  })
  return cookies
}

/** Add-to-cart posts over the carts in turn, a random product (from a fixed seed) each. */
export function addToCartRequests(
  origin: string,
  cookies: readonly string[],
  productIds: readonly string[],
  count: number,
): LoadRequest[] {
  const random = mulberry32(20261130)
  return Array.from({ length: count }, (_, i) => ({
    method: 'POST',
    path: '/cart.data',
    headers: { ...sameOrigin(origin), cookie: cookies[i % cookies.length] },
    body: addBody(productIds[Math.floor(random() * productIds.length)]),
  }))
}

/** The communes of a province, from the endpoint the checkout form uses. */
export async function communesOf(origin: string, province: string): Promise<string[]> {
  const body = JSON.parse((await fetchBytes(`${origin}/api/communes?province=${province}`)).toString('utf8')) as {
    communes: { code: string }[]
  }
  return body.communes.map((c) => c.code)
}

/**
 * One checkout post per cart: opens each cart's checkout page (as the buyer would) for its
 * `checkoutKey`, then builds the form a buyer sends, cash on delivery.
 */
export async function placeOrderRequests(
  origin: string,
  cookies: readonly string[],
  province: string,
  communes: readonly string[],
): Promise<LoadRequest[]> {
  const random = mulberry32(20261131)
  const requests = await mapLimited(cookies, 6, async (cookie, i) => {
    const html = (await fetchBytes(`${origin}/checkout?province=${province}`, { headers: { cookie } })).toString('utf8')
    const checkoutKey = /name="checkoutKey" value="([^"]+)"/.exec(html)?.[1]
    if (!checkoutKey) return null
    const body = new URLSearchParams({
      name: `Khách Bench ${i + 1}`,
      phone: `09${String(10_000_000 + i).slice(-8)}`,
      email: `bench-${i + 1}@example.com`,
      province,
      communeCode: communes[Math.floor(random() * communes.length)],
      street: `${i + 1} Tràng Tiền`,
      note: '',
      paymentMethod: 'COD',
      checkoutKey,
    })
    const request: LoadRequest = {
      method: 'POST',
      path: '/checkout',
      headers: { ...sameOrigin(origin), cookie, accept: 'text/html' },
      body: body.toString(),
    }
    return request
  })
  return requests.filter((r): r is LoadRequest => r !== null)
}

/**
 * Takes one unit off a product's stock every `everyMs` (what each placed order does to the
 * catalogue: the UPDATE's trigger sends NOTIFY catalog_changed, which empties the page and catalogue
 * caches). Returns a function that stops it and resolves with the number of updates.
 */
export async function startStockTicker(
  dataDir: string,
  productId: string,
  everyMs: number,
): Promise<() => Promise<number>> {
  const database = await openDatabase(dataDir, () => {})
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  let updates = 0
  let pending: Promise<unknown> = Promise.resolve()
  const timer = setInterval(() => {
    pending = client
      .query('UPDATE "Product" SET stock = stock - 1 WHERE id = $1', [productId])
      .then(() => updates++)
      .catch(() => {})
  }, everyMs)
  return async () => {
    clearInterval(timer)
    await pending
    await client.end()
    return updates
  }
}
