/** The account pages driven as a browser would: real Requests into the loaders and actions. */
import { type SubmissionResult } from '@conform-to/react'
import { faker } from '@faker-js/faker'
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { afterEach, describe, expect, test } from 'vitest'
import { getUser } from '#app/modules/accounts/session.server.ts'
import { LOGIN_LIMITS } from '#app/modules/accounts/rate-limit.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { resetEnvForTests } from '#app/utils/env.server.ts'
import { CLIENT_IP_HEADER } from '#app/utils/request.server.ts'
import { readToast } from '#app/utils/toast.server.ts'
import { appRequest, createTestUser as createFactoryUser, TEST_PASSWORD } from '#tests/factories/accounts.ts'
import * as mailboxMessage from '../dev.mailbox.$id.tsx'
import * as mailbox from '../dev.mailbox.tsx'
import * as account from './($lang).account._index.tsx'
import * as forgotPassword from './($lang).account.forgot-password.tsx'
import * as login from './($lang).account.login.tsx'
import * as logout from './($lang).account.logout.tsx'
import * as resetPassword from './($lang).account.reset-password.tsx'
import * as signup from './($lang).account.signup.tsx'
import * as verifyEmail from './($lang).account.verify-email.tsx'
import {
  CHANGE_PASSWORD_INTENT,
  REVOKE_OTHER_SESSIONS_INTENT,
  REVOKE_SESSION_INTENT,
  UPDATE_PROFILE_INTENT,
} from './__account-schemas.ts'

type Outcome = {
  status: number
  headers: Headers
  location: string | null
  body: unknown
}

type RouteFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>

/** Runs a loader or action and reads what the browser would get, whether it was returned or thrown. */
async function run(fn: RouteFunction, request: Request, params: Record<string, string> = {}): Promise<Outcome> {
  let value: unknown
  try {
    value = await fn({ request, params, context: {} })
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    value = thrown
  }
  if (value instanceof Response) {
    return {
      status: value.status,
      headers: value.headers,
      location: value.headers.get('Location'),
      body: value.status >= 300 && value.status < 400 ? null : await value.text(),
    }
  }
  if (typeof value === 'object' && value !== null && 'type' in value && value.type === 'DataWithResponseInit') {
    const { data, init } = value as unknown as { data: unknown; init: ResponseInit | null }
    return { status: init?.status ?? 200, headers: new Headers(init?.headers), location: null, body: data }
  }
  return { status: 200, headers: new Headers(), location: null, body: value }
}

function result(outcome: Outcome): SubmissionResult<string[]> {
  const body = outcome.body as { result?: SubmissionResult<string[]> }
  if (!body.result) throw new Error(`no form result in ${JSON.stringify(outcome.body)}`)
  return body.result
}

/** The Cookie header a browser would send next, from the Set-Cookie headers of a response. */
function cookieFrom(outcome: Outcome, name: string): string | null {
  const set = outcome.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))
  return set ? set.split(';')[0]! : null
}

/** The one-time message the next page shows. */
async function toastOf(outcome: Outcome): Promise<string | undefined> {
  const flash = cookieFrom(outcome, '__flash')
  if (!flash) return undefined
  const { toast } = await readToast(appRequest('/', { cookie: flash }))
  return toast?.message
}

function uniqueEmail(): string {
  return `${faker.string.alphanumeric(10).toLowerCase()}@example.vn`
}

function uniqueIp(): string {
  return `192.168.${faker.number.int(255)}.${faker.number.int({ min: 1, max: 254 })}`
}

function createTestUser(options: Parameters<typeof createFactoryUser>[0] = {}) {
  return createFactoryUser({ email: uniqueEmail(), ...options })
}

function post(path: string, form: Record<string, string>, options: { cookie?: string; ip?: string } = {}) {
  return appRequest(path, {
    form,
    cookie: options.cookie,
    headers: {
      [CLIENT_IP_HEADER]: options.ip ?? uniqueIp(),
      'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/127.0',
    },
  })
}

async function lastMailTo(email: string) {
  return getDb().mailMessage.findFirst({ where: { to: email }, orderBy: { createdAt: 'desc' } })
}

