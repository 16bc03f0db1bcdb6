/**
 * The producer's dashboard: sales per day over the last 30 or 90 days against the period before,
 * best sellers, products running out, certificates to renew and shipments waiting for the producer.
 * Sales count the producer's shipments that are not cancelled, dated by when the order was placed
 * (Vietnam time); revenue is the shipments' goods subtotal (shipping fees go to the carrier).
 */
import { type Prisma } from '#app/generated/prisma/client.ts'
import { certificateStatus, daysUntil, type CertificateStatus } from '#app/modules/certification/certificate-status.ts'
import { addDays, vietnamDay, vietnamDayStart } from '#app/modules/orders/vietnam-time.ts'
import { now } from '#app/utils/clock.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import {
  CERTIFICATE_EXPIRED_RECENTLY_DAYS,
  CERTIFICATE_WARNING_DAYS,
  LOW_STOCK_THRESHOLD,
  TOP_PRODUCTS,
  type DashboardPeriod,
} from './dashboard-settings.ts'

export {
  DASHBOARD_PERIODS,
  LOW_STOCK_THRESHOLD,
  parseDashboardPeriod,
  type DashboardPeriod,
} from './dashboard-settings.ts'

export type SalesDay = { day: string; revenueVnd: number; orders: number }
export type SalesTotals = { revenueVnd: number; orders: number }

export type TopProduct = {
  productId: string
  nameVi: string
  nameEn: string
  quantity: number
  revenueVnd: number
}

export type LowStockProduct = { id: string; sku: string; nameVi: string; nameEn: string; stock: number }

export type CertificateWarning = {
  id: string
  productId: string
  productNameVi: string
  productNameEn: string
  stars: number
  decisionNumber: string
  expiresOn: Date
  /** Negative once expired. */
  daysLeft: number
  status: CertificateStatus
}

export type ProducerDashboard = {
  period: DashboardPeriod
  /** First and last day (YYYY-MM-DD, Vietnam time) of the period and of the one before. */
  from: string
  to: string
  previousFrom: string
  previousTo: string
  days: SalesDay[]
  totals: SalesTotals
  previous: SalesTotals
  /** Relative change against the previous period (0.25 = +25 %); null when that had nothing. */
  change: { revenue: number | null; orders: number | null }
  topProducts: { byQuantity: TopProduct[]; byRevenue: TopProduct[] }
  lowStock: LowStockProduct[]
  certificates: CertificateWarning[]
  pending: { toConfirm: number; toShip: number; inTransit: number }
}

type DayRow = { day: string; orders: number; revenue: bigint | number }

/** Sales per Vietnamese calendar day from `from` to `to` inclusive, empty days as zero. */
async function salesPerDay(producerId: string, from: string, to: string): Promise<SalesDay[]> {
  const start = vietnamDayStart(from).toISOString()
  const end = vietnamDayStart(addDays(to, 1)).toISOString()
  // "placedAt" is a UTC timestamp without zone; +7 hours gives the Vietnamese wall clock.
  const rows = await getDb().$queryRaw<DayRow[]>`
    WITH days AS (
      SELECT generate_series(${from}::date, ${to}::date, interval '1 day')::date AS day
    ), sales AS (
      SELECT (o."placedAt" + interval '7 hours')::date AS day,
             count(*)::int AS orders,
             sum(s."subtotalVnd")::bigint AS revenue
      FROM "Shipment" s
      JOIN "Order" o ON o."id" = s."orderId"
      WHERE s."producerId" = ${producerId}
        AND s."status" <> 'CANCELLED'
        AND o."placedAt" >= ${start}::timestamp
        AND o."placedAt" < ${end}::timestamp
      GROUP BY 1
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
           coalesce(sales.orders, 0)::int AS orders,
           coalesce(sales.revenue, 0)::bigint AS revenue
    FROM days LEFT JOIN sales ON sales.day = days.day
    ORDER BY days.day`
  return rows.map((row) => ({ day: row.day, orders: row.orders, revenueVnd: Number(row.revenue) }))
}

function sum(days: SalesDay[]): SalesTotals {
  return days.reduce((t, d) => ({ revenueVnd: t.revenueVnd + d.revenueVnd, orders: t.orders + d.orders }), {
    revenueVnd: 0,
    orders: 0,
  })
}

function relativeChange(current: number, previous: number): number | null {
  return previous > 0 ? (current - previous) / previous : null
}

