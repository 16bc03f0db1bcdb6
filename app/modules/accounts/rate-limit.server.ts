import { getDb } from '#app/utils/db.server.ts'

/** Failed log-ins allowed in the window, per account (e-mail as typed) and per IP address. */
export const LOGIN_LIMITS = { perAccount: 5, perIp: 20, windowMinutes: 15 } as const

export type LoginBlock = { blocked: false } | { blocked: true; retryAfterMinutes: number }

/**
 * Counts recent failures in LoginAttempt. A block lifts as the oldest failure in the window ages
 * out; a successful log-in does not erase failures (an attacker could otherwise interleave its own).
 */
export async function checkLoginAllowed(email: string, ipAddress: string): Promise<LoginBlock> {
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000)
  const db = getDb()
  const [byAccount, byIp] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email: email.toLowerCase(), succeeded: false, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: LOGIN_LIMITS.perAccount,
      select: { createdAt: true },
    }),
    db.loginAttempt.findMany({
      where: { ipAddress, succeeded: false, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: LOGIN_LIMITS.perIp,
      select: { createdAt: true },
    }),
  ])
  const oldestBlocking = [
    byAccount.length >= LOGIN_LIMITS.perAccount ? byAccount.at(-1)?.createdAt : undefined,
    byIp.length >= LOGIN_LIMITS.perIp ? byIp.at(-1)?.createdAt : undefined,
  ].filter((d): d is Date => d !== undefined)
  if (oldestBlocking.length === 0) return { blocked: false }
  const liftsAt = Math.max(...oldestBlocking.map((d) => d.getTime())) + LOGIN_LIMITS.windowMinutes * 60_000
  return { blocked: true, retryAfterMinutes: Math.max(1, Math.ceil((liftsAt - Date.now()) / 60_000)) }
}

export async function recordLoginAttempt(email: string, ipAddress: string, succeeded: boolean): Promise<void> {
  await getDb().loginAttempt.create({ data: { email: email.toLowerCase(), ipAddress, succeeded } })
}

/** Drops attempts older than a day (run by the `accounts-prune` job). */
export async function pruneLoginAttempts(): Promise<number> {
  const { count } = await getDb().loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - 24 * 60 * 60 * 1000) } },
  })
  return count
}
