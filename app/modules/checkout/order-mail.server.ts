/**
 * The confirmation e-mail after an order is placed, in the language of the page it was placed
 * from: the number, each producer's parcel with its lines and fees, the total, how to pay (in
 * text: a QR code does not survive every mail client) and the link to the order page. A mail that
 * cannot be sent never undoes or fails the order: the failure is logged and the page still shows
 * everything.
 */
import { pick, localePath, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { sendMail } from '#app/modules/mail/mailer.server.ts'
import { vietnamDay, vietnamTime } from '#app/modules/orders/vietnam-time.ts'
import { type PaymentInstructions } from '#app/modules/payments/payment-port.ts'
import { paymentInstructions } from '#app/modules/payments/payments.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatVnd } from '#app/utils/money.ts'
import { getBuyerOrder, type BuyerOrder } from './order-view.server.ts'

/** The order as the payments port reads it. */
export async function orderForPayment(orderId: string) {
  return getDb().order.findUnique({
    where: { id: orderId },
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
}

function paymentText(locale: Locale, order: BuyerOrder, payment: PaymentInstructions): string[] {
  const t = messagesFor(locale)
  const m = t.checkout.mail
  const when = (date: Date | null) => (date ? t.orders.dateTime(vietnamDay(date), vietnamTime(date)) : '')
  switch (payment.kind) {
    case 'cod':
      return [m.cod(formatVnd(payment.amountVnd))]
    case 'vietqr':
      return [
        m.vietqr.intro,
        `  ${m.vietqr.bank}: ${payment.bankName}`,
        `  ${m.vietqr.account}: ${payment.accountNumber}`,
        `  ${m.vietqr.accountName}: ${payment.accountName}`,
        `  ${m.vietqr.amount}: ${formatVnd(payment.amountVnd)}`,
        `  ${m.vietqr.transferNote}: ${payment.transferNote}`,
        ...(payment.holdExpiresAt ? [m.vietqr.deadline(when(payment.holdExpiresAt))] : []),
        ...(payment.demo ? [m.vietqr.demo] : []),
      ]
    case 'stripe':
      return [m.stripe(when(order.holdExpiresAt))]
  }
}

export function orderConfirmationText(
  locale: Locale,
  order: BuyerOrder,
  payment: PaymentInstructions,
  orderUrl: string,
): { subject: string; text: string } {
  const t = messagesFor(locale)
  const m = t.checkout.mail
  const address = [
    order.street,
    order.commune ? `${order.commune.kind} ${order.commune.name}` : null,
    order.province ? pick(locale, order.province.nameVi, order.province.nameEn) : null,
  ]
    .filter(Boolean)
    .join(', ')
  const lines: string[] = [m.greeting(order.contactName), '', m.intro(order.number), '']
  for (const shipment of order.shipments) {
    lines.push(m.parcel(shipment.producerName))
    for (const line of shipment.lines) {
      lines.push(
        m.line(
          pick(locale, line.nameVi, line.nameEn),
          line.quantity,
          formatVnd(line.priceVnd),
          formatVnd(line.lineTotalVnd),
        ),
      )
    }
    lines.push(`  ${m.goods}: ${formatVnd(shipment.subtotalVnd)}`)
    lines.push(`  ${m.shippingFee}: ${formatVnd(shipment.shippingFeeVnd)}`)
    if (shipment.codFeeVnd > 0) lines.push(`  ${m.codFee}: ${formatVnd(shipment.codFeeVnd)}`)
    lines.push('')
  }
  lines.push(`${m.subtotal}: ${formatVnd(order.subtotalVnd)}`)
  lines.push(`${m.shipping}: ${formatVnd(order.shippingVnd)}`)
  lines.push(`${m.total}: ${formatVnd(order.totalVnd)}`, '')
  lines.push(`${m.deliverTo}: ${order.contactName}, ${order.phone}`, `  ${address}`, '')
  lines.push(`${m.payment}:`, ...paymentText(locale, order, payment), '')
  lines.push(`${m.viewOrder}: ${orderUrl}`, m.lookupHint, '', m.signature)
  return { subject: m.subject(order.number), text: lines.join('\n') }
}

/**
 * Sends the confirmation when the order has an e-mail address. Returns whether a mail went out;
 * never throws.
 */
export async function sendOrderConfirmation(
  orderId: string,
  options: { origin: string; locale: Locale },
): Promise<boolean> {
  try {
    const [order, forPayment] = await Promise.all([getBuyerOrder(orderId), orderForPayment(orderId)])
    if (!order?.email || !forPayment) return false
    const payment = await paymentInstructions(forPayment)
    const url = `${options.origin}${localePath(options.locale, `/orders/${order.number}`)}`
    const { subject, text } = orderConfirmationText(options.locale, order, payment, url)
    await sendMail({ to: order.email, subject, text })
    return true
  } catch (error) {
    console.error(`checkout: the confirmation of order ${orderId} could not be sent`, error)
    return false
  }
}
