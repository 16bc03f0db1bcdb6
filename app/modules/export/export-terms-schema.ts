/**
 * The forms of a producer's export side: the export terms of one product (with its USD price tiers),
 * a certification document, and the producer's export profile. Shared by Conform in the browser and
 * the actions on the server; messages come from the user's language.
 *
 * An export-ready product must be complete (the catalogue shows every field); a product that is not
 * export-ready may be saved half-filled, but whatever is filled must be valid.
 */
import { z } from 'zod'
import { type ExportCertificationKind, type Incoterm } from '#app/generated/prisma/enums.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { LISTING_LIMITS } from '#app/modules/producer/listing-rules.ts'
import { isCountryCode } from './countries.ts'
import { checkHsCode } from './hs-codes.ts'

export type ExportTermsMessages = Messages['exportTerms']

/** The eleven Incoterms 2020 rules, in the ICC's order (any mode of transport first, then sea). */
export const INCOTERMS = [
  'EXW',
  'FCA',
  'CPT',
  'CIP',
  'DAP',
  'DPU',
  'DDP',
  'FAS',
  'FOB',
  'CFR',
  'CIF',
] as const satisfies readonly Incoterm[]
/** What the USD tiers are quoted as. */
export const TIER_BASES = ['FOB', 'EXW'] as const satisfies readonly Incoterm[]
export type TierBasis = (typeof TIER_BASES)[number]

export const CERTIFICATION_KINDS = [
  'VIETGAP',
  'GLOBALGAP',
  'HACCP',
  'ISO_22000',
  'ORGANIC',
  'OTHER',
] as const satisfies readonly ExportCertificationKind[]

export const EXPORT_TERMS_LIMITS = {
  maxMoq: 10_000_000,
  maxTierQuantity: 10_000_000,
  maxCapacity: 1_000_000_000,
  maxSampleLeadDays: 365,
  maxOrderLeadDays: 730,
  maxShelfLifeMonths: 600,
  maxTiers: 6,
  /** USD 100,000 per unit: far above any OCOP product, low enough to catch a misplaced decimal point. */
  maxPriceUsdCents: 10_000_000,
  unitMaxLength: 60,
  loadingPlaceMaxLength: 200,
  packagingMaxLength: 500,
  profileMaxLength: 2_000,
} as const

// ─────────── USD amounts ───────────

export type UsdInput = { ok: true; cents: number } | { ok: false; reason: 'invalid' | 'not-positive' | 'decimals' }

/**
 * A USD unit price as typed: "6.20", "$6.20", "6,20" (a decimal comma), "1,250.50" (grouped
 * thousands). Refused rather than rounded: more than 2 decimals, zero or negative amounts.
 */
export function parseUsdInput(text: string): UsdInput {
  let compact = text
    .trim()
    .replace(/^(us\$|usd|\$)/i, '')
    .replace(/(us\$|usd|\$)$/i, '')
    .replace(/[\s\u00a0]/g, '')
  const negative = compact.startsWith('-')
  if (negative) compact = compact.slice(1)
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) compact = compact.replaceAll(',', '')
  else if (/^\d+,\d+$/.test(compact)) compact = compact.replace(',', '.')
  const match = /^(\d+)(?:\.(\d+))?$/.exec(compact)
  if (!match) return { ok: false, reason: 'invalid' }
  const [, whole = '', fraction = ''] = match
  if (fraction.length > 2) return { ok: false, reason: 'decimals' }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  if (negative || cents === 0) return { ok: false, reason: 'not-positive' }
  return { ok: true, cents }
}

