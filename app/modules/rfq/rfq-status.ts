/**
 * The states of a request for quotation as people see them. Each producer's part has its own stored
 * status; the request as a whole has none: it is derived from its parts. A part or quote whose date has
 * passed is shown (and treated) as expired before the nightly job has written it (rfq-expiry.server.ts).
 * Browser-safe: no server imports.
 */
import { type QuoteStatus, type RfqPartStatus } from '#app/generated/prisma/enums.ts'

export const PART_STATUSES = [
  'OPEN',
  'QUOTED',
  'ACCEPTED',
  'DECLINED',
  'EXPIRED',
] as const satisfies readonly RfqPartStatus[]
export const QUOTE_STATUSES = [
  'PENDING',
  'ACCEPTED',
  'DECLINED',
  'EXPIRED',
  'WITHDRAWN',
] as const satisfies readonly QuoteStatus[]

/** A part can still be quoted or declined by its producer in these states. */
export const QUOTABLE_PART_STATUSES = ['OPEN', 'QUOTED'] as const satisfies readonly RfqPartStatus[]

export function isPartStatus(value: string | null | undefined): value is RfqPartStatus {
  return (PART_STATUSES as readonly string[]).includes(value ?? '')
}

/** The calendar day of a stored date (`@db.Date`, midnight UTC) as YYYY-MM-DD. */
export function dayOf(date: Date | string): string {
  return (typeof date === 'string' ? new Date(date) : date).toISOString().slice(0, 10)
}

/** True when the day has passed: a date valid "until" a day is still good on that day. */
export function isPast(date: Date | string, today: string): boolean {
  return dayOf(date) < today
}

/** The part's status as of today: open or quoted parts of a lapsed request are expired. */
export function partStatusOn(status: RfqPartStatus, rfqExpiresOn: Date | string, today: string): RfqPartStatus {
  return (status === 'OPEN' || status === 'QUOTED') && isPast(rfqExpiresOn, today) ? 'EXPIRED' : status
}

/** The quote's status as of today: a pending quote past its validity is expired. */
export function quoteStatusOn(status: QuoteStatus, validUntil: Date | string, today: string): QuoteStatus {
  return status === 'PENDING' && isPast(validUntil, today) ? 'EXPIRED' : status
}

/**
 * The request's status from its parts (already as of today): accepted as soon as one producer's quote
 * was accepted; otherwise quoted when a quote waits for the buyer; open while a producer may still
 * answer; expired when every part lapsed; declined when every part is closed and at least one declined.
 */
export function rfqStatus(parts: readonly { status: RfqPartStatus }[]): RfqPartStatus {
  const has = (status: RfqPartStatus) => parts.some((part) => part.status === status)
  if (has('ACCEPTED')) return 'ACCEPTED'
  if (has('QUOTED')) return 'QUOTED'
  if (has('OPEN')) return 'OPEN'
  if (parts.length > 0 && parts.every((part) => part.status === 'EXPIRED')) return 'EXPIRED'
  return 'DECLINED'
}

/** Badge colours (always with the text, never colour alone). */
export const PART_STATUS_STYLES: Record<RfqPartStatus, string> = {
  OPEN: 'border-amber-300 bg-amber-50 text-amber-900',
  QUOTED: 'border-sky-300 bg-sky-50 text-sky-900',
  ACCEPTED: 'border-green-300 bg-green-50 text-green-900',
  DECLINED: 'border-red-200 bg-red-50 text-red-900',
  EXPIRED: 'border-stone-300 bg-stone-100 text-stone-700',
}

export const QUOTE_STATUS_STYLES: Record<QuoteStatus, string> = {
  PENDING: 'border-sky-300 bg-sky-50 text-sky-900',
  ACCEPTED: 'border-green-300 bg-green-50 text-green-900',
  DECLINED: 'border-red-200 bg-red-50 text-red-900',
  EXPIRED: 'border-stone-300 bg-stone-100 text-stone-700',
  WITHDRAWN: 'border-stone-300 bg-stone-100 text-stone-700',
}
