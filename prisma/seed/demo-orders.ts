/**
 * Demo orders: about sixty orders over the last ninety days so that the seller dashboards and order
 * lists have something to show, above all for the two demo producers (ong@ocop.local and
 * lua@ocop.local), who get a few shipments in every state. Orders are historical: stock is not
 * decremented. Deterministic content (a seeded PRNG); ids are fresh on every run.
 */
import { type PaymentMethod, type Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { CARRIERS } from '#app/modules/orders/carriers.ts'
import { generateOrderNumber } from '#app/modules/orders/order-number.ts'
import { settledOrderStatus, type ShipmentStatus } from '#app/modules/orders/shipment-state.ts'
import { addDays, vietnamDay, vietnamDayStart } from '#app/modules/orders/vietnam-time.ts'
import { mulberry32, type Random } from '#app/utils/random.ts'
import { COMMUNES } from './reference-data.ts'
import { createId } from './run-seed.ts'

const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

/** The demo producers whose members log in (prisma/seed/demo-accounts.ts). */
const DEMO_PRODUCERS = ['htx-ong-tuan-minh', 'htx-det-lua-van-phuc'] as const
const OTHER_PRODUCERS = [
  'nong-nghiep-cnc-thang-long',
  'tra-sen-hien-xiem',
  'htx-vun-art',
  'mat-ong-vinh-hoa',
  'my-nghe-dai-viet',
  'tra-vinh-farm',
  'nuoc-mam-khai-hoan',
  'banh-trang-tan-nhien',
  'htx-che-hao-dat',
] as const

const BUYERS = [
  'Nguyễn Văn An',
  'Trần Thị Bích Ngọc',
  'Lê Hoàng Nam',
  'Phạm Thị Mai',
  'Hoàng Đức Thắng',
  'Vũ Thị Lan Anh',
  'Đặng Quốc Huy',
  'Bùi Thị Thu Trang',
  'Đỗ Minh Khôi',
  'Hồ Thị Hạnh',
  'Ngô Thanh Tùng',
  'Dương Thị Yến',
  'Lý Gia Bảo',
  'Phan Thị Kim Oanh',
  'Trịnh Văn Long',
  'Đinh Thị Phương',
  'Mai Anh Tuấn',
  'Tạ Thị Hồng Nhung',
  'Lương Văn Phúc',
  'Châu Ngọc Hân',
  'Huỳnh Tấn Phát',
  'Võ Thị Ngọc Diễm',
  'Trương Công Danh',
  'Kiều Thị Minh Thư',
  'Quách Văn Đạt',
  'Nông Thị Hoa',
  'Lò Văn Sơn',
  'Cao Thị Xuân',
  'Tô Hoài Nam',
  'La Thị Thảo',
]

const STREETS = [
  'Số 18 ngõ 42 phố Hào Nam',
  'Số 7 đường Lê Lợi',
  'Thôn Đông, số nhà 25',
  'Số 112 đường Nguyễn Trãi',
  'Tổ 5, số 36 đường Trần Phú',
  'Số 3 hẻm 14 đường Ba Tháng Hai',
  'Xóm Chùa, số 9',
  'Số 240 đường Hùng Vương',
  'Số 56 phố Quang Trung',
  'Số 12 đường Hai Bà Trưng',
  'Số 88 đường Lý Thường Kiệt',
  'Thôn Trung, số nhà 4',
]

const NOTES = ['Giao giờ hành chính giúp tôi.', 'Gọi điện trước khi giao.', 'Quà biếu, xin gói cẩn thận.']

const CANCEL_REASONS: Record<Exclude<ShipmentStatus, 'DELIVERED' | 'CANCELLED'>, string[]> = {
  PENDING: ['Khách đổi ý, gọi điện xin hủy đơn.', 'Khách đặt trùng đơn.'],
  CONFIRMED: ['Lô hàng không đạt kiểm tra chất lượng trước khi gửi, đã báo khách.', 'Khách đổi địa chỉ ra nước ngoài.'],
  SHIPPED: ['Không liên lạc được người nhận, hàng hoàn về.', 'Khách từ chối nhận hàng, hàng hoàn về.'],
}

/** The demo customer (khach@ocop.local) orders with the same phone every time. */
const CUSTOMER_PHONE = '0912345678'
const PHONE_PREFIXES = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '086',
  '088',
  '032',
  '035',
  '038',
  '077',
  '083',
]

