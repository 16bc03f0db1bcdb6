import { type Prisma } from '#app/generated/prisma/client.ts'
import { localePath, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { sendMail, type Mail } from '#app/modules/mail/mailer.server.ts'
import { formatPaymentAmount } from './amounts.ts'

/** A mail decided inside a transaction and sent once it has committed (never for a rolled-back change). */
export type PaymentMail = {
  /** paid: the order is paid · late: money arrived for an order already cancelled (to be refunded). */
  kind: 'paid' | 'late'
  to: string
  name: string
  /** The buyer's language; null for a guest, who gets Vietnamese and English in one message. */
  locale: Locale | null
  number: string
  amount: number
  currency: string
}

/** Who to write to about an order's payment, read inside the transaction that changed it. */
export async function paymentMailFor(
  tx: Prisma.TransactionClient,
  orderId: string,
  kind: PaymentMail['kind'],
  payment: { amount: number; currency: string },
): Promise<PaymentMail | null> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { number: true, email: true, contactName: true, user: { select: { email: true, locale: true } } },
  })
  const to = order?.email ?? order?.user?.email
  if (!order || !to) return null
  const locale = order.user ? (order.user.locale === 'en' ? 'en' : 'vi') : null
  return { kind, to, name: order.contactName, locale, number: order.number, ...payment }
}

export function composePaymentMail(mail: PaymentMail, origin: string): Mail {
  const text = (locale: Locale) => {
    const m = messagesFor(locale).payments.mail
    const input = {
      name: mail.name,
      number: mail.number,
      amount: formatPaymentAmount(mail.amount, mail.currency),
      url: origin + localePath(locale, `/orders/${mail.number}`),
    }
    return mail.kind === 'paid'
      ? { subject: m.paidSubject(mail.number), text: m.paidText(input) }
      : { subject: m.lateSubject(mail.number), text: m.lateText(input) }
  }
  if (mail.locale) return { to: mail.to, ...text(mail.locale) }
  const vi = text('vi')
  const en = text('en')
  return { to: mail.to, subject: `${vi.subject} / ${en.subject}`, text: `${vi.text}\n\n— English —\n\n${en.text}` }
}

/** Sends after the commit; a mail that fails is logged, never undoes the payment. */
export async function sendPaymentMails(mails: PaymentMail[], origin: string): Promise<void> {
  for (const mail of mails) {
    try {
      await sendMail(composePaymentMail(mail, origin))
    } catch (error) {
      console.error(`[payments] could not send the ${mail.kind} mail of order ${mail.number}`, error)
    }
  }
}
