/**
 * Placing an order: the cart becomes an order in one transaction, or nothing happens.
 *
 * Prices, weights and fees are read from the database inside the transaction (priceCart): nothing
 * the browser sends sets a price. Stock is taken last, with one conditional UPDATE per product
 * (published, verified producer, enough left, and still the price and weight just read) in
 * product-id order: two orders never wait on each other's rows in opposite orders (no deadlock),
 * stock can never go below zero whatever runs at the same time in however many processes, and a
 * rush on one product holds its row only for that UPDATE and the commit. A product that fails rolls
 * everything back: sold out is answered, a price changed in between prices the order again. The
 * checkout form's one-time key makes a replayed post (double click, back and resubmit, a retry
 * after a timeout) find the order it already placed.
 */
import { type PaymentMethod, type Prisma } from '#app/generated/prisma/client.ts'
import { type Locale } from '#app/i18n/locale.ts'
import { priceCart, placeOfCommune, type PricedCart, type PricedLine } from '#app/modules/cart/cart-pricing.server.ts'
import { clearLines } from '#app/modules/cart/cart.server.ts'
import { withUniqueOrderNumber } from '#app/modules/orders/order-number.ts'
import { initialOrderStatus, startPayment } from '#app/modules/payments/payments.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { holdExpiresAt } from './payment-hold.ts'

export type PlaceOrderInput = {
  cartId: string
  userId?: string | null
  contact: { name: string; phone: string; email?: string | null }
  delivery: { communeCode: string; street: string; note?: string | null }
  paymentMethod: PaymentMethod
  checkoutKey: string
  locale: Locale
}

export type SoldOutItem = {
  productId: string
  nameVi: string
  nameEn: string
  requested: number
  /** What can still be bought now: 0 when sold out or no longer for sale. */
  available: number
}

export type PlacedOrder = { id: string; number: string }

export type PlaceOrderResult =
  | { ok: true; order: PlacedOrder; /** True when this key had already placed it. */ replayed: boolean }
  | { ok: false; reason: 'sold-out'; soldOut: SoldOutItem[] }
  | { ok: false; reason: 'empty-cart' }
  | { ok: false; reason: 'unknown-commune' }

/** Thrown inside the transaction to roll it back; never leaves this module. */
class Refusal extends Error {
  constructor(readonly result: Extract<PlaceOrderResult, { ok: false }>) {
    super(result.reason)
  }
}

/** A price or weight changed between reading and locking: the transaction is run again. */
class PriceMoved extends Error {}
const PRICE_ATTEMPTS = 3

type Tx = Prisma.TransactionClient

const TRANSACTION_OPTIONS = {
  isolationLevel: 'ReadCommitted',
  // Under load an order waits for a pooled connection, and on a hot product for its row: give it time.
  maxWait: 15_000,
  timeout: 30_000,
} as const

function isUniqueViolationOn(error: unknown, field: string): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, meta } = error as { code?: unknown; meta?: unknown }
  return code === 'P2002' && JSON.stringify(meta ?? {}).includes(field)
}

async function orderByKey(db: Tx | ReturnType<typeof getDb>, checkoutKey: string): Promise<PlacedOrder | null> {
  return db.order.findUnique({ where: { checkoutKey }, select: { id: true, number: true } })
}

/** Quantities per product, in id order: the order every transaction locks product rows in. */
export function aggregateQuantities(lines: readonly { productId: string; quantity: number }[]) {
  const totals = new Map<string, number>()
  for (const line of lines) totals.set(line.productId, (totals.get(line.productId) ?? 0) + line.quantity)
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([productId, quantity]) => ({ productId, quantity }))
}

/**
 * Takes `quantity` from the product only if it is for sale, has that many, and still has the price
 * and weight the order was priced with: the checks and the write are one statement, so no other
 * transaction can come between them.
 */
async function takeStock(tx: Tx, line: PricedLine): Promise<boolean> {
  const unitGrams = line.weightGrams / line.quantity
  const taken = await tx.$executeRaw`
    UPDATE "Product" AS p SET stock = p.stock - ${line.quantity}
    FROM "Producer" AS pr
    WHERE p.id = ${line.productId} AND p.status = 'PUBLISHED' AND p.stock >= ${line.quantity}
      AND p."priceVnd" = ${line.priceVnd} AND p."weightGrams" = ${unitGrams}
      AND pr.id = p."producerId" AND pr.status = 'VERIFIED'`
  return taken === 1
}

/** What can still be bought of each product, as the database says now. */
async function soldOutItems(tx: Tx, failed: { productId: string; quantity: number }[]): Promise<SoldOutItem[]> {
  const products = await tx.product.findMany({
    where: { id: { in: failed.map((f) => f.productId) } },
    select: { id: true, nameVi: true, nameEn: true, stock: true, status: true, producer: { select: { status: true } } },
  })
  const byId = new Map(products.map((p) => [p.id, p]))
  return failed.map(({ productId, quantity }) => {
    const product = byId.get(productId)
    const forSale = product?.status === 'PUBLISHED' && product.producer.status === 'VERIFIED'
    return {
      productId,
      nameVi: product?.nameVi ?? '',
      nameEn: product?.nameEn ?? '',
      requested: quantity,
      available: forSale ? product.stock : 0,
    }
  })
}

/** The cart lines the pricing already shows cannot be bought: refused without locking anything. */
function visiblySoldOut(wanted: { productId: string; quantity: number }[], priced: PricedCart): SoldOutItem[] {
  const lines = new Map(priced.groups.flatMap((g) => g.lines.map((l) => [l.productId, l])))
  return wanted.flatMap(({ productId, quantity }) => {
    const line = lines.get(productId)
    const unavailable = !line || line.problems.includes('unavailable')
    if (!unavailable && line.stock >= quantity) return []
    return [
      {
        productId,
        nameVi: line?.nameVi ?? '',
        nameEn: line?.nameEn ?? '',
        requested: quantity,
        available: unavailable ? 0 : line.stock,
      },
    ]
  })
}