function linkIn(text: string): URL {
  const match = /https?:\/\/\S+/.exec(text)
  if (!match) throw new Error(`no link in the mail:\n${text}`)
  return new URL(match[0])
}

async function sessionExists(cookie: string | null): Promise<boolean> {
  if (!cookie) return false
  return (await getUser(appRequest('/', { cookie }))) !== null
}

describe('sign-up', () => {
  test('creates the account, logs in and mails a confirmation link that works', async () => {
    const email = uniqueEmail()
    const outcome = await run(
      signup.action,
      post('/account/signup', {
        name: 'Trần Thị Bích',
        email: `  ${email.toUpperCase()}  `,
        password: 'mật khẩu đủ dài',
        confirmPassword: 'mật khẩu đủ dài',
      }),
    )
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe('/account')
    expect(await toastOf(outcome)).toContain(email)
    const session = cookieFrom(outcome, '__session')
    expect(await sessionExists(session)).toBe(true)
    const user = await getDb().user.findUniqueOrThrow({ where: { email } })
    expect(user.roles).toEqual(['CUSTOMER'])

    const mail = await lastMailTo(email)
    expect(mail?.subject).toBe('Xác nhận email của bạn trên Chợ OCOP')
    const link = linkIn(mail!.text)
    expect(link.origin).toBe('http://localhost:3000')
    const verified = await run(verifyEmail.loader, appRequest(link.pathname + link.search, { cookie: session! }))
    expect(verified.location).toBe('/account')
    expect(await toastOf(verified)).toBe('Cảm ơn bạn, email đã được xác nhận.')
    expect((await getDb().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull()

    // The link works once; afterwards it explains itself instead of failing.
    const again = await run(verifyEmail.loader, appRequest(link.pathname + link.search))
    expect(again.status).toBe(200)
    expect(again.body).toEqual({ locale: 'vi' })
  })

  test('an export buyer gives company and country, in English, and goes back where they came from', async () => {
    const email = uniqueEmail()
    const form = {
      name: 'Kim Min-ji',
      email,
      password: 'long enough password',
      confirmPassword: 'long enough password',
      exportBuyer: 'on',
      redirectTo: '/en/products',
    }
    const missing = await run(signup.action, post('/en/account/signup', form), { lang: 'en' })
    expect(missing.status).toBe(400)
    expect(result(missing).error).toMatchObject({
      company: ['Please enter your company name.'],
      country: ['Please choose a country.'],
    })

    const outcome = await run(
      signup.action,
      post('/en/account/signup', { ...form, company: 'Seoul Trading Co.', country: 'KR' }),
      { lang: 'en' },
    )
    expect(outcome.location).toBe('/en/products')
    const user = await getDb().user.findUniqueOrThrow({ where: { email } })
    expect(user).toMatchObject({ roles: ['EXPORT_BUYER'], company: 'Seoul Trading Co.', country: 'KR', locale: 'en' })
    expect(linkIn((await lastMailTo(email))!.text).pathname).toBe('/en/account/verify-email')
  })

  test('an address already in use is a field error, and the passwords are not sent back', async () => {
    const existing = await createTestUser()
    const outcome = await run(
      signup.action,
      post('/account/signup', {
        name: 'Người Thứ Hai',
        email: existing.email.toUpperCase(),
        password: 'mật khẩu đủ dài',
        confirmPassword: 'mật khẩu đủ dài',
      }),
    )
    expect(outcome.status).toBe(400)
    expect(result(outcome).error?.email?.[0]).toContain('đã được dùng')
    expect(result(outcome).initialValue).not.toHaveProperty('password')
    expect(await getDb().user.count({ where: { email: existing.email } })).toBe(1)
  })

  test('every problem is listed at once, in the reader’s language (a form sent without JavaScript)', async () => {
    const outcome = await run(
      signup.action,
      post('/account/signup', {
        name: '',
        email: uniqueEmail(),
        password: 'mật khẩu đủ dài',
        confirmPassword: 'mật khẩu khác',
        exportBuyer: 'on',
      }),
    )
    expect(outcome.status).toBe(400)
    expect(result(outcome).error).toEqual({
      name: ['Vui lòng nhập họ và tên.'],
      confirmPassword: ['Hai mật khẩu không khớp nhau.'],
      company: ['Vui lòng nhập tên công ty.'],
      country: ['Vui lòng chọn quốc gia.'],
    })
  })
})

describe('log-in', () => {
  test('the right password logs in, with a session cookie, and goes back to the page asked for', async () => {
    const user = await createTestUser()
    const outcome = await run(
      login.action,
      post('/account/login', { email: user.email, password: TEST_PASSWORD, redirectTo: '/products?group=thuc-pham' }),
    )
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe('/products?group=thuc-pham')
    expect(await sessionExists(cookieFrom(outcome, '__session'))).toBe(true)
  })

  test('a redirect to another site is ignored', async () => {
    const user = await createTestUser()
    const outcome = await run(
      login.action,
      post('/en/account/login', { email: user.email, password: TEST_PASSWORD, redirectTo: '//evil.example/' }),
      { lang: 'en' },
    )
    expect(outcome.location).toBe('/en')
  })

  test('a wrong password and an unknown address get the same message', async () => {
    const user = await createTestUser()
    const wrong = await run(login.action, post('/account/login', { email: user.email, password: 'sai rồi' }))
    const unknown = await run(login.action, post('/account/login', { email: uniqueEmail(), password: TEST_PASSWORD }))
    for (const outcome of [wrong, unknown]) {
      expect(outcome.status).toBe(400)
      expect(result(outcome).error?.['']).toEqual(['Email hoặc mật khẩu không đúng.'])
      expect(cookieFrom(outcome, '__session')).toBeNull()
    }
  })

  test('the 6th failed try for an account is blocked with 429, even with the right password', async () => {
    const user = await createTestUser()
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      const outcome = await run(login.action, post('/account/login', { email: user.email, password: `đoán-${i}` }))
      expect(outcome.status).toBe(400)
    }
    const blocked = await run(login.action, post('/account/login', { email: user.email, password: TEST_PASSWORD }))
    expect(blocked.status).toBe(429)
    expect(result(blocked).error?.['']?.[0]).toMatch(/thử lại sau \d+ phút/)
    expect(cookieFrom(blocked, '__session')).toBeNull()
  })

  test('too many failures from one address block every account tried from it', async () => {
    const ip = uniqueIp()
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      await run(login.action, post('/account/login', { email: uniqueEmail(), password: 'đoán' }, { ip }))
    }
    const user = await createTestUser()
    const blocked = await run(
      login.action,
      post('/en/account/login', { email: user.email, password: TEST_PASSWORD }, { ip }),
      { lang: 'en' },
    )
    expect(blocked.status).toBe(429)
    expect(result(blocked).error?.['']?.[0]).toMatch(/try again in \d+ minutes?/)
  })

  test('a logged-in visitor is sent to the account page', async () => {
    const user = await createTestUser()
    const vi = await run(login.loader, appRequest('/account/login', { cookie: user.cookie }))
    expect(vi.location).toBe('/account')
    const en = await run(login.loader, appRequest('/en/account/login', { cookie: user.cookie }), { lang: 'en' })
    expect(en.location).toBe('/en/account')
  })
})

