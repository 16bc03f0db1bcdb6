/**
 * The forms of requests for quotation (the buyer's request, the producer's quote and decline, the
 * buyer's decision, a message), one Zod schema each, built from the messages of the page's language
 * so Conform shows errors in the reader's language. Browser-safe: the server passes what the schemas
 * need to know (today, the products' MOQ) as plain values.
 */
import { z } from 'zod'
import { Incoterm, type RfqPartStatus } from '#app/generated/prisma/enums.ts'
import { type rfqVi } from '#app/i18n/areas/rfq.vi.ts'
import { type Locale } from '#app/i18n/locale.ts'
import { isCountryCode } from '#app/modules/export/countries.ts'
import { addDays } from '#app/modules/orders/vietnam-time.ts'
import { formatDate } from '#app/utils/dates.ts'

type RfqMessages = typeof rfqVi
type Errors = RfqMessages['errors']

export const INCOTERMS = Object.values(Incoterm)
export const QUOTE_CURRENCIES = ['USD', 'VND'] as const
export type QuoteCurrency = (typeof QUOTE_CURRENCIES)[number]

export const RFQ_LIMITS = {
  maxItems: 20,
  /** Quantities are stored as 32-bit integers; ten million units is far above any OCOP MOQ. */
  maxQuantity: 10_000_000,
  unitMax: 60,
  portMax: 120,
  messageMax: 5_000,
  termsMax: 2_000,
  reasonMax: 1_000,
  maxAttachments: 5,
  attachmentMaxMegabytes: 10,
  neededByMaxYears: 2,
  quoteValidMaxDays: 180,
  leadTimeMinDays: 1,
  leadTimeMaxDays: 730,
  /** One million dollars or two billion đồng a unit: a typing slip, not a price (and within 32 bits). */
  maxUsdCents: 100_000_000,
  maxVnd: 2_000_000_000,
} as const

