/**
 * The CSV format of the catalogue import (docs/catalog-import.md): the header, and each data row
 * checked against the listing rules (app/modules/producer/listing-rules.ts) into either a row to
 * save or the reasons it is rejected. Pure: the only outside facts (villages) come in as arguments.
 */
import { OCOP_GROUPS } from '#app/modules/catalog/ocop-groups.ts'
import {
  isKnownGroup,
  isKnownSubgroup,
  LISTING_LIMITS,
  SKU_PATTERN,
  type ListingStatus,
} from '#app/modules/producer/listing-rules.ts'
import { type CsvRecord } from './csv-reader.server.ts'
import { FILE_ERRORS, REASONS } from './import-messages.ts'

export const REQUIRED_COLUMNS = [
  'sku',
  'name_vi',
  'group',
  'subgroup',
  'price_vnd',
  'unit',
  'weight_g',
  'stock',
] as const
/** Optional columns: when absent, or when a cell is empty, an existing product keeps its value. */
export const OPTIONAL_COLUMNS = [
  'name_en',
  'unit_en',
  'village_slug',
  'description_vi',
  'description_en',
  'status',
] as const
export const COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const
export type Column = (typeof COLUMNS)[number]

/** How the reasons name a column: the Vietnamese meaning, then the header name to look for. */
const COLUMN_LABELS: Record<Column, string> = {
  sku: 'mã SKU (sku)',
  name_vi: 'tên tiếng Việt (name_vi)',
  name_en: 'tên tiếng Anh (name_en)',
  group: 'nhóm sản phẩm (group)',
  subgroup: 'phân nhóm (subgroup)',
  price_vnd: 'giá (price_vnd)',
  unit: 'đơn vị bán (unit)',
  unit_en: 'đơn vị bán tiếng Anh (unit_en)',
  weight_g: 'khối lượng (weight_g)',
  stock: 'tồn kho (stock)',
  village_slug: 'làng nghề (village_slug)',
  description_vi: 'mô tả tiếng Việt (description_vi)',
  description_en: 'mô tả tiếng Anh (description_en)',
  status: 'trạng thái (status)',
}

export type CatalogHeader = {
  /** Position of each column present in the file. */
  index: Partial<Record<Column, number>>
  /** Cells in the header line (columns with an empty name included: they are ignored). */
  width: number
}

export type HeaderResult = { ok: true; header: CatalogHeader } | { ok: false; error: string }

/** Header names are matched exactly after trimming, in any letter case, in any order. */
export function readHeader(fields: readonly string[]): HeaderResult {
  const index: Partial<Record<Column, number>> = {}
  const unknown: string[] = []
  const duplicates: string[] = []
  fields.forEach((raw, position) => {
    const name = raw
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase()
    if (name === '') return
    if (!(COLUMNS as readonly string[]).includes(name)) {
      unknown.push(raw.trim())
      return
    }
    const column = name as Column
    if (index[column] !== undefined) duplicates.push(column)
    else index[column] = position
  })
  const missing = REQUIRED_COLUMNS.filter((column) => index[column] === undefined)
  if (missing.length > 0) return { ok: false, error: FILE_ERRORS.missingColumns(missing) }
  if (unknown.length > 0) return { ok: false, error: FILE_ERRORS.unknownColumns(unknown, COLUMNS) }
  if (duplicates.length > 0) return { ok: false, error: FILE_ERRORS.duplicateColumns(duplicates) }
  return { ok: true, header: { index, width: fields.length } }
}

/** A valid row, ready to save. `null` in an optional field: keep the existing product's value. */
export type ImportRow = {
  line: number
  sku: string
  groupCode: string
  subgroupCode: string
  nameVi: string
  nameEn: string | null
  descriptionVi: string | null
  descriptionEn: string | null
  priceVnd: number
  unitVi: string
  unitEn: string
  weightGrams: number
  stock: number
  status: ListingStatus | null
}

export type Rejection = { line: number; sku: string; reasons: string[] }

export type RowResult = { ok: true; row: ImportRow } | { ok: false; rejection: Rejection }

