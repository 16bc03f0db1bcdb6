/**
 * The export catalogue (/export): export-ready products that the storefront shows, filtered for
 * export buyers, as ExportSheets for the pages and the CSV/PDF downloads. SQL over the storefront's
 * read model ("CatalogEntry" e) joined to "ExportTerms" t; the words, their ranking and the OCOP stars
 * rule are the storefront's own (listing.server.ts). Certifications count only until they expire.
 */
import path from 'node:path'
import { Prisma } from '#app/generated/prisma/client.ts'
import { type ExportCertificationKind, type Incoterm, type ProducerKind } from '#app/generated/prisma/enums.ts'
import { now } from '#app/utils/clock.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { OCOP_GROUPS } from '../catalog/ocop-groups.ts'
import { relevance, textCondition, validStars, type TextMatch } from '../catalog/listing.server.ts'
import { getPublishedProduct } from '../catalog/product.server.ts'
import { getReferenceData } from '../catalog/reference.server.ts'
import { daysUntil, startOfUtcDay } from '../certification/certificate-status.ts'
import { imageVariantUrl } from '../media/image-variants.ts'
import { getMediaDir, MEDIA_URL_PREFIX, mediaFileExists } from '../media/storage.server.ts'
import { normaliseQuery } from '../search/query.ts'
import {
  EXPORT_CERTIFICATION_KINDS,
  EXPORT_INCOTERMS,
  EXPORT_PAGE_SIZE,
  EXPORT_PRODUCER_KINDS,
  EXPORT_SORTS,
  type ExportSort,
} from './export-catalogue-query.ts'
import { type ExportSheet, type ExportSheetCertification } from './export-sheet.ts'
import { checkHsCode, formatHsCode } from './hs-codes.ts'

export type ExportFilters = {
  /** The search words, normalised (NFC, trimmed, cut at MAX_QUERY_LENGTH). */
  q?: string
  /** OCOP group code. */
  group?: string
  /** The product holds every one of these, unexpired. */
  cert: ExportCertificationKind[]
  /** The product offers every one of these. */
  incoterm: Incoterm[]
  moqMax?: number
  /** Most days to deliver an order. */
  leadMax?: number
  province?: string
  region?: string
  /** At least this many active OCOP stars. */
  stars?: 3 | 4 | 5
  kind?: ProducerKind
  sort: ExportSort
  page: number
  /** Parameters left out because their value is not valid; the page lists them. */
  ignored: { param: string; value: string }[]
  /** The words were longer than allowed and were cut. */
  queryTruncated: boolean
}

const MAX_PAGE = 100_000
const MAX_QUANTITY = 1_000_000_000
const MAX_LEAD_DAYS = 3650

function positiveInt(raw: string, max: number): number | null {
  const trimmed = raw.trim().replace(/[\s,.]/g, '')
  if (!/^\d{1,10}$/.test(trimmed)) return null
  const value = Number(trimmed)
  return value >= 1 && value <= max ? value : null
}

/**
 * The filters of an /export URL. Every malformed or unknown value is left out and listed in
 * `ignored`, never an error. Whether a well-formed province or region exists is checked by
 * exportFiltersFromUrl (it needs the reference data).
 */
