import { expect, test } from 'vitest'
import { createTestUser } from '#tests/factories/accounts.ts'
import { createTestOrder, createTestProducer } from '#tests/factories/orders.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getShipment, listShipments, transitionShipment } from './fulfilment.server.ts'

async function staffOf(producerId: string) {
  return createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId }] })
}

async function eventsOf(shipmentId: string) {
  return getDb().orderEvent.findMany({
    where: { shipmentId },
    orderBy: { id: 'asc' },
    select: { fromStatus: true, toStatus: true, actorUserId: true, note: true },
  })
}

test('confirm → ship → deliver records who and when, and settles the order', async () => {
  const producer = await createTestProducer({ products: [{ priceVnd: 120_000 }] })
  const staff = await staffOf(producer.id)
  const order = await createTestOrder({
    shipments: [{ producerId: producer.id, lines: [{ product: producer.products[0]!, quantity: 2 }] }],
  })
  const id = order.shipmentIds[0]!

  expect(await transitionShipment(producer.id, id, staff.id, { to: 'CONFIRMED', from: 'PENDING' })).toMatchObject({
    kind: 'ok',
    from: 'PENDING',
    to: 'CONFIRMED',
  })
  expect(
    await transitionShipment(producer.id, id, staff.id, { to: 'SHIPPED', carrier: 'GHTK', trackingCode: 'S123.456' }),
  ).toMatchObject({ kind: 'ok', to: 'SHIPPED', orderStatus: 'PLACED' })
  expect(await transitionShipment(producer.id, id, staff.id, { to: 'DELIVERED' })).toMatchObject({
    kind: 'ok',
    to: 'DELIVERED',
    orderStatus: 'DELIVERED',
  })

  const shipment = await getDb().shipment.findUniqueOrThrow({ where: { id } })
  expect(shipment.status).toBe('DELIVERED')
  expect(shipment.carrier).toBe('GHTK')
  expect(shipment.trackingCode).toBe('S123.456')
  expect(shipment.confirmedAt).toBeInstanceOf(Date)
  expect(shipment.shippedAt!.getTime()).toBeGreaterThanOrEqual(shipment.confirmedAt!.getTime())
  expect(shipment.deliveredAt!.getTime()).toBeGreaterThanOrEqual(shipment.shippedAt!.getTime())
  expect(shipment.cancelledAt).toBeNull()
  expect(await eventsOf(id)).toEqual([
    { fromStatus: 'PENDING', toStatus: 'CONFIRMED', actorUserId: staff.id, note: null },
    { fromStatus: 'CONFIRMED', toStatus: 'SHIPPED', actorUserId: staff.id, note: 'GHTK · S123.456' },
    { fromStatus: 'SHIPPED', toStatus: 'DELIVERED', actorUserId: staff.id, note: null },
  ])
  const orderRow = await getDb().order.findUniqueOrThrow({
    where: { id: order.id },
    select: {
      status: true,
      events: { where: { shipmentId: null }, orderBy: { id: 'asc' }, select: { toStatus: true } },
    },
  })
  expect(orderRow.status).toBe('DELIVERED')
  expect(orderRow.events.map((e) => e.toStatus)).toEqual(['PLACED', 'DELIVERED'])

  // Delivered is final: no way back, no cancellation.
  expect(await transitionShipment(producer.id, id, staff.id, { to: 'CANCELLED', reason: 'Đổi ý' })).toEqual({
    kind: 'invalid-transition',
    from: 'DELIVERED',
    to: 'CANCELLED',
  })
})

test('shipping without a tracking code or cancelling without a reason changes nothing', async () => {
  const producer = await createTestProducer({ products: [{ stock: 10 }] })
  const staff = await staffOf(producer.id)
  const order = await createTestOrder({
    shipments: [
      { producerId: producer.id, status: 'CONFIRMED', lines: [{ product: producer.products[0]!, quantity: 3 }] },
    ],
  })
  const id = order.shipmentIds[0]!
  expect(
    await transitionShipment(producer.id, id, staff.id, { to: 'SHIPPED', carrier: 'GHN', trackingCode: ' ' }),
  ).toEqual({
    kind: 'invalid-transition',
    from: 'CONFIRMED',
    to: 'SHIPPED',
    missing: 'trackingCode',
  })
  expect(await transitionShipment(producer.id, id, staff.id, { to: 'CANCELLED', reason: '   ' })).toEqual({
    kind: 'invalid-transition',
    from: 'CONFIRMED',
    to: 'CANCELLED',
    missing: 'reason',
  })
  const shipment = await getDb().shipment.findUniqueOrThrow({
    where: { id },
    select: { status: true, cancelledAt: true },
  })
  expect(shipment).toEqual({ status: 'CONFIRMED', cancelledAt: null })
  expect(await eventsOf(id)).toEqual([])
  const product = await getDb().product.findUniqueOrThrow({ where: { id: producer.products[0]!.id } })
  expect(product.stock).toBe(10)
})

