/**
 * The listing editor's form schema, shared by Conform in the browser and the action on the server
 * (which adds the database checks). Messages come from the user's language.
 */
import { z } from 'zod'
import { type Messages } from '#app/i18n/vi.ts'
import { formatVnd } from '#app/utils/money.ts'
import { isKnownGroup, isKnownSubgroup, LISTING_LIMITS, LISTING_STATUSES, SKU_PATTERN } from './listing-rules.ts'

export type ListingMessages = Messages['listings']

/** The status filter of the listings page, as it appears in the URL (`?status=draft`). */
export const LISTING_STATUS_FILTERS = { draft: 'DRAFT', published: 'PUBLISHED', archived: 'ARCHIVED' } as const
export type ListingStatusFilter = keyof typeof LISTING_STATUS_FILTERS

export function parseStatusFilter(value: string | null): ListingStatusFilter | null {
  return value !== null && Object.hasOwn(LISTING_STATUS_FILTERS, value) ? (value as ListingStatusFilter) : null
}

export type VndInput = { ok: true; value: number } | { ok: false; reason: 'invalid' | 'negative' | 'fractional' }

/**
 * A price as a Vietnamese seller types it: "150.000", "150000", "150 000 ₫" (dots group thousands);
 * "150,000" with commas is read the same way. Anything with a fractional part is refused rather than
 * rounded: VND has no minor unit, and "150,5" is a typo, not a price.
 */
export function parseVndInput(text: string): VndInput {
  const compact = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(/(₫|đồng|đ|vnđ|vnd)$/i, '')
  const negative = compact.startsWith('-')
  const digits = negative ? compact.slice(1) : compact
  if (!/^[0-9][0-9.,]*$/.test(digits)) return { ok: false, reason: 'invalid' }
  let whole: string | null = null
  if (/^\d+$/.test(digits)) whole = digits
  else if (/^\d{1,3}(\.\d{3})+$/.test(digits)) whole = digits.replaceAll('.', '')
  else if (/^\d{1,3}(,\d{3})+$/.test(digits)) whole = digits.replaceAll(',', '')
  if (whole === null) {
    const fractional = /^(\d+|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+)[.,]\d+$/.test(digits)
    return { ok: false, reason: fractional ? 'fractional' : 'invalid' }
  }
  if (negative) return { ok: false, reason: 'negative' }
  return { ok: true, value: Number(whole) }
}

/** The price field's default text: 150000 → "150.000". */
export function formatVndInput(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

function optionalText(max: number, message: string) {
  return z.string().trim().max(max, message).optional().default('')
}

export function ListingSchema(t: ListingMessages) {
  const e = t.errors
  const L = LISTING_LIMITS
  return z
    .object({
      sku: z
        .string({ error: e.skuRequired })
        .trim()
        .min(1, e.skuRequired)
        .max(L.skuMaxLength, e.skuTooLong(L.skuMaxLength))
        .regex(SKU_PATTERN, e.skuPattern),
      nameVi: z
        .string({ error: e.nameRequired })
        .trim()
        .min(1, e.nameRequired)
        .max(L.nameMaxLength, e.nameTooLong(L.nameMaxLength)),
      nameEn: optionalText(L.nameMaxLength, e.nameTooLong(L.nameMaxLength)),
      groupCode: z.string({ error: e.groupRequired }).refine(isKnownGroup, e.groupRequired),
      subgroupCode: z.string({ error: e.subgroupRequired }),
      priceVnd: z
        .string({ error: e.priceRequired })
        .transform((text, ctx) => {
          const parsed = parseVndInput(text)
          if (parsed.ok) return parsed.value
          const message =
            parsed.reason === 'negative'
              ? e.priceNegative
              : parsed.reason === 'fractional'
                ? e.priceFractional
                : e.priceInvalid
          ctx.addIssue({ code: 'custom', message })
          return z.NEVER
        })
        .pipe(
          z
            .number()
            .min(L.minPriceVnd, e.priceTooLow(formatVnd(L.minPriceVnd)))
            .max(L.maxPriceVnd, e.priceTooHigh(formatVnd(L.maxPriceVnd))),
        ),
      unitVi: z
        .string({ error: e.unitRequired })
        .trim()
        .min(1, e.unitRequired)
        .max(L.unitMaxLength, e.unitTooLong(L.unitMaxLength)),
      unitEn: optionalText(L.unitMaxLength, e.unitTooLong(L.unitMaxLength)),
      weightGrams: z
        .number({ error: e.weightRequired })
        .int(e.weightInvalid(L.minWeightGrams, L.maxWeightGrams))
        .min(L.minWeightGrams, e.weightInvalid(L.minWeightGrams, L.maxWeightGrams))
        .max(L.maxWeightGrams, e.weightInvalid(L.minWeightGrams, L.maxWeightGrams)),
      stock: z
        .number({ error: e.stockRequired })
        .int(e.stockInvalid(L.maxStock))
        .min(0, e.stockInvalid(L.maxStock))
        .max(L.maxStock, e.stockInvalid(L.maxStock)),
      descriptionVi: optionalText(L.descriptionMaxLength, e.descriptionTooLong(L.descriptionMaxLength)),
      descriptionEn: optionalText(L.descriptionMaxLength, e.descriptionTooLong(L.descriptionMaxLength)),
      // HIDDEN is accepted so that a hidden listing can be saved as it is; LISTING_TRANSITIONS (in the
      // save) refuses moving into or out of it, so only the office hides and lifts.
      status: z.enum([...LISTING_STATUSES, 'HIDDEN'], { error: e.statusInvalid }).default('DRAFT'),
    })
    .superRefine((value, ctx) => {
      if (isKnownGroup(value.groupCode) && !isKnownSubgroup(value.groupCode, value.subgroupCode)) {
        ctx.addIssue({ code: 'custom', path: ['subgroupCode'], message: e.subgroupMismatch })
      }
    })
}

export type ListingInput = z.output<ReturnType<typeof ListingSchema>>

/** Photo descriptions (alt text), one form per photo. */
export function PhotoAltSchema(t: ListingMessages) {
  const max = 300
  return z.object({
    altVi: z
      .string({ error: t.photos.altRequired })
      .trim()
      .min(1, t.photos.altRequired)
      .max(max, t.photos.altTooLong(max)),
    altEn: z.string().trim().max(max, t.photos.altTooLong(max)).optional().default(''),
  })
}
