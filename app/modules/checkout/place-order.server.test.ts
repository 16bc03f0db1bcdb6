import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createTestProducer, type TestProduct } from '#tests/factories/orders.ts'
import { type PaymentMethod } from '#app/generated/prisma/client.ts'
import { COD_FEE_VND } from '#app/modules/checkout/shipping.ts'
import { getDb } from '#app/utils/db.server.ts'
import { resetEnvForTests } from '#app/utils/env.server.ts'
import { HOLD_MINUTES } from './payment-hold.ts'
import { aggregateQuantities, placeOrder, type PlaceOrderInput } from './place-order.server.ts'

/** Đan Phượng (Hà Nội), the delivery address of these orders. */
const TO_HANOI = '09784'
/** Phố Hiến (Hưng Yên): same region as Hà Nội. An Giang's Phú Quốc: another region. */
const HUNG_YEN = '11953'
const AN_GIANG = '31078'

// Card payments are offered only with a Stripe key; placing never calls Stripe (that comes after).
beforeAll(() => {
  process.env.STRIPE_SECRET_KEY = 'sk_test_checkout'
  resetEnvForTests()
})
afterAll(() => {
  delete process.env.STRIPE_SECRET_KEY
  resetEnvForTests()
})

async function cartWith(lines: { product: TestProduct; quantity: number; seenPriceVnd?: number }[]) {
  const cart = await getDb().cart.create({
    data: {
      lines: {
        create: lines.map((l) => ({
          productId: l.product.id,
          quantity: l.quantity,
          seenPriceVnd: l.seenPriceVnd ?? l.product.priceVnd,
        })),
      },
    },
    select: { id: true },
  })
  return cart.id
}

function input(cartId: string, overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    cartId,
    contact: { name: 'Nguyễn Thị Thử', phone: '0912345678', email: 'thu@example.com' },
    delivery: { communeCode: TO_HANOI, street: 'Số 5 ngõ 12 đường Phùng' },
    paymentMethod: 'COD',
    checkoutKey: randomUUID(),
    locale: 'vi',
    ...overrides,
  }
}

async function stockOf(productId: string) {
  return (await getDb().product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } })).stock
}

async function producerIn(communeCode: string, products: { priceVnd?: number; stock?: number }[]) {
  const producer = await createTestProducer({ products })
  await getDb().producer.update({ where: { id: producer.id }, data: { communeCode } })
  return producer
}

test('prices come from the database: the price a cart line remembers is ignored', async () => {
  const producer = await createTestProducer({ products: [{ priceVnd: 120_000, stock: 5 }] })
  const product = producer.products[0]!
  const cartId = await cartWith([{ product, quantity: 2, seenPriceVnd: 1 }])

  const result = await placeOrder(input(cartId))
  if (!result.ok) throw new Error(`refused: ${result.reason}`)
  const order = await getDb().order.findUniqueOrThrow({
    where: { id: result.order.id },
    select: { subtotalVnd: true, lines: { select: { priceVnd: true, quantity: true, lineTotalVnd: true } } },
  })
  expect(order.lines).toEqual([{ priceVnd: 120_000, quantity: 2, lineTotalVnd: 240_000 }])
  expect(order.subtotalVnd).toBe(240_000)
  expect(await stockOf(product.id)).toBe(3)
})

test('cash on delivery: one shipment per producer with its zone fee and COD fee, all in the total', async () => {
  const local = await createTestProducer({ products: [{ priceVnd: 100_000 }, { priceVnd: 50_000 }] })
  const nearby = await producerIn(HUNG_YEN, [{ priceVnd: 80_000 }])
  const far = await producerIn(AN_GIANG, [{ priceVnd: 200_000 }])
  const cartId = await cartWith([
    { product: local.products[0]!, quantity: 1 },
    { product: local.products[1]!, quantity: 1 },
    { product: nearby.products[0]!, quantity: 1 },
    { product: far.products[0]!, quantity: 1 },
  ])

  const result = await placeOrder(input(cartId))
  if (!result.ok) throw new Error(`refused: ${result.reason}`)
  const order = await getDb().order.findUniqueOrThrow({
    where: { id: result.order.id },
    select: {
      status: true,
      holdExpiresAt: true,
      subtotalVnd: true,
      shippingVnd: true,
      totalVnd: true,
      shipments: { select: { producerId: true, subtotalVnd: true, shippingFeeVnd: true, codFeeVnd: true } },
      lines: { select: { shipmentId: true } },
      events: { select: { fromStatus: true, toStatus: true } },
      payments: { select: { method: true, status: true, amount: true } },
    },
  })
  expect(order.status).toBe('PLACED')
  expect(order.payments).toEqual([{ method: 'COD', status: 'PENDING', amount: order.totalVnd }])
  expect(order.holdExpiresAt).toBeNull()
  const byProducer = Object.fromEntries(order.shipments.map((s) => [s.producerId, s]))
  // Two 500 g boxes from Hà Nội weigh 1 kg (same province); one box from Hưng Yên, one from An Giang.
  expect(byProducer[local.id]).toMatchObject({ subtotalVnd: 150_000, shippingFeeVnd: 22_000, codFeeVnd: COD_FEE_VND })
  expect(byProducer[nearby.id]).toMatchObject({ subtotalVnd: 80_000, shippingFeeVnd: 25_000, codFeeVnd: COD_FEE_VND })
  expect(byProducer[far.id]).toMatchObject({ subtotalVnd: 200_000, shippingFeeVnd: 32_000, codFeeVnd: COD_FEE_VND })
  expect(order.subtotalVnd).toBe(430_000)
  expect(order.shippingVnd).toBe(22_000 + 25_000 + 32_000 + 3 * COD_FEE_VND)
  expect(order.totalVnd).toBe(order.subtotalVnd + order.shippingVnd)
  expect(new Set(order.lines.map((l) => l.shipmentId)).size).toBe(3)
  expect(order.events).toEqual([{ fromStatus: null, toStatus: 'PLACED' }])
  expect(await getDb().cartLine.count({ where: { cartId } })).toBe(0)
})