export type RowContext = {
  /** Slugs of every craft village. */
  villageSlugs: ReadonlySet<string>
  /** The producer's own village (products inherit it), or null. */
  producerVillageSlug: string | null
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

const CURRENCY_SUFFIX = /\s*(?:₫|đ|vnđ|vnd|đồng)\.?$/i

/**
 * Whole đồng. Thousands separators are accepted when unambiguous: groups of exactly three digits
 * with one kind of separator ("150.000", "1,500,000"). "150.5" or "1,5" is refused, not guessed.
 */
export function parsePriceVnd(raw: string): Parsed<number> {
  const text = raw
    .replace(/[\s\u00a0]/g, '')
    .replace(CURRENCY_SUFFIX, '')
    .trim()
  if (text.startsWith('-')) return { ok: false, reason: REASONS.priceNegative }
  const value = parseGroupedDigits(text.replace(/^\+/, ''))
  if (value === null) {
    return {
      ok: false,
      reason: /^[\d.,]+$/.test(text) ? REASONS.priceFraction(raw.trim()) : REASONS.priceNotNumber(raw.trim()),
    }
  }
  if (value > LISTING_LIMITS.maxPriceVnd) return { ok: false, reason: REASONS.priceTooHigh }
  if (value < LISTING_LIMITS.minPriceVnd) return { ok: false, reason: REASONS.priceTooLow }
  return { ok: true, value }
}

/** "1500", "1.500" or "1,500" → 1500; anything else (fractions, mixed separators) → null. */
function parseGroupedDigits(text: string): number | null {
  let digits: string
  if (/^\d+$/.test(text)) digits = text
  else if (/^\d{1,3}(?:\.\d{3})+$/.test(text) || /^\d{1,3}(?:,\d{3})+$/.test(text)) digits = text.replace(/[.,]/g, '')
  else return null
  const value = Number(digits)
  return Number.isSafeInteger(value) ? value : null
}

function parseWholeNumber(raw: string, column: Column): Parsed<number> {
  const text = raw.replace(/[\s\u00a0]/g, '')
  const value = parseGroupedDigits(text.replace(/^\+/, ''))
  if (value === null) return { ok: false, reason: REASONS.wholeNumber(COLUMN_LABELS[column], raw.trim()) }
  return { ok: true, value }
}

const STATUS_WORDS: Record<string, ListingStatus> = {
  draft: 'DRAFT',
  nháp: 'DRAFT',
  'bản nháp': 'DRAFT',
  nhap: 'DRAFT',
  published: 'PUBLISHED',
  'đang bán': 'PUBLISHED',
  'dang ban': 'PUBLISHED',
  'đăng bán': 'PUBLISHED',
  archived: 'ARCHIVED',
  'lưu trữ': 'ARCHIVED',
  'luu tru': 'ARCHIVED',
}

/** draft/published/archived or the Vietnamese words, any case; empty → null (keep or default). */
export function parseStatus(raw: string): Parsed<ListingStatus | null> {
  const word = raw.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')
  if (word === '') return { ok: true, value: null }
  const status = STATUS_WORDS[word]
  return status ? { ok: true, value: status } : { ok: false, reason: REASONS.unknownStatus(raw.trim()) }
}

function subgroupExists(code: string): boolean {
  return OCOP_GROUPS.some((group) => group.subgroups.some((subgroup) => subgroup.code === code))
}

/**
 * Checks one file's data rows in order. Stateful across rows: a SKU seen on an earlier line
 * rejects the later row (naming the earlier line), whatever became of the earlier one.
 */
export function createRowValidator(header: CatalogHeader, context: RowContext) {
  const firstLineOfSku = new Map<string, number>()

  return function validateRow(record: CsvRecord): RowResult {
    const { line, fields } = record
    const cell = (column: Column): string => {
      const position = header.index[column]
      return position === undefined ? '' : (fields[position] ?? '').normalize('NFC').trim()
    }
    const has = (column: Column) => header.index[column] !== undefined
    const sku = cell('sku')
    const reasons: string[] = []

    const extra = fields.slice(header.width)
    if (fields.length < header.width || extra.some((value) => value.trim() !== '')) {
      return {
        ok: false,
        rejection: { line, sku, reasons: [REASONS.columnCount(fields.length, header.width)] },
      }
    }

    const text = (column: Column, max: number, required: boolean): string | null => {
      const value = cell(column)
      if (value === '') {
        if (required) reasons.push(REASONS.required(COLUMN_LABELS[column]))
        return null
      }
      if (value.length > max) reasons.push(REASONS.tooLong(COLUMN_LABELS[column], max))
      return value
    }

    if (sku === '') reasons.push(REASONS.required(COLUMN_LABELS.sku))
    else if (sku.length > LISTING_LIMITS.skuMaxLength)
      reasons.push(REASONS.tooLong(COLUMN_LABELS.sku, LISTING_LIMITS.skuMaxLength))
    else if (!SKU_PATTERN.test(sku)) reasons.push(REASONS.badSku(sku))
    if (sku !== '') {
      const earlier = firstLineOfSku.get(sku)
      if (earlier !== undefined) reasons.push(REASONS.duplicateSku(sku, earlier))
      else firstLineOfSku.set(sku, line)
    }

    const nameVi = text('name_vi', LISTING_LIMITS.nameMaxLength, true)
    const nameEn = text('name_en', LISTING_LIMITS.nameMaxLength, false)
    const unitVi = text('unit', LISTING_LIMITS.unitMaxLength, true)
    const unitEn = text('unit_en', LISTING_LIMITS.unitMaxLength, false)
    const descriptionVi = text('description_vi', LISTING_LIMITS.descriptionMaxLength, false)
    const descriptionEn = text('description_en', LISTING_LIMITS.descriptionMaxLength, false)

    const groupCode = cell('group').toLowerCase()
    const subgroupCode = cell('subgroup').toLowerCase()
    if (groupCode === '') reasons.push(REASONS.required(COLUMN_LABELS.group))
    else if (!isKnownGroup(groupCode)) reasons.push(REASONS.unknownGroup(cell('group')))
    if (subgroupCode === '') reasons.push(REASONS.required(COLUMN_LABELS.subgroup))
    else if (!subgroupExists(subgroupCode)) reasons.push(REASONS.unknownSubgroup(cell('subgroup')))
    else if (isKnownGroup(groupCode) && !isKnownSubgroup(groupCode, subgroupCode))
      reasons.push(REASONS.subgroupNotInGroup(subgroupCode, groupCode))

    let priceVnd = 0
    if (cell('price_vnd') === '') reasons.push(REASONS.required(COLUMN_LABELS.price_vnd))
    else {
      const price = parsePriceVnd(cell('price_vnd'))
      if (price.ok) priceVnd = price.value
      else reasons.push(price.reason)
    }

    let weightGrams = 0
    if (cell('weight_g') === '') reasons.push(REASONS.required(COLUMN_LABELS.weight_g))
    else {
      const weight = parseWholeNumber(cell('weight_g'), 'weight_g')
      if (!weight.ok) reasons.push(weight.reason)
      else if (weight.value < LISTING_LIMITS.minWeightGrams || weight.value > LISTING_LIMITS.maxWeightGrams)
        reasons.push(REASONS.weightRange)
      else weightGrams = weight.value
    }

    let stock = 0
    if (cell('stock') === '') reasons.push(REASONS.required(COLUMN_LABELS.stock))
    else {
      const parsed = parseWholeNumber(cell('stock'), 'stock')
      if (!parsed.ok) reasons.push(parsed.reason)
      else if (parsed.value > LISTING_LIMITS.maxStock) reasons.push(REASONS.stockRange)
      else stock = parsed.value
    }

    const status = parseStatus(has('status') ? cell('status') : '')
    if (!status.ok) reasons.push(status.reason)

    const villageSlug = cell('village_slug').toLowerCase()
    if (villageSlug !== '') {
      if (!context.villageSlugs.has(villageSlug)) reasons.push(REASONS.unknownVillage(cell('village_slug')))
      else if (context.producerVillageSlug === null) reasons.push(REASONS.producerHasNoVillage(villageSlug))
      else if (villageSlug !== context.producerVillageSlug)
        reasons.push(REASONS.villageMismatch(villageSlug, context.producerVillageSlug))
    }

    if (reasons.length > 0) return { ok: false, rejection: { line, sku, reasons } }
    return {
      ok: true,
      row: {
        line,
        sku,
        groupCode,
        subgroupCode,
        nameVi: nameVi ?? '',
        nameEn,
        descriptionVi,
        descriptionEn,
        priceVnd,
        unitVi: unitVi ?? '',
        unitEn: unitEn ?? unitVi ?? '',
        weightGrams,
        stock,
        status: status.ok ? status.value : null,
      },
    }
  }
}
