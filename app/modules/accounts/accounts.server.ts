import { Prisma, type Role } from '#app/generated/prisma/client.ts'
import { localePath, type Locale } from '#app/i18n/locale.ts'
import { sendMail } from '#app/modules/mail/mailer.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { resetPasswordMail, verifyEmailMail } from './account-mails.ts'
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password.server.ts'
import { checkLoginAllowed, pruneLoginAttempts, recordLoginAttempt } from './rate-limit.server.ts'
import { consumeVerification, createVerification, peekVerification, VERIFICATION_HOURS } from './verification.server.ts'

/** E-mail addresses are stored and compared trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

function asLocale(value: string): Locale {
  return value === 'en' ? 'en' : 'vi'
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

type MailRecipient = { id: string; email: string; name: string; locale: string }
const MAIL_RECIPIENT_SELECT = { id: true, email: true, name: true, locale: true } as const

/** An absolute link into the app, in the recipient's language, carrying a one-time token. */
function tokenLink(origin: string, locale: Locale, path: string, token: string): string {
  const url = new URL(localePath(locale, path), origin)
  url.searchParams.set('token', token)
  return url.href
}

async function sendVerificationMail(user: MailRecipient, origin: string): Promise<void> {
  const locale = asLocale(user.locale)
  const token = await createVerification(user.id, 'VERIFY_EMAIL')
  const url = tokenLink(origin, locale, '/account/verify-email', token)
  await sendMail({
    to: user.email,
    ...verifyEmailMail(locale, { name: user.name, url, hours: VERIFICATION_HOURS.VERIFY_EMAIL }),
  })
}

export async function isEmailTaken(email: string): Promise<boolean> {
  const user = await getDb().user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } })
  return user !== null
}

export type SignUpInput = {
  name: string
  email: string
  password: string
  locale: Locale
  /** Present when the person buys for export: the account gets EXPORT_BUYER instead of CUSTOMER. */
  exportBuyer?: { company: string; country: string } | null
}

export type SignUpResult = { ok: true; userId: string; mailSent: boolean } | { ok: false; reason: 'email-taken' }

/**
 * Creates the account and sends the confirmation mail. A mail server that is down does not undo the
 * sign-up (`mailSent: false`): the user can ask for the mail again from the account page.
 */
export async function signUp(input: SignUpInput, origin: string): Promise<SignUpResult> {
  const passwordHash = await hashPassword(input.password)
  const exportBuyer = input.exportBuyer ?? null
  let user: MailRecipient
  try {
    user = await getDb().user.create({
      data: {
        email: normalizeEmail(input.email),
        name: input.name.trim(),
        passwordHash,
        locale: input.locale,
        roles: [exportBuyer ? 'EXPORT_BUYER' : 'CUSTOMER'],
        company: exportBuyer?.company.trim() ?? null,
        country: exportBuyer?.country ?? null,
      },
      select: MAIL_RECIPIENT_SELECT,
    })
  } catch (error) {
    // Two sign-ups with one address at once: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, reason: 'email-taken' }
    throw error
  }
  const mailSent = await sendVerificationMail(user, origin).then(
    () => true,
    (error: unknown) => {
      console.error(`sign-up: confirmation mail to user ${user.id} failed`, error)
      return false
    },
  )
  return { ok: true, userId: user.id, mailSent }
}

export type LogInResult =
  | { ok: true; userId: string; name: string }
  | { ok: false; reason: 'blocked'; retryAfterMinutes: number }
  | { ok: false; reason: 'invalid-credentials' }

/**
 * Checks the password unless the account or the address is blocked for too many failures; a blocked
 * try is neither checked nor counted, so it cannot reveal the password nor extend the block.
 */
export async function logIn(input: { email: string; password: string; ipAddress: string }): Promise<LogInResult> {
  const email = normalizeEmail(input.email)
  const block = await checkLoginAllowed(email, input.ipAddress)
  if (block.blocked) return { ok: false, reason: 'blocked', retryAfterMinutes: block.retryAfterMinutes }
  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, name: true, passwordHash: true },
  })
  const valid = user?.passwordHash
    ? await verifyPassword(input.password, user.passwordHash)
    : await verifyAgainstNothing(input.password)
  await recordLoginAttempt(email, input.ipAddress, valid)
  if (!user || !valid) return { ok: false, reason: 'invalid-credentials' }
  return { ok: true, userId: user.id, name: user.name }
}

/**
 * Mails a reset link when the address belongs to an account and does nothing otherwise; callers
 * answer the same either way, so the form does not tell who has an account.
 */
export async function requestPasswordReset(email: string, origin: string): Promise<void> {
  const user = await getDb().user.findUnique({ where: { email: normalizeEmail(email) }, select: MAIL_RECIPIENT_SELECT })
  if (!user) return
  const locale = asLocale(user.locale)
  const token = await createVerification(user.id, 'RESET_PASSWORD')
  const url = tokenLink(origin, locale, '/account/reset-password', token)
  await sendMail({
    to: user.email,
    ...resetPasswordMail(locale, { name: user.name, url, hours: VERIFICATION_HOURS.RESET_PASSWORD }),
  })
}

/** True while the reset link can still be used (to show the form rather than an error page). */
export async function isResetTokenValid(token: string): Promise<boolean> {
  return (await peekVerification(token, 'RESET_PASSWORD')) !== null
}

export type ResetPasswordResult = { ok: true; userId: string } | { ok: false; reason: 'invalid-token' }

/**
 * Uses the token up, sets the password and ends every session of the account (whoever had the old
 * password is out). Opening the mailed link proves the address, so it counts as verified.
 */
