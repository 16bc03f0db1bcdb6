/**
 * The export catalogue as CSV (RFC 4180): UTF-8 with a byte order mark so that Excel reads the
 * Vietnamese names right, CRLF line ends, one row per product. Cells that a spreadsheet would run as
 * a formula (starting with = + - @, tab or CR) get a leading apostrophe: product names and
 * certificate numbers are typed by producers, and the file is opened by buyers.
 */
import { localePath, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { certificationName, isoDay, tiersText } from './export-catalogue-format.ts'
import { type ExportSheet } from './export-sheet.ts'
import { checkHsCode } from './hs-codes.ts'

const BOM = '\uFEFF'
const ROWS_PER_CHUNK = 200

type Cell = string | number | null

/** One cell, quoted when it holds a comma, quote or line break; formulas neutralised. */
export function csvCell(value: Cell): string {
  if (value === null) return ''
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function csvLine(cells: Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

function sheetRow(sheet: ExportSheet, locale: Locale, origin: string): Cell[] {
  const t = messagesFor(locale)
  const hs = checkHsCode(sheet.hsCode)
  const hsDescription = locale === 'vi' && hs.ok && hs.description ? hs.description.vi : sheet.hsDescription
  const certifications = sheet.certifications
    .map((c) => {
      const state = c.expired ? t.exportCatalogue.csv.expired : t.exportCatalogue.csv.expires
      return `${certificationName(c, t)} ${c.number} (${c.issuer}, ${state} ${isoDay(c.expiresOn)})`
    })
    .join('; ')
  return [
    sheet.nameEn,
    sheet.nameVi,
    sheet.producer.name,
    locale === 'vi' ? sheet.producer.provinceVi : sheet.producer.provinceEn,
    sheet.ocopStars,
    sheet.hsCode,
    hsDescription,
    sheet.moqQuantity,
    sheet.moqUnitEn,
    sheet.monthlyCapacity,
    sheet.capacityUnitEn,
    sheet.sampleLeadDays,
    sheet.orderLeadDays,
    sheet.incoterms.join(', '),
    sheet.loadingPlace,
    sheet.tierBasis,
    tiersText(sheet.tiers),
    sheet.packagingEn,
    sheet.shelfLifeMonths,
    certifications,
    `${origin}${localePath(locale, `/export/products/${sheet.slug}`)}`,
  ]
}

/**
 * The CSV of these sheets, streamed a few hundred rows at a time. The header and the words in the
 * cells follow `locale` (English by default); `origin` makes the product URLs absolute.
 */
export function catalogueCsvStream(
  sheets: ExportSheet[],
  options: { locale?: Locale; origin?: string } = {},
): ReadableStream<Uint8Array> {
  const locale = options.locale ?? 'en'
  const origin = options.origin ?? ''
  const encoder = new TextEncoder()
  let next = 0
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvLine(messagesFor(locale).exportCatalogue.csv.header)))
    },
    pull(controller) {
      const chunk = sheets.slice(next, next + ROWS_PER_CHUNK)
      next += chunk.length
      if (chunk.length > 0)
        controller.enqueue(encoder.encode(chunk.map((s) => csvLine(sheetRow(s, locale, origin))).join('')))
      if (next >= sheets.length) controller.close()
    },
  })
}
