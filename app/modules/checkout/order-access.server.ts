/**
 * Who may see an order page: its owner (logged in), or a browser that placed or unlocked it. The
 * latter is remembered in `__orders`, a signed HttpOnly cookie listing order numbers (the newest
 * ORDER_ACCESS_LIMIT). Anyone else unlocks an order by typing the phone number it was placed with;
 * attempts are limited per order and per IP with the log-in attempt table, so numbers and phones
 * cannot be tried in bulk.
 */
import { createCookie } from '@remix-run/node'
import { checkLoginAllowed, recordLoginAttempt } from '#app/modules/accounts/rate-limit.server.ts'
import { ORDER_NUMBER_PATTERN } from '#app/modules/orders/order-number.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { clientIp } from '#app/utils/request.server.ts'
import { normalizePhone } from './phone.ts'

export const ORDERS_COOKIE_NAME = '__orders'
export const ORDER_ACCESS_LIMIT = 20

function ordersCookie() {
  const env = getEnv()
  return createCookie(ORDERS_COOKIE_NAME, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.COOKIE_SECURE,
    path: '/',
    secrets: env.SESSION_SECRET.split(','),
    maxAge: 180 * 24 * 60 * 60,
  })
}

/** The order numbers this browser may see, newest first (a tampered cookie counts as none). */
export async function readOrderAccess(request: Request): Promise<string[]> {
  const header = request.headers.get('Cookie')
  if (!header?.includes(`${ORDERS_COOKIE_NAME}=`)) return []
  const value: unknown = await ordersCookie().parse(header)
  if (!Array.isArray(value)) return []
  return value.filter((n): n is string => typeof n === 'string' && ORDER_NUMBER_PATTERN.test(n))
}

/** The Set-Cookie header that adds `number` to this browser's orders. */
export async function grantOrderAccess(request: Request, number: string): Promise<string> {
  const current = await readOrderAccess(request)
  const next = [number, ...current.filter((n) => n !== number)].slice(0, ORDER_ACCESS_LIMIT)
  return ordersCookie().serialize(next)
}

export async function hasOrderAccess(
  request: Request,
  order: { number: string; userId: string | null },
  userId: string | null,
): Promise<boolean> {
  if (userId && order.userId === userId) return true
  return (await readOrderAccess(request)).includes(order.number)
}

export type UnlockResult = { kind: 'ok'; number: string } | { kind: 'no-match' } | { kind: 'blocked'; minutes: number }

/**
 * Compares the typed phone number with the order's, both normalised. An unknown order number and a
 * wrong phone answer the same, and both count as a failed attempt.
 */
export async function unlockOrder(request: Request, number: string, phone: string): Promise<UnlockResult> {
  const ip = clientIp(request)
  const key = `order:${number}`
  const block = await checkLoginAllowed(key, ip)
  if (block.blocked) return { kind: 'blocked', minutes: block.retryAfterMinutes }
  const order = await getDb().order.findUnique({ where: { number }, select: { phone: true } })
  const typed = normalizePhone(phone)
  const matches = order !== null && typed !== null && normalizePhone(order.phone) === typed
  await recordLoginAttempt(key, ip, matches)
  return matches ? { kind: 'ok', number } : { kind: 'no-match' }
}