type SeedProduct = {
  id: string
  sku: string
  nameVi: string
  nameEn: string
  unitVi: string
  priceVnd: number
  weightGrams: number
}
type SeedProducer = { id: string; slug: string; products: SeedProduct[]; actorUserId: string | null }

function int(r: Random, min: number, max: number): number {
  return min + Math.floor(r() * (max - min + 1))
}

function pick<T>(r: Random, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!
}

function shuffled<T>(r: Random, items: readonly T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

const FORWARD = ['PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED'] as const

/** The statuses a shipment went through to reach `status` (cancelled after `cancelledFrom`). */
function pathTo(status: ShipmentStatus, cancelledFrom?: ShipmentStatus): ShipmentStatus[] {
  if (status !== 'CANCELLED') return FORWARD.slice(0, FORWARD.indexOf(status) + 1)
  return [...FORWARD.slice(0, FORWARD.indexOf(cancelledFrom as (typeof FORWARD)[number]) + 1), 'CANCELLED']
}

/** Hours between one step and the next. */
const STEP_HOURS: Record<ShipmentStatus, [number, number]> = {
  PENDING: [0, 0],
  CONFIRMED: [1, 6],
  SHIPPED: [10, 30],
  DELIVERED: [24, 72],
  CANCELLED: [2, 48],
}

/** How far a shipment placed `age` days ago has got, as things usually go. */
function statusForAge(r: Random, age: number): ShipmentStatus {
  if (age <= 0) return 'PENDING'
  if (age === 1) return r() < 0.5 ? 'PENDING' : 'CONFIRMED'
  if (age <= 3) return r() < 0.5 ? 'CONFIRMED' : 'SHIPPED'
  if (age <= 6) return r() < 0.6 ? 'SHIPPED' : 'DELIVERED'
  return r() < 0.86 ? 'DELIVERED' : 'CANCELLED'
}

/** The two demo producers each get these recent orders, so every tab of their order list has rows. */
const RECENT: { daysAgo: number; status: ShipmentStatus; cancelledFrom?: 'PENDING' | 'CONFIRMED' | 'SHIPPED' }[] = [
  { daysAgo: 0, status: 'PENDING' },
  { daysAgo: 1, status: 'PENDING' },
  { daysAgo: 1, status: 'CONFIRMED' },
  { daysAgo: 2, status: 'CANCELLED', cancelledFrom: 'PENDING' },
  { daysAgo: 3, status: 'SHIPPED' },
]

const TOTAL_ORDERS = 60
const PROVINCE_CODES = [...new Set(COMMUNES.map((c) => c.provinceCode))]

export async function seedDemoOrders(db: PrismaClient, options: { today?: Date } = {}): Promise<number> {
  if ((await db.order.count()) > 0) return 0
  const now = options.today ?? new Date()
  const r = mulberry32(20_261_128)

  const slugs = [...DEMO_PRODUCERS, ...OTHER_PRODUCERS]
  const rows = await db.producer.findMany({
    where: { slug: { in: slugs } },
    select: {
      id: true,
      slug: true,
      members: { orderBy: { createdAt: 'asc' }, take: 1, select: { userId: true } },
      products: {
        where: { status: 'PUBLISHED' },
        orderBy: { sku: 'asc' },
        select: { id: true, sku: true, nameVi: true, nameEn: true, unitVi: true, priceVnd: true, weightGrams: true },
      },
    },
  })
  const producers = new Map<string, SeedProducer>(
    rows
      .filter((p) => p.products.length > 0)
      .map((p) => [
        p.slug,
        { id: p.id, slug: p.slug, products: p.products, actorUserId: p.members[0]?.userId ?? null },
      ]),
  )
  const demo = DEMO_PRODUCERS.map((slug) => producers.get(slug)).filter((p): p is SeedProducer => Boolean(p))
  const others = OTHER_PRODUCERS.map((slug) => producers.get(slug)).filter((p): p is SeedProducer => Boolean(p))
  const everyone = [...demo, ...others]
  if (everyone.length === 0) return 0
  const customer = await db.user.findUnique({ where: { email: 'khach@ocop.local' }, select: { id: true, name: true } })

  const orders: Prisma.OrderCreateManyInput[] = []
  const shipments: Prisma.ShipmentCreateManyInput[] = []
  const lines: Prisma.OrderLineCreateManyInput[] = []
  const events: (Prisma.OrderEventCreateManyInput & { createdAt: Date })[] = []
  const numbers = new Set<string>()
  const latest = now.getTime() - 5 * MINUTE_MS
  const clamp = (time: number) => new Date(Math.min(time, latest))

  for (let i = 0; i < TOTAL_ORDERS; i++) {
    // Plan: which producers, how old, which state for the first shipment.
    const recentIndex = Math.floor(i / 2)
    const scripted = demo.length > 0 && recentIndex < RECENT.length ? RECENT[recentIndex] : undefined
    const primary = scripted
      ? demo[i % demo.length]!
      : i % 3 === 2 || demo.length === 0
        ? pick(r, others.length > 0 ? others : demo)
        : demo[i % demo.length]!
    // The older orders are spread evenly over the rest of the ninety days, a little jittered.
    const scriptedCount = demo.length > 0 ? RECENT.length * 2 : 0
    const daysAgo = scripted
      ? scripted.daysAgo
      : 4 + Math.floor(((i - scriptedCount + r()) * 86) / (TOTAL_ORDERS - scriptedCount))
    const parties = [primary]
    // Some orders span two producers: every fourth scripted one pairs the demo producers.
    const pairDemo = scripted && recentIndex % 4 === 0 && demo.length === 2
    if (pairDemo) parties.push(demo.find((p) => p !== primary)!)
    else if (r() < 0.22) {
      const second = pick(r, everyone)
      if (second !== primary) parties.push(second)
    }

    const dayStart = vietnamDayStart(addDays(vietnamDay(now), -daysAgo)).getTime()
    let placed = dayStart + int(r, 7, 21) * HOUR_MS + int(r, 0, 59) * MINUTE_MS
    // Today's orders cannot be later than now: spread them over the hours that have passed.
    if (placed > latest) {
      const passedMinutes = Math.floor(Math.max(0, Math.min(latest - dayStart, 8 * HOUR_MS)) / MINUTE_MS)
      placed = latest - int(r, 0, passedMinutes) * MINUTE_MS
    }
    const placedAt = new Date(placed)
    let number = generateOrderNumber(placedAt, (max) => Math.floor(r() * max))
    while (numbers.has(number)) number = generateOrderNumber(placedAt, (max) => Math.floor(r() * max))
    numbers.add(number)

    const ownAccount = customer && i % 9 === 4
    const contactName = ownAccount ? customer.name : pick(r, BUYERS)
    // A province first, then one of its communes: Hà Nội has most seeded communes, not most buyers.
    const provinceCode = pick(r, PROVINCE_CODES)
    const commune = pick(
      r,
      COMMUNES.filter((c) => c.provinceCode === provinceCode),
    )
    const paymentMethod: PaymentMethod = pick(r, ['COD', 'COD', 'COD', 'VIETQR', 'VIETQR', 'STRIPE'] as const)
    const orderId = createId()
    const orderEvents: typeof events = []

    const shipmentStatuses: ShipmentStatus[] = []
    let orderSubtotal = 0
    let orderShipping = 0
    for (const [position, producer] of parties.entries()) {
      const status = position === 0 && scripted ? scripted.status : statusForAge(r, daysAgo)
      shipmentStatuses.push(status)
      const shipmentId = createId()
      const chosen = shuffled(r, producer.products).slice(0, r() < 0.3 ? 2 : 1)
      let subtotal = 0
      let weight = 0
      for (const product of chosen) {
        const quantity = product.priceVnd >= 1_000_000 ? 1 : pick(r, [1, 1, 1, 2, 2, 3, 4])
        subtotal += product.priceVnd * quantity
        weight += product.weightGrams * quantity
        lines.push({
          id: createId(),
          orderId,
          shipmentId,
          productId: product.id,
          sku: product.sku,
          nameVi: product.nameVi,
          nameEn: product.nameEn,
          unitVi: product.unitVi,
          priceVnd: product.priceVnd,
          quantity,
          lineTotalVnd: product.priceVnd * quantity,
        })
      }
      const shippingFeeVnd = 25_000 + 8_000 * Math.floor(weight / 1000)
      const codFeeVnd = paymentMethod === 'COD' ? Math.max(5_000, Math.round((subtotal * 0.008) / 1000) * 1000) : 0
      orderSubtotal += subtotal
      orderShipping += shippingFeeVnd + codFeeVnd

      // The way the shipment went, step by step, each step a little after the one before.
      const cancelledFrom =
        status === 'CANCELLED'
          ? ((position === 0 ? scripted?.cancelledFrom : undefined) ??
            pick(r, ['PENDING', 'CONFIRMED', 'SHIPPED'] as const))
          : undefined
      const path = pathTo(status, cancelledFrom)
      const at: Partial<Record<ShipmentStatus, Date>> = {}
      let time = placedAt.getTime()
      const carrier = pick(
        r,
        CARRIERS.filter((c) => c.code !== 'OTHER'),
      ).name
      const trackingCode = `${carrier.replace(/[^A-Z]/g, '').slice(0, 3) || 'VN'}${int(r, 10_000_000, 99_999_999)}`
      const cancelReason = cancelledFrom ? pick(r, CANCEL_REASONS[cancelledFrom]) : null
      for (let step = 1; step < path.length; step++) {
        const to = path[step]!
        const [min, max] = STEP_HOURS[to]
        time = Math.max(time + MINUTE_MS, clamp(time + int(r, min, max) * HOUR_MS).getTime())
        at[to] = new Date(time)
        orderEvents.push({
          orderId,
          shipmentId,
          fromStatus: path[step - 1]!,
          toStatus: to,
          actorUserId: producer.actorUserId,
          note: to === 'SHIPPED' ? `${carrier} · ${trackingCode}` : to === 'CANCELLED' ? cancelReason : null,
          createdAt: at[to],
        })
      }
      const shipped = path.includes('SHIPPED')
      shipments.push({
        id: shipmentId,
        orderId,
        producerId: producer.id,
        status,
        subtotalVnd: subtotal,
        shippingFeeVnd,
        codFeeVnd,
        carrier: shipped ? carrier : null,
        trackingCode: shipped ? trackingCode : null,
        cancelReason,
        confirmedAt: at.CONFIRMED ?? null,
        shippedAt: at.SHIPPED ?? null,
        deliveredAt: at.DELIVERED ?? null,
        cancelledAt: at.CANCELLED ?? null,
        createdAt: placedAt,
      })
    }

    const prepaid = paymentMethod !== 'COD'
    const settled = settledOrderStatus(shipmentStatuses)
    const openStatus = prepaid ? 'PAID' : 'PLACED'
    const placedEvents: typeof events = prepaid
      ? [
          { orderId, fromStatus: null, toStatus: 'AWAITING_PAYMENT', createdAt: placedAt },
          {
            orderId,
            fromStatus: 'AWAITING_PAYMENT',
            toStatus: 'PAID',
            note: paymentMethod === 'VIETQR' ? 'Chuyển khoản VietQR' : 'Stripe',
            createdAt: new Date(placedAt.getTime() + 2 * MINUTE_MS),
          },
        ]
      : [{ orderId, fromStatus: null, toStatus: 'PLACED', createdAt: placedAt }]
    orderEvents.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    if (settled) {
      const last = orderEvents[orderEvents.length - 1]!
      orderEvents.push({
        orderId,
        fromStatus: openStatus,
        toStatus: settled,
        actorUserId: last.actorUserId ?? null,
        createdAt: last.createdAt,
      })
    }
    events.push(...placedEvents.map((e) => ({ ...e, actorUserId: ownAccount ? customer.id : null })), ...orderEvents)
    orders.push({
      id: orderId,
      number,
      userId: ownAccount ? customer.id : null,
      status: settled ?? openStatus,
      paymentMethod,
      contactName,
      phone: ownAccount ? CUSTOMER_PHONE : `${pick(r, PHONE_PREFIXES)}${int(r, 1_000_000, 9_999_999)}`,
      email: ownAccount ? 'khach@ocop.local' : r() < 0.5 ? `khach${i + 1}@example.com` : null,
      provinceCode: commune.provinceCode,
      communeCode: commune.code,
      street: pick(r, STREETS),
      note: r() < 0.2 ? pick(r, NOTES) : null,
      subtotalVnd: orderSubtotal,
      shippingVnd: orderShipping,
      totalVnd: orderSubtotal + orderShipping,
      placedAt,
    })
  }

  await db.$transaction(
    async (tx) => {
      await tx.order.createMany({ data: orders })
      await tx.shipment.createMany({ data: shipments })
      await tx.orderLine.createMany({ data: lines })
      await tx.orderEvent.createMany({ data: events })
    },
    { maxWait: 10_000, timeout: 60_000 },
  )
  return orders.length
}