export const CREATE_RFQ_INTENT = 'create-rfq'
export const QUOTE_INTENT = 'quote'
export const DECLINE_PART_INTENT = 'decline'
export const ACCEPT_QUOTE_INTENT = 'accept-quote'
export const DECLINE_QUOTE_INTENT = 'decline-quote'
export const MESSAGE_INTENT = 'message'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** True for a real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDay(text: string): boolean {
  if (!DAY.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

/** The same day `years` later (29 February becomes 1 March). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10)
}

/** The needed-by days a request accepts: from tomorrow to two years ahead. */
export function neededByRange(today: string): { min: string; max: string } {
  return { min: addDays(today, 1), max: addYears(today, RFQ_LIMITS.neededByMaxYears) }
}

/** The valid-until days a quote accepts: from today to 180 days ahead. */
export function validUntilRange(today: string): { min: string; max: string } {
  return { min: today, max: addDays(today, RFQ_LIMITS.quoteValidMaxDays) }
}

/** "6.2", "6.20", "6,20", "1,250.50" → cents; null unless a positive amount with at most two decimals. */
export function parseUsdCents(text: string): number | null {
  let value = text.trim().replace(/^(US)?\$\s*/i, '')
  // A single comma before one or two final digits is a decimal comma ("6,20"); other commas group thousands.
  if (/^\d+,\d{1,2}$/.test(value)) value = value.replace(',', '.')
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(value)) value = value.replace(/,/g, '')
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(value)
  if (!match) return null
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return cents > 0 && cents <= RFQ_LIMITS.maxUsdCents ? cents : null
}

/** "250000", "250.000", "250 000", "250,000" → 250000 đồng; null unless a positive whole amount. */
export function parseVnd(text: string): number | null {
  const value = text.trim().replace(/\s*(₫|đ|VND)$/i, '')
  const digits = /^\d+$/.test(value)
    ? value
    : /^\d{1,3}([.,\s]\d{3})+$/.test(value)
      ? value.replace(/[.,\s]/g, '')
      : null
  if (digits === null) return null
  const amount = Number(digits)
  return amount > 0 && amount <= RFQ_LIMITS.maxVnd ? amount : null
}

/** A unit price as typed, in the quote's currency's minor units (USD cents, whole đồng). */
export function parseQuotePrice(currency: QuoteCurrency, text: string): number | null {
  return currency === 'USD' ? parseUsdCents(text) : parseVnd(text)
}

/** A minor-unit amount as the price field shows it again (6.20, 250000). */
export function priceInputValue(currency: QuoteCurrency, amount: number): string {
  return currency === 'USD' ? (amount / 100).toFixed(2) : String(amount)
}

function dayField(required: string, invalid: string) {
  return z.string({ error: required }).trim().refine(isCalendarDay, { error: invalid, abort: true })
}

// ───────────── The buyer's request ─────────────

/** What the schema must know of each product named in the request (from the database). */
export type RfqProductFacts = {
  /** Export-ready and visible in the catalogue. */
  available: boolean
  moqQuantity: number | null
  moqUnitEn: string | null
}

export type RfqSchemaContext = {
  /** Vietnam's calendar day, YYYY-MM-DD. */
  today: string
  products: Record<string, RfqProductFacts>
}

export function RfqRequestSchema(m: Errors, context: RfqSchemaContext) {
  const range = neededByRange(context.today)
  const item = z
    .object({
      productId: z
        .string({ error: m.productUnavailable })
        .trim()
        .refine((id) => context.products[id]?.available === true, { error: m.productUnavailable }),
      quantity: z
        .number({ error: m.quantityRequired })
        .int({ error: m.quantityWhole })
        .min(1, { error: m.quantityMin })
        .max(RFQ_LIMITS.maxQuantity, { error: m.quantityMax(RFQ_LIMITS.maxQuantity) }),
      unitEn: z
        .string({ error: m.unitRequired })
        .trim()
        .min(1, { error: m.unitRequired })
        .max(RFQ_LIMITS.unitMax, { error: m.tooLong(RFQ_LIMITS.unitMax) }),
      targetPrice: z
        .string()
        .trim()
        .refine((text) => parseUsdCents(text) !== null, { error: m.targetPriceInvalid })
        .optional(),
    })
    .superRefine((line, ctx) => {
      const facts = context.products[line.productId]
      if (facts?.moqQuantity != null && line.quantity < facts.moqQuantity) {
        ctx.addIssue({
          code: 'custom',
          path: ['quantity'],
          message: m.belowMoq(facts.moqQuantity, facts.moqUnitEn ?? line.unitEn),
        })
      }
    })
  return z.object({
    items: z
      .array(item, { error: m.noItems })
      .min(1, { error: m.noItems })
      .max(RFQ_LIMITS.maxItems, { error: m.tooManyItems(RFQ_LIMITS.maxItems) })
      .superRefine((items, ctx) => {
        items.forEach((line, index) => {
          if (items.findIndex((other) => other.productId === line.productId) < index) {
            ctx.addIssue({ code: 'custom', path: [index, 'productId'], message: m.duplicateProduct })
          }
        })
      }),
    incoterm: z.enum(INCOTERMS, { error: m.incotermRequired }),
    destinationCountry: z
      .string({ error: m.countryRequired })
      .trim()
      .toUpperCase()
      .refine(isCountryCode, { error: m.countryRequired }),
    destinationPort: z
      .string()
      .trim()
      .max(RFQ_LIMITS.portMax, { error: m.tooLong(RFQ_LIMITS.portMax) })
      .optional()
      .default(''),
    neededBy: dayField(m.neededByRequired, m.dateInvalid).refine((day) => day >= range.min && day <= range.max, {
      error: m.neededByRange,
    }),
    message: z
      .string()
      .trim()
      .max(RFQ_LIMITS.messageMax, { error: m.tooLong(RFQ_LIMITS.messageMax) })
      .optional()
      .default(''),
  })
}

// Conform derives the browser's constraints from the schema and cannot read a transform of the whole
// form: the typed values are made from the parsed form by these two functions.

/** The request as the module takes it: target prices in cents. */
export function toRfqInput(value: z.output<ReturnType<typeof RfqRequestSchema>>) {
  return {
    ...value,
    items: value.items.map(({ targetPrice, ...line }) => ({
      ...line,
      targetPriceUsdCents: targetPrice ? parseUsdCents(targetPrice) : null,
    })),
  }
}

export type RfqInput = ReturnType<typeof toRfqInput>

// ───────────── The producer's answer ─────────────

export function QuoteSchema(m: Errors, context: { today: string; itemIds: readonly string[] }) {
  const range = validUntilRange(context.today)
  return z
    .object({
      currency: z.enum(QUOTE_CURRENCIES, { error: m.currencyRequired }),
      lines: z.array(
        z.object({
          itemId: z.string(),
          unitPrice: z.string({ error: m.unitPriceRequired }).trim(),
        }),
        { error: m.unitPriceRequired },
      ),
      validUntil: dayField(m.validUntilRequired, m.dateInvalid).refine((day) => day >= range.min && day <= range.max, {
        error: m.validUntilRange(RFQ_LIMITS.quoteValidMaxDays),
      }),
      leadTimeDays: z
        .number({ error: m.leadTimeRequired })
        .int({ error: m.leadTimeRange(RFQ_LIMITS.leadTimeMinDays, RFQ_LIMITS.leadTimeMaxDays) })
        .min(RFQ_LIMITS.leadTimeMinDays, {
          error: m.leadTimeRange(RFQ_LIMITS.leadTimeMinDays, RFQ_LIMITS.leadTimeMaxDays),
        })
        .max(RFQ_LIMITS.leadTimeMaxDays, {
          error: m.leadTimeRange(RFQ_LIMITS.leadTimeMinDays, RFQ_LIMITS.leadTimeMaxDays),
        }),
      incoterm: z.enum(INCOTERMS, { error: m.incotermRequired }),
      terms: z
        .string()
        .trim()
        .max(RFQ_LIMITS.termsMax, { error: m.tooLong(RFQ_LIMITS.termsMax) })
        .optional()
        .default(''),
    })
    .superRefine((value, ctx) => {
      const given = new Set(value.lines.map((line) => line.itemId))
      if (given.size !== context.itemIds.length || context.itemIds.some((id) => !given.has(id))) {
        ctx.addIssue({ code: 'custom', path: [], message: m.pricesForEveryItem })
      }
      value.lines.forEach((line, index) => {
        if (parseQuotePrice(value.currency, line.unitPrice) === null) {
          ctx.addIssue({
            code: 'custom',
            path: ['lines', index, 'unitPrice'],
            message: value.currency === 'USD' ? m.unitPriceUsd : m.unitPriceVnd,
          })
        }
      })
    })
}

/** The quote as the module takes it: unit prices in the currency's minor units. */
export function toQuoteInput({ lines, ...value }: z.output<ReturnType<typeof QuoteSchema>>) {
  return {
    ...value,
    lines: lines.map((line) => ({
      itemId: line.itemId,
      unitPrice: parseQuotePrice(value.currency, line.unitPrice) ?? 0,
    })),
  }
}

export type QuoteInput = ReturnType<typeof toQuoteInput>

export function DeclinePartSchema(m: Errors) {
  return z.object({
    reason: z
      .string({ error: m.reasonRequired })
      .trim()
      .min(1, { error: m.reasonRequired })
      .max(RFQ_LIMITS.reasonMax, { error: m.tooLong(RFQ_LIMITS.reasonMax) }),
  })
}

// ───────────── The buyer's decision ─────────────

export const AcceptQuoteSchema = z.object({ quoteId: z.string().min(1) })

export function DeclineQuoteSchema(m: Errors) {
  return z.object({
    quoteId: z.string().min(1),
    reason: z
      .string()
      .trim()
      .max(RFQ_LIMITS.reasonMax, { error: m.tooLong(RFQ_LIMITS.reasonMax) })
      .optional()
      .default(''),
  })
}

// ───────────── Messages on a part's thread ─────────────

export function MessageSchema(m: Errors) {
  return z.object({
    partId: z.string().min(1),
    body: z
      .string({ error: m.messageRequired })
      .trim()
      .min(1, { error: m.messageRequired })
      .max(RFQ_LIMITS.messageMax, { error: m.tooLong(RFQ_LIMITS.messageMax) }),
  })
}

// ───────────── What the module's refusals say ─────────────

export type FileProblem =
  { code: 'file-empty' | 'file-too-big' | 'file-wrong-type'; fileName: string } | { code: 'too-many-files' }

export type CreateRfqProblem =
  | { code: 'not-export-buyer' | 'profile-incomplete' | 'needed-by-range' | 'bad-country' | 'no-items' }
  | { code: 'product-unavailable' | 'duplicate-product' | 'bad-quantity'; index: number }
  | { code: 'below-moq'; index: number; moqQuantity: number; moqUnitEn: string }
  | FileProblem

export type PartActionProblem =
  | { code: 'not-found' }
  | { code: 'rfq-expired'; expiresOn: Date }
  | { code: 'part-closed'; status: RfqPartStatus }
  | { code: 'items-changed' }

export type QuoteDecisionProblem =
  | { code: 'not-found' }
  | { code: 'quote-expired'; validUntil: Date }
  | { code: 'rfq-expired'; expiresOn: Date }
  | { code: 'quote-not-pending' }

/** The message for a refused file, or for too many of them. */
export function fileProblemMessage(m: Errors, problem: FileProblem): string {
  switch (problem.code) {
    case 'file-empty':
      return m.fileEmpty(problem.fileName)
    case 'file-too-big':
      return m.fileTooBig(problem.fileName, RFQ_LIMITS.attachmentMaxMegabytes)
    case 'file-wrong-type':
      return m.fileWrongType(problem.fileName)
    case 'too-many-files':
      return m.tooManyFiles(RFQ_LIMITS.maxAttachments)
  }
}

/** The request form's errors for the module's refusals: next to their field, or for the whole form. */
export function createRfqErrors(t: RfqMessages, problems: CreateRfqProblem[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message]
  }
  for (const problem of problems) {
    switch (problem.code) {
      case 'not-export-buyer':
        add('', t.problems.notExportBuyer)
        break
      case 'profile-incomplete':
        add('', t.problems.profileIncomplete)
        break
      case 'no-items':
        add('items', t.errors.noItems)
        break
      case 'needed-by-range':
        add('neededBy', t.errors.neededByRange)
        break
      case 'bad-country':
        add('destinationCountry', t.errors.countryRequired)
        break
      case 'product-unavailable':
        add(`items[${problem.index}].productId`, t.errors.productUnavailable)
        break
      case 'duplicate-product':
        add(`items[${problem.index}].productId`, t.errors.duplicateProduct)
        break
      case 'bad-quantity':
        add(`items[${problem.index}].quantity`, t.errors.quantityMin)
        break
      case 'below-moq':
        add(`items[${problem.index}].quantity`, t.errors.belowMoq(problem.moqQuantity, problem.moqUnitEn))
        break
      default:
        add('attachments', fileProblemMessage(t.errors, problem))
    }
  }
  return errors
}

/** Why the producer's quote or decline was refused (null: the part is not theirs, answer 404). */
export function partProblemMessage(t: RfqMessages, problem: PartActionProblem, locale: Locale): string | null {
  switch (problem.code) {
    case 'not-found':
      return null
    case 'rfq-expired':
      return t.problems.rfqExpired(formatDate(problem.expiresOn, locale))
    case 'part-closed':
      return t.problems.partClosed(t.status[problem.status])
    case 'items-changed':
      return t.problems.itemsChanged
  }
}

/** Why the buyer's decision on a quote was refused (null: not theirs, answer 404). */
export function quoteDecisionProblemMessage(
  t: RfqMessages,
  problem: QuoteDecisionProblem,
  locale: Locale,
): string | null {
  switch (problem.code) {
    case 'not-found':
      return null
    case 'quote-expired':
      return t.problems.quoteExpired(formatDate(problem.validUntil, locale))
    case 'rfq-expired':
      return t.problems.rfqExpired(formatDate(problem.expiresOn, locale))
    case 'quote-not-pending':
      return t.problems.quoteNotPending
  }
}
