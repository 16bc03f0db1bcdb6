/**
 * How the export catalogue writes prices, tiers and certifications: one wording for the pages, the
 * CSV and anything else that shows an ExportSheet. No server code: the pages import it too.
 */
import { type Messages } from '#app/i18n/vi.ts'
import { type ExportSheet, type ExportSheetCertification } from './export-sheet.ts'

/** USD cents as `$6.20`, `$1,450.00`. */
export function formatUsdCents(cents: number): string {
  const dollars = (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  return `$${dollars}`
}

/** The lowest tier price ("from $X.XX"), or null without tiers. */
export function fromPriceCents(tiers: ExportSheet['tiers']): number | null {
  if (tiers.length === 0) return null
  return Math.min(...tiers.map((tier) => tier.priceUsdCents))
}

/** `300+: $6.20; 1000+: $5.60` */
export function tiersText(tiers: ExportSheet['tiers']): string {
  return tiers.map((tier) => `${tier.minQuantity}+: ${formatUsdCents(tier.priceUsdCents)}`).join('; ')
}

/** A calendar date (SQL `date`, or its JSON string) as YYYY-MM-DD. */
export function isoDay(value: Date | string): string {
  return (typeof value === 'string' ? new Date(value) : value).toISOString().slice(0, 10)
}

/** The certification's name: the kind's label, or the producer's own name for OTHER. */
export function certificationName(
  certification: Pick<ExportSheetCertification, 'kind' | 'otherName'>,
  t: Messages,
): string {
  if (certification.kind === 'OTHER' && certification.otherName) return certification.otherName
  return t.exportTerms.certificationKinds[certification.kind]
}