test('log-out ends the session and goes home with a message', async () => {
  const user = await createTestUser()
  const outcome = await run(logout.action, post('/en/account/logout', {}, { cookie: user.cookie }), { lang: 'en' })
  expect(outcome.location).toBe('/en')
  expect(await toastOf(outcome)).toBe('You have logged out.')
  expect(outcome.headers.getSetCookie().find((c) => c.startsWith('__session='))).toContain('Max-Age=0')
  expect(await sessionExists(user.cookie)).toBe(false)
  expect((await run(logout.loader, appRequest('/account/logout'))).location).toBe('/')
})

describe('forgotten password', () => {
  test('request → mail → new password: old password and every old session stop working, the link works once', async () => {
    const user = await createTestUser()
    const answer = await run(forgotPassword.action, post('/account/forgot-password', { email: user.email }))
    expect(answer.status).toBe(200)
    const link = linkIn((await lastMailTo(user.email))!.text)
    expect(link.pathname).toBe('/account/reset-password')
    const resetPath = link.pathname + link.search
    const token = link.searchParams.get('token')!

    const page = await run(resetPassword.loader, appRequest(resetPath))
    expect(page.body).toEqual({ locale: 'vi', token })

    const outcome = await run(
      resetPassword.action,
      post(resetPath, { token, password: 'mật khẩu mới tinh', confirmPassword: 'mật khẩu mới tinh' }),
    )
    expect(outcome.location).toBe('/account')
    expect(await toastOf(outcome)).toContain('Đã đặt mật khẩu mới')
    expect(await sessionExists(user.cookie)).toBe(false)
    expect(await sessionExists(cookieFrom(outcome, '__session'))).toBe(true)
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(1)

    const ip = uniqueIp()
    const oldPassword = await run(
      login.action,
      post('/account/login', { email: user.email, password: TEST_PASSWORD }, { ip }),
    )
    expect(oldPassword.status).toBe(400)
    const newPassword = await run(
      login.action,
      post('/account/login', { email: user.email, password: 'mật khẩu mới tinh' }, { ip }),
    )
    expect(newPassword.status).toBe(302)

    const reused = await run(
      resetPassword.action,
      post(resetPath, { token, password: 'thêm một mật khẩu', confirmPassword: 'thêm một mật khẩu' }),
    )
    expect(reused.status).toBe(400)
    expect(reused.body).toMatchObject({ invalidToken: true })
    expect((await run(resetPassword.loader, appRequest(resetPath))).body).toEqual({ locale: 'vi', token: null })
  })

  test('an unknown address gets the same answer and no mail is sent', async () => {
    const user = await createTestUser()
    const stranger = uniqueEmail()
    const mailsBefore = await getDb().mailMessage.count()
    const known = await run(forgotPassword.action, post('/account/forgot-password', { email: user.email }))
    const unknown = await run(forgotPassword.action, post('/account/forgot-password', { email: stranger }))
    expect(unknown.status).toBe(known.status)
    expect(unknown.body).toEqual({ ...(known.body as object), sentTo: stranger })
    expect(await getDb().mailMessage.count()).toBe(mailsBefore + 1)
    expect(await getDb().mailMessage.count({ where: { to: stranger } })).toBe(0)
  })

  test('a wrong reset link shows a page that offers to ask again, not an error', async () => {
    const page = await run(resetPassword.loader, appRequest('/account/reset-password?token=khong-dung'))
    expect(page.status).toBe(200)
    expect(page.body).toEqual({ locale: 'vi', token: null })
    const noToken = await run(resetPassword.loader, appRequest('/en/account/reset-password'), { lang: 'en' })
    expect(noToken.body).toEqual({ locale: 'en', token: null })
  })
})

