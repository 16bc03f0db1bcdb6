/**
 * Orders are dated by the buyer's and producer's calendar, Vietnam time (UTC+7, no daylight saving
 * since 1975): an order placed at 23:30 in Hà Nội belongs to that day, not to the UTC one.
 */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000
const DAY_MS = 86_400_000

/** The Vietnamese calendar day of an instant, as YYYY-MM-DD. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant a Vietnamese calendar day (YYYY-MM-DD) begins. */
export function vietnamDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS)
}

/** The day `days` after (or before, when negative) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The Vietnamese wall-clock time of an instant, as HH:MM. */
export function vietnamTime(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(11, 16)
}
