/**
 * The application's notion of "today". Tests (and demos) can pin it with OCOP_TODAY=YYYY-MM-DD so
 * that certificate expiry can be exercised without waiting three years.
 */
export function now(): Date {
  const pinned = process.env.OCOP_TODAY
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return new Date(`${pinned}T12:00:00Z`)
  return new Date()
}
