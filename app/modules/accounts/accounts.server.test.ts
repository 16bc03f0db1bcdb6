import { faker } from '@faker-js/faker'
import { describe, expect, test } from 'vitest'
import { createTestUser as createFactoryUser, TEST_PASSWORD } from '#tests/factories/accounts.ts'
import { getDb } from '#app/utils/db.server.ts'
import {
  changePassword,
  describeUserAgent,
  isResetTokenValid,
  listSessions,
  logIn,
  pruneAccountRecords,
  requestPasswordReset,
  resetPassword,
  revokeOtherSessions,
  revokeSession,
  signUp,
  updateProfile,
  verifyEmail,
} from './accounts.server.ts'
import { LOGIN_LIMITS } from './rate-limit.server.ts'

const ORIGIN = 'https://cho-ocop.example'

function uniqueEmail(): string {
  return `${faker.string.alphanumeric(10).toLowerCase()}@example.vn`
}

/** A distinct client address per test, so the per-IP limit of one test does not leak into another. */
function uniqueIp(): string {
  return `10.${faker.number.int(255)}.${faker.number.int(255)}.${faker.number.int({ min: 1, max: 254 })}`
}

/** Sign-up stores addresses lower-cased; the factory's addresses may contain capitals. */
function createTestUser(options: Parameters<typeof createFactoryUser>[0] = {}) {
  return createFactoryUser({ email: uniqueEmail(), ...options })
}

async function lastMailTo(email: string) {
  return getDb().mailMessage.findFirst({
    where: { to: email },
    orderBy: { createdAt: 'desc' },
    select: { subject: true, text: true },
  })
}

function linkIn(text: string): URL {
  const match = /https?:\/\/\S+/.exec(text)
  if (!match) throw new Error(`no link in the mail:\n${text}`)
  return new URL(match[0])
}

async function addSession(userId: string, expiresInMs = 60 * 60 * 1000) {
  return getDb().session.create({
    data: { userId, expiresAt: new Date(Date.now() + expiresInMs), userAgent: 'curl/8.5.0' },
    select: { id: true },
  })
}

describe('signUp', () => {
  test('creates a customer with a normalised e-mail and mails a working confirmation link', async () => {
    const email = uniqueEmail()
    const outcome = await signUp(
      { name: '  Nguyễn Văn An ', email: `  ${email.toUpperCase()} `, password: 'mật khẩu dài', locale: 'vi' },
      ORIGIN,
    )
    expect(outcome).toMatchObject({ ok: true, mailSent: true })
    if (!outcome.ok) return
    const user = await getDb().user.findUniqueOrThrow({ where: { id: outcome.userId } })
    expect(user).toMatchObject({
      email,
      name: 'Nguyễn Văn An',
      roles: ['CUSTOMER'],
      locale: 'vi',
      emailVerifiedAt: null,
    })

    const mail = await lastMailTo(email)
    expect(mail?.subject).toBe('Xác nhận email của bạn trên Chợ OCOP')
    const link = linkIn(mail!.text)
    expect(link.origin + link.pathname).toBe(`${ORIGIN}/account/verify-email`)

    expect(await verifyEmail(link.searchParams.get('token')!)).toBe(outcome.userId)
    const verified = await getDb().user.findUniqueOrThrow({ where: { id: outcome.userId } })
    expect(verified.emailVerifiedAt).toBeInstanceOf(Date)
    expect(await verifyEmail(link.searchParams.get('token')!)).toBeNull()
  })

  test('an export buyer gets the export role, company and country, and mail in English', async () => {
    const email = uniqueEmail()
    const outcome = await signUp(
      {
        name: 'Sato Kenji',
        email,
        password: 'long enough password',
        locale: 'en',
        exportBuyer: { company: 'Kyoto Foods K.K.', country: 'JP' },
      },
      ORIGIN,
    )
    expect(outcome.ok).toBe(true)
    const user = await getDb().user.findUniqueOrThrow({ where: { email } })
    expect(user).toMatchObject({ roles: ['EXPORT_BUYER'], company: 'Kyoto Foods K.K.', country: 'JP', locale: 'en' })
    const mail = await lastMailTo(email)
    expect(mail?.subject).toBe('Confirm your email for Chợ OCOP')
    expect(linkIn(mail!.text).pathname).toBe('/en/account/verify-email')
  })

  test('refuses an address that is already used, whatever its case', async () => {
    const existing = await createTestUser()
    const outcome = await signUp(
      { name: 'Ai Đó', email: existing.email.toUpperCase(), password: 'mật khẩu dài', locale: 'vi' },
      ORIGIN,
    )
    expect(outcome).toEqual({ ok: false, reason: 'email-taken' })
  })
})

