import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { createTestProducer, type TestProduct } from '#tests/factories/orders.ts'
import { confirmTransfer } from '#app/modules/payments/transfers.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { expireHolds, HOLD_EXPIRED_NOTE, HOLD_EXPIRED_REASON } from './hold-expiry.server.ts'
import { placeOrder } from './place-order.server.ts'

async function placeTransferOrder(product: TestProduct, quantity: number) {
  const cart = await getDb().cart.create({
    data: { lines: { create: { productId: product.id, quantity, seenPriceVnd: product.priceVnd } } },
    select: { id: true },
  })
  const result = await placeOrder({
    cartId: cart.id,
    contact: { name: 'Trần Văn Chờ', phone: '0987654321' },
    delivery: { communeCode: '09784', street: 'Thôn Thượng' },
    paymentMethod: 'VIETQR',
    checkoutKey: randomUUID(),
    locale: 'vi',
  })
  if (!result.ok) throw new Error(`refused: ${result.reason}`)
  return result.order
}

/** Moves the hold into the past, as if the buyer never paid. */
async function expire(orderId: string) {
  await getDb().order.update({ where: { id: orderId }, data: { holdExpiresAt: new Date(Date.now() - 60_000) } })
}

async function stockOf(productId: string) {
  return (await getDb().product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } })).stock
}

async function stateOf(orderId: string) {
  return getDb().order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      shipments: { select: { status: true, cancelReason: true, cancelledAt: true } },
      payments: { select: { status: true } },
      events: { orderBy: { id: 'asc' }, select: { shipmentId: true, fromStatus: true, toStatus: true, note: true } },
    },
  })
}

/** The office confirms the transfer arrived (the payments module's own confirmation). */
async function confirmPayment(orderId: string) {
  const result = await confirmTransfer(orderId, 'office-test-user')
  return result.ok && result.changed
}

test('an expired hold cancels the order and its shipments and releases the stock exactly once', async () => {
  const producer = await createTestProducer({ products: [{ stock: 5 }] })
  const product = producer.products[0]!
  const order = await placeTransferOrder(product, 2)
  expect(await stockOf(product.id)).toBe(3)

  expect((await expireHolds()).orderNumbers).not.toContain(order.number)
  expect(await stockOf(product.id)).toBe(3)

  await expire(order.id)
  const first = await expireHolds()
  expect(first.orderNumbers).toContain(order.number)
  const second = await expireHolds()
  expect(second.orderNumbers).not.toContain(order.number)
  expect(await stockOf(product.id)).toBe(5)

  const state = await stateOf(order.id)
  expect(state.status).toBe('CANCELLED')
  expect(state.shipments).toEqual([
    { status: 'CANCELLED', cancelReason: HOLD_EXPIRED_REASON, cancelledAt: expect.any(Date) as Date },
  ])
  expect(state.payments).toEqual([{ status: 'CANCELLED' }])
  expect(state.events.filter((e) => e.shipmentId === null).map((e) => [e.fromStatus, e.toStatus, e.note])).toEqual([
    [null, 'AWAITING_PAYMENT', null],
    ['AWAITING_PAYMENT', 'CANCELLED', HOLD_EXPIRED_NOTE],
  ])
})

test('paid orders, received payments and holds still running are left alone', async () => {
  const producer = await createTestProducer({ products: [{ stock: 10 }] })
  const product = producer.products[0]!
  const paid = await placeTransferOrder(product, 1)
  expect(await confirmPayment(paid.id)).toBe(true)
  // A paid order with an old hold date (as an import or a bug could leave it) is still not touched.
  await getDb().order.update({ where: { id: paid.id }, data: { holdExpiresAt: new Date(Date.now() - 60_000) } })
  const running = await placeTransferOrder(product, 1)
  const received = await placeTransferOrder(product, 1)
  await expire(received.id)
  // Payment recorded as received, order not yet moved: the payment's side decides, not the expiry.
  await getDb().payment.updateMany({ where: { orderId: received.id }, data: { status: 'SUCCEEDED' } })

  const result = await expireHolds()
  for (const order of [paid, running, received]) expect(result.orderNumbers).not.toContain(order.number)
  expect((await stateOf(paid.id)).status).toBe('PAID')
  expect((await stateOf(running.id)).status).toBe('AWAITING_PAYMENT')
  expect((await stateOf(received.id)).status).toBe('AWAITING_PAYMENT')
  expect(await stockOf(product.id)).toBe(7)
})

test('a payment confirmed at the same moment as the expiry: one of them wins, never both', async () => {
  const producer = await createTestProducer({ products: [{ stock: 100 }] })
  const product = producer.products[0]!
  const orders = []
  for (let i = 0; i < 12; i++) orders.push(await placeTransferOrder(product, 1))
  for (const order of orders) await expire(order.id)
  expect(await stockOf(product.id)).toBe(88)

  const [confirmed] = await Promise.all([
    Promise.all(orders.map((order) => confirmPayment(order.id))),
    expireHolds(),
    expireHolds(),
  ])

  let paid = 0
  for (const [i, order] of orders.entries()) {
    const state = await stateOf(order.id)
    if (confirmed[i]) {
      paid++
      expect(state.status).toBe('PAID')
      expect(state.payments).toEqual([{ status: 'SUCCEEDED' }])
      expect(state.shipments.map((s) => s.status)).toEqual(['PENDING'])
    } else {
      expect(state.status).toBe('CANCELLED')
      expect(state.payments).toEqual([{ status: 'CANCELLED' }])
      expect(state.shipments.map((s) => s.status)).toEqual(['CANCELLED'])
    }
  }
  // Every cancelled order gave its one item back, and no paid order did.
  expect(await stockOf(product.id)).toBe(88 + (orders.length - paid))
})
