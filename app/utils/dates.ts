/** Calendar dates (stored as SQL `date`) shown as dd/mm/yyyy in Vietnamese, "12 Mar 2026" in English. */
export function formatDate(value: Date | string, locale: 'vi' | 'en'): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (locale === 'vi') {
    const dd = String(date.getUTCDate()).padStart(2, '0')
    const mm = String(date.getUTCMonth() + 1).padStart(2, '0')
    return `${dd}/${mm}/${date.getUTCFullYear()}`
  }
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
}