describe('account page', () => {
  test('a guest is sent to log in and brought back', async () => {
    const outcome = await run(account.loader, appRequest('/en/account'), { lang: 'en' })
    expect(outcome.location).toBe('/en/account/login?redirectTo=%2Fen%2Faccount')
  })

  test('shows the account, its roles and sessions, and is never cached publicly', async () => {
    const user = await createTestUser({
      roles: ['EXPORT_BUYER'],
      company: 'Sakura K.K.',
      country: 'JP',
      verified: false,
    })
    const outcome = await run(account.loader, appRequest('/account', { cookie: user.cookie }))
    expect(outcome.headers.get('Cache-Control')).toBe('private, no-store')
    expect(outcome.body).toMatchObject({
      account: { email: user.email, roles: ['EXPORT_BUYER'], company: 'Sakura K.K.', verified: false },
      exportBuyer: true,
      canSell: false,
      sessions: [{ current: true }],
    })
  })

  test('ending another user’s session by its id does nothing', async () => {
    const user = await createTestUser()
    const other = await createTestUser()
    const otherSession = await getDb().session.findFirstOrThrow({ where: { userId: other.id }, select: { id: true } })
    const outcome = await run(
      account.action,
      post('/account', { intent: REVOKE_SESSION_INTENT, sessionId: otherSession.id }, { cookie: user.cookie }),
    )
    expect(await toastOf(outcome)).toBe('Phiên đăng nhập này không còn tồn tại.')
    expect(await sessionExists(other.cookie)).toBe(true)
  })

  test('log out all other devices keeps this one', async () => {
    const user = await createTestUser()
    const ip = uniqueIp()
    const elsewhere = await run(
      login.action,
      post('/account/login', { email: user.email, password: TEST_PASSWORD }, { ip }),
    )
    const otherCookie = cookieFrom(elsewhere, '__session')
    const outcome = await run(
      account.action,
      post('/account', { intent: REVOKE_OTHER_SESSIONS_INTENT }, { cookie: user.cookie }),
    )
    expect(await toastOf(outcome)).toBe('Đã đăng xuất 1 thiết bị khác.')
    expect(await sessionExists(otherCookie)).toBe(false)
    expect(await sessionExists(user.cookie)).toBe(true)
  })

  test('changing the password with a wrong current password is refused on that field', async () => {
    const user = await createTestUser()
    const outcome = await run(
      account.action,
      post(
        '/account',
        {
          intent: CHANGE_PASSWORD_INTENT,
          currentPassword: 'không đúng',
          newPassword: 'mật khẩu mới tinh',
          confirmNewPassword: 'mật khẩu mới tinh',
        },
        { cookie: user.cookie },
      ),
    )
    expect(outcome.status).toBe(400)
    expect(outcome.body).toMatchObject({ intent: CHANGE_PASSWORD_INTENT })
    expect(result(outcome).error?.currentPassword).toEqual(['Mật khẩu hiện tại không đúng.'])
    const login2 = await run(login.action, post('/account/login', { email: user.email, password: TEST_PASSWORD }))
    expect(login2.status).toBe(302)
  })

  test('the profile takes a Vietnamese phone number and refuses anything else', async () => {
    const user = await createTestUser()
    const form = { intent: UPDATE_PROFILE_INTENT, name: 'Phạm Thu Hà', locale: 'en' }
    const bad = await run(account.action, post('/account', { ...form, phone: '12345' }, { cookie: user.cookie }))
    expect(bad.status).toBe(400)
    expect(result(bad).error?.phone?.[0]).toContain('0912345678')

    const good = await run(
      account.action,
      post('/account', { ...form, phone: '+84 91 234 5678' }, { cookie: user.cookie }),
    )
    expect(await toastOf(good)).toBe('Đã lưu thông tin cá nhân.')
    expect(
      await getDb().user.findUniqueOrThrow({
        where: { id: user.id },
        select: { name: true, phone: true, locale: true },
      }),
    ).toEqual({ name: 'Phạm Thu Hà', phone: '+84912345678', locale: 'en' })
  })

  test('an unknown intent is a bad request', async () => {
    const user = await createTestUser()
    const outcome = await run(
      account.action,
      post('/account', { intent: 'delete-everything' }, { cookie: user.cookie }),
    )
    expect(outcome.status).toBe(400)
  })
})

