import { expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { orderNumberDatePart, ORDER_NUMBER_PATTERN } from '#app/modules/orders/order-number.ts'
import { PRODUCTS } from './reference-data.ts'
import { seedDemoOrders } from './demo-orders.ts'

const DAY_MS = 86_400_000

async function seededOrders() {
  return getDb().order.findMany({
    select: {
      number: true,
      status: true,
      placedAt: true,
      subtotalVnd: true,
      shippingVnd: true,
      totalVnd: true,
      provinceCode: true,
      communeCode: true,
      shipments: {
        select: {
          id: true,
          status: true,
          subtotalVnd: true,
          shippingFeeVnd: true,
          codFeeVnd: true,
          cancelReason: true,
          confirmedAt: true,
          shippedAt: true,
          deliveredAt: true,
          cancelledAt: true,
          trackingCode: true,
          producer: { select: { slug: true } },
          lines: { select: { lineTotalVnd: true } },
          events: { orderBy: { id: 'asc' }, select: { toStatus: true } },
        },
      },
    },
  })
}

test('about sixty orders over the last ninety days, with amounts that add up', async () => {
  const orders = await seededOrders()
  expect(orders.length).toBeGreaterThanOrEqual(55)
  expect(orders.length).toBeLessThanOrEqual(65)
  const now = Date.now()
  for (const order of orders) {
    expect(order.number).toMatch(ORDER_NUMBER_PATTERN)
    expect(order.number.slice(3, 7)).toBe(orderNumberDatePart(order.placedAt))
    expect(order.placedAt.getTime()).toBeLessThanOrEqual(now)
    expect(order.placedAt.getTime()).toBeGreaterThan(now - 91 * DAY_MS)
    expect(order.communeCode.length).toBe(5)
    expect(order.subtotalVnd).toBe(order.shipments.reduce((sum, s) => sum + s.subtotalVnd, 0))
    expect(order.shippingVnd).toBe(order.shipments.reduce((sum, s) => sum + s.shippingFeeVnd + s.codFeeVnd, 0))
    for (const shipment of order.shipments) {
      expect(shipment.subtotalVnd).toBe(shipment.lines.reduce((sum, l) => sum + l.lineTotalVnd, 0))
      expect(shipment.confirmedAt !== null || shipment.status === 'PENDING' || shipment.status === 'CANCELLED').toBe(
        true,
      )
      expect(shipment.deliveredAt !== null).toBe(shipment.status === 'DELIVERED')
      expect(shipment.cancelledAt !== null).toBe(shipment.status === 'CANCELLED')
      if (shipment.shippedAt) expect(shipment.trackingCode).toBeTruthy()
      expect(shipment.events.at(-1)?.toStatus ?? 'PENDING').toBe(shipment.status)
    }
  }
})

test('the demo producers share some orders, and other producers sell too', async () => {
  const orders = await seededOrders()
  const slugs = (o: (typeof orders)[number]) => o.shipments.map((s) => s.producer.slug)
  expect(orders.filter((o) => o.shipments.length === 2).length).toBeGreaterThanOrEqual(3)
  expect(orders.some((o) => slugs(o).includes('htx-ong-tuan-minh') && slugs(o).includes('htx-det-lua-van-phuc'))).toBe(
    true,
  )
  expect(new Set(orders.flatMap(slugs)).size).toBeGreaterThanOrEqual(5)
  const settled = orders.filter((o) => o.shipments.every((s) => s.status === 'CANCELLED'))
  expect(settled.every((o) => o.status === 'CANCELLED')).toBe(true)
})

test('historical orders leave stock as the catalogue seeded it, and a second run adds nothing', async () => {
  const products = await getDb().product.findMany({
    where: { sku: { in: PRODUCTS.map((p) => p.sku) } },
    select: { sku: true, stock: true, producer: { select: { slug: true } } },
  })
  for (const product of products) {
    const seed = PRODUCTS.find((p) => p.sku === product.sku && p.producerSlug === product.producer.slug)
    if (seed) expect(product.stock, product.sku).toBe(seed.stock)
  }
  expect(await seedDemoOrders(getDb())).toBe(0)
})
