/**
 * The export catalogue as a designed A4 PDF (pdfkit): a cover page, then two product sheets a page.
 * DejaVu Sans is embedded as a subset (Vietnamese diacritics, ★). The PDF is produced while it is
 * read: each pull of the web stream renders products until the stream's queue is full again, so a
 * slow client holds back rendering and memory stays flat; one cover image is converted at a time.
 * Every sheet is drawn in a fixed half-page box (text clipped with an ellipsis), which makes the page
 * count known up front: page numbers are written as each page starts, nothing is buffered.
 */
import { existsSync } from 'node:fs'
import { access } from 'node:fs/promises'
import path from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import PDFDocument from 'pdfkit'
import sharp from 'sharp'
import { type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { OCOP_GROUPS } from '#app/modules/catalog/ocop-groups.ts'
import { formatDate } from '#app/utils/dates.ts'
import { checkHsCode } from './hs-codes.ts'
import { certificationName, formatUsdCents } from './export-catalogue-format.ts'
import { type ExportSheet } from './export-sheet.ts'

export type CataloguePdfOptions = {
  locale: Locale
  title: string
  /** The filters applied, in words. */
  subtitle?: string
  generatedAt: Date
}

type PdfLabels = {
  brand: string
  catalogue: string
  generated: string
  productCount: string
  contents: string
  more: (count: number) => string
  noProducts: string
  page: (page: number, total: number) => string
  ocop: string
  noStars: string
  group: string
  hsCode: string
  moq: string
  capacity: string
  perMonth: string
  sampleLead: string
  orderLead: string
  days: (count: number) => string
  incoterms: string
  loading: string
  packaging: string
  shelfLife: string
  months: (count: number) => string
  tiers: string
  moreTiers: (count: number) => string
  quantity: string
  usdPerUnit: string
  basis: string
  certifications: string
  noneDeclared: string
  expired: string
  expires: (date: string) => string
  moreCertifications: (count: number) => string
  description: string
  exportProfile: string
  markets: string
  noImage: string
  notStated: string
  notes: string[]
}

export const PDF_LABELS: Record<Locale, PdfLabels> = {
  vi: {
    brand: 'Chợ OCOP — OCOP Market',
    catalogue: 'Danh mục xuất khẩu',
    generated: 'Ngày lập',
    productCount: 'Số sản phẩm',
    contents: 'Sản phẩm trong danh mục',
    more: (count) => `… và ${count.toLocaleString('vi-VN')} sản phẩm khác`,
    noProducts: 'Không có sản phẩm nào khớp với bộ lọc đã chọn.',
    page: (page, total) => `Trang ${page}/${total}`,
    ocop: 'OCOP',
    noStars: 'Chưa có sao OCOP còn hiệu lực',
    group: 'Nhóm sản phẩm',
    hsCode: 'Mã HS',
    moq: 'Đơn hàng tối thiểu',
    capacity: 'Năng lực cung ứng',
    perMonth: '/ tháng',
    sampleLead: 'Thời gian làm mẫu',
    orderLead: 'Thời gian giao hàng',
    days: (count) => `${count} ngày`,
    incoterms: 'Incoterms',
    loading: 'Nơi xếp hàng',
    packaging: 'Quy cách đóng gói',
    shelfLife: 'Hạn sử dụng',
    months: (count) => `${count} tháng`,
    tiers: 'Giá theo số lượng',
    moreTiers: (count) => `+ ${count} mức giá khác`,
    quantity: 'Số lượng',
    usdPerUnit: 'USD / đơn vị',
    basis: 'Điều kiện',
    certifications: 'Chứng nhận',
    noneDeclared: 'Chưa khai báo',
    expired: 'HẾT HẠN',
    expires: (date) => `hạn ${date}`,
    moreCertifications: (count) => `+ ${count} chứng nhận khác`,
    description: 'Mô tả sản phẩm (tiếng Anh)',
    exportProfile: 'Hồ sơ xuất khẩu của chủ thể',
    markets: 'Thị trường đã xuất khẩu',
    noImage: 'Chưa có ảnh',
    notStated: '—',
    notes: [
      'Giá bằng đô la Mỹ cho mỗi đơn vị, theo điều kiện FOB hoặc EXW ghi ở từng sản phẩm; mỗi mức giá áp dụng đến mức số lượng kế tiếp. Giá để tham khảo: gửi yêu cầu báo giá để được xác nhận.',
      'Sao OCOP do hội đồng cấp tỉnh (3–4 sao) hoặc trung ương (5 sao) công nhận theo Quyết định 148/QĐ-TTg, hiệu lực 36 tháng; sản phẩm có giấy chứng nhận đã hết hạn không hiển thị sao.',
      'Chứng nhận đã quá hạn được ghi HẾT HẠN và in màu xám.',
    ],
  },
  en: {
    brand: 'Chợ OCOP — OCOP Market',
    catalogue: 'Export catalogue',
    generated: 'Generated',
    productCount: 'Products',
    contents: 'Products in this catalogue',
    more: (count) => `… and ${count.toLocaleString('en-GB')} more`,
    noProducts: 'No products match the selected filters.',
    page: (page, total) => `Page ${page} of ${total}`,
    ocop: 'OCOP',
    noStars: 'No current OCOP stars',
    group: 'Product group',
    hsCode: 'HS code',
    moq: 'Minimum order',
    capacity: 'Supply capacity',
    perMonth: '/ month',
    sampleLead: 'Sample lead time',
    orderLead: 'Order lead time',
    days: (count) => `${count} ${count === 1 ? 'day' : 'days'}`,
    incoterms: 'Incoterms',
    loading: 'Place of loading',
    packaging: 'Packaging',
    shelfLife: 'Shelf life',
    months: (count) => `${count} ${count === 1 ? 'month' : 'months'}`,
    tiers: 'Price tiers',
    moreTiers: (count) => `+ ${count} more tiers`,
    quantity: 'Quantity',
    usdPerUnit: 'USD / unit',
    basis: 'Basis',
    certifications: 'Certifications',
    noneDeclared: 'None declared',
    expired: 'EXPIRED',
    expires: (date) => `expires ${date}`,
    moreCertifications: (count) => `+ ${count} more`,
    description: 'About the product',
    exportProfile: 'Producer export profile',
    markets: 'Export markets',
    noImage: 'No photo yet',
    notStated: '—',
    notes: [
      'Prices are in US dollars per unit, quoted FOB or EXW as shown on each product; each price holds up to the next tier’s quantity. Prices are indicative: send a request for quotation to have them confirmed.',
      'OCOP stars are awarded by the provincial council (3–4 stars) or the national council (5 stars) under Decision 148/QĐ-TTg and are valid for 36 months; a product whose certificate has expired shows no stars.',
      'Certifications past their expiry date are marked EXPIRED and printed in grey.',
    ],
  },
}

// ───────────── Fonts ─────────────

const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const
type FontPaths = { regular: string; bold: string }
let fontPaths: FontPaths | null = null

/**
 * `app/assets/fonts`, looked for under the working directory (the repository root for the server,
 * tests and scripts) and then upwards from this file (app/modules/export in dev, build/server in
 * production), so a server started from another folder still finds them.
 */
function resolveFonts(): FontPaths {
  if (fontPaths) return fontPaths
  const candidates = [path.join(process.cwd(), 'app/assets/fonts')]
  let dir: string | undefined = typeof import.meta.dirname === 'string' ? import.meta.dirname : undefined
  while (dir) {
    candidates.push(path.join(dir, 'app/assets/fonts'), path.join(dir, 'assets/fonts'))
    const parent = path.dirname(dir)
    dir = parent === dir ? undefined : parent
  }
  const found = candidates.find((candidate) => existsSync(path.join(candidate, FONT_FILES.regular)))
  if (!found) throw new Error(`The PDF fonts (${FONT_FILES.regular}) are missing from app/assets/fonts`)
  fontPaths = { regular: path.join(found, FONT_FILES.regular), bold: path.join(found, FONT_FILES.bold) }
  return fontPaths
}

// ───────────── Page geometry and colours (points; A4 is 595.28 × 841.89) ─────────────

const PAGE = { width: 595.28, height: 841.89, margin: 40 }
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin
const SHEETS_PER_PAGE = 2
const SHEET_TOP = 56
const SHEET_GAP = 14
const SHEET_HEIGHT = (PAGE.height - 44 - SHEET_TOP - SHEET_GAP) / SHEETS_PER_PAGE
const PAD = 12
const IMAGE = { width: 176, height: 132, pixels: 480 }
const MAX_TIERS = 6
const MAX_CERTIFICATIONS = 4

const COLOR = {
  ink: '#1c1917',
  muted: '#57534e',
  faint: '#a8a29e',
  rule: '#e7e5e4',
  soft: '#fafaf9',
  brand: '#9d4719',
  brandDark: '#6a3019',
  brandSoft: '#fdf8ed',
  brandLight: '#f8ebcc',
  star: '#d68523',
}

type Doc = PDFKit.PDFDocument
type Fonts = FontPaths

/** Pages the catalogue will have: the cover, then a page per pair of sheets. */
function pageCount(sheets: number): number {
  return 1 + Math.ceil(sheets / SHEETS_PER_PAGE)
}

// ───────────── Text helpers ─────────────

type TextStyle = {
  size: number
  bold?: boolean
  color?: string
  maxLines?: number
  align?: 'left' | 'right' | 'center'
}

/** Writes `text` in a box `width` wide, at most `maxLines` lines (ellipsis); returns the height used. */
function write(doc: Doc, fonts: Fonts, text: string, x: number, y: number, width: number, style: TextStyle): number {
  doc
    .font(style.bold ? fonts.bold : fonts.regular)
    .fontSize(style.size)
    .fillColor(style.color ?? COLOR.ink)
  const lineHeight = doc.currentLineHeight(true)
  const maxLines = style.maxLines ?? 1
  // Measuring lays the text out a second time: only worth it when it may take several lines.
  const height =
    maxLines === 1
      ? lineHeight
      : Math.max(Math.min(doc.heightOfString(text, { width }), maxLines * lineHeight), lineHeight)
  doc.text(text, x, y, { width, height, ellipsis: true, align: style.align ?? 'left' })
  return height
}

/**
 * Numbers, dates and prices as this render writes them. Intl formatting is slow when it starts
 * afresh for every value (it was a fifth of the rendering time), so formatters and results are kept
 * for the one render.
 */
type Formats = { number: (value: number) => string; date: (value: Date) => string; usd: (cents: number) => string }

function formatsFor(locale: Locale): Formats {
  const numbers = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB')
  const remembered = <K, V>(compute: (key: K) => V) => {
    const known = new Map<K, V>()
    return (key: K) => {
      let value = known.get(key)
      if (value === undefined) {
        value = compute(key)
        known.set(key, value)
      }
      return value
    }
  }
  const day = remembered((time: number) => formatDate(new Date(time), locale))
  return {
    number: (value) => numbers.format(value),
    date: (value) => day(value.getTime()),
    usd: remembered((cents: number) => formatUsdCents(cents)),
  }
}

function stars(count: number): string {
  return '★'.repeat(count) + '☆'.repeat(Math.max(0, 5 - count))
}

function groupName(locale: Locale, sheet: ExportSheet): string {
  if (locale === 'en') return [sheet.groupNameEn, sheet.subgroupNameEn].filter(Boolean).join(' › ')
  const group = OCOP_GROUPS.find((candidate) => candidate.code === sheet.groupCode)
  if (!group) return [sheet.groupNameEn, sheet.subgroupNameEn].filter(Boolean).join(' › ')
  const subgroup = group.subgroups.find((candidate) => candidate.nameEn === sheet.subgroupNameEn)
  return [group.nameVi, subgroup?.nameVi].filter(Boolean).join(' › ')
}

function hsText(locale: Locale, sheet: ExportSheet): string {
  const checked = checkHsCode(sheet.hsCode)
  if (!checked.ok) return sheet.hsCode
  const description = checked.description?.[locale] ?? sheet.hsDescription
  return description ? `${checked.display} — ${description}` : checked.display
}

/** "300–999", "1,000–4,999", "≥ 5,000": each tier holds up to the next one's minimum. */
function tierRange(formats: Formats, tiers: ExportSheet['tiers'], index: number): string {
  const tier = tiers[index]!
  const next = tiers[index + 1]
  if (!next) return `≥ ${formats.number(tier.minQuantity)}`
  return `${formats.number(tier.minQuantity)}–${formats.number(next.minQuantity - 1)}`
}

// ───────────── Page furniture ─────────────

function startPage(
  doc: Doc,
  fonts: Fonts,
  formats: Formats,
  labels: PdfLabels,
  options: CataloguePdfOptions,
  page: number,
  total: number,
) {
  if (page > 1) {
    doc.addPage()
    write(doc, fonts, `${labels.brand} · ${options.title}`, PAGE.margin, 26, CONTENT_WIDTH - 120, {
      size: 7.5,
      color: COLOR.muted,
    })
    write(doc, fonts, formats.date(options.generatedAt), PAGE.width - PAGE.margin - 120, 26, 120, {
      size: 7.5,
      color: COLOR.muted,
      align: 'right',
    })
    doc
      .moveTo(PAGE.margin, 40)
      .lineTo(PAGE.width - PAGE.margin, 40)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke()
  }
  const footerY = PAGE.height - 30
  doc
    .moveTo(PAGE.margin, footerY - 6)
    .lineTo(PAGE.width - PAGE.margin, footerY - 6)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke()
  write(doc, fonts, labels.brand, PAGE.margin, footerY, 250, { size: 7.5, color: COLOR.muted })
  write(doc, fonts, labels.page(page, total), PAGE.width - PAGE.margin - 150, footerY, 150, {
    size: 7.5,
    color: COLOR.muted,
    align: 'right',
  })
}

function drawCover(
  doc: Doc,
  fonts: Fonts,
  formats: Formats,
  sheets: ExportSheet[],
  options: CataloguePdfOptions,
  total: number,
) {
  const labels = PDF_LABELS[options.locale]
  const { locale } = options
  startPage(doc, fonts, formats, labels, options, 1, total)
  const bandHeight = 250
  doc.rect(0, 0, PAGE.width, bandHeight).fill(COLOR.brandDark)
  doc.rect(0, bandHeight, PAGE.width, 6).fill(COLOR.star)
  let y = 64
  y += write(doc, fonts, labels.brand.toUpperCase(), PAGE.margin, y, CONTENT_WIDTH, {
    size: 10,
    bold: true,
    color: COLOR.brandLight,
  })
  y += 18
  y += write(doc, fonts, options.title, PAGE.margin, y, CONTENT_WIDTH, {
    size: 26,
    bold: true,
    color: '#ffffff',
    maxLines: 2,
  })
  if (options.subtitle) {
    y += 8
    write(doc, fonts, options.subtitle, PAGE.margin, y, CONTENT_WIDTH, {
      size: 11,
      color: COLOR.brandLight,
      maxLines: 4,
    })
  }

  y = bandHeight + 30
  const facts: [string, string][] = [
    [labels.generated, formats.date(options.generatedAt)],
    [labels.productCount, formats.number(sheets.length)],
  ]
  facts.forEach(([label, value], i) => {
    const x = PAGE.margin + i * 170
    write(doc, fonts, label, x, y, 160, { size: 8.5, color: COLOR.muted })
    write(doc, fonts, value, x, y + 13, 160, { size: 16, bold: true })
  })
  y += 48

  if (sheets.length === 0) {
    write(doc, fonts, labels.noProducts, PAGE.margin, y, CONTENT_WIDTH, { size: 13, bold: true, maxLines: 2 })
    y += 34
  }
  for (const note of labels.notes) {
    y += write(doc, fonts, note, PAGE.margin, y, CONTENT_WIDTH, { size: 8.5, color: COLOR.muted, maxLines: 3 }) + 5
  }
  if (sheets.length === 0) return

  y += 14
  write(doc, fonts, labels.contents, PAGE.margin, y, CONTENT_WIDTH, { size: 11, bold: true })
  y += 20
  const lineHeight = 12.5
  const room = Math.floor((PAGE.height - 56 - y) / lineHeight)
  const shown = sheets.length > room ? room - 1 : sheets.length
  for (let i = 0; i < shown; i++) {
    const sheet = sheets[i]!
    const name = locale === 'vi' ? sheet.nameVi : sheet.nameEn || sheet.nameVi
    const page = 2 + Math.floor(i / SHEETS_PER_PAGE)
    write(doc, fonts, `${name} — ${sheet.producer.name}`, PAGE.margin, y, CONTENT_WIDTH - 50, { size: 8.5 })
    write(doc, fonts, String(page), PAGE.width - PAGE.margin - 40, y, 40, {
      size: 8.5,
      color: COLOR.muted,
      align: 'right',
    })
    y += lineHeight
  }
  if (shown < sheets.length) {
    write(doc, fonts, labels.more(sheets.length - shown), PAGE.margin, y, CONTENT_WIDTH, {
      size: 8.5,
      color: COLOR.muted,
    })
  }
}

// ───────────── One product sheet ─────────────

function drawSheet(
  doc: Doc,
  fonts: Fonts,
  formats: Formats,
  locale: Locale,
  sheet: ExportSheet,
  top: number,
  image: Buffer | null,
) {
  const labels = PDF_LABELS[locale]
  const common = messagesFor(locale)
  const left = PAGE.margin
  const bottom = top + SHEET_HEIGHT
  const innerLeft = left + PAD
  const innerWidth = CONTENT_WIDTH - 2 * PAD
  doc.roundedRect(left, top, CONTENT_WIDTH, SHEET_HEIGHT, 6).lineWidth(0.75).strokeColor(COLOR.rule).stroke()

  // Names, stars, producer
  const starsWidth = 130
  const [primary, secondary] =
    locale === 'vi' ? [sheet.nameVi, sheet.nameEn] : [sheet.nameEn || sheet.nameVi, sheet.nameVi]
  let y = top + PAD
  y += write(doc, fonts, primary, innerLeft, y, innerWidth - starsWidth, { size: 12.5, bold: true, maxLines: 2 })
  if (secondary && secondary !== primary) {
    y += write(doc, fonts, secondary, innerLeft, y, innerWidth - starsWidth, { size: 9, color: COLOR.muted })
  }
  const starsX = innerLeft + innerWidth - starsWidth
  if (sheet.ocopStars) {
    write(doc, fonts, stars(sheet.ocopStars), starsX, top + PAD, starsWidth, {
      size: 13,
      color: COLOR.star,
      align: 'right',
    })
    write(doc, fonts, `${labels.ocop} ${sheet.ocopStars}★`, starsX, top + PAD + 17, starsWidth, {
      size: 7.5,
      color: COLOR.muted,
      align: 'right',
    })
  } else {
    write(doc, fonts, labels.noStars, starsX, top + PAD, starsWidth, {
      size: 7.5,
      color: COLOR.faint,
      align: 'right',
      maxLines: 2,
    })
  }
  const producer = sheet.producer
  const producerParts = [
    producer.name,
    common.producerKinds[producer.kind],
    locale === 'vi' ? producer.provinceVi : producer.provinceEn,
    producer.womenLed ? common.producer.womenLed : null,
    producer.ethnicMinority ? common.producer.ethnicMinority : null,
  ].filter(Boolean)
  y += 2
  y += write(doc, fonts, producerParts.join(' · '), innerLeft, y, innerWidth, { size: 8.5, color: COLOR.brand })
  y += 6
  doc
    .moveTo(innerLeft, y)
    .lineTo(innerLeft + innerWidth, y)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke()
  y += 8
  const columnsTop = y

  // Left column: cover image and price tiers
  if (image) {
    doc.image(image, innerLeft, y, { fit: [IMAGE.width, IMAGE.height], align: 'center', valign: 'center' })
  } else {
    doc.rect(innerLeft, y, IMAGE.width, IMAGE.height).fill(COLOR.brandSoft)
    write(doc, fonts, labels.noImage, innerLeft, y + IMAGE.height / 2 - 5, IMAGE.width, {
      size: 8,
      color: COLOR.faint,
      align: 'center',
    })
  }
  let leftY = y + IMAGE.height + 10
  leftY += write(doc, fonts, `${labels.tiers} (USD, ${sheet.tierBasis})`, innerLeft, leftY, IMAGE.width, {
    size: 8.5,
    bold: true,
  })
  leftY += 2
  const tierColumns = [
    { title: labels.quantity, width: 66, align: 'left' as const },
    { title: labels.usdPerUnit, width: 60, align: 'right' as const },
    { title: labels.basis, width: IMAGE.width - 126, align: 'right' as const },
  ]
  const row = (cells: string[], rowY: number, style: Partial<TextStyle>) => {
    let x = innerLeft
    cells.forEach((cell, i) => {
      const column = tierColumns[i]!
      write(doc, fonts, cell, x, rowY, column.width - 2, { size: 8, align: column.align, ...style })
      x += column.width
    })
  }
  row(
    tierColumns.map((column) => column.title),
    leftY,
    { color: COLOR.muted },
  )
  leftY += 12
  doc
    .moveTo(innerLeft, leftY - 1.5)
    .lineTo(innerLeft + IMAGE.width, leftY - 1.5)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke()
  const tiers = sheet.tiers.slice(0, MAX_TIERS)
  tiers.forEach((tier, i) => {
    if (i % 2 === 1) doc.rect(innerLeft, leftY - 1.5, IMAGE.width, 12).fill(COLOR.soft)
    row([tierRange(formats, sheet.tiers, i), formats.usd(tier.priceUsdCents), sheet.tierBasis], leftY, {})
    leftY += 12
  })
  if (sheet.tiers.length > MAX_TIERS) {
    leftY += write(doc, fonts, labels.moreTiers(sheet.tiers.length - MAX_TIERS), innerLeft, leftY, IMAGE.width, {
      size: 7.5,
      color: COLOR.muted,
    })
  }

  // Right column: terms, then certifications
  const rightX = innerLeft + IMAGE.width + 16
  const rightWidth = innerLeft + innerWidth - rightX
  const labelWidth = 104
  const valueWidth = rightWidth - labelWidth
  const notStated = labels.notStated
  const facts: [string, string, number][] = [
    [labels.hsCode, hsText(locale, sheet), 2],
    [labels.group, groupName(locale, sheet), 1],
    [labels.moq, `${formats.number(sheet.moqQuantity)} ${sheet.moqUnitEn}`, 1],
    [
      labels.capacity,
      sheet.monthlyCapacity == null
        ? notStated
        : `${formats.number(sheet.monthlyCapacity)} ${sheet.capacityUnitEn ?? ''} ${labels.perMonth}`.replace(
            /\s+/g,
            ' ',
          ),
      1,
    ],
    [labels.sampleLead, sheet.sampleLeadDays == null ? notStated : labels.days(sheet.sampleLeadDays), 1],
    [labels.orderLead, labels.days(sheet.orderLeadDays), 1],
    [labels.incoterms, sheet.incoterms.length > 0 ? sheet.incoterms.join(' · ') : notStated, 1],
    [labels.loading, sheet.loadingPlace ?? notStated, 1],
    [labels.packaging, sheet.packagingEn || notStated, 2],
    [labels.shelfLife, sheet.shelfLifeMonths == null ? notStated : labels.months(sheet.shelfLifeMonths), 1],
  ]
  let rightY = columnsTop
  for (const [label, value, maxLines] of facts) {
    write(doc, fonts, label, rightX, rightY + 0.5, labelWidth - 6, { size: 7.5, color: COLOR.muted })
    rightY += write(doc, fonts, value, rightX + labelWidth, rightY, valueWidth, { size: 8.5, maxLines }) + 2
  }
  rightY += 6
  rightY += write(doc, fonts, labels.certifications, rightX, rightY, rightWidth, { size: 8.5, bold: true }) + 2
  if (sheet.certifications.length === 0) {
    rightY += write(doc, fonts, labels.noneDeclared, rightX, rightY, rightWidth, { size: 8, color: COLOR.faint })
  }
  for (const certification of sheet.certifications.slice(0, MAX_CERTIFICATIONS)) {
    const color = certification.expired ? COLOR.faint : COLOR.ink
    const expiresOn = formats.date(certification.expiresOn)
    const nameHeight = write(doc, fonts, certificationName(certification, common), rightX, rightY, labelWidth - 6, {
      size: 8,
      bold: true,
      color,
      maxLines: 2,
    })
    let detailY = rightY
    detailY += write(
      doc,
      fonts,
      `${certification.number} · ${certification.issuer}`,
      rightX + labelWidth,
      detailY,
      valueWidth,
      {
        size: 7.5,
        color: certification.expired ? COLOR.faint : COLOR.ink,
        maxLines: 2,
      },
    )
    detailY += write(
      doc,
      fonts,
      certification.expired ? `${labels.expired} · ${expiresOn}` : labels.expires(expiresOn),
      rightX + labelWidth,
      detailY,
      valueWidth,
      { size: 7.5, bold: certification.expired, color: certification.expired ? COLOR.faint : COLOR.muted },
    )
    rightY = Math.max(detailY, rightY + nameHeight) + 3
  }
  if (sheet.certifications.length > MAX_CERTIFICATIONS) {
    rightY += write(
      doc,
      fonts,
      labels.moreCertifications(sheet.certifications.length - MAX_CERTIFICATIONS),
      rightX,
      rightY,
      rightWidth,
      {
        size: 7.5,
        color: COLOR.muted,
      },
    )
  }

  // Full width: the product description and the producer's export profile, in what room is left
  y = Math.max(leftY, rightY) + 10
  doc
    .moveTo(innerLeft, y - 5)
    .lineTo(innerLeft + innerWidth, y - 5)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke()
  const lineHeight = 8.8
  const markets = producer.exportMarkets.length > 0 ? `${labels.markets}: ${producer.exportMarkets.join(', ')}` : ''
  const blocks: [string, string, number][] = [
    [labels.description, sheet.descriptionEn, 3],
    [labels.exportProfile, producer.exportProfileEn, 4],
  ]
  for (const [label, text, maxLines] of blocks) {
    if (!text) continue
    const room = Math.floor((bottom - PAD / 2 - y - 10 - (markets ? 10 : 0)) / lineHeight)
    if (room < 1) break
    y += write(doc, fonts, label, innerLeft, y, innerWidth, { size: 8, bold: true }) + 0.5
    y +=
      write(doc, fonts, text, innerLeft, y, innerWidth, {
        size: 7.5,
        color: COLOR.muted,
        maxLines: Math.min(maxLines, room),
      }) + 4
  }
  if (markets && y + 10 <= bottom - PAD / 2) {
    write(doc, fonts, markets, innerLeft, y, innerWidth, { size: 7.5, bold: true, color: COLOR.brand })
  }
}

// ───────────── Images ─────────────

/**
 * The cover image as a JPEG pdfkit can embed (it reads no WebP), at print size; null when the file is
 * missing. An unreadable image leaves the sheet without it rather than failing the whole catalogue.
 */
async function coverJpeg(file: string | null): Promise<Buffer | null> {
  if (!file) return null
  try {
    await access(file)
  } catch {
    return null
  }
  try {
    return await sharp(file)
      .resize({ width: IMAGE.pixels, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 75 })
      .toBuffer()
  } catch (error) {
    console.warn(`[export-pdf] skipped the unreadable image ${file}:`, error instanceof Error ? error.message : error)
    return null
  }
}

// ───────────── The stream ─────────────

/** pdfkit writes many tiny chunks: they are handed on together after each product, or at this size. */
const CHUNK_BYTES = 64 * 1024
/** How much rendered PDF may wait for the reader before rendering pauses. */
const QUEUE_BYTES = 512 * 1024

/**
 * The catalogue as a PDF byte stream. Products are rendered as the reader pulls, yielding to the
 * event loop after each one; a failure mid-way errors the stream (the response is cut short) and
 * never reaches the process.
 */
export function cataloguePdfStream(sheets: ExportSheet[], options: CataloguePdfOptions): ReadableStream<Uint8Array> {
  const labels = PDF_LABELS[options.locale]
  const formats = formatsFor(options.locale)
  const total = pageCount(sheets.length)
  let doc: Doc | null = null
  let fonts: Fonts | null = null
  let next = 0
  /** The next sheet's cover image, converting (coverJpeg never rejects). */
  let upcomingImage: Promise<Buffer | null> | null = null
  let ended = false
  let closed = false
  let pending: Buffer[] = []
  let pendingBytes = 0

  function fail(controller: ReadableStreamDefaultController<Uint8Array>, error: unknown) {
    if (closed) return
    closed = true
    pending = []
    doc?.removeAllListeners('data')
    doc?.destroy()
    controller.error(error instanceof Error ? error : new Error(String(error)))
  }

  function flush(controller: ReadableStreamDefaultController<Uint8Array>) {
    if (closed || pendingBytes === 0) return
    const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes)
    pending = []
    pendingBytes = 0
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        try {
          fonts = resolveFonts()
          doc = new PDFDocument({
            size: 'A4',
            margin: PAGE.margin,
            font: fonts.regular,
            lang: options.locale === 'vi' ? 'vi-VN' : 'en-GB',
            displayTitle: true,
            info: {
              Title: options.title,
              Subject: options.subtitle ?? labels.catalogue,
              Author: labels.brand,
              Creator: labels.brand,
              CreationDate: options.generatedAt,
            },
          })
          doc.on('data', (chunk: Buffer) => {
            if (closed) return
            pending.push(chunk)
            pendingBytes += chunk.byteLength
            if (pendingBytes >= CHUNK_BYTES) flush(controller)
          })
          doc.on('end', () => {
            if (closed) return
            flush(controller)
            closed = true
            controller.close()
          })
          doc.on('error', (error: unknown) => fail(controller, error))
          drawCover(doc, fonts, formats, sheets, options, total)
        } catch (error) {
          fail(controller, error)
        }
      },

      async pull(controller) {
        try {
          while (!closed && !ended && next < sheets.length && (controller.desiredSize ?? 0) > 0) {
            const sheet = sheets[next]!
            const slot = next % SHEETS_PER_PAGE
            const image = await (upcomingImage ?? coverJpeg(sheet.imageFile))
            // One conversion at a time, the next one running (in sharp's threads) while this sheet is laid out.
            upcomingImage = next + 1 < sheets.length ? coverJpeg(sheets[next + 1]!.imageFile) : null
            if (closed || !doc || !fonts) return
            if (slot === 0) startPage(doc, fonts, formats, labels, options, 2 + next / SHEETS_PER_PAGE, total)
            drawSheet(doc, fonts, formats, options.locale, sheet, SHEET_TOP + slot * (SHEET_HEIGHT + SHEET_GAP), image)
            next += 1
            // Let the written pages reach the queue (and other requests run) before the next product.
            await nextTurn()
            flush(controller)
          }
          if (!closed && !ended && next >= sheets.length && doc) {
            ended = true
            doc.end()
          } else {
            flush(controller)
          }
        } catch (error) {
          fail(controller, error)
        }
      },

      cancel() {
        closed = true
        pending = []
        upcomingImage = null
        doc?.removeAllListeners('data')
        doc?.destroy()
      },
    },
    { highWaterMark: QUEUE_BYTES, size: (chunk) => chunk.byteLength },
  )
}
