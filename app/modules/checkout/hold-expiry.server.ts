/**
 * Unpaid online orders hold their stock until `holdExpiresAt` (payment-hold.ts); then the
 * `order-hold-expiry` job cancels them and puts the stock back.
 *
 * Each order is expired in a transaction of its own that starts by locking the order row, the row
 * a payment confirmation moves with a conditional update (transitionOrder) too. Whichever comes
 * first wins: a payment confirmed first leaves nothing to expire; an expiry committed first makes
 * the confirmation find a cancelled order and move nothing. Stock is released only by the
 * transaction that moved the order out of AWAITING_PAYMENT, so exactly once.
 */
import { type Prisma } from '#app/generated/prisma/client.ts'
import { transitionOrder } from '#app/modules/orders/order-state.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export const HOLD_EXPIRED_NOTE = 'payment not received in time'
/** Shown to the producer and the buyer on each cancelled shipment. */
export const HOLD_EXPIRED_REASON = 'Hủy tự động: không nhận được thanh toán trong thời hạn giữ hàng'
const BATCH = 100

type Tx = Prisma.TransactionClient

async function expireOne(tx: Tx, orderId: string, now: Date): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ status: string; holdExpiresAt: Date | null }[]>`
    SELECT status::text AS status, "holdExpiresAt" FROM "Order" WHERE id = ${orderId} FOR UPDATE`
  if (!row || row.status !== 'AWAITING_PAYMENT' || !row.holdExpiresAt || row.holdExpiresAt > now) return false
  // A payment recorded as received but not yet applied to the order: leave it to the payment.
  const paid = await tx.payment.count({ where: { orderId, status: 'SUCCEEDED' } })
  if (paid > 0) return false

  const moved = await transitionOrder(tx, {
    orderId,
    to: 'CANCELLED',
    from: ['AWAITING_PAYMENT'],
    note: HOLD_EXPIRED_NOTE,
  })
  if (moved === null) return false

  const shipments = await tx.shipment.findMany({
    where: { orderId, status: { in: ['PENDING', 'CONFIRMED'] } },
    select: { id: true, status: true },
  })
  for (const shipment of shipments) {
    const cancelled = await tx.shipment.updateMany({
      where: { id: shipment.id, status: shipment.status },
      data: { status: 'CANCELLED', cancelledAt: now, cancelReason: HOLD_EXPIRED_REASON },
    })
    if (cancelled.count === 1) {
      await tx.orderEvent.create({
        data: {
          orderId,
          shipmentId: shipment.id,
          fromStatus: shipment.status,
          toStatus: 'CANCELLED',
          note: HOLD_EXPIRED_REASON,
          createdAt: now,
        },
      })
    }
  }

  // By product id, the order checkout takes rows in, so this never deadlocks with a placing.
  const held = await tx.orderLine.groupBy({
    by: ['productId'],
    where: { orderId },
    _sum: { quantity: true },
    orderBy: { productId: 'asc' },
  })
  for (const line of held) {
    await tx.$executeRaw`UPDATE "Product" SET stock = stock + ${line._sum.quantity ?? 0} WHERE id = ${line.productId}`
  }
  await tx.payment.updateMany({ where: { orderId, status: 'PENDING' }, data: { status: 'CANCELLED' } })
  return true
}

/**
 * Cancels every order whose hold ended before `now`; returns how many it cancelled. Safe to run
 * in several workers at once: each order is decided under its row lock.
 */
export async function expireHolds(now: Date = new Date()): Promise<{ cancelled: number; orderNumbers: string[] }> {
  const db = getDb()
  const orderNumbers: string[] = []
  for (;;) {
    const due = await db.order.findMany({
      where: { status: 'AWAITING_PAYMENT', holdExpiresAt: { lte: now }, payments: { none: { status: 'SUCCEEDED' } } },
      orderBy: { holdExpiresAt: 'asc' },
      take: BATCH,
      select: { id: true, number: true },
    })
    let cancelledThisRound = 0
    for (const order of due) {
      const cancelled = await db.$transaction((tx) => expireOne(tx, order.id, now), { isolationLevel: 'ReadCommitted' })
      if (cancelled) {
        cancelledThisRound++
        orderNumbers.push(order.number)
      }
    }
    // A short batch was the last; a batch where nothing moved (all paid meanwhile) must not loop.
    if (due.length < BATCH || cancelledThisRound === 0) break
  }
  return { cancelled: orderNumbers.length, orderNumbers }
}
