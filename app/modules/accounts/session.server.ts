import { createCookie, redirect } from '@remix-run/node'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { clientIp } from '#app/utils/request.server.ts'
import { type Permission, can } from './permissions.ts'

/** Also read by the page cache (server/page-cache.ts): requests carrying it are never served from memory. */
export const SESSION_COOKIE_NAME = '__session'
export const SESSION_DAYS = 30

/** The cookie carries only the session id, signed; the session itself is a database row. */
export function sessionCookie() {
  const env = getEnv()
  return createCookie(SESSION_COOKIE_NAME, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.COOKIE_SECURE,
    path: '/',
    secrets: env.SESSION_SECRET.split(','),
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  })
}

const USER_SELECT = {
  id: true,
  email: true,
  name: true,
  roles: true,
  locale: true,
  emailVerifiedAt: true,
  company: true,
  country: true,
} as const

export type SessionUser = {
  id: string
  email: string
  name: string
  roles: string[]
  locale: string
  emailVerifiedAt: Date | null
  company: string | null
  country: string | null
}

export type CurrentSession = { id: string; activeProducerId: string | null; user: SessionUser }

const perRequest = new WeakMap<Request, Promise<CurrentSession | null>>()

export async function getSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

/** The live session of the request (or null), read once per request. */
export function getSession(request: Request): Promise<CurrentSession | null> {
  let pending = perRequest.get(request)
  if (!pending) {
    pending = (async () => {
      const id = await getSessionId(request)
      if (!id) return null
      const session = await getDb().session.findFirst({
        where: { id, expiresAt: { gt: new Date() } },
        select: { id: true, activeProducerId: true, user: { select: USER_SELECT } },
      })
      return session
    })()
    perRequest.set(request, pending)
  }
  return pending
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null
}

/** The path and query to come back to after logging in, if it is a local path. */
export function safeRedirectTo(value: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback
  }
  return value
}

/** `/en` for a request to an English page, '' otherwise. */
function languagePrefix(request: Request): string {
  const { pathname } = new URL(request.url)
  return pathname === '/en' || pathname.startsWith('/en/') ? '/en' : ''
}

function loginUrl(request: Request): string {
  const url = new URL(request.url)
  const back = url.pathname + url.search
  return `${languagePrefix(request)}/account/login?redirectTo=${encodeURIComponent(back)}`
}

/** The logged-in user, or a redirect to the log-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request)
  if (!user) throw redirect(loginUrl(request))
  return user
}

export async function requireUserId(request: Request): Promise<string> {
  return (await requireUser(request)).id
}

/** Log-in and sign-up pages: a logged-in user goes to the account page instead. */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getUser(request)) throw redirect(`${languagePrefix(request)}/account`)
}

/** 403 unless the user's roles grant the permission (a guest is sent to log in first). */
export async function requireUserWithPermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!can(user, permission)) throw new Response('Forbidden', { status: 403 })
  return user
}

/** Creates the session row and returns the Set-Cookie header that carries it. */
export async function createSession(request: Request, userId: string): Promise<string> {
  const session = await getDb().session.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
      userAgent: request.headers.get('User-Agent')?.slice(0, 300) ?? null,
      ipAddress: clientIp(request),
    },
    select: { id: true },
  })
  return sessionCookie().serialize(session.id)
}

/** Deletes the request's session row and returns the Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  const id = await getSessionId(request)
  if (id) await getDb().session.deleteMany({ where: { id } })
  return sessionCookie().serialize('', { maxAge: 0 })
}