describe('logIn', () => {
  test('accepts the right password and refuses a wrong one or an unknown address alike', async () => {
    const user = await createTestUser()
    const ipAddress = uniqueIp()
    expect(await logIn({ email: ` ${user.email.toUpperCase()}`, password: TEST_PASSWORD, ipAddress })).toMatchObject({
      ok: true,
      userId: user.id,
    })
    expect(await logIn({ email: user.email, password: 'sai mật khẩu', ipAddress })).toEqual({
      ok: false,
      reason: 'invalid-credentials',
    })
    expect(await logIn({ email: uniqueEmail(), password: TEST_PASSWORD, ipAddress })).toEqual({
      ok: false,
      reason: 'invalid-credentials',
    })
  })

  test('blocks the account after too many failures, even with the right password, without counting more', async () => {
    const user = await createTestUser()
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      await logIn({ email: user.email, password: `sai-${i}`, ipAddress: uniqueIp() })
    }
    const outcome = await logIn({ email: user.email, password: TEST_PASSWORD, ipAddress: uniqueIp() })
    expect(outcome).toMatchObject({ ok: false, reason: 'blocked' })
    if (outcome.ok || outcome.reason !== 'blocked') return
    expect(outcome.retryAfterMinutes).toBeGreaterThanOrEqual(1)
    expect(outcome.retryAfterMinutes).toBeLessThanOrEqual(LOGIN_LIMITS.windowMinutes)
    expect(await getDb().loginAttempt.count({ where: { email: user.email } })).toBe(LOGIN_LIMITS.perAccount)
  })
})

describe('password reset', () => {
  test('the mailed link sets a new password once, ends every session and confirms the address', async () => {
    const user = await createTestUser({ verified: false })
    await addSession(user.id)
    await requestPasswordReset(user.email.toUpperCase(), ORIGIN)
    const mail = await lastMailTo(user.email)
    expect(mail?.subject).toBe('Đặt lại mật khẩu Chợ OCOP')
    const link = linkIn(mail!.text)
    expect(link.pathname).toBe('/account/reset-password')
    const token = link.searchParams.get('token')!
    expect(await isResetTokenValid(token)).toBe(true)

    expect(await resetPassword(token, 'mật khẩu mới tinh')).toEqual({ ok: true, userId: user.id })
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0)
    const updated = await getDb().user.findUniqueOrThrow({ where: { id: user.id } })
    expect(updated.emailVerifiedAt).toBeInstanceOf(Date)
    const ipAddress = uniqueIp()
    expect((await logIn({ email: user.email, password: 'mật khẩu mới tinh', ipAddress })).ok).toBe(true)
    expect((await logIn({ email: user.email, password: TEST_PASSWORD, ipAddress })).ok).toBe(false)

    expect(await isResetTokenValid(token)).toBe(false)
    expect(await resetPassword(token, 'lại một mật khẩu khác')).toEqual({ ok: false, reason: 'invalid-token' })
  })

  test('an unknown address gets no mail', async () => {
    const email = uniqueEmail()
    await requestPasswordReset(email, ORIGIN)
    expect(await getDb().mailMessage.count({ where: { to: email } })).toBe(0)
  })
})

