import { beforeAll, expect, test } from 'vitest'
import { createTestOrder, createTestProducer, type TestProduct } from '#tests/factories/orders.ts'
import { addMonths } from '#app/modules/certification/certificate-status.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getProducerDashboard } from './dashboard.server.ts'

// Noon in Hà Nội on 20 November 2026.
const TODAY = new Date('2026-11-20T05:00:00Z')

let producerId: string
let p1: TestProduct, p2: TestProduct, p3: TestProduct, p4: TestProduct, p5: TestProduct, p6: TestProduct

async function certificate(
  product: TestProduct,
  expiresOn: string,
  options: { revoked?: boolean; number?: string } = {},
) {
  const expires = new Date(`${expiresOn}T00:00:00Z`)
  await getDb().certificate.create({
    data: {
      productId: product.id,
      stars: 4,
      level: 'PROVINCIAL',
      issuer: 'UBND thành phố Hà Nội',
      decisionNumber: options.number ?? `QĐ-${expiresOn}`,
      issuedOn: addMonths(expires, -36),
      expiresOn: expires,
      legalBasis: 'Quyết định 148/QĐ-TTg',
      revokedAt: options.revoked ? new Date('2026-11-01T00:00:00Z') : null,
      revokedReason: options.revoked ? 'Vi phạm quy định ghi nhãn' : null,
    },
  })
}

beforeAll(async () => {
  const producer = await createTestProducer({
    products: [
      { priceVnd: 100_000, stock: 3, nameVi: 'Mật ong nhãn' },
      { priceVnd: 250_000, stock: 0, nameVi: 'Sữa ong chúa' },
      { priceVnd: 40_000, stock: 50, nameVi: 'Phấn hoa' },
      { priceVnd: 60_000, stock: 0, status: 'DRAFT', nameVi: 'Sáp ong (nháp)' },
      { priceVnd: 80_000, stock: 5, nameVi: 'Nến sáp ong' },
      { priceVnd: 90_000, stock: 6, nameVi: 'Keo ong' },
    ],
  })
  producerId = producer.id
  ;[p1, p2, p3, p4, p5, p6] = producer.products as [
    TestProduct,
    TestProduct,
    TestProduct,
    TestProduct,
    TestProduct,
    TestProduct,
  ]
  const other = await createTestProducer({ products: [{ priceVnd: 5_000_000 }] })

  const order = (
    placedAt: string,
    status: 'PENDING' | 'CONFIRMED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED',
    lines: [TestProduct, number][],
  ) =>
    createTestOrder({
      placedAt: new Date(placedAt),
      shipments: [{ producerId, status, lines: lines.map(([product, quantity]) => ({ product, quantity })) }],
    })
  // This period (22 Oct – 20 Nov, Vietnam time).
  await order('2026-11-20T01:00:00Z', 'PENDING', [
    [p1, 2],
    [p3, 5],
  ]) // 400,000 on 20 Nov
  await order('2026-11-18T17:30:00Z', 'CONFIRMED', [[p2, 1]]) // 00:30 on 19 Nov in Hà Nội: 250,000 on 19 Nov
  await createTestOrder({
    placedAt: new Date('2026-11-01T03:00:00Z'),
    shipments: [
      { producerId, status: 'SHIPPED', lines: [{ product: p1, quantity: 1 }] }, // 100,000 on 1 Nov
      { producerId: other.id, lines: [{ product: other.products[0]!, quantity: 2 }] }, // someone else's
    ],
  })
  await order('2026-11-10T03:00:00Z', 'CANCELLED', [[p2, 4]]) // cancelled: not a sale
  await order('2026-10-21T17:30:00Z', 'PENDING', [[p3, 1]]) // 00:30 on 22 Oct: 40,000, first day
  // The period before (22 Sep – 21 Oct).
  await order('2026-10-21T10:00:00Z', 'DELIVERED', [[p3, 10]]) // 17:00 on 21 Oct: 400,000
  // Only in the 90-day comparison (25 May – 22 Aug).
  await order('2026-08-01T03:00:00Z', 'DELIVERED', [[p1, 1]])

  await certificate(p1, '2026-12-10') // 20 days left: expiring
  await certificate(p2, '2027-02-15') // 87 days left
  await certificate(p3, '2026-11-01', { number: 'QĐ-cũ' }) // expired, but renewed by the next one
  await certificate(p3, '2027-03-01') // 101 days left: not yet a concern
  await certificate(p4, '2026-11-30', { revoked: true }) // revoked: not a renewal matter
  await certificate(p5, '2026-10-01') // expired 50 days ago
  await certificate(p6, '2026-05-01') // expired long ago
})