export function parseExportFilters(url: URL): ExportFilters {
  const params = url.searchParams
  const filters: ExportFilters = { cert: [], incoterm: [], sort: 'newest', page: 1, ignored: [], queryTruncated: false }
  const ignore = (param: string, value: string) => filters.ignored.push({ param, value: value.slice(0, 40) })
  const single = (param: string) => {
    const value = params.get(param)?.trim()
    return value ? value : undefined
  }

  const query = normaliseQuery(params.get('q'))
  if (query.text) filters.q = query.text
  filters.queryTruncated = query.truncated

  const group = single('group')
  if (group) {
    if (OCOP_GROUPS.some((g) => g.code === group)) filters.group = group
    else ignore('group', group)
  }
  for (const raw of params.getAll('cert')) {
    const value = raw.trim().toUpperCase()
    if (!value) continue
    const kind = EXPORT_CERTIFICATION_KINDS.find((k) => k === value)
    if (!kind) ignore('cert', raw)
    else if (!filters.cert.includes(kind)) filters.cert.push(kind)
  }
  for (const raw of params.getAll('incoterm')) {
    const value = raw.trim().toUpperCase()
    if (!value) continue
    const incoterm = EXPORT_INCOTERMS.find((i) => i === value)
    if (!incoterm) ignore('incoterm', raw)
    else if (!filters.incoterm.includes(incoterm)) filters.incoterm.push(incoterm)
  }
  const moqMax = single('moqMax')
  if (moqMax) {
    const value = positiveInt(moqMax, MAX_QUANTITY)
    if (value === null) ignore('moqMax', moqMax)
    else filters.moqMax = value
  }
  const leadMax = single('leadMax')
  if (leadMax) {
    const value = positiveInt(leadMax, MAX_LEAD_DAYS)
    if (value === null) ignore('leadMax', leadMax)
    else filters.leadMax = value
  }
  const province = single('province')
  if (province) {
    if (/^\d{2}$/.test(province)) filters.province = province
    else ignore('province', province)
  }
  const region = single('region')
  if (region) {
    if (/^[a-z-]{2,60}$/.test(region)) filters.region = region
    else ignore('region', region)
  }
  const stars = single('stars')
  if (stars) {
    if (stars === '3' || stars === '4' || stars === '5') filters.stars = Number(stars) as 3 | 4 | 5
    else ignore('stars', stars)
  }
  const kind = single('kind')
  if (kind) {
    const value = EXPORT_PRODUCER_KINDS.find((k) => k === kind)
    if (value) filters.kind = value
    else ignore('kind', kind)
  }
  if (filters.q) filters.sort = 'relevance'
  const sort = single('sort')
  if (sort) {
    const value = EXPORT_SORTS.find((s) => s === sort)
    // Relevance without words means nothing: the newest come first then.
    if (value && (value !== 'relevance' || filters.q)) filters.sort = value
    else if (!value) ignore('sort', sort)
  }
  const page = single('page')
  if (page) {
    const value = positiveInt(page, MAX_PAGE)
    if (value === null) ignore('page', page)
    else filters.page = value
  }
  return filters
}

/** parseExportFilters, then a province or region that does not exist (or a province outside the region) is ignored too. */
export async function exportFiltersFromUrl(url: URL): Promise<ExportFilters> {
  const filters = parseExportFilters(url)
  if (!filters.province && !filters.region) return filters
  const ref = await getReferenceData()
  if (filters.region && !ref.regionBySlug.has(filters.region)) {
    filters.ignored.push({ param: 'region', value: filters.region })
    filters.region = undefined
  }
  if (filters.province) {
    const province = ref.provinceByCode.get(filters.province)
    if (!province || (filters.region && province.regionSlug !== filters.region)) {
      filters.ignored.push({ param: 'province', value: filters.province })
      filters.province = undefined
    }
  }
  return filters
}

// ───────────── SQL ─────────────

type MatchMode = 'all' | 'words' | 'fuzzy' | 'none'

/** A filter state with its words resolved to the storefront's text match, for one "today". */
type Selection = { filters: ExportFilters; today: Date; text?: TextMatch }

const FROM = Prisma.sql`FROM "CatalogEntry" e JOIN "ExportTerms" t ON t."productId" = e."productId"`

function dayOf(today: Date): string {
  return today.toISOString().slice(0, 10)
}

/** Shown to buyers: on the storefront, marked export-ready, with the terms a sheet cannot do without. */
const EXPORTABLE = Prisma.sql`e.visible AND t."exportReady" AND t."hsCode" IS NOT NULL AND t."moqQuantity" IS NOT NULL
  AND t."orderLeadDays" IS NOT NULL AND t."tierBasis" IS NOT NULL`

function baseConditions(selection: Selection): Prisma.Sql[] {
  const where = [EXPORTABLE]
  if (selection.text) where.push(textCondition(selection.text))
  return where
}

