/**
 * A producer's side of orders: its shipments (its share of each order), their details and the
 * moves of the shipment state machine. Every query is scoped by `producerId`, so the id of another
 * producer's shipment finds nothing, and a producer never reads another producer's lines or totals.
 */
import { type OrderStatus, type PaymentMethod } from '#app/generated/prisma/client.ts'
import { getDb } from '#app/utils/db.server.ts'
import {
  checkTransition,
  SHIPMENT_STATUSES,
  settledOrderStatus,
  type ShipmentStatus,
  type TransitionRequest,
} from './shipment-state.ts'

export const SHIPMENTS_PAGE_SIZE = 20

type PlaceName = { nameVi: string; nameEn: string }

export type ShipmentListItem = {
  id: string
  status: ShipmentStatus
  orderNumber: string
  placedAt: Date
  buyerName: string
  province: PlaceName | null
  lineCount: number
  subtotalVnd: number
}

export type ShipmentList = {
  items: ShipmentListItem[]
  page: number
  pageCount: number
  total: number
  /** Shipments per status (and ALL), for the tabs. */
  counts: Record<ShipmentStatus | 'ALL', number>
}

async function provinceNames(codes: string[]): Promise<Map<string, PlaceName>> {
  if (codes.length === 0) return new Map()
  const provinces = await getDb().province.findMany({
    where: { code: { in: [...new Set(codes)] } },
    select: { code: true, nameVi: true, nameEn: true },
  })
  return new Map(provinces.map((p) => [p.code, { nameVi: p.nameVi, nameEn: p.nameEn }]))
}

/** Newest first; a page beyond the last answers the last page. */
export async function listShipments(
  producerId: string,
  options: { status?: ShipmentStatus | null; page?: number; pageSize?: number } = {},
): Promise<ShipmentList> {
  const db = getDb()
  const pageSize = options.pageSize ?? SHIPMENTS_PAGE_SIZE
  const where = { producerId, ...(options.status ? { status: options.status } : {}) }
  const grouped = await db.shipment.groupBy({ by: ['status'], where: { producerId }, _count: { _all: true } })
  const counts = Object.fromEntries([...SHIPMENT_STATUSES, 'ALL'].map((s) => [s, 0])) as ShipmentList['counts']
  for (const row of grouped) {
    counts[row.status] = row._count._all
    counts.ALL += row._count._all
  }
  const total = options.status ? counts[options.status] : counts.ALL
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount)
  const rows = await db.shipment.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      status: true,
      subtotalVnd: true,
      _count: { select: { lines: true } },
      order: { select: { number: true, placedAt: true, contactName: true, provinceCode: true } },
    },
  })
  const provinces = await provinceNames(rows.map((r) => r.order.provinceCode))
  return {
    items: rows.map((row) => ({
      id: row.id,
      status: row.status,
      orderNumber: row.order.number,
      placedAt: row.order.placedAt,
      buyerName: row.order.contactName,
      province: provinces.get(row.order.provinceCode) ?? null,
      lineCount: row._count.lines,
      subtotalVnd: row.subtotalVnd,
    })),
    page,
    pageCount,
    total,
    counts,
  }
}

/** Just enough of one of the producer's shipments to answer a form: null when not the producer's. */
export async function findShipmentRef(
  producerId: string,
  shipmentId: string,
): Promise<{ id: string; status: ShipmentStatus; orderNumber: string } | null> {
  const shipment = await getDb().shipment.findFirst({
    where: { id: shipmentId, producerId },
    select: { id: true, status: true, order: { select: { number: true } } },
  })
  return shipment ? { id: shipment.id, status: shipment.status, orderNumber: shipment.order.number } : null
}

export type ShipmentEvent = {
  id: string
  /** `order` for the order's own events (placed, delivered or cancelled as a whole). */
  scope: 'shipment' | 'order'
  fromStatus: string | null
  toStatus: string
  note: string | null
  /** The name of whoever made a change to this shipment; order-level events show none. */
  actorName: string | null
  createdAt: Date
}

