/**
 * OCOP certificate validity (Decision 148/QĐ-TTg): valid 36 months from issue; the holder is
 * notified at least 30 days ahead; expired or revoked certificates carry no stars.
 * Status is derived from dates, never stored, so a certificate expires without any job running.
 */
export const VALIDITY_MONTHS = 36
export const EXPIRY_NOTICE_DAYS = 30

export type CertificateStatus = 'active' | 'expiring' | 'expired' | 'revoked' | 'pending'

const DAY_MS = 86_400_000

/** Midnight UTC of the given instant's calendar day (dates are stored as SQL `date`). */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date)
  const day = result.getUTCDate()
  result.setUTCDate(1)
  result.setUTCMonth(result.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate()
  result.setUTCDate(Math.min(day, lastDay))
  return result
}

export function expiryFor(issuedOn: Date): Date {
  return addMonths(startOfUtcDay(issuedOn), VALIDITY_MONTHS)
}

/** Valid through `expiresOn` inclusive. */
export function certificateStatus(
  certificate: { issuedOn: Date; expiresOn: Date; revokedAt: Date | null },
  today: Date,
): CertificateStatus {
  const day = startOfUtcDay(today).getTime()
  if (certificate.revokedAt) return 'revoked'
  if (startOfUtcDay(certificate.issuedOn).getTime() > day) return 'pending'
  const expires = startOfUtcDay(certificate.expiresOn).getTime()
  if (expires < day) return 'expired'
  if (expires - day <= EXPIRY_NOTICE_DAYS * DAY_MS) return 'expiring'
  return 'active'
}

export function showsStars(status: CertificateStatus): boolean {
  return status === 'active' || status === 'expiring'
}

export function daysUntil(date: Date, today: Date): number {
  return Math.round((startOfUtcDay(date).getTime() - startOfUtcDay(today).getTime()) / DAY_MS)
}

/** The status as the office and the public certificate page show it: a replaced certificate says so. */
export type CertificateLifecycle = CertificateStatus | 'superseded'

/**
 * Like `certificateStatus`, but a certificate replaced by a re-evaluation is 'superseded' (whatever
 * its dates say: the newer one speaks for the product). Revoked still wins: the revocation is the
 * stronger statement.
 */
export function lifecycleStatus(
  certificate: { issuedOn: Date; expiresOn: Date; revokedAt: Date | null },
  today: Date,
  chain: { superseded: boolean },
): CertificateLifecycle {
  const status = certificateStatus(certificate, today)
  return status !== 'revoked' && chain.superseded ? 'superseded' : status
}