function filterConditions({ filters, today }: Selection): Prisma.Sql[] {
  const where: Prisma.Sql[] = []
  const day = dayOf(today)
  if (filters.group) where.push(Prisma.sql`e."groupCode" = ${filters.group}`)
  for (const kind of filters.cert) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ExportCertification" c WHERE c."productId" = e."productId"
      AND c.kind = ${kind}::"ExportCertificationKind" AND c."expiresOn" >= ${day}::date)`)
  }
  if (filters.incoterm.length > 0) {
    const wanted = Prisma.join(filters.incoterm.map((i) => Prisma.sql`${i}::"Incoterm"`))
    where.push(Prisma.sql`t.incoterms @> ARRAY[${wanted}]`)
  }
  if (filters.moqMax !== undefined) where.push(Prisma.sql`t."moqQuantity" <= ${filters.moqMax}`)
  if (filters.leadMax !== undefined) where.push(Prisma.sql`t."orderLeadDays" <= ${filters.leadMax}`)
  if (filters.province) where.push(Prisma.sql`e."provinceCode" = ${filters.province}`)
  if (filters.region) where.push(Prisma.sql`e."regionSlug" = ${filters.region}`)
  if (filters.stars) where.push(Prisma.sql`COALESCE(${validStars(today)} >= ${filters.stars}, false)`)
  if (filters.kind) where.push(Prisma.sql`e."producerKind" = ${filters.kind}::"ProducerKind"`)
  return where
}

function whereClause(selection: Selection, extra: Prisma.Sql[] = []): Prisma.Sql {
  return Prisma.sql`WHERE ${Prisma.join([...baseConditions(selection), ...filterConditions(selection), ...extra], ' AND ')}`
}

function orderBy({ filters, text }: Selection): Prisma.Sql {
  const newest = Prisma.sql`e."publishedAt" DESC NULLS LAST, e."productId"`
  switch (filters.sort) {
    case 'relevance':
      return text ? Prisma.sql`${relevance(text)} DESC, ${newest}` : newest
    case 'newest':
      return newest
    case 'moq':
      return Prisma.sql`t."moqQuantity" ASC, ${newest}`
    case 'lead':
      return Prisma.sql`t."orderLeadDays" ASC, ${newest}`
    case 'price':
      return Prisma.sql`(SELECT min(x."priceUsdCents") FROM "ExportPriceTier" x WHERE x."productId" = e."productId") ASC NULLS LAST, ${newest}`
  }
}

async function countSelection(selection: Selection): Promise<number> {
  const [row] = await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${FROM} ${whereClause(selection)}`
  return row?.n ?? 0
}

/**
 * The words as the storefront matches them: every word first; when nothing matches, any word;
 * then typos (trigram similarity). Returns the selection with the first mode that finds something.
 */
async function resolveSelection(
  filters: ExportFilters,
  today: Date,
): Promise<{ selection: Selection; total: number; matchMode: MatchMode }> {
  const { text, tokens } = normaliseQuery(filters.q)
  if (!text || tokens.length === 0) {
    const selection: Selection = { filters, today }
    return { selection, total: await countSelection(selection), matchMode: 'all' }
  }
  const modes: TextMatch['mode'][] = tokens.length > 1 ? ['all', 'words', 'fuzzy'] : ['all', 'fuzzy']
  let last: Selection = { filters, today }
  for (const mode of modes) {
    last = { filters, today, text: { tokens, phrase: tokens.join(' '), exact: text.toLowerCase(), mode } }
    const total = await countSelection(last)
    if (total > 0) return { selection: last, total, matchMode: mode }
  }
  return { selection: last, total: 0, matchMode: 'none' }
}

type SheetRow = {
  productId: string
  slug: string
  nameEn: string
  nameVi: string
  descriptionEn: string
  groupCode: string
  groupNameEn: string
  subgroupNameEn: string
  ocopStars: number | null
  hsCode: string
  moqQuantity: number
  moqUnitEn: string
  monthlyCapacity: number | null
  capacityUnitEn: string | null
  sampleLeadDays: number | null
  orderLeadDays: number
  incoterms: string[]
  loadingPlace: string | null
  tierBasis: string
  packagingEn: string
  shelfLifeMonths: number | null
  producerId: string
  producerSlug: string
  producerName: string
  producerKind: string
  provinceEn: string
  provinceVi: string
  regionSlug: string
  exportProfileEn: string
  exportMarkets: string[]
  womenLed: boolean
  ethnicMinority: boolean
  imageUrl: string | null
}

/** A certification as the sheet query reads it: the shared shape, plus what a page needs to link its file. */
export type SheetCertification = ExportSheetCertification & { id: string; hasFile: boolean }
export type ExportSheetWithFiles = Omit<ExportSheet, 'certifications'> & { certifications: SheetCertification[] }

