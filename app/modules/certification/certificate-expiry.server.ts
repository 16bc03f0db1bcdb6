/**
 * The daily certificate job (graphile-worker, cron). Nothing has to run for a certificate to expire:
 * its status comes from its dates. This job does the two things dates cannot:
 * - the 30-day notice: an in-app notice to the producer and an e-mail to each member, sent once per
 *   certificate (a conditional update claims it, so two workers never both send);
 * - on the day after a certificate's last valid day, NOTIFY catalog_changed, so every app process drops
 *   cached pages (server/page-cache.ts) that still show its stars.
 */
import { localePath, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { sendMail } from '#app/modules/mail/mailer.server.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { getDb } from '#app/utils/db.server.ts'
import { certificateExpiringMail } from './certificate-mails.ts'
import { daysUntil, EXPIRY_NOTICE_DAYS, startOfUtcDay } from './certificate-status.ts'

const DAY_MS = 86_400_000
const notice = messagesFor('vi').certificates.notification

export type CertificateExpiryResult = { noticesSent: number; expiredToday: number }

type Recipient = { email: string; name: string; locale: string }

export async function runCertificateExpiry(
  today: Date,
  /** Where links in the mails point (the site's public origin). */
  options: { origin?: string } = {},
): Promise<CertificateExpiryResult> {
  const origin = options.origin ?? 'http://localhost:3000'
  const day = startOfUtcDay(today)
  const db = getDb()
  const live = { revokedAt: null, supersededBy: { is: null } } as const

  const due = await db.certificate.findMany({
    where: {
      ...live,
      expiryNoticeSentAt: null,
      issuedOn: { lte: day },
      expiresOn: { gte: day, lte: new Date(day.getTime() + EXPIRY_NOTICE_DAYS * DAY_MS) },
    },
    orderBy: [{ expiresOn: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      stars: true,
      decisionNumber: true,
      expiresOn: true,
      product: { select: { nameVi: true, nameEn: true, producer: { select: { id: true, name: true } } } },
    },
  })

  let noticesSent = 0
  for (const certificate of due) {
    const { product } = certificate
    const daysLeft = daysUntil(certificate.expiresOn, day)
    const recipients = await db.$transaction(async (tx): Promise<Recipient[] | null> => {
      const claimed = await tx.certificate.updateMany({
        where: { id: certificate.id, expiryNoticeSentAt: null, ...live },
        data: { expiryNoticeSentAt: new Date() },
      })
      if (claimed.count === 0) return null
      await notify(tx, {
        producerId: product.producer.id,
        kind: 'certificate.expiring',
        title: notice.expiringTitle(product.nameVi, daysLeft),
        body: notice.expiringBody(certificate.decisionNumber, formatDate(certificate.expiresOn, 'vi')),
        link: '/seller/certificates',
      })
      const members = await tx.producerMember.findMany({
        where: { producerId: product.producer.id, role: { in: ['OWNER', 'STAFF'] } },
        orderBy: { createdAt: 'asc' },
        select: { user: { select: { email: true, name: true, locale: true } } },
      })
      return members.map((member) => member.user)
    })
    if (!recipients) continue
    noticesSent += 1
    // After the commit: a mail server that fails loses a mail, never the notice nor the claim.
    for (const recipient of recipients) {
      const locale: Locale = recipient.locale === 'en' ? 'en' : 'vi'
      try {
        await sendMail({
          to: recipient.email,
          ...certificateExpiringMail(locale, {
            name: recipient.name,
            productName: locale === 'en' && product.nameEn ? product.nameEn : product.nameVi,
            producerName: product.producer.name,
            stars: certificate.stars,
            decisionNumber: certificate.decisionNumber,
            expiresOn: certificate.expiresOn,
            daysLeft,
            url: origin + localePath(locale, '/seller/certificates'),
          }),
        })
      } catch (error) {
        console.error(`[certificates] the expiry notice of ${certificate.id} to ${recipient.email} failed`, error)
      }
    }
  }

  // Valid through expiresOn inclusive: those whose last day was yesterday lose their stars today.
  const expiredToday = await db.certificate.count({
    where: { ...live, expiresOn: new Date(day.getTime() - DAY_MS) },
  })
  if (expiredToday > 0) await db.$executeRaw`SELECT pg_notify('catalog_changed', '')`
  return { noticesSent, expiredToday }
}
