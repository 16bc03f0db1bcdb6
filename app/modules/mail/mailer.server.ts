import nodemailer from 'nodemailer'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

export type Mail = { to: string; subject: string; text: string; html?: string }

let transport: nodemailer.Transporter | undefined

/** True when mail stays in the database and /dev/mailbox may show it (no SMTP configured). */
export function devMailboxEnabled(): boolean {
  const env = getEnv()
  return !env.SMTP_URL && env.DEV_MAILBOX === 'on'
}

/**
 * Every message is kept in MailMessage (the dev mailbox and an audit of what was sent). With SMTP_URL
 * it is also handed to that server; a failure there throws so the caller can tell the user.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const env = getEnv()
  await getDb().mailMessage.create({
    data: { ...mail, html: mail.html ?? null, transport: env.SMTP_URL ? 'smtp' : 'mailbox' },
  })
  if (!env.SMTP_URL) return
  transport ??= nodemailer.createTransport(env.SMTP_URL)
  await transport.sendMail({ from: env.MAIL_FROM, ...mail })
}

export async function listMailbox(limit = 50) {
  return getDb().mailMessage.findMany({
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { id: true, to: true, subject: true, text: true, createdAt: true },
  })
}

export async function getMailMessage(id: string) {
  return getDb().mailMessage.findUnique({
    where: { id },
    select: { id: true, to: true, subject: true, text: true, transport: true, createdAt: true },
  })
}