export type ShipmentDetail = {
  id: string
  status: ShipmentStatus
  subtotalVnd: number
  shippingFeeVnd: number
  codFeeVnd: number
  carrier: string | null
  trackingCode: string | null
  cancelReason: string | null
  confirmedAt: Date | null
  shippedAt: Date | null
  deliveredAt: Date | null
  cancelledAt: Date | null
  order: {
    number: string
    status: OrderStatus
    paymentMethod: PaymentMethod
    placedAt: Date
    contactName: string
    phone: string
    email: string | null
    street: string
    note: string | null
    commune: { name: string; kind: string } | null
    province: PlaceName | null
  }
  lines: {
    id: string
    productId: string
    sku: string
    nameVi: string
    nameEn: string
    unitVi: string
    priceVnd: number
    quantity: number
    lineTotalVnd: number
  }[]
  events: ShipmentEvent[]
}

/** One of the producer's shipments with only its own lines, or null (unknown or another producer's). */
export async function getShipment(producerId: string, shipmentId: string): Promise<ShipmentDetail | null> {
  const db = getDb()
  const shipment = await db.shipment.findFirst({
    where: { id: shipmentId, producerId },
    select: {
      id: true,
      orderId: true,
      status: true,
      subtotalVnd: true,
      shippingFeeVnd: true,
      codFeeVnd: true,
      carrier: true,
      trackingCode: true,
      cancelReason: true,
      confirmedAt: true,
      shippedAt: true,
      deliveredAt: true,
      cancelledAt: true,
      order: {
        select: {
          number: true,
          status: true,
          paymentMethod: true,
          placedAt: true,
          contactName: true,
          phone: true,
          email: true,
          street: true,
          note: true,
          provinceCode: true,
          communeCode: true,
        },
      },
      lines: {
        orderBy: { sku: 'asc' },
        select: {
          id: true,
          productId: true,
          sku: true,
          nameVi: true,
          nameEn: true,
          unitVi: true,
          priceVnd: true,
          quantity: true,
          lineTotalVnd: true,
        },
      },
    },
  })
  if (!shipment) return null
  const { order } = shipment
  const [commune, provinces, events] = await Promise.all([
    db.commune.findUnique({ where: { code: order.communeCode }, select: { name: true, kind: true } }),
    provinceNames([order.provinceCode]),
    db.orderEvent.findMany({
      where: { orderId: shipment.orderId, OR: [{ shipmentId: shipment.id }, { shipmentId: null }] },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        shipmentId: true,
        fromStatus: true,
        toStatus: true,
        note: true,
        actorUserId: true,
        createdAt: true,
      },
    }),
  ])
  const actorIds = [...new Set(events.flatMap((e) => (e.shipmentId && e.actorUserId ? [e.actorUserId] : [])))]
  const actors = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : []
  const actorNames = new Map(actors.map((a) => [a.id, a.name]))
  const { orderId: _orderId, order: _order, ...rest } = shipment
  return {
    ...rest,
    order: {
      number: order.number,
      status: order.status,
      paymentMethod: order.paymentMethod,
      placedAt: order.placedAt,
      contactName: order.contactName,
      phone: order.phone,
      email: order.email,
      street: order.street,
      note: order.note,
      commune,
      province: provinces.get(order.provinceCode) ?? null,
    },
    events: events.map((e) => ({
      id: String(e.id),
      scope: e.shipmentId ? 'shipment' : 'order',
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      // Order-level notes may come from another producer's move: only this shipment's are shown.
      note: e.shipmentId ? e.note : null,
      actorName: e.shipmentId && e.actorUserId ? (actorNames.get(e.actorUserId) ?? null) : null,
      createdAt: e.createdAt,
    })),
  }
}

export type TransitionInput = TransitionRequest & {
  /** The status the user saw; when the shipment has moved since, the answer is `stale`. */
  from?: ShipmentStatus
}