/** The price field's text for stored cents: 620 → "6.20". */
export function formatUsdInput(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

// ─────────── Export terms ───────────

export type PriceTier = { minQuantity: number; priceUsdCents: number }

export type ExportTermsInput = {
  exportReady: boolean
  nameEn: string
  descriptionEn: string
  /** Digits only (the stored form); null when not given. */
  hsCode: string | null
  moqQuantity: number | null
  moqUnitEn: string | null
  monthlyCapacity: number | null
  capacityUnitEn: string | null
  sampleLeadDays: number | null
  orderLeadDays: number | null
  incoterms: Incoterm[]
  loadingPlace: string | null
  tierBasis: TierBasis | null
  packagingEn: string
  shelfLifeMonths: number | null
  /** The filled rows, smallest quantity first. */
  tiers: PriceTier[]
}

function wholeNumber(message: string, min: number, max: number) {
  return z.number({ error: message }).int(message).min(min, message).max(max, message).optional()
}

function text(max: number, message: string) {
  return z.string().trim().max(max, message).optional()
}

function inRange(value: number | undefined, min: number, max: number): value is number {
  return value !== undefined && Number.isInteger(value) && value >= min && value <= max
}

/**
 * The fields alone, without the rules across fields and the conversion: what Conform reads the HTML
 * constraints from (`getZodConstraint` cannot read through a transform at the root).
 */
export function ExportTermsFields(t: ExportTermsMessages) {
  const e = t.errors
  const L = EXPORT_TERMS_LIMITS
  const tooLong = e.tooLong
  return z.object({
    exportReady: z.boolean().optional().default(false),
    nameEn: text(LISTING_LIMITS.nameMaxLength, tooLong(LISTING_LIMITS.nameMaxLength)),
    descriptionEn: text(LISTING_LIMITS.descriptionMaxLength, tooLong(LISTING_LIMITS.descriptionMaxLength)),
    hsCode: text(20, e.hsFormat),
    moqQuantity: wholeNumber(e.moqInvalid(L.maxMoq), 1, L.maxMoq),
    moqUnitEn: text(L.unitMaxLength, tooLong(L.unitMaxLength)),
    monthlyCapacity: wholeNumber(e.capacityInvalid(L.maxCapacity), 1, L.maxCapacity),
    capacityUnitEn: text(L.unitMaxLength, tooLong(L.unitMaxLength)),
    sampleLeadDays: wholeNumber(e.sampleLeadInvalid(L.maxSampleLeadDays), 0, L.maxSampleLeadDays),
    orderLeadDays: wholeNumber(e.orderLeadInvalid(L.maxOrderLeadDays), 1, L.maxOrderLeadDays),
    incoterms: z
      .array(z.enum(INCOTERMS, { error: e.incotermInvalid }))
      .optional()
      .default([]),
    loadingPlace: text(L.loadingPlaceMaxLength, tooLong(L.loadingPlaceMaxLength)),
    tierBasis: z.enum(TIER_BASES, { error: e.tierBasisInvalid }).optional(),
    packagingEn: text(L.packagingMaxLength, tooLong(L.packagingMaxLength)),
    shelfLifeMonths: wholeNumber(e.shelfLifeInvalid(L.maxShelfLifeMonths), 1, L.maxShelfLifeMonths),
    // Rows of the form; a row left empty is ignored. Quantities and prices are checked below,
    // where each problem is reported on its own row.
    tiers: z
      .array(z.object({ minQuantity: z.string().optional(), priceUsd: z.string().optional() }).optional())
      .optional()
      .default([]),
  })
}

export function ExportTermsSchema(t: ExportTermsMessages) {
  const e = t.errors
  const L = EXPORT_TERMS_LIMITS
  return ExportTermsFields(t)
    .superRefine((value, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
      const ready = value.exportReady

      if (value.hsCode) {
        const hs = checkHsCode(value.hsCode)
        if (!hs.ok) issue(['hsCode'], hs.problem === 'chapter' ? e.hsChapter : e.hsFormat)
      }
      if (value.moqQuantity !== undefined && !value.moqUnitEn) issue(['moqUnitEn'], e.moqUnitRequired)
      if (value.monthlyCapacity !== undefined && !value.capacityUnitEn)
        issue(['capacityUnitEn'], e.capacityUnitRequired)
      if (value.tierBasis && value.incoterms.length > 0 && !value.incoterms.includes(value.tierBasis)) {
        issue(['tierBasis'], e.tierBasisNotOffered(value.tierBasis))
      }

      const moq = inRange(value.moqQuantity, 1, L.maxMoq) ? value.moqQuantity : null
      const filled = checkTiers(value.tiers, moq, t, issue)
      if (filled > L.maxTiers) issue(['tiers'], e.tiersTooMany(L.maxTiers))
      if (filled > 0 && !value.tierBasis) issue(['tierBasis'], e.tierBasisRequired)

      if (!ready) return
      if (!value.nameEn) issue(['nameEn'], e.nameEnRequired)
      if (!value.descriptionEn) issue(['descriptionEn'], e.descriptionEnRequired)
      if (!value.hsCode) issue(['hsCode'], e.hsRequired)
      if (value.moqQuantity === undefined) issue(['moqQuantity'], e.moqRequired)
      if (value.orderLeadDays === undefined) issue(['orderLeadDays'], e.orderLeadRequired)
      if (value.incoterms.length === 0) issue(['incoterms'], e.incotermsRequired)
      if (!value.loadingPlace) issue(['loadingPlace'], e.loadingPlaceRequired)
      if (filled === 0) {
        issue(['tiers'], e.tiersRequired)
        if (!value.tierBasis) issue(['tierBasis'], e.tierBasisRequired)
      }
    })
    .transform((value): ExportTermsInput => ({
      exportReady: value.exportReady,
      nameEn: value.nameEn ?? '',
      descriptionEn: value.descriptionEn ?? '',
      hsCode: storedHsCode(value.hsCode),
      moqQuantity: value.moqQuantity ?? null,
      moqUnitEn: value.moqUnitEn ?? null,
      monthlyCapacity: value.monthlyCapacity ?? null,
      capacityUnitEn: value.capacityUnitEn ?? null,
      sampleLeadDays: value.sampleLeadDays ?? null,
      orderLeadDays: value.orderLeadDays ?? null,
      incoterms: INCOTERMS.filter((code) => value.incoterms.includes(code)),
      loadingPlace: value.loadingPlace ?? null,
      tierBasis: value.tierBasis ?? null,
      packagingEn: value.packagingEn ?? '',
      shelfLifeMonths: value.shelfLifeMonths ?? null,
      tiers: filledTiers(value.tiers),
    }))
}

function storedHsCode(input: string | undefined): string | null {
  const hs = input ? checkHsCode(input) : null
  return hs?.ok ? hs.code : null
}

type TierRow = { minQuantity?: string; priceUsd?: string } | undefined

function isEmptyRow(row: TierRow): boolean {
  return !row?.minQuantity?.trim() && !row?.priceUsd?.trim()
}

/** A whole quantity: "1000", or grouped by thousands ("1.000", "1,000", "1 000"). */
function parseTierQuantity(text: string): number | null {
  const trimmed = text.trim()
  let digits: string | null = null
  if (/^\d+$/.test(trimmed)) digits = trimmed
  else if (/^\d{1,3}([.,\s\u00a0]\d{3})+$/.test(trimmed)) digits = trimmed.replace(/\D/g, '')
  if (digits === null) return null
  const value = Number(digits)
  return value >= 1 && value <= EXPORT_TERMS_LIMITS.maxTierQuantity ? value : null
}

/**
 * Checks the filled rows (in the order shown) and reports each problem on its row: missing half,
 * bad quantity or price, a quantity that repeats (overlapping tiers) or goes down, a larger quantity
 * with a higher unit price, a tier below the MOQ. Returns the number of filled rows.
 */
function checkTiers(
  rows: TierRow[],
  moq: number | null,
  t: ExportTermsMessages,
  issue: (path: (string | number)[], message: string) => void,
): number {
  const e = t.errors
  const L = EXPORT_TERMS_LIMITS
  const seen = new Set<number>()
  let previous: { quantity: number; cents: number | null } | null = null
  let filled = 0
  for (const [index, row] of rows.entries()) {
    if (isEmptyRow(row)) continue
    filled += 1
    const quantityText = row?.minQuantity?.trim() ?? ''
    const priceText = row?.priceUsd?.trim() ?? ''
    let quantity: number | null = null
    if (!quantityText) issue(['tiers', index, 'minQuantity'], e.tierQuantityRequired)
    else {
      quantity = parseTierQuantity(quantityText)
      if (quantity === null) issue(['tiers', index, 'minQuantity'], e.tierQuantityInvalid(L.maxTierQuantity))
    }
    let cents: number | null = null
    if (!priceText) issue(['tiers', index, 'priceUsd'], e.tierPriceRequired)
    else {
      const price = parseUsdInput(priceText)
      if (!price.ok) {
        const message = {
          invalid: e.tierPriceInvalid,
          'not-positive': e.tierPriceNotPositive,
          decimals: e.tierPriceDecimals,
        }
        issue(['tiers', index, 'priceUsd'], message[price.reason])
      } else if (price.cents > L.maxPriceUsdCents) {
        issue(['tiers', index, 'priceUsd'], e.tierPriceTooHigh(formatUsdInput(L.maxPriceUsdCents)))
      } else cents = price.cents
    }
    if (quantity === null) continue
    if (seen.has(quantity)) issue(['tiers', index, 'minQuantity'], e.tierDuplicate)
    else if (moq !== null && quantity < moq) issue(['tiers', index, 'minQuantity'], e.tierBelowMoq(moq))
    else if (previous && quantity < previous.quantity) issue(['tiers', index, 'minQuantity'], e.tierNotAscending)
    else if (previous && cents !== null && previous.cents !== null && cents > previous.cents) {
      issue(['tiers', index, 'priceUsd'], e.tierPriceRises)
    }
    seen.add(quantity)
    if (!previous || quantity > previous.quantity) previous = { quantity, cents }
  }
  return filled
}

/** The filled rows as stored, smallest quantity first (only called on rows that passed checkTiers). */
function filledTiers(rows: TierRow[]): PriceTier[] {
  const tiers: PriceTier[] = []
  for (const row of rows) {
    if (isEmptyRow(row)) continue
    const quantity = parseTierQuantity(row?.minQuantity ?? '')
    const price = parseUsdInput(row?.priceUsd ?? '')
    if (quantity !== null && price.ok) tiers.push({ minQuantity: quantity, priceUsdCents: price.cents })
  }
  return tiers.sort((a, b) => a.minQuantity - b.minQuantity)
}

// ─────────── Certifications ───────────

/** "YYYY-MM-DD" (what a date input sends) → midnight UTC; null for anything that is not a real day. */
export function parseDateInput(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim())
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return year >= 1950 && year <= 2200 ? date : null
}