export async function resetPassword(token: string, newPassword: string): Promise<ResetPasswordResult> {
  const passwordHash = await hashPassword(newPassword)
  const userId = await consumeVerification(token, 'RESET_PASSWORD')
  if (!userId) return { ok: false, reason: 'invalid-token' }
  const db = getDb()
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash } }),
    db.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } }),
    db.session.deleteMany({ where: { userId } }),
  ])
  return { ok: true, userId }
}

/** Uses up an e-mail confirmation token; the user id, or null for a wrong, used or expired token. */
export async function verifyEmail(token: string): Promise<string | null> {
  const userId = await consumeVerification(token, 'VERIFY_EMAIL')
  if (!userId) return null
  await getDb().user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } })
  return userId
}

/** Sends a fresh confirmation link (the previous one stops working). */
export async function resendVerificationEmail(userId: string, origin: string): Promise<'sent' | 'already-verified'> {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { ...MAIL_RECIPIENT_SELECT, emailVerifiedAt: true },
  })
  if (user.emailVerifiedAt) return 'already-verified'
  await sendVerificationMail(user, origin)
  return 'sent'
}

export type ChangePasswordResult = { ok: true; loggedOut: number } | { ok: false; reason: 'wrong-password' }

/** Needs the current password; other sessions end, since whoever knew the old password may hold one. */
export async function changePassword(input: {
  userId: string
  currentPassword: string
  newPassword: string
  keepSessionId: string
}): Promise<ChangePasswordResult> {
  const db = getDb()
  const user = await db.user.findUniqueOrThrow({ where: { id: input.userId }, select: { passwordHash: true } })
  const valid = user.passwordHash
    ? await verifyPassword(input.currentPassword, user.passwordHash)
    : await verifyAgainstNothing(input.currentPassword)
  if (!valid) return { ok: false, reason: 'wrong-password' }
  const passwordHash = await hashPassword(input.newPassword)
  const [, loggedOut] = await db.$transaction([
    db.user.update({ where: { id: input.userId }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId: input.userId, id: { not: input.keepSessionId } } }),
  ])
  return { ok: true, loggedOut: loggedOut.count }
}

export type AccountDetails = {
  id: string
  email: string
  name: string
  phone: string | null
  locale: Locale
  roles: Role[]
  emailVerifiedAt: Date | null
  company: string | null
  country: string | null
  createdAt: Date
  updatedAt: Date
}

export async function getAccount(userId: string): Promise<AccountDetails> {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      phone: true,
      locale: true,
      roles: true,
      emailVerifiedAt: true,
      company: true,
      country: true,
      createdAt: true,
      updatedAt: true,
    },
  })
  return { ...user, locale: asLocale(user.locale) }
}

export type ProfileInput = {
  name: string
  phone: string | null
  locale: Locale
  company?: string | null
  country?: string | null
}

/** Company and country are kept only for export buyers; for anyone else they are ignored. */
export async function updateProfile(userId: string, input: ProfileInput): Promise<void> {
  const db = getDb()
  const { roles } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { roles: true } })
  const exportBuyer = roles.includes('EXPORT_BUYER')
  await db.user.update({
    where: { id: userId },
    data: {
      name: input.name.trim(),
      phone: input.phone || null,
      locale: input.locale,
      ...(exportBuyer ? { company: input.company?.trim() || null, country: input.country || null } : {}),
    },
  })
}

export type AccountSession = {
  id: string
  /** "Chrome · Windows", or null when the browser sent no User-Agent. */
  device: string | null
  ipAddress: string | null
  createdAt: Date
  current: boolean
}

/** The user's live sessions, the current one first, then the newest. */
export async function listSessions(userId: string, currentSessionId: string | null): Promise<AccountSession[]> {
  const sessions = await getDb().session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, userAgent: true, ipAddress: true, createdAt: true },
  })
  return sessions
    .map((s) => ({
      id: s.id,
      device: describeUserAgent(s.userAgent),
      ipAddress: s.ipAddress,
      createdAt: s.createdAt,
      current: s.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current))
}

/** Ends one session of the user's own; another user's session id matches nothing. */
export async function revokeSession(userId: string, sessionId: string): Promise<boolean> {
  const { count } = await getDb().session.deleteMany({ where: { id: sessionId, userId } })
  return count > 0
}

/** Ends every session of the user except the one given; the number ended. */
export async function revokeOtherSessions(userId: string, keepSessionId: string): Promise<number> {
  const { count } = await getDb().session.deleteMany({ where: { userId, id: { not: keepSessionId } } })
  return count
}

/** The nightly `accounts-prune` job: old login attempts, expired sessions and expired tokens. */
export async function pruneAccountRecords(): Promise<{
  loginAttempts: number
  sessions: number
  verifications: number
}> {
  const now = new Date()
  const loginAttempts = await pruneLoginAttempts()
  const sessions = await getDb().session.deleteMany({ where: { expiresAt: { lt: now } } })
  const verifications = await getDb().verification.deleteMany({ where: { expiresAt: { lt: now } } })
  return { loginAttempts, sessions: sessions.count, verifications: verifications.count }
}

const BROWSERS: [RegExp, string][] = [
  [/coc_coc_browser/i, 'Cốc Cốc'],
  [/Zalo/i, 'Zalo'],
  [/Edg(?:e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser/, 'Samsung Internet'],
  [/Firefox\/|FxiOS/, 'Firefox'],
  [/Chrome\/|CriOS/, 'Chrome'],
  [/Version\/[\d.]+.*Safari/, 'Safari'],
]

const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
]

/** A short, recognisable name for the device behind a User-Agent header (no full parser needed). */
export function describeUserAgent(userAgent: string | null): string | null {
  const ua = userAgent?.trim()
  if (!ua) return null
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1]
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1]
  if (browser || system) return [browser, system].filter(Boolean).join(' · ')
  return ua.length > 60 ? `${ua.slice(0, 59)}…` : ua
}
