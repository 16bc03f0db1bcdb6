/**
 * VietQR transfers land in the office's bank account without any notification to us: an operator
 * matches the statement (amount, transfer note) with the orders awaiting a transfer and confirms.
 */
import { messagesFor } from '#app/i18n/messages.ts'
import { auditSnapshot, recordAudit } from '#app/modules/office/audit.server.ts'
import { transitionOrder } from '#app/modules/orders/order-state.server.ts'
import { formatVnd } from '#app/utils/money.ts'
import { getDb } from '#app/utils/db.server.ts'
import { paymentMailFor, sendPaymentMails, type PaymentMail } from './payment-mails.server.ts'
import { transferNoteFor } from './vietqr.server.ts'

export type ConfirmTransferResult =
  | { ok: true; number: string; /** false when it had already been confirmed (a double click). */ changed: boolean }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'not-awaiting'; number: string; status: string }

/**
 * Records that the transfer for a VietQR order arrived: the payment SUCCEEDED (who, when) and the
 * order PAID, once, however many times it is called. The order row is locked, so two operators
 * confirming at the same moment produce one event, one audit entry and one mail.
 */
export async function confirmTransfer(
  orderId: string,
  actorUserId: string,
  options: { origin?: string } = {},
): Promise<ConfirmTransferResult> {
  const { result, mail } = await getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`
    const order = locked.length
      ? await tx.order.findUnique({
          where: { id: orderId },
          select: { id: true, number: true, status: true, paymentMethod: true, totalVnd: true },
        })
      : null
    if (!order || order.paymentMethod !== 'VIETQR') {
      return { result: { ok: false, reason: 'not-found' } as const, mail: null }
    }
    const moved = await transitionOrder(tx, {
      orderId,
      to: 'PAID',
      from: ['AWAITING_PAYMENT'],
      actorUserId,
      note: `VietQR ${transferNoteFor(order.number)}`,
    })
    if (!moved) {
      const confirmed = await tx.payment.count({ where: { orderId, method: 'VIETQR', status: 'SUCCEEDED' } })
      const result: ConfirmTransferResult = confirmed
        ? { ok: true, number: order.number, changed: false }
        : { ok: false, reason: 'not-awaiting', number: order.number, status: order.status }
      return { result, mail: null }
    }
    const now = new Date()
    const updated = await tx.payment.updateMany({
      where: { orderId, method: 'VIETQR', status: { in: ['PENDING', 'FAILED', 'CANCELLED'] } },
      data: { status: 'SUCCEEDED', confirmedBy: actorUserId, confirmedAt: now },
    })
    if (updated.count === 0) {
      // Checkout always creates it; an order entered by other means gets its record here.
      await tx.payment.create({
        data: {
          orderId,
          method: 'VIETQR',
          status: 'SUCCEEDED',
          amount: order.totalVnd,
          currency: 'VND',
          providerRef: transferNoteFor(order.number),
          confirmedBy: actorUserId,
          confirmedAt: now,
        },
        select: { id: true },
      })
    }
    const actor = await tx.user.findUnique({ where: { id: actorUserId }, select: { id: true, email: true } })
    await recordAudit(tx, actor ?? { id: null, email: actorUserId }, {
      action: 'payment.confirm',
      entityType: 'Order',
      entityId: orderId,
      summary: messagesFor('vi').office.audit.summaries.confirmTransfer(order.number, formatVnd(order.totalVnd)),
      before: auditSnapshot({ status: 'AWAITING_PAYMENT', confirmedAt: null }),
      after: auditSnapshot({ status: 'PAID', confirmedAt: now }),
    })
    const mail: PaymentMail | null = await paymentMailFor(tx, orderId, 'paid', {
      amount: order.totalVnd,
      currency: 'VND',
    })
    return { result: { ok: true, number: order.number, changed: true } as const, mail }
  })
  if (mail) await sendPaymentMails([mail], options.origin ?? '')
  return result
}

/** Orders waiting for a transfer, oldest first (the hold of those runs out first). */
export async function listAwaitingTransfers(limit = 200) {
  const orders = await getDb().order.findMany({
    where: { status: 'AWAITING_PAYMENT', paymentMethod: 'VIETQR' },
    orderBy: [{ placedAt: 'asc' }, { id: 'asc' }],
    take: limit,
    select: {
      id: true,
      number: true,
      placedAt: true,
      holdExpiresAt: true,
      contactName: true,
      phone: true,
      email: true,
      totalVnd: true,
      user: { select: { name: true, email: true } },
      payments: {
        where: { method: 'VIETQR' },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { providerRef: true },
      },
    },
  })
  const total = await getDb().order.count({ where: { status: 'AWAITING_PAYMENT', paymentMethod: 'VIETQR' } })
  return {
    total,
    orders: orders.map(({ payments, ...order }) => ({
      ...order,
      transferNote: payments[0]?.providerRef ?? transferNoteFor(order.number),
    })),
  }
}

/** The latest confirmations, with who made them. */
export async function listRecentTransfers(limit = 20) {
  const payments = await getDb().payment.findMany({
    where: { method: 'VIETQR', status: 'SUCCEEDED', confirmedAt: { not: null } },
    orderBy: [{ confirmedAt: 'desc' }, { id: 'asc' }],
    take: limit,
    select: {
      id: true,
      amount: true,
      confirmedAt: true,
      confirmedBy: true,
      order: { select: { id: true, number: true, contactName: true } },
    },
  })
  const actorIds = [...new Set(payments.map((p) => p.confirmedBy).filter((id): id is string => !!id))]
  const actors = await getDb().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
  const names = new Map(actors.map((a) => [a.id, a.name]))
  return payments.map((p) => ({ ...p, confirmedByName: p.confirmedBy ? (names.get(p.confirmedBy) ?? null) : null }))
}