test('30 days: sales per Vietnamese day with empty days, totals and the change against the period before', async () => {
  const dashboard = await getProducerDashboard(producerId, { period: 30, today: TODAY })
  expect(dashboard).toMatchObject({
    from: '2026-10-22',
    to: '2026-11-20',
    previousFrom: '2026-09-22',
    previousTo: '2026-10-21',
  })
  expect(dashboard.days).toHaveLength(30)
  const byDay = Object.fromEntries(dashboard.days.map((d) => [d.day, [d.revenueVnd, d.orders]]))
  expect(byDay['2026-10-22']).toEqual([40_000, 1])
  expect(byDay['2026-11-01']).toEqual([100_000, 1])
  expect(byDay['2026-11-10']).toEqual([0, 0])
  expect(byDay['2026-11-18']).toEqual([0, 0])
  expect(byDay['2026-11-19']).toEqual([250_000, 1])
  expect(byDay['2026-11-20']).toEqual([400_000, 1])
  expect(dashboard.days.filter((d) => d.orders > 0)).toHaveLength(4)
  expect(dashboard.totals).toEqual({ revenueVnd: 790_000, orders: 4 })
  expect(dashboard.previous).toEqual({ revenueVnd: 400_000, orders: 1 })
  expect(dashboard.change.revenue).toBeCloseTo(0.975)
  expect(dashboard.change.orders).toBeCloseTo(3)
})

test('90 days moves both periods back', async () => {
  const dashboard = await getProducerDashboard(producerId, { period: 90, today: TODAY })
  expect(dashboard.days).toHaveLength(90)
  expect(dashboard.from).toBe('2026-08-23')
  expect(dashboard.totals).toEqual({ revenueVnd: 1_190_000, orders: 5 })
  expect(dashboard.previous).toEqual({ revenueVnd: 100_000, orders: 1 })
})

test('top products by quantity and by revenue, without cancelled or other producers’ lines', async () => {
  const { topProducts } = await getProducerDashboard(producerId, { period: 30, today: TODAY })
  expect(topProducts.byQuantity.map((p) => [p.nameVi, p.quantity, p.revenueVnd])).toEqual([
    ['Phấn hoa', 6, 240_000],
    ['Mật ong nhãn', 3, 300_000],
    ['Sữa ong chúa', 1, 250_000],
  ])
  expect(topProducts.byRevenue.map((p) => p.nameVi)).toEqual(['Mật ong nhãn', 'Sữa ong chúa', 'Phấn hoa'])
})

test('low stock lists published products with 5 or fewer, sold out first', async () => {
  const { lowStock } = await getProducerDashboard(producerId, { today: TODAY })
  expect(lowStock.map((p) => [p.id, p.stock])).toEqual([
    [p2.id, 0],
    [p1.id, 3],
    [p5.id, 5],
  ])
})

test('certificates to renew: expiring within 90 days or expired recently, not renewed or revoked ones', async () => {
  const { certificates } = await getProducerDashboard(producerId, { today: TODAY })
  expect(certificates.map((c) => [c.productId, c.daysLeft, c.status])).toEqual([
    [p5.id, -50, 'expired'],
    [p1.id, 20, 'expiring'],
    [p2.id, 87, 'active'],
  ])
})

test('pending work counts the shipments waiting for the producer', async () => {
  const { pending } = await getProducerDashboard(producerId, { today: TODAY })
  expect(pending).toEqual({ toConfirm: 2, toShip: 1, inTransit: 1 })
})