/** A stored date as a date input's value. */
export function formatDateInput(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export const CERTIFICATION_LIMITS = { otherNameMaxLength: 120, numberMaxLength: 100, issuerMaxLength: 200 } as const

export type CertificationInput = {
  kind: ExportCertificationKind
  otherName: string | null
  number: string
  issuer: string
  issuedOn: Date | null
  expiresOn: Date
}

/** The certification's fields; the file is checked apart (by its bytes, on the server). */
export function CertificationFields(t: ExportTermsMessages) {
  const e = t.certifications.errors
  const L = CERTIFICATION_LIMITS
  const date = (required: string | null) =>
    z.string({ error: required ?? e.dateInvalid }).transform((value, ctx) => {
      const parsed = parseDateInput(value)
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: e.dateInvalid })
        return z.NEVER
      }
      return parsed
    })
  return z.object({
    kind: z.enum(CERTIFICATION_KINDS, { error: e.kindRequired }),
    otherName: z.string().trim().max(L.otherNameMaxLength, t.errors.tooLong(L.otherNameMaxLength)).optional(),
    number: z
      .string({ error: e.numberRequired })
      .trim()
      .min(1, e.numberRequired)
      .max(L.numberMaxLength, t.errors.tooLong(L.numberMaxLength)),
    issuer: z
      .string({ error: e.issuerRequired })
      .trim()
      .min(1, e.issuerRequired)
      .max(L.issuerMaxLength, t.errors.tooLong(L.issuerMaxLength)),
    issuedOn: date(null).optional(),
    expiresOn: date(e.expiresRequired),
  })
}

