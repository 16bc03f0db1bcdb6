import { type PaymentAdapter } from './payment-port.ts'

/** Cash on delivery: a PENDING payment that the courier collects; the order is placed, not held. */
export const codAdapter: PaymentAdapter = {
  method: 'COD',
  async start(tx, order) {
    if (order.currency !== 'VND') throw new Error('Cash on delivery is paid in đồng')
    const payment = await tx.payment.create({
      data: { orderId: order.id, method: 'COD', status: 'PENDING', amount: order.totalVnd, currency: 'VND' },
      select: { id: true },
    })
    return { method: 'COD', paymentId: payment.id, next: 'order-page' }
  },
  async instructions(order) {
    return { kind: 'cod', amountVnd: order.totalVnd }
  },
}