describe('/dev/mailbox', () => {
  afterEach(() => {
    delete process.env.SMTP_URL
    resetEnvForTests()
  })

  test('lists the mail and shows one message', async () => {
    const user = await createTestUser()
    await run(forgotPassword.action, post('/account/forgot-password', { email: user.email }))
    const list = await run(mailbox.loader, appRequest('/dev/mailbox'))
    const { messages } = list.body as { messages: { id: string; to: string; subject: string }[] }
    const mail = messages.find((m) => m.to === user.email)
    expect(mail?.subject).toBe('Đặt lại mật khẩu Chợ OCOP')
    const one = await run(mailboxMessage.loader, appRequest(`/dev/mailbox/${mail!.id}`), { id: mail!.id })
    expect((one.body as { message: { text: string } }).message.text).toContain('/account/reset-password?token=')
    expect((await run(mailboxMessage.loader, appRequest('/dev/mailbox/khong-co'), { id: 'khong-co' })).status).toBe(404)
  })

  test('is not found when mail goes out through SMTP', async () => {
    process.env.SMTP_URL = 'smtp://mail.example:587'
    resetEnvForTests()
    expect((await run(mailbox.loader, appRequest('/dev/mailbox'))).status).toBe(404)
    const anyId = await run(mailboxMessage.loader, appRequest('/dev/mailbox/x'), { id: 'x' })
    expect(anyId.status).toBe(404)
  })
})
