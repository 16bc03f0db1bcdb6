/**
 * The buyer's view of orders: one order with its shipments (one per producer), lines, timeline and
 * address, and a user's order history. Access is decided by the caller (order-access.server.ts).
 */
import { type OrderStatus, type PaymentMethod, type ShipmentStatus } from '#app/generated/prisma/client.ts'
import { getDb } from '#app/utils/db.server.ts'

export type OrderRef = { id: string; number: string; userId: string | null }

export async function findOrderRef(number: string): Promise<OrderRef | null> {
  return getDb().order.findUnique({ where: { number }, select: { id: true, number: true, userId: true } })
}

export type BuyerOrderLine = {
  id: string
  productId: string
  nameVi: string
  nameEn: string
  unitVi: string
  priceVnd: number
  quantity: number
  lineTotalVnd: number
}

export type BuyerShipment = {
  id: string
  producerName: string
  producerSlug: string
  status: ShipmentStatus
  subtotalVnd: number
  shippingFeeVnd: number
  codFeeVnd: number
  carrier: string | null
  trackingCode: string | null
  cancelReason: string | null
  lines: BuyerOrderLine[]
}

export type BuyerOrderEvent = {
  id: string
  /** Null for the order's own events. */
  producerName: string | null
  fromStatus: string | null
  toStatus: string
  createdAt: Date
}

export type BuyerOrder = {
  id: string
  number: string
  userId: string | null
  status: OrderStatus
  paymentMethod: PaymentMethod
  currency: string
  placedAt: Date
  paidAt: Date | null
  holdExpiresAt: Date | null
  contactName: string
  phone: string
  email: string | null
  street: string
  note: string | null
  commune: { name: string; kind: string } | null
  province: { nameVi: string; nameEn: string } | null
  subtotalVnd: number
  shippingVnd: number
  totalVnd: number
  shipments: BuyerShipment[]
  events: BuyerOrderEvent[]
}

export async function getBuyerOrder(orderId: string): Promise<BuyerOrder | null> {
  const db = getDb()
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      userId: true,
      status: true,
      paymentMethod: true,
      currency: true,
      placedAt: true,
      paidAt: true,
      holdExpiresAt: true,
      contactName: true,
      phone: true,
      email: true,
      street: true,
      note: true,
      provinceCode: true,
      communeCode: true,
      subtotalVnd: true,
      shippingVnd: true,
      totalVnd: true,
      shipments: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          status: true,
          subtotalVnd: true,
          shippingFeeVnd: true,
          codFeeVnd: true,
          carrier: true,
          trackingCode: true,
          cancelReason: true,
          producer: { select: { name: true, slug: true } },
          lines: {
            orderBy: { sku: 'asc' },
            select: {
              id: true,
              productId: true,
              nameVi: true,
              nameEn: true,
              unitVi: true,
              priceVnd: true,
              quantity: true,
              lineTotalVnd: true,
            },
          },
        },
      },
      events: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, shipmentId: true, fromStatus: true, toStatus: true, createdAt: true },
      },
    },
  })
  if (!order) return null
  const [commune, province] = await Promise.all([
    db.commune.findUnique({ where: { code: order.communeCode }, select: { name: true, kind: true } }),
    db.province.findUnique({ where: { code: order.provinceCode }, select: { nameVi: true, nameEn: true } }),
  ])
  const producerOf = new Map(order.shipments.map((s) => [s.id, s.producer.name]))
  const { provinceCode: _p, communeCode: _c, shipments, events, ...rest } = order
  return {
    ...rest,
    commune,
    province,
    shipments: shipments.map(({ producer, ...s }) => ({
      ...s,
      producerName: producer.name,
      producerSlug: producer.slug,
    })),
    events: events.map((e) => ({
      id: String(e.id),
      producerName: e.shipmentId ? (producerOf.get(e.shipmentId) ?? null) : null,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      createdAt: e.createdAt,
    })),
  }
}

export const ORDER_HISTORY_PAGE_SIZE = 20

export type OrderHistory = {
  items: { number: string; placedAt: Date; status: OrderStatus; totalVnd: number; itemCount: number }[]
  page: number
  pageCount: number
  total: number
}

/** A user's orders, newest first; a page beyond the last answers the last page. */
export async function listUserOrders(userId: string, requestedPage = 1): Promise<OrderHistory> {
  const db = getDb()
  const total = await db.order.count({ where: { userId } })
  const pageCount = Math.max(1, Math.ceil(total / ORDER_HISTORY_PAGE_SIZE))
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pageCount)
  const orders = await db.order.findMany({
    where: { userId },
    orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * ORDER_HISTORY_PAGE_SIZE,
    take: ORDER_HISTORY_PAGE_SIZE,
    select: { id: true, number: true, placedAt: true, status: true, totalVnd: true },
  })
  const counts = orders.length
    ? await db.orderLine.groupBy({
        by: ['orderId'],
        where: { orderId: { in: orders.map((o) => o.id) } },
        _sum: { quantity: true },
      })
    : []
  const countOf = new Map(counts.map((c) => [c.orderId, c._sum.quantity ?? 0]))
  return {
    items: orders.map(({ id, ...o }) => ({ ...o, itemCount: countOf.get(id) ?? 0 })),
    page,
    pageCount,
    total,
  }
}