async function placeInTransaction(tx: Tx, input: PlaceOrderInput, number: string, placedAt: Date) {
  // One placing per cart at a time: a second tab or a replayed post waits here, then sees the
  // order the first one placed (by its key) or an emptied cart.
  await tx.$queryRaw`SELECT 1 FROM "Cart" WHERE id = ${input.cartId} FOR UPDATE`
  const existing = await orderByKey(tx, input.checkoutKey)
  if (existing) return { order: existing, replayed: true }

  const place = await placeOfCommune(tx, input.delivery.communeCode)
  if (!place) throw new Refusal({ ok: false, reason: 'unknown-commune' })

  const cartLines = await tx.cartLine.findMany({
    where: { cartId: input.cartId },
    select: { productId: true, quantity: true },
  })
  const wanted = aggregateQuantities(cartLines)
  if (wanted.length === 0) throw new Refusal({ ok: false, reason: 'empty-cart' })

  const cashOnDelivery = input.paymentMethod === 'COD'
  const priced: PricedCart = await priceCart(tx, wanted, { to: place, cashOnDelivery })
  const soldOut = visiblySoldOut(wanted, priced)
  if (soldOut.length > 0) throw new Refusal({ ok: false, reason: 'sold-out', soldOut })

  const status = initialOrderStatus(input.paymentMethod)
  const shippingVnd = priced.shippingVnd + priced.codFeeVnd
  const order = await tx.order.create({
    data: {
      number,
      userId: input.userId ?? null,
      status,
      paymentMethod: input.paymentMethod,
      currency: 'VND',
      contactName: input.contact.name,
      phone: input.contact.phone,
      email: input.contact.email || null,
      provinceCode: place.provinceCode,
      communeCode: place.communeCode,
      street: input.delivery.street,
      note: input.delivery.note || null,
      subtotalVnd: priced.subtotalVnd,
      shippingVnd,
      totalVnd: priced.subtotalVnd + shippingVnd,
      checkoutKey: input.checkoutKey,
      holdExpiresAt: holdExpiresAt(input.paymentMethod, placedAt),
      placedAt,
    },
    select: {
      id: true,
      number: true,
      status: true,
      paymentMethod: true,
      currency: true,
      totalVnd: true,
      totalUsdCents: true,
      holdExpiresAt: true,
    },
  })
  await tx.orderEvent.createMany({
    data: [
      { orderId: order.id, fromStatus: null, toStatus: status, actorUserId: input.userId ?? null, createdAt: placedAt },
    ],
  })
  const shipments = await tx.shipment.createManyAndReturn({
    data: priced.groups.map((group) => ({
      orderId: order.id,
      producerId: group.producerId,
      subtotalVnd: group.subtotalVnd,
      shippingFeeVnd: group.shipping?.shippingFeeVnd ?? 0,
      codFeeVnd: group.shipping?.codFeeVnd ?? 0,
      createdAt: placedAt,
    })),
    select: { id: true, producerId: true },
  })
  const shipmentOf = new Map(shipments.map((s) => [s.producerId, s.id]))
  await tx.orderLine.createMany({
    data: priced.groups.flatMap((group) =>
      group.lines.map((line) => ({
        orderId: order.id,
        shipmentId: shipmentOf.get(group.producerId)!,
        productId: line.productId,
        sku: line.sku,
        nameVi: line.nameVi,
        nameEn: line.nameEn,
        unitVi: line.unitVi,
        priceVnd: line.priceVnd,
        quantity: line.quantity,
        lineTotalVnd: line.lineTotalVnd,
      })),
    ),
  })
  // The Payment row commits with the order, or neither exists.
  await startPayment(tx, order)
  await clearLines(
    input.cartId,
    wanted.map((w) => w.productId),
    tx,
  )

  // Last, in product-id order: the rows stay locked only for these statements and the commit, so
  // a rush on one product queues for milliseconds, not for the whole order.
  const pricedLines = new Map(priced.groups.flatMap((g) => g.lines.map((l) => [l.productId, l])))
  const failed: { productId: string; quantity: number }[] = []
  for (const line of wanted) {
    if (!(await takeStock(tx, pricedLines.get(line.productId)!))) failed.push(line)
  }
  if (failed.length > 0) {
    const items = await soldOutItems(tx, failed)
    // Enough stock and still for sale: the price or weight changed since it was read. Price again.
    if (items.every((item) => item.available >= item.requested)) throw new PriceMoved()
    throw new Refusal({ ok: false, reason: 'sold-out', soldOut: items.filter((i) => i.available < i.requested) })
  }
  return { order: { id: order.id, number: order.number }, replayed: false }
}

/** Places the cart as an order (see the module comment). User mistakes come back as results. */
export async function placeOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const db = getDb()
  const placedAt = new Date()
  for (let attempt = 1; ; attempt++) {
    try {
      const placed = await withUniqueOrderNumber(placedAt, (number) =>
        db.$transaction((tx) => placeInTransaction(tx, input, number, placedAt), TRANSACTION_OPTIONS),
      )
      return { ok: true, ...placed }
    } catch (error) {
      if (error instanceof Refusal) return error.result
      if (error instanceof PriceMoved && attempt < PRICE_ATTEMPTS) continue
      // The same key placed by a request in another cart or process that committed first.
      if (isUniqueViolationOn(error, 'checkoutKey')) {
        const order = await orderByKey(db, input.checkoutKey)
        if (order) return { ok: true, order, replayed: true }
      }
      throw error
    }
  }
}
