/**
 * Mail from the OCOP office to a producer's owners (verification decisions, listing moderation).
 * The recipients are read inside the transaction that made the decision; the mail is sent after it
 * committed, so a rolled-back change never announces itself.
 */
import { type Prisma } from '#app/generated/prisma/client.ts'
import { type Locale } from '#app/i18n/locale.ts'
import { sendMail, type Mail } from '#app/modules/mail/mailer.server.ts'

export type OwnerRecipient = { email: string; name: string; locale: Locale }

export async function producerOwners(tx: Prisma.TransactionClient, producerId: string): Promise<OwnerRecipient[]> {
  const owners = await tx.producerMember.findMany({
    where: { producerId, role: 'OWNER' },
    orderBy: { createdAt: 'asc' },
    select: { user: { select: { email: true, name: true, locale: true } } },
  })
  return owners.map(({ user }) => ({ email: user.email, name: user.name, locale: user.locale === 'en' ? 'en' : 'vi' }))
}

/** Sends each mail; one that fails is logged and never undoes the office's decision. */
export async function sendOfficeMails(mails: Mail[]): Promise<void> {
  for (const mail of mails) {
    try {
      await sendMail(mail)
    } catch (error) {
      console.error(`[office] mail to ${mail.to} failed`, error)
    }
  }
}
