/**
 * The export catalogue's URL vocabulary, shared by the server (parsing) and the pages (links, form
 * options): `/export?q=&group=&cert=&incoterm=&moqMax=&leadMax=&province=&region=&stars=&kind=&sort=&page=`.
 */
import { ExportCertificationKind, Incoterm, ProducerKind } from '#app/generated/prisma/enums.ts'
import { pick, type Locale } from '#app/i18n/locale.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { OCOP_GROUPS } from '../catalog/ocop-groups.ts'
import type { ExportFilters } from './export-catalogue.server.ts'

/** `relevance` only means something with words, and is then the default; without words, `newest`. */
export const EXPORT_SORTS = ['relevance', 'newest', 'moq', 'lead', 'price'] as const
export type ExportSort = (typeof EXPORT_SORTS)[number]

export const EXPORT_CERTIFICATION_KINDS = Object.values(ExportCertificationKind)
export const EXPORT_INCOTERMS = Object.values(Incoterm)
export const EXPORT_PRODUCER_KINDS = Object.values(ProducerKind)

export const EXPORT_PAGE_SIZE = 24
/** Most products one CSV or PDF download holds (the page says so). */
export const EXPORT_DOWNLOAD_LIMIT = 5000
/**
 * The PDF holds fewer: rendering costs ≈ 21 ms of CPU per product with its photo (bench/catalogue:
 * 1,000 products ≈ 21 s, 13 MB), so one request cannot keep a core busy for minutes.
 */
export const EXPORT_PDF_LIMIT = 1000

/** The filters that narrow the selection (everything but sort and page). */
export type ExportFilterKey =
  'q' | 'group' | 'cert' | 'incoterm' | 'moqMax' | 'leadMax' | 'province' | 'region' | 'stars' | 'kind'

/** The canonical query string of a filter state: stable order, defaults left out. */
export function exportSearchParams(filters: Partial<ExportFilters>): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.q) params.set('q', filters.q)
  if (filters.group) params.set('group', filters.group)
  for (const cert of filters.cert ?? []) params.append('cert', cert)
  for (const incoterm of filters.incoterm ?? []) params.append('incoterm', incoterm)
  for (const key of ['moqMax', 'leadMax', 'province', 'region', 'stars', 'kind'] as const) {
    const value = filters[key]
    if (value !== undefined) params.set(key, String(value))
  }
  const defaultSort = filters.q ? 'relevance' : 'newest'
  if (filters.sort && filters.sort !== defaultSort) params.set('sort', filters.sort)
  if (filters.page && filters.page > 1) params.set('page', String(filters.page))
  return params
}

/** The same selection without one filter (or one value of a repeatable one), back on page 1. */
export function withoutFilter(filters: ExportFilters, key: ExportFilterKey, value?: string): URLSearchParams {
  const next: Partial<ExportFilters> = { ...filters, page: 1 }
  if (key === 'cert') next.cert = filters.cert.filter((c) => c !== value)
  else if (key === 'incoterm') next.incoterm = filters.incoterm.filter((i) => i !== value)
  else next[key] = undefined
  if (key === 'q' && next.sort === 'relevance') next.sort = 'newest'
  return exportSearchParams(next)
}

type PlaceNames = {
  regions: { slug: string; nameVi: string; nameEn: string }[]
  provinces: { code: string; nameVi: string; nameEn: string }[]
}

export type AppliedFilter = { key: ExportFilterKey; value?: string; label: string }

/** The filters in force, in words: the page's "filtered by" list and the PDF's subtitle. */
export function appliedFilters(
  filters: ExportFilters,
  t: Messages,
  locale: Locale,
  places: PlaceNames,
): AppliedFilter[] {
  const labels = t.exportCatalogue.appliedLabels
  const applied: AppliedFilter[] = []
  if (filters.q) applied.push({ key: 'q', label: `“${filters.q}”` })
  if (filters.group) {
    const group = OCOP_GROUPS.find((g) => g.code === filters.group)
    applied.push({ key: 'group', label: group ? pick(locale, group.nameVi, group.nameEn) : filters.group })
  }
  for (const cert of filters.cert) {
    applied.push({ key: 'cert', value: cert, label: t.exportTerms.certificationKinds[cert] })
  }
  for (const incoterm of filters.incoterm) applied.push({ key: 'incoterm', value: incoterm, label: incoterm })
  if (filters.moqMax !== undefined) applied.push({ key: 'moqMax', label: labels.moqMax(filters.moqMax) })
  if (filters.leadMax !== undefined) applied.push({ key: 'leadMax', label: labels.leadMax(filters.leadMax) })
  if (filters.region) {
    const region = places.regions.find((r) => r.slug === filters.region)
    applied.push({ key: 'region', label: region ? pick(locale, region.nameVi, region.nameEn) : filters.region })
  }
  if (filters.province) {
    const province = places.provinces.find((p) => p.code === filters.province)
    applied.push({
      key: 'province',
      label: province ? pick(locale, province.nameVi, province.nameEn) : filters.province,
    })
  }
  if (filters.stars) applied.push({ key: 'stars', label: labels.stars(filters.stars) })
  if (filters.kind) applied.push({ key: 'kind', label: t.producerKinds[filters.kind] })
  return applied
}