export type TransitionResult =
  | { kind: 'ok'; from: ShipmentStatus; to: ShipmentStatus; orderStatus: OrderStatus }
  | { kind: 'not-found' }
  | {
      kind: 'invalid-transition'
      from: ShipmentStatus
      to: ShipmentStatus
      /** Set when the move is allowed but a required value is missing. */
      missing?: 'carrier' | 'trackingCode' | 'reason'
    }
  | { kind: 'stale'; current: ShipmentStatus }

/**
 * Moves one of the producer's shipments, in one transaction: a conditional update (only if the
 * shipment still has the status it was read with), its event, the stock of a cancelled shipment
 * returned to the products, and the order settled once every shipment is delivered or cancelled.
 * The order row is locked first, so that two producers settling the same order one after the
 * other see each other's shipment. User mistakes come back as results, never as exceptions.
 */
export async function transitionShipment(
  producerId: string,
  shipmentId: string,
  actorUserId: string,
  input: TransitionInput,
): Promise<TransitionResult> {
  return getDb().$transaction(async (tx) => {
    const found = await tx.shipment.findFirst({ where: { id: shipmentId, producerId }, select: { orderId: true } })
    if (!found) return { kind: 'not-found' }
    await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${found.orderId} FOR UPDATE`
    const current = await tx.shipment.findFirstOrThrow({
      where: { id: shipmentId, producerId },
      select: { status: true, order: { select: { status: true } } },
    })
    const from = current.status
    if (input.from && input.from !== from) return { kind: 'stale', current: from }
    const check = checkTransition(from, input)
    if (!check.ok) {
      return check.error === 'missing'
        ? { kind: 'invalid-transition', from, to: input.to, missing: check.field }
        : { kind: 'invalid-transition', from, to: input.to }
    }
    const { changes } = check
    const at = new Date()
    const updated = await tx.shipment.updateMany({
      where: { id: shipmentId, producerId, status: from },
      data: {
        status: changes.status,
        [changes.timestampColumn]: at,
        ...(changes.carrier !== undefined ? { carrier: changes.carrier, trackingCode: changes.trackingCode } : {}),
        ...(changes.cancelReason !== undefined ? { cancelReason: changes.cancelReason } : {}),
      },
    })
    if (updated.count !== 1) {
      const latest = await tx.shipment.findFirst({ where: { id: shipmentId, producerId }, select: { status: true } })
      return latest ? { kind: 'stale', current: latest.status } : { kind: 'not-found' }
    }
    await tx.orderEvent.create({
      data: {
        orderId: found.orderId,
        shipmentId,
        fromStatus: from,
        toStatus: changes.status,
        actorUserId,
        note: changes.note,
        createdAt: at,
      },
    })

    if (changes.status === 'CANCELLED') {
      // By product id, so that concurrent cancellations lock product rows in the same order.
      const returned = await tx.orderLine.groupBy({
        by: ['productId'],
        where: { shipmentId },
        _sum: { quantity: true },
        orderBy: { productId: 'asc' },
      })
      for (const line of returned) {
        await tx.product.update({
          where: { id: line.productId },
          data: { stock: { increment: line._sum.quantity ?? 0 } },
          select: { id: true },
        })
      }
    }

    let orderStatus = current.order.status
    const siblings = await tx.shipment.findMany({ where: { orderId: found.orderId }, select: { status: true } })
    const settled = settledOrderStatus(siblings.map((s) => s.status))
    if (settled && orderStatus !== settled && orderStatus !== 'REFUNDED') {
      await tx.order.update({ where: { id: found.orderId }, data: { status: settled }, select: { id: true } })
      await tx.orderEvent.create({
        data: {
          orderId: found.orderId,
          shipmentId: null,
          fromStatus: orderStatus,
          toStatus: settled,
          actorUserId,
          createdAt: at,
        },
      })
      orderStatus = settled
    }
    return { kind: 'ok', from, to: changes.status, orderStatus }
  })
}