/** One query for the page of products, then one each for their tiers and certifications. */
async function querySheets(
  selection: Selection,
  options: { limit: number; offset?: number; extra?: Prisma.Sql[] },
): Promise<ExportSheetWithFiles[]> {
  const db = getDb()
  const rows = await db.$queryRaw<SheetRow[]>`
    SELECT e."productId", e.slug, e."nameEn", e."nameVi", p."descriptionEn", e."groupCode",
      g."nameEn" AS "groupNameEn", s."nameEn" AS "subgroupNameEn", ${validStars(selection.today)} AS "ocopStars",
      t."hsCode", t."moqQuantity", COALESCE(t."moqUnitEn", '') AS "moqUnitEn", t."monthlyCapacity", t."capacityUnitEn",
      t."sampleLeadDays", t."orderLeadDays", t.incoterms::text[] AS incoterms, t."loadingPlace",
      t."tierBasis"::text AS "tierBasis", t."packagingEn", t."shelfLifeMonths",
      e."producerId", pr.slug AS "producerSlug", e."producerName", e."producerKind"::text AS "producerKind",
      e."provinceEn", e."provinceVi", e."regionSlug", pr."exportProfileEn", pr."exportMarkets",
      e."womenLed", e."ethnicMinority", e."imageUrl"
    ${FROM}
      JOIN "Product" p ON p.id = e."productId"
      JOIN "Producer" pr ON pr.id = e."producerId"
      JOIN "ProductGroup" g ON g.code = e."groupCode"
      JOIN "ProductSubgroup" s ON s.code = e."subgroupCode"
    ${whereClause(selection, options.extra)}
    ORDER BY ${orderBy(selection)}
    LIMIT ${options.limit} OFFSET ${options.offset ?? 0}`
  if (rows.length === 0) return []
  const ids = rows.map((row) => row.productId)
  const [tiers, certifications] = await Promise.all([
    db.exportPriceTier.findMany({
      where: { productId: { in: ids } },
      orderBy: [{ productId: 'asc' }, { minQuantity: 'asc' }],
      select: { productId: true, minQuantity: true, priceUsdCents: true },
    }),
    db.exportCertification.findMany({
      where: { productId: { in: ids } },
      orderBy: [{ kind: 'asc' }, { expiresOn: 'desc' }, { number: 'asc' }],
      select: {
        id: true,
        productId: true,
        kind: true,
        otherName: true,
        number: true,
        issuer: true,
        expiresOn: true,
        fileUrl: true,
      },
    }),
  ])
  const today = startOfUtcDay(selection.today).getTime()
  const tiersOf = groupBy(tiers, (tier) => tier.productId)
  const certificationsOf = groupBy(certifications, (certification) => certification.productId)
  return rows.map((row) => {
    const hs = checkHsCode(row.hsCode)
    const sheetCertifications = (certificationsOf.get(row.productId) ?? [])
      .map((c): SheetCertification => ({
        id: c.id,
        kind: c.kind,
        otherName: c.otherName,
        number: c.number,
        issuer: c.issuer,
        expiresOn: c.expiresOn,
        expired: startOfUtcDay(c.expiresOn).getTime() < today,
        hasFile: Boolean(c.fileUrl),
      }))
      // Valid ones first; the sort is stable, so kinds keep their order within each part.
      .sort((a, b) => Number(a.expired) - Number(b.expired))
    return {
      productId: row.productId,
      slug: row.slug,
      nameEn: row.nameEn,
      nameVi: row.nameVi,
      descriptionEn: row.descriptionEn,
      groupCode: row.groupCode,
      groupNameEn: row.groupNameEn,
      subgroupNameEn: row.subgroupNameEn,
      ocopStars: row.ocopStars,
      hsCode: formatHsCode(row.hsCode),
      hsDescription: hs.ok ? (hs.description?.en ?? null) : null,
      moqQuantity: row.moqQuantity,
      moqUnitEn: row.moqUnitEn,
      monthlyCapacity: row.monthlyCapacity,
      capacityUnitEn: row.capacityUnitEn,
      sampleLeadDays: row.sampleLeadDays,
      orderLeadDays: row.orderLeadDays,
      incoterms: row.incoterms as Incoterm[],
      loadingPlace: row.loadingPlace,
      tierBasis: row.tierBasis === 'EXW' ? 'EXW' : 'FOB',
      tiers: (tiersOf.get(row.productId) ?? []).map(({ minQuantity, priceUsdCents }) => ({
        minQuantity,
        priceUsdCents,
      })),
      packagingEn: row.packagingEn,
      shelfLifeMonths: row.shelfLifeMonths,
      certifications: sheetCertifications,
      producer: {
        id: row.producerId,
        slug: row.producerSlug,
        name: row.producerName,
        kind: row.producerKind as ProducerKind,
        provinceEn: row.provinceEn,
        provinceVi: row.provinceVi,
        regionSlug: row.regionSlug,
        exportProfileEn: row.exportProfileEn,
        exportMarkets: row.exportMarkets,
        womenLed: row.womenLed,
        ethnicMinority: row.ethnicMinority,
      },
      imageFile: coverImageFile(row.imageUrl),
      imageUrl: row.imageUrl,
    }
  })
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return groups
}