export function CertificationSchema(t: ExportTermsMessages) {
  const e = t.certifications.errors
  return CertificationFields(t)
    .superRefine((value, ctx) => {
      if (value.kind === 'OTHER' && !value.otherName) {
        ctx.addIssue({ code: 'custom', path: ['otherName'], message: e.otherNameRequired })
      }
      if (value.issuedOn && value.expiresOn && value.expiresOn.getTime() <= value.issuedOn.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: e.expiresBeforeIssued })
      }
    })
    .transform((value): CertificationInput => ({
      kind: value.kind,
      otherName: value.kind === 'OTHER' ? (value.otherName ?? null) : null,
      number: value.number,
      issuer: value.issuer,
      issuedOn: value.issuedOn ?? null,
      expiresOn: value.expiresOn,
    }))
}

// ─────────── Export profile ───────────

export type ExportProfileInput = { exportProfileEn: string; exportMarkets: string[] }

export function ExportProfileFields(t: ExportTermsMessages) {
  const max = EXPORT_TERMS_LIMITS.profileMaxLength
  return z.object({
    exportProfileEn: z.string().trim().max(max, t.profile.errors.profileTooLong(max)).optional(),
    // Ticked boxes send one code each; a typed list "JP, KR" is split the same way.
    exportMarkets: z.array(z.string()).optional().default([]),
  })
}

/** The producer's English profile and markets (ISO 3166-1 alpha-2 codes from COUNTRIES). */
export function ExportProfileSchema(t: ExportTermsMessages) {
  const e = t.profile.errors
  return ExportProfileFields(t).transform((value, ctx): ExportProfileInput => {
    const codes = value.exportMarkets.flatMap((entry) => entry.split(/[\s,;]+/)).filter(Boolean)
    const markets = [...new Set(codes.map((code) => code.toUpperCase()))]
    const unknown = markets.filter((code) => !isCountryCode(code))
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['exportMarkets'], message: e.marketUnknown(unknown.join(', ')) })
      return z.NEVER
    }
    return { exportProfileEn: value.exportProfileEn ?? '', exportMarkets: markets.sort() }
  })
}