test.each([
  ['VIETQR', HOLD_MINUTES.VIETQR],
  ['STRIPE', HOLD_MINUTES.STRIPE],
] as const)('%s: awaiting payment, stock held for %i minutes, no COD fee', async (method, minutes) => {
  const producer = await createTestProducer({ products: [{ priceVnd: 90_000, stock: 4 }] })
  const cartId = await cartWith([{ product: producer.products[0]!, quantity: 1 }])
  const before = Date.now()
  const result = await placeOrder(input(cartId, { paymentMethod: method as PaymentMethod }))
  if (!result.ok) throw new Error(`refused: ${result.reason}`)
  const order = await getDb().order.findUniqueOrThrow({
    where: { id: result.order.id },
    select: {
      status: true,
      holdExpiresAt: true,
      shippingVnd: true,
      totalVnd: true,
      shipments: { select: { codFeeVnd: true } },
      payments: { select: { method: true, status: true, amount: true } },
    },
  })
  expect(order.status).toBe('AWAITING_PAYMENT')
  expect(order.payments).toEqual([{ method, status: 'PENDING', amount: order.totalVnd }])
  const held = order.holdExpiresAt!.getTime() - before
  expect(held).toBeGreaterThanOrEqual(minutes * 60_000 - 1_000)
  expect(held).toBeLessThanOrEqual(minutes * 60_000 + 5_000)
  expect(order.shipments).toEqual([{ codFeeVnd: 0 }])
  expect(order.shippingVnd).toBe(18_000)
  expect(await stockOf(producer.products[0]!.id)).toBe(3)
})

test('quantities of one product are added up before the stock is taken', async () => {
  expect(
    aggregateQuantities([
      { productId: 'b', quantity: 2 },
      { productId: 'a', quantity: 1 },
      { productId: 'b', quantity: 3 },
    ]),
  ).toEqual([
    { productId: 'a', quantity: 1 },
    { productId: 'b', quantity: 5 },
  ])
  // The cart keeps one line per product (a unique constraint); its quantity is taken in one go.
  const producer = await createTestProducer({ products: [{ stock: 5 }] })
  const cartId = await cartWith([{ product: producer.products[0]!, quantity: 5 }])
  const result = await placeOrder(input(cartId))
  expect(result.ok).toBe(true)
  expect(await stockOf(producer.products[0]!.id)).toBe(0)
})

test.each(['DRAFT', 'ARCHIVED', 'unverified producer'] as const)(
  'a product that is not for sale (%s) is refused and nothing is written',
  async (why) => {
    const producer = await createTestProducer({
      products: [
        { stock: 10, nameVi: 'Mật ong còn bán' },
        { stock: 10, nameVi: 'Trà không bán', status: why === 'unverified producer' ? 'PUBLISHED' : why },
      ],
    })
    if (why === 'unverified producer') {
      await getDb().producer.update({ where: { id: producer.id }, data: { status: 'SUSPENDED' } })
    }
    const [forSale, notForSale] = producer.products
    const cartId = await cartWith([
      { product: forSale!, quantity: 1 },
      { product: notForSale!, quantity: 1 },
    ])
    const orders = await getDb().order.count()

    const result = await placeOrder(input(cartId))
    expect(result.ok).toBe(false)
    if (result.ok || result.reason !== 'sold-out') throw new Error('expected sold-out')
    const names = result.soldOut.map((s) => s.nameVi)
    expect(names).toContain('Trà không bán')
    expect(result.soldOut.find((s) => s.nameVi === 'Trà không bán')?.available).toBe(0)
    expect(await getDb().order.count()).toBe(orders)
    expect(await stockOf(forSale!.id)).toBe(10)
    expect(await stockOf(notForSale!.id)).toBe(10)
    expect(await getDb().cartLine.count({ where: { cartId } })).toBe(2)
  },
)