/** The stored 640 px WebP of a /media image on this server's disk, when it is there. */
function coverImageFile(url: string | null): string | null {
  if (!url || !url.startsWith(`${MEDIA_URL_PREFIX}/`) || !url.endsWith('.webp')) return null
  try {
    const relative = decodeURIComponent(imageVariantUrl(url, 640).slice(MEDIA_URL_PREFIX.length + 1))
    return mediaFileExists(relative) ? path.resolve(getMediaDir(), relative) : null
  } catch {
    // A path that would leave the media directory is no file of ours.
    return null
  }
}

// ───────────── Public API ─────────────

/** Sheets of the filtered selection (`page` is ignored: limit and offset say which), and how many there are in all. */
export async function loadExportSheets(
  filters: ExportFilters,
  options: { limit: number; offset?: number },
): Promise<{ sheets: ExportSheet[]; total: number }> {
  const { selection, total } = await resolveSelection(filters, now())
  if (total === 0 || (options.offset ?? 0) >= total) return { sheets: [], total }
  return { sheets: await querySheets(selection, options), total }
}

const NO_FILTERS: ExportFilters = {
  cert: [],
  incoterm: [],
  sort: 'newest',
  page: 1,
  ignored: [],
  queryTruncated: false,
}

/** One product's sheet, or null when it is not export-ready or not on the storefront. */
export async function loadExportSheet(slug: string): Promise<ExportSheet | null> {
  return (await loadSheetWithFiles(slug, now())) ?? null
}

async function loadSheetWithFiles(slug: string, today: Date): Promise<ExportSheetWithFiles | undefined> {
  const [sheet] = await querySheets({ filters: NO_FILTERS, today }, { limit: 1, extra: [Prisma.sql`e.slug = ${slug}`] })
  return sheet
}

export type ExportFacets = {
  group: Record<string, number>
  cert: Record<string, number>
  incoterm: Record<string, number>
  stars: Record<'3' | '4' | '5', number>
  kind: Record<string, number>
  province: Record<string, number>
  region: Record<string, number>
}

type FacetRow = {
  groupCode: string
  provinceCode: string
  regionSlug: string
  producerKind: string
  stars: number | null
  moq: number
  lead: number
  incoterms: string[]
  certs: string[]
}

type FacetDimension = 'group' | 'cert' | 'incoterm' | 'moqMax' | 'leadMax' | 'province' | 'region' | 'stars' | 'kind'

/**
 * What each filter option would give: for a single-choice filter (group, province, region, stars,
 * kind) with every other filter applied but not its own; for the "has every selected" ones
 * (certifications, Incoterms) with every filter applied, so a count says what adding that value
 * leaves. One query reads the few columns of every matching export product; the counting is here.
 */
export async function exportFacets(filters: ExportFilters): Promise<ExportFacets> {
  const { selection } = await resolveSelection(filters, now())
  return facetsFor(selection)
}

async function facetsFor(selection: Selection): Promise<ExportFacets> {
  const { filters } = selection
  const day = dayOf(selection.today)
  const rows = await getDb().$queryRaw<FacetRow[]>`
    SELECT e."groupCode", e."provinceCode", e."regionSlug", e."producerKind"::text AS "producerKind",
      ${validStars(selection.today)} AS stars, t."moqQuantity" AS moq, t."orderLeadDays" AS lead,
      t.incoterms::text[] AS incoterms,
      ARRAY(SELECT DISTINCT c.kind::text FROM "ExportCertification" c
        WHERE c."productId" = e."productId" AND c."expiresOn" >= ${day}::date) AS certs
    ${FROM}
    WHERE ${Prisma.join(baseConditions(selection), ' AND ')}`
  const checks: Record<FacetDimension, (row: FacetRow) => boolean> = {
    group: (row) => !filters.group || row.groupCode === filters.group,
    cert: (row) => filters.cert.every((c) => row.certs.includes(c)),
    incoterm: (row) => filters.incoterm.every((i) => row.incoterms.includes(i)),
    moqMax: (row) => filters.moqMax === undefined || row.moq <= filters.moqMax,
    leadMax: (row) => filters.leadMax === undefined || row.lead <= filters.leadMax,
    province: (row) => !filters.province || row.provinceCode === filters.province,
    region: (row) => !filters.region || row.regionSlug === filters.region,
    stars: (row) => !filters.stars || (row.stars ?? 0) >= filters.stars,
    kind: (row) => !filters.kind || row.producerKind === filters.kind,
  }
  const dimensions = Object.keys(checks) as FacetDimension[]
  const passesExcept = (row: FacetRow, except: FacetDimension | null) =>
    dimensions.every((d) => d === except || checks[d](row))
  const facets: ExportFacets = {
    group: {},
    cert: {},
    incoterm: {},
    stars: { '3': 0, '4': 0, '5': 0 },
    kind: {},
    province: {},
    region: {},
  }
  const add = (counts: Record<string, number>, key: string) => {
    counts[key] = (counts[key] ?? 0) + 1
  }
  for (const row of rows) {
    if (passesExcept(row, 'group')) add(facets.group, row.groupCode)
    if (passesExcept(row, 'province')) add(facets.province, row.provinceCode)
    if (passesExcept(row, 'region')) add(facets.region, row.regionSlug)
    if (passesExcept(row, 'kind')) add(facets.kind, row.producerKind)
    if (passesExcept(row, 'stars')) {
      for (const n of [3, 4, 5] as const) if ((row.stars ?? 0) >= n) facets.stars[String(n) as '3' | '4' | '5'] += 1
    }
    if (passesExcept(row, null)) {
      for (const cert of row.certs) add(facets.cert, cert)
      for (const incoterm of row.incoterms) add(facets.incoterm, incoterm)
    }
  }
  return facets
}