async function topProducts(
  producerId: string,
  from: string,
  to: string,
): Promise<{ byQuantity: TopProduct[]; byRevenue: TopProduct[] }> {
  const db = getDb()
  const where: Prisma.OrderLineWhereInput = {
    shipment: { producerId, status: { not: 'CANCELLED' } },
    order: { placedAt: { gte: vietnamDayStart(from), lt: vietnamDayStart(addDays(to, 1)) } },
  }
  const [byQuantity, byRevenue] = await Promise.all([
    db.orderLine.groupBy({
      by: ['productId'],
      where,
      _sum: { quantity: true, lineTotalVnd: true },
      orderBy: [{ _sum: { quantity: 'desc' } }, { _sum: { lineTotalVnd: 'desc' } }, { productId: 'asc' }],
      take: TOP_PRODUCTS,
    }),
    db.orderLine.groupBy({
      by: ['productId'],
      where,
      _sum: { quantity: true, lineTotalVnd: true },
      orderBy: [{ _sum: { lineTotalVnd: 'desc' } }, { _sum: { quantity: 'desc' } }, { productId: 'asc' }],
      take: TOP_PRODUCTS,
    }),
  ])
  const ids = [...new Set([...byQuantity, ...byRevenue].map((r) => r.productId))]
  const products = ids.length
    ? await db.product.findMany({ where: { id: { in: ids } }, select: { id: true, nameVi: true, nameEn: true } })
    : []
  const names = new Map(products.map((p) => [p.id, p]))
  const toTop = (row: (typeof byQuantity)[number]): TopProduct => ({
    productId: row.productId,
    nameVi: names.get(row.productId)?.nameVi ?? '',
    nameEn: names.get(row.productId)?.nameEn ?? '',
    quantity: row._sum.quantity ?? 0,
    revenueVnd: row._sum.lineTotalVnd ?? 0,
  })
  return { byQuantity: byQuantity.map(toTop), byRevenue: byRevenue.map(toTop) }
}

/** Published products with little stock left, sold-out first. */
export async function lowStockProducts(producerId: string): Promise<LowStockProduct[]> {
  return getDb().product.findMany({
    where: { producerId, status: 'PUBLISHED', stock: { lte: LOW_STOCK_THRESHOLD } },
    orderBy: [{ stock: 'asc' }, { nameVi: 'asc' }],
    select: { id: true, sku: true, nameVi: true, nameEn: true, stock: true },
  })
}

/**
 * For each product still on the producer's books, its latest certificate that is not revoked, when
 * it expires within CERTIFICATE_WARNING_DAYS or expired within CERTIFICATE_EXPIRED_RECENTLY_DAYS.
 * A product already renewed (a newer certificate) is not listed.
 */
export async function certificateWarnings(producerId: string, today: Date = now()): Promise<CertificateWarning[]> {
  const products = await getDb().product.findMany({
    where: { producerId, status: { not: 'ARCHIVED' } },
    select: {
      id: true,
      nameVi: true,
      nameEn: true,
      certificates: {
        where: { revokedAt: null },
        orderBy: [{ expiresOn: 'desc' }, { issuedOn: 'desc' }],
        take: 1,
        select: { id: true, stars: true, decisionNumber: true, issuedOn: true, expiresOn: true, revokedAt: true },
      },
    },
  })
  const warnings: CertificateWarning[] = []
  for (const product of products) {
    const certificate = product.certificates[0]
    if (!certificate) continue
    const daysLeft = daysUntil(certificate.expiresOn, today)
    if (daysLeft > CERTIFICATE_WARNING_DAYS || daysLeft < -CERTIFICATE_EXPIRED_RECENTLY_DAYS) continue
    warnings.push({
      id: certificate.id,
      productId: product.id,
      productNameVi: product.nameVi,
      productNameEn: product.nameEn,
      stars: certificate.stars,
      decisionNumber: certificate.decisionNumber,
      expiresOn: certificate.expiresOn,
      daysLeft,
      status: certificateStatus(certificate, today),
    })
  }
  return warnings.sort((a, b) => a.daysLeft - b.daysLeft || a.productNameVi.localeCompare(b.productNameVi, 'vi'))
}

async function pendingWork(producerId: string): Promise<ProducerDashboard['pending']> {
  const grouped = await getDb().shipment.groupBy({
    by: ['status'],
    where: { producerId, status: { in: ['PENDING', 'CONFIRMED', 'SHIPPED'] } },
    _count: { _all: true },
  })
  const count = (status: string) => grouped.find((g) => g.status === status)?._count._all ?? 0
  return { toConfirm: count('PENDING'), toShip: count('CONFIRMED'), inTransit: count('SHIPPED') }
}

export async function getProducerDashboard(
  producerId: string,
  options: { period?: DashboardPeriod; today?: Date } = {},
): Promise<ProducerDashboard> {
  const period = options.period ?? 30
  const today = options.today ?? now()
  const to = vietnamDay(today)
  const from = addDays(to, -(period - 1))
  const previousTo = addDays(from, -1)
  const previousFrom = addDays(previousTo, -(period - 1))
  const [allDays, top, lowStock, certificates, pending] = await Promise.all([
    salesPerDay(producerId, previousFrom, to),
    topProducts(producerId, from, to),
    lowStockProducts(producerId),
    certificateWarnings(producerId, today),
    pendingWork(producerId),
  ])
  const days = allDays.slice(period)
  const totals = sum(days)
  const previous = sum(allDays.slice(0, period))
  return {
    period,
    from,
    to,
    previousFrom,
    previousTo,
    days,
    totals,
    previous,
    change: {
      revenue: relativeChange(totals.revenueVnd, previous.revenueVnd),
      orders: relativeChange(totals.orders, previous.orders),
    },
    topProducts: top,
    lowStock,
    certificates,
    pending,
  }
}
