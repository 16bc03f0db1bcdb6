import { faker } from '@faker-js/faker'
import { type MemberRole, type Role } from '#app/generated/prisma/client.ts'
import { hashPassword } from '#app/modules/accounts/password.server.ts'
import { sessionCookie } from '#app/modules/accounts/session.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export const TEST_PASSWORD = 'mật-khẩu-thử-2026'
let passwordHash: Promise<string> | undefined

export type TestUser = { id: string; email: string; cookie: string }

/**
 * A user with the roles (and producer memberships) asked for, and a live session: `cookie` is the
 * Cookie header to send with requests. The password of every test user is TEST_PASSWORD.
 */
export async function createTestUser(
  options: {
    roles?: Role[]
    email?: string
    name?: string
    producers?: { producerId: string; role?: MemberRole }[]
    verified?: boolean
    company?: string
    country?: string
  } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const db = getDb()
  const user = await db.user.create({
    data: {
      email:
        options.email ??
        // Lower case throughout, as the login form stores and compares addresses.
        faker.internet
          .email()
          .replace('@', `.${faker.string.alphanumeric(6)}@`)
          .toLowerCase(),
      name: options.name ?? faker.person.fullName(),
      passwordHash: await passwordHash,
      roles: options.roles ?? ['CUSTOMER'],
      emailVerifiedAt: options.verified === false ? null : new Date(),
      company: options.company ?? null,
      country: options.country ?? null,
      memberships: options.producers?.length
        ? { create: options.producers.map((p) => ({ producerId: p.producerId, role: p.role ?? 'OWNER' })) }
        : undefined,
    },
    select: { id: true, email: true },
  })
  const session = await db.session.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000) },
    select: { id: true },
  })
  const setCookie = await sessionCookie().serialize(session.id)
  return { ...user, cookie: setCookie.split(';')[0]! }
}

/** A Request as a browser on our own site would send it (Origin set, cookie when given). */
export function appRequest(
  path: string,
  init: {
    method?: string
    cookie?: string
    form?: Record<string, string | string[]> | FormData
    headers?: Record<string, string>
  } = {},
): Request {
  const url = new URL(path, 'http://localhost:3000')
  const headers = new Headers(init.headers)
  if (init.cookie) headers.set('Cookie', init.cookie)
  headers.set('Origin', url.origin)
  let body: FormData | URLSearchParams | undefined
  if (init.form instanceof FormData) body = init.form
  else if (init.form) {
    body = new URLSearchParams()
    for (const [key, value] of Object.entries(init.form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
    }
  }
  return new Request(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body })
}