test('cancelling returns exactly the shipment’s quantities to stock; the order is cancelled with its last shipment', async () => {
  const a = await createTestProducer({ products: [{ stock: 7 }, { stock: 0 }] })
  const b = await createTestProducer({ products: [{ stock: 4 }] })
  const staffA = await staffOf(a.id)
  const staffB = await staffOf(b.id)
  const order = await createTestOrder({
    shipments: [
      {
        producerId: a.id,
        lines: [
          { product: a.products[0]!, quantity: 2 },
          { product: a.products[1]!, quantity: 5 },
        ],
      },
      { producerId: b.id, status: 'SHIPPED', lines: [{ product: b.products[0]!, quantity: 3 }] },
    ],
  })
  const [shipmentA, shipmentB] = order.shipmentIds as [string, string]

  const cancelled = await transitionShipment(a.id, shipmentA, staffA.id, {
    to: 'CANCELLED',
    from: 'PENDING',
    reason: 'Khách gọi điện xin hủy',
  })
  expect(cancelled).toEqual({ kind: 'ok', from: 'PENDING', to: 'CANCELLED', orderStatus: 'PLACED' })
  const stock = async (id: string) => (await getDb().product.findUniqueOrThrow({ where: { id } })).stock
  expect(await stock(a.products[0]!.id)).toBe(9)
  expect(await stock(a.products[1]!.id)).toBe(5)
  expect(await stock(b.products[0]!.id)).toBe(4)
  const row = await getDb().shipment.findUniqueOrThrow({ where: { id: shipmentA } })
  expect(row.cancelReason).toBe('Khách gọi điện xin hủy')
  expect(row.cancelledAt).toBeInstanceOf(Date)
  expect(await eventsOf(shipmentA)).toEqual([
    { fromStatus: 'PENDING', toStatus: 'CANCELLED', actorUserId: staffA.id, note: 'Khách gọi điện xin hủy' },
  ])

  // A shipped parcel that comes back is cancelled as returned: its stock comes back too.
  expect(
    await transitionShipment(b.id, shipmentB, staffB.id, {
      to: 'CANCELLED',
      reason: 'Khách từ chối nhận, hàng hoàn về',
    }),
  ).toMatchObject({ kind: 'ok', orderStatus: 'CANCELLED' })
  expect(await stock(b.products[0]!.id)).toBe(7)
  const orderRow = await getDb().order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })
  expect(orderRow.status).toBe('CANCELLED')
})

test('a double submission applies once: the second gets stale or invalid-transition, one event only', async () => {
  const producer = await createTestProducer({ products: [{ stock: 20 }] })
  const staff = await staffOf(producer.id)
  const order = await createTestOrder({
    shipments: [{ producerId: producer.id, lines: [{ product: producer.products[0]!, quantity: 4 }] }],
  })
  const id = order.shipmentIds[0]!

  // Two clicks (or two staff members) at the same moment.
  const both = await Promise.all([
    transitionShipment(producer.id, id, staff.id, { to: 'CANCELLED', from: 'PENDING', reason: 'Hết hàng' }),
    transitionShipment(producer.id, id, staff.id, { to: 'CANCELLED', from: 'PENDING', reason: 'Hết hàng' }),
  ])
  expect(both.filter((r) => r.kind === 'ok')).toHaveLength(1)
  expect(both.filter((r) => r.kind === 'stale')).toEqual([{ kind: 'stale', current: 'CANCELLED' }])
  expect(await eventsOf(id)).toHaveLength(1)
  expect((await getDb().product.findUniqueOrThrow({ where: { id: producer.products[0]!.id } })).stock).toBe(24)

  // The same form posted again later, without the status it was shown with.
  expect(await transitionShipment(producer.id, id, staff.id, { to: 'CANCELLED', reason: 'Hết hàng' })).toEqual({
    kind: 'invalid-transition',
    from: 'CANCELLED',
    to: 'CANCELLED',
  })

  const other = await createTestOrder({
    shipments: [{ producerId: producer.id, lines: [{ product: producer.products[0]!, quantity: 1 }] }],
  })
  const otherId = other.shipmentIds[0]!
  expect(await transitionShipment(producer.id, otherId, staff.id, { to: 'CONFIRMED', from: 'PENDING' })).toMatchObject({
    kind: 'ok',
  })
  expect(await transitionShipment(producer.id, otherId, staff.id, { to: 'CONFIRMED', from: 'PENDING' })).toEqual({
    kind: 'stale',
    current: 'CONFIRMED',
  })
  expect(await eventsOf(otherId)).toHaveLength(1)
})