/** A sheet as a page gets it: without the server's file path of the image (that is for the PDF only). */
export type PageSheet<T extends ExportSheet | ExportSheetWithFiles = ExportSheet> = Omit<T, 'imageFile'>

function forPage<T extends ExportSheet | ExportSheetWithFiles>({ imageFile: _file, ...sheet }: T): PageSheet<T> {
  return sheet
}

export type ExportCataloguePage = {
  filters: ExportFilters
  sheets: PageSheet[]
  total: number
  page: number
  pageCount: number
  matchMode: MatchMode
  /** Set when the URL asked for a page past the last one (the last one is shown). */
  pageTooLarge: boolean
  facets: ExportFacets
  labels: {
    regions: { slug: string; nameVi: string; nameEn: string }[]
    provinces: { code: string; nameVi: string; nameEn: string; regionSlug: string }[]
  }
}

/** Everything /export shows for a URL: the applied filters, one page of sheets, facet counts, place names. */
export async function loadExportCatalogue(url: URL, pageSize = EXPORT_PAGE_SIZE): Promise<ExportCataloguePage> {
  const filters = await exportFiltersFromUrl(url)
  const today = now()
  const [{ selection, total, matchMode }, ref] = await Promise.all([
    resolveSelection(filters, today),
    getReferenceData(),
  ])
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const pageTooLarge = filters.page > pageCount
  if (pageTooLarge) filters.page = pageCount
  const [sheets, facets] = await Promise.all([
    total === 0
      ? Promise.resolve([])
      : querySheets(selection, { limit: pageSize, offset: (filters.page - 1) * pageSize }),
    facetsFor(selection),
  ])
  return {
    filters,
    sheets: sheets.map(forPage),
    total,
    page: filters.page,
    pageCount,
    matchMode,
    pageTooLarge,
    facets,
    labels: { regions: ref.regions, provinces: ref.provinces },
  }
}

/**
 * The selection a download holds: the page's filters and order (not its page), at most `limit`
 * products; with the place names to describe the filters.
 */
export async function loadExportDownload(url: URL, limit: number) {
  const filters = await exportFiltersFromUrl(url)
  const [{ sheets, total }, ref] = await Promise.all([loadExportSheets(filters, { limit }), getReferenceData()])
  return { filters, sheets, total, places: { regions: ref.regions, provinces: ref.provinces } }
}

/**
 * The product sheet page: the sheet (with certification ids, to link their files) and, from the
 * storefront's product query, the photos, the Vietnamese description and the OCOP certificate.
 */
export async function loadExportProductPage(slug: string) {
  const today = now()
  const [sheet, product] = await Promise.all([loadSheetWithFiles(slug, today), getPublishedProduct(slug, today)])
  if (!sheet || !product) return null
  const current = product.currentCertificate
  return {
    sheet: forPage(sheet),
    descriptionVi: product.descriptionVi,
    group: product.group,
    subgroup: product.subgroup,
    images: product.images,
    certificate: current ? { ...current, daysLeft: daysUntil(current.expiresOn, today) } : null,
  }
}