test('not enough stock: refused with what is left, stock untouched', async () => {
  const producer = await createTestProducer({ products: [{ stock: 2, nameVi: 'Gốm men lam' }] })
  const cartId = await cartWith([{ product: producer.products[0]!, quantity: 3 }])
  const result = await placeOrder(input(cartId))
  expect(result).toEqual({
    ok: false,
    reason: 'sold-out',
    soldOut: [
      {
        productId: producer.products[0]!.id,
        nameVi: 'Gốm men lam',
        nameEn: 'Test product 1',
        requested: 3,
        available: 2,
      },
    ],
  })
  expect(await stockOf(producer.products[0]!.id)).toBe(2)
})

test('replaying the same checkout key returns the same order, also when the posts arrive together', async () => {
  const producer = await createTestProducer({ products: [{ stock: 10 }] })
  const product = producer.products[0]!
  const cartId = await cartWith([{ product, quantity: 2 }])
  const request = input(cartId)

  const first = await placeOrder(request)
  const again = await placeOrder(request)
  if (!first.ok || !again.ok) throw new Error('refused')
  expect(again.order).toEqual(first.order)
  expect(again.replayed).toBe(true)

  const otherCart = await cartWith([{ product, quantity: 1 }])
  const together = input(otherCart)
  const results = await Promise.all(Array.from({ length: 8 }, () => placeOrder(together)))
  const ids = new Set(results.map((r) => (r.ok ? r.order.id : r.reason)))
  expect(ids.size).toBe(1)
  expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1)
  expect(
    await getDb().order.count({ where: { checkoutKey: { in: [request.checkoutKey, together.checkoutKey] } } }),
  ).toBe(2)
  expect(await stockOf(product.id)).toBe(7)
})

test('stock never goes below zero when buyers race for the last items', async () => {
  const producer = await createTestProducer({ products: [{ stock: 3 }] })
  const product = producer.products[0]!
  const carts = await Promise.all(Array.from({ length: 12 }, () => cartWith([{ product, quantity: 1 }])))
  const results = await Promise.all(carts.map((cartId) => placeOrder(input(cartId))))
  expect(results.filter((r) => r.ok)).toHaveLength(3)
  for (const r of results.filter((r) => !r.ok)) {
    expect(r).toMatchObject({ ok: false, reason: 'sold-out', soldOut: [{ productId: product.id, available: 0 }] })
  }
  expect(await stockOf(product.id)).toBe(0)
})

test('an empty cart or an unknown commune places nothing', async () => {
  const empty = await getDb().cart.create({ data: {}, select: { id: true } })
  expect(await placeOrder(input(empty.id))).toEqual({ ok: false, reason: 'empty-cart' })
  expect(await placeOrder(input('no-such-cart'))).toEqual({ ok: false, reason: 'empty-cart' })

  const producer = await createTestProducer({ products: [{ stock: 1 }] })
  const cartId = await cartWith([{ product: producer.products[0]!, quantity: 1 }])
  const result = await placeOrder(input(cartId, { delivery: { communeCode: '99999', street: 'x' } }))
  expect(result).toEqual({ ok: false, reason: 'unknown-commune' })
  expect(await stockOf(producer.products[0]!.id)).toBe(1)
})

test('a price changed while the order was being placed: the order is priced again at the new price', async () => {
  const producer = await createTestProducer({ products: [{ priceVnd: 100_000, stock: 5 }] })
  const product = producer.products[0]!
  const cartId = await cartWith([{ product, quantity: 1 }])
  const db = getDb()
  let placing: Promise<Awaited<ReturnType<typeof placeOrder>>> | undefined
  let sawCheckoutWait = false
  // The producer's edit holds the row while checkout reads the old price and reaches its UPDATE.
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Product" WHERE id = ${product.id} FOR UPDATE`
    placing = placeOrder(input(cartId))
    for (let i = 0; i < 200; i++) {
      const [waiting] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
      sawCheckoutWait = waiting!.n > 0
      if (sawCheckoutWait) break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    await tx.product.update({ where: { id: product.id }, data: { priceVnd: 130_000 } })
  })
  expect(sawCheckoutWait).toBe(true)
  const result = await placing!
  if (!result.ok) throw new Error(`refused: ${result.reason}`)
  const order = await db.order.findUniqueOrThrow({
    where: { id: result.order.id },
    select: { subtotalVnd: true, lines: { select: { priceVnd: true } } },
  })
  expect(order).toEqual({ subtotalVnd: 130_000, lines: [{ priceVnd: 130_000 }] })
  expect(await stockOf(product.id)).toBe(4)
})