describe('sessions', () => {
  test('a user can end their own sessions but not another user’s', async () => {
    const owner = await createTestUser()
    const other = await createTestUser()
    const ownerSession = await addSession(owner.id)
    const otherSession = await addSession(other.id)

    expect(await revokeSession(owner.id, otherSession.id)).toBe(false)
    expect(await getDb().session.findUnique({ where: { id: otherSession.id } })).not.toBeNull()

    expect(await revokeSession(owner.id, ownerSession.id)).toBe(true)
    expect(await getDb().session.findUnique({ where: { id: ownerSession.id } })).toBeNull()
  })

  test('lists live sessions with the current one first, and ends all the others', async () => {
    const user = await createTestUser()
    const current = await addSession(user.id)
    await addSession(user.id)
    await addSession(user.id, -1000)
    const sessions = await listSessions(user.id, current.id)
    // The factory's session, one more, the current one; the expired one is not shown.
    expect(sessions).toHaveLength(3)
    expect(sessions[0]).toMatchObject({ id: current.id, current: true, device: 'curl/8.5.0' })
    expect(sessions.filter((s) => s.current)).toHaveLength(1)

    expect(await revokeOtherSessions(user.id, current.id)).toBe(3)
    expect(await getDb().session.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([
      { id: current.id },
    ])
  })
})

describe('changePassword', () => {
  test('needs the current password', async () => {
    const user = await createTestUser()
    const session = await addSession(user.id)
    expect(
      await changePassword({
        userId: user.id,
        currentPassword: 'không phải mật khẩu',
        newPassword: 'mật khẩu mới tinh',
        keepSessionId: session.id,
      }),
    ).toEqual({ ok: false, reason: 'wrong-password' })
    expect((await logIn({ email: user.email, password: TEST_PASSWORD, ipAddress: uniqueIp() })).ok).toBe(true)
  })

  test('sets the new password and logs out the other devices', async () => {
    const user = await createTestUser()
    const session = await addSession(user.id)
    expect(
      await changePassword({
        userId: user.id,
        currentPassword: TEST_PASSWORD,
        newPassword: 'mật khẩu mới tinh',
        keepSessionId: session.id,
      }),
    ).toEqual({ ok: true, loggedOut: 1 })
    expect(await getDb().session.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([
      { id: session.id },
    ])
    const ipAddress = uniqueIp()
    expect((await logIn({ email: user.email, password: 'mật khẩu mới tinh', ipAddress })).ok).toBe(true)
    expect((await logIn({ email: user.email, password: TEST_PASSWORD, ipAddress })).ok).toBe(false)
  })
})

test('updateProfile keeps company and country for export buyers only', async () => {
  const customer = await createTestUser()
  const buyer = await createTestUser({ roles: ['EXPORT_BUYER'], company: 'Old Co', country: 'KR' })
  const input = { name: 'Tên Mới', phone: '0912345678', locale: 'en' as const, company: 'New Co', country: 'SG' }
  await updateProfile(customer.id, input)
  await updateProfile(buyer.id, input)
  const select = { name: true, phone: true, locale: true, company: true, country: true }
  expect(await getDb().user.findUniqueOrThrow({ where: { id: customer.id }, select })).toEqual({
    name: 'Tên Mới',
    phone: '0912345678',
    locale: 'en',
    company: null,
    country: null,
  })
  expect(await getDb().user.findUniqueOrThrow({ where: { id: buyer.id }, select })).toMatchObject({
    company: 'New Co',
    country: 'SG',
  })
})

test('the nightly prune removes expired sessions, expired tokens and old attempts, and nothing live', async () => {
  const user = await createTestUser()
  const live = await addSession(user.id)
  const expired = await addSession(user.id, -1000)
  const db = getDb()
  await db.verification.create({
    data: {
      userId: user.id,
      purpose: 'VERIFY_EMAIL',
      tokenHash: faker.string.hexadecimal({ length: 64 }),
      expiresAt: new Date(Date.now() - 1000),
    },
  })
  const oldAttempt = await db.loginAttempt.create({
    data: {
      email: user.email,
      ipAddress: uniqueIp(),
      succeeded: false,
      createdAt: new Date(Date.now() - 2 * 86_400_000),
    },
  })
  const recentAttempt = await db.loginAttempt.create({
    data: { email: user.email, ipAddress: uniqueIp(), succeeded: false },
  })

  const pruned = await pruneAccountRecords()
  expect(pruned.sessions).toBeGreaterThanOrEqual(1)
  expect(pruned.verifications).toBeGreaterThanOrEqual(1)
  expect(pruned.loginAttempts).toBeGreaterThanOrEqual(1)
  expect(await db.session.findUnique({ where: { id: live.id } })).not.toBeNull()
  expect(await db.session.findUnique({ where: { id: expired.id } })).toBeNull()
  expect(await db.loginAttempt.findUnique({ where: { id: oldAttempt.id } })).toBeNull()
  expect(await db.loginAttempt.findUnique({ where: { id: recentAttempt.id } })).not.toBeNull()
})

test.each([
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
    'Chrome · Windows',
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    'Safari · iPhone',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/124.0 Chrome/118.0 Safari/537.36',
    'Cốc Cốc · Windows',
  ],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0', 'Firefox · Linux'],
  [null, null],
])('describeUserAgent(%s) → %s', (userAgent, expected) => {
  expect(describeUserAgent(userAgent)).toBe(expected)
})