test('another producer’s shipment is not found, to read or to change', async () => {
  const a = await createTestProducer()
  const b = await createTestProducer()
  const staffB = await staffOf(b.id)
  const order = await createTestOrder({
    shipments: [{ producerId: a.id, lines: [{ product: a.products[0]!, quantity: 1 }] }],
  })
  const id = order.shipmentIds[0]!
  expect(await getShipment(b.id, id)).toBeNull()
  expect(await transitionShipment(b.id, id, staffB.id, { to: 'CONFIRMED' })).toEqual({ kind: 'not-found' })
  expect(await transitionShipment(b.id, 'no-such-id', staffB.id, { to: 'CONFIRMED' })).toEqual({ kind: 'not-found' })
  expect((await getDb().shipment.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING')
  expect((await listShipments(b.id)).items).toEqual([])
})

test('a producer sees only its own lines and amounts of an order shared with another producer', async () => {
  const a = await createTestProducer({ products: [{ priceVnd: 150_000 }] })
  const b = await createTestProducer({ products: [{ priceVnd: 990_000 }, { priceVnd: 45_000 }] })
  const staffB = await staffOf(b.id)
  const order = await createTestOrder({
    contactName: 'Phạm Thị Mai',
    shipments: [
      { producerId: a.id, shippingFeeVnd: 25_000, lines: [{ product: a.products[0]!, quantity: 2 }] },
      {
        producerId: b.id,
        shippingFeeVnd: 41_000,
        lines: [
          { product: b.products[0]!, quantity: 1 },
          { product: b.products[1]!, quantity: 3 },
        ],
      },
    ],
  })
  const [shipmentA, shipmentB] = order.shipmentIds as [string, string]
  await transitionShipment(b.id, shipmentB, staffB.id, { to: 'CANCELLED', reason: 'Lý do riêng của B' })

  const detail = await getShipment(a.id, shipmentA)
  expect(detail).not.toBeNull()
  expect(detail!.lines.map((l) => [l.sku, l.quantity, l.lineTotalVnd])).toEqual([['T-1', 2, 300_000]])
  expect(detail!.subtotalVnd).toBe(300_000)
  expect(detail!.shippingFeeVnd).toBe(25_000)
  expect(detail!.order).toMatchObject({ number: order.number, contactName: 'Phạm Thị Mai', status: 'PLACED' })
  expect(detail!.order.province).toEqual({ nameVi: 'Hà Nội', nameEn: 'Hanoi' })
  expect(detail!.order.commune?.name).toBeTruthy()
  const serialized = JSON.stringify(detail)
  // B's lines, B's subtotal, the order's totals and B's cancellation reason never reach A.
  for (const secret of ['T-2', '990000', '1125000', '1425000', '1491000', 'Lý do riêng của B', shipmentB]) {
    expect(serialized).not.toContain(secret)
  }
  expect(detail!.events.map((e) => [e.scope, e.toStatus])).toEqual([['order', 'PLACED']])

  const listed = await listShipments(a.id)
  expect(listed.items).toEqual([
    expect.objectContaining({
      id: shipmentA,
      orderNumber: order.number,
      buyerName: 'Phạm Thị Mai',
      lineCount: 1,
      subtotalVnd: 300_000,
      status: 'PENDING',
    }),
  ])
})

test('the list filters by status, counts every tab and pages newest first', async () => {
  const producer = await createTestProducer()
  const product = producer.products[0]!
  const base = Date.parse('2026-10-01T03:00:00Z')
  for (let i = 0; i < 5; i++) {
    await createTestOrder({
      placedAt: new Date(base + i * 86_400_000),
      shipments: [
        { producerId: producer.id, status: i < 3 ? 'PENDING' : 'DELIVERED', lines: [{ product, quantity: 1 }] },
      ],
    })
  }
  const all = await listShipments(producer.id, { pageSize: 2 })
  expect(all.counts).toMatchObject({ ALL: 5, PENDING: 3, DELIVERED: 2, CONFIRMED: 0 })
  expect(all.pageCount).toBe(3)
  expect(all.items.map((i) => i.status)).toEqual(['DELIVERED', 'DELIVERED'])
  const page3 = await listShipments(producer.id, { pageSize: 2, page: 9 })
  expect(page3.page).toBe(3)
  expect(page3.items).toHaveLength(1)
  expect(page3.items[0]!.placedAt.toISOString()).toBe('2026-10-01T03:00:00.000Z')
  const pending = await listShipments(producer.id, { status: 'PENDING' })
  expect(pending.total).toBe(3)
  expect(pending.items.every((i) => i.status === 'PENDING')).toBe(true)
})
