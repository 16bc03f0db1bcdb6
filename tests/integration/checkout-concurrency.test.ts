/**
 * The checkout issue's "done means": 100 buyers at once, in two separate app processes (as two
 * servers behind a load balancer would be), for a product with 10 in stock: exactly 10 orders,
 * stock ends at 0 and never below, the other 90 are told it is sold out. Each process is a real
 * Node process (checkout-concurrency.child.ts) with its own connection pool on the same database.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { createTestProducer } from '#tests/factories/orders.ts'
import { type ChildOutcome } from './checkout-concurrency.child.ts'

const CHILD = path.join(import.meta.dirname, 'checkout-concurrency.child.ts')
const ROOT = path.resolve(import.meta.dirname, '../..')

type Child = { ready: Promise<void>; done: Promise<ChildOutcome[]>; go: () => void }

function startChild(cartIds: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...cartIds], {
    cwd: ROOT,
    env: { ...process.env },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout })
  let markReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  let outcomes: ChildOutcome[] | null = null
  lines.on('line', (line) => {
    if (line === 'ready') markReady()
    else if (line.startsWith('{')) outcomes = (JSON.parse(line) as { outcomes: ChildOutcome[] }).outcomes
  })
  const done = new Promise<ChildOutcome[]>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0 && outcomes) resolve(outcomes)
      else reject(new Error(`checkout child exited with ${code}`))
    })
  })
  return { ready, done, go: () => child.stdin.end('go\n') }
}

/** Two processes, half the carts each, started together; every outcome of both. */
async function raceInTwoProcesses(cartIds: string[]): Promise<ChildOutcome[]> {
  const half = Math.ceil(cartIds.length / 2)
  const children = [startChild(cartIds.slice(0, half)), startChild(cartIds.slice(half))]
  await Promise.all(children.map((c) => c.ready))
  for (const child of children) child.go()
  return (await Promise.all(children.map((c) => c.done))).flat()
}

/** Carts of one line per product, the lines created in a shuffled order per cart. */
async function carts(count: number, productIds: string[]): Promise<string[]> {
  const db = getDb()
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const shuffled = [...productIds].sort(() => Math.random() - 0.5)
    const cart = await db.cart.create({ data: {}, select: { id: true } })
    // One insert per line, in the shuffled order: the lines come back in no particular product order.
    for (const productId of shuffled) {
      await db.cartLine.createMany({ data: [{ cartId: cart.id, productId, quantity: 1, seenPriceVnd: 1 }] })
    }
    ids.push(cart.id)
  }
  return ids
}

test('100 buyers in two processes, 10 in stock: exactly 10 orders, stock 0, 90 told it is sold out', async () => {
  const producer = await createTestProducer({ products: [{ stock: 10, nameVi: 'Mật ong rừng U Minh' }] })
  const product = producer.products[0]!
  const cartIds = await carts(100, [product.id])

  const outcomes = await raceInTwoProcesses(cartIds)

  expect(outcomes.filter((o) => o.kind === 'error')).toEqual([])
  const placed = outcomes.filter((o) => o.kind === 'placed')
  const refused = outcomes.filter((o) => o.kind === 'refused')
  expect(placed).toHaveLength(10)
  expect(refused).toHaveLength(90)
  for (const o of refused) {
    expect(o.result).toEqual({
      ok: false,
      reason: 'sold-out',
      soldOut: [
        { productId: product.id, nameVi: 'Mật ong rừng U Minh', nameEn: 'Test product 1', requested: 1, available: 0 },
      ],
    })
  }
  const db = getDb()
  expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0)
  const sold = await db.orderLine.aggregate({ where: { productId: product.id }, _sum: { quantity: true } })
  expect(sold._sum.quantity).toBe(10)
  expect(
    await db.order.count({ where: { number: { in: placed.map((o) => (o.kind === 'placed' ? o.number : '')) } } }),
  ).toBe(10)
  // The winners' carts are empty; the others still hold their line.
  expect(await db.cartLine.count({ where: { cartId: { in: cartIds } } })).toBe(90)
}, 120_000)

test('many products per order in two processes: no deadlock, every order all or nothing', async () => {
  // Eight products; the scarcest (7 left) decides how many orders of all eight can be placed.
  const stocks = [10, 10, 10, 7, 10, 10, 10, 10]
  const producer = await createTestProducer({ products: stocks.map((stock) => ({ stock })) })
  const second = await createTestProducer({ products: [{ stock: 50 }] })
  const productIds = [...producer.products, ...second.products].map((p) => p.id)
  const scarce = producer.products[3]!

  const outcomes = await raceInTwoProcesses(await carts(100, productIds))

  expect(outcomes.filter((o) => o.kind === 'error')).toEqual([])
  expect(outcomes.filter((o) => o.kind === 'placed')).toHaveLength(7)
  for (const o of outcomes.filter((o) => o.kind === 'refused')) {
    expect(o.kind === 'refused' && o.result.reason === 'sold-out' && o.result.soldOut.map((s) => s.productId)).toEqual([
      scarce.id,
    ])
  }
  const left = await getDb().product.findMany({ where: { id: { in: productIds } }, select: { id: true, stock: true } })
  const stockOf = new Map(left.map((p) => [p.id, p.stock]))
  producer.products.forEach((p, i) => expect(stockOf.get(p.id)).toBe(stocks[i]! - 7))
  expect(stockOf.get(second.products[0]!.id)).toBe(43)
  // Each placed order has two parcels (two producers) and all nine lines.
  const orders = await getDb().order.findMany({
    where: { lines: { some: { productId: scarce.id } } },
    select: { _count: { select: { shipments: true, lines: true } } },
  })
  expect(orders.map((o) => o._count)).toEqual(Array.from({ length: 7 }, () => ({ shipments: 2, lines: 9 })))
}, 120_000)
