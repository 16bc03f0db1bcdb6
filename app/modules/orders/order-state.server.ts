import { type Prisma } from '#app/generated/prisma/client.ts'
import { orderStatusesBefore, type OrderStatus } from './order-state.ts'

/**
 * Moves an order to `to` inside the caller's transaction, if it is in a status that allows it: a
 * conditional update, so two requests (two webhook deliveries, a double click) cannot both apply it.
 * Records the event (who, from, to, note). Returns the status it moved from, or null when it did not
 * move (already there, or a status that does not allow it).
 */
export async function transitionOrder(
  tx: Prisma.TransactionClient,
  input: { orderId: string; to: OrderStatus; actorUserId?: string | null; note?: string | null; from?: OrderStatus[] },
): Promise<OrderStatus | null> {
  const allowed = (input.from ?? orderStatusesBefore(input.to)).filter((s) => orderStatusesBefore(input.to).includes(s))
  const current = await tx.order.findUnique({ where: { id: input.orderId }, select: { status: true } })
  if (!current || !allowed.includes(current.status)) return null
  const moved = await tx.order.updateMany({
    where: { id: input.orderId, status: current.status },
    data: { status: input.to, ...(input.to === 'PAID' ? { paidAt: new Date(), holdExpiresAt: null } : {}) },
  })
  if (moved.count === 0) return null
  await tx.orderEvent.create({
    data: {
      orderId: input.orderId,
      fromStatus: current.status,
      toStatus: input.to,
      actorUserId: input.actorUserId ?? null,
      note: input.note ?? null,
    },
  })
  return current.status
}
