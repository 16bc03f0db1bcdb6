import type { Messages } from '#app/i18n/vi.ts'
import { normaliseQuery } from '../search/query.ts'
import { MAX_QUERY_LENGTH } from '../search/search-index.ts'

/**
 * Parses the product listing's URL into a normalised filter state. Malformed or unknown values are
 * dropped (never a 500) and reported as notices the page shows to the user.
 */
export const PRODUCER_KINDS = ['HOP_TAC_XA', 'DOANH_NGHIEP', 'HO_KINH_DOANH', 'TO_HOP_TAC'] as const
export type ProducerKindCode = (typeof PRODUCER_KINDS)[number]

/** `relevance` applies only to a text search, and is then the default. */
export const SORTS = ['relevance', 'newest', 'price-asc', 'price-desc', 'stars'] as const
export type ListingSort = (typeof SORTS)[number]

export const PAGE_SIZE = 24
/** Prices above this are not real OCOP listings; a bigger number is treated as malformed. */
export const MAX_PRICE_VND = 1_000_000_000

export type ListingFilters = {
  /** The search words, normalised (NFC, trimmed, at most MAX_QUERY_LENGTH characters). */
  q?: string
  group?: string
  subgroup?: string
  stars?: 3 | 4 | 5
  region?: string
  province?: string
  village?: string
  kind?: ProducerKindCode
  women?: true
  instock?: true
  minPrice?: number
  maxPrice?: number
  sort: ListingSort
  page: number
}

export type FilterKey = Exclude<keyof ListingFilters, 'sort' | 'page' | 'q'>

export type ListingNotice =
  | { kind: 'invalidPage' }
  | { kind: 'pageTooLarge'; last: number }
  | { kind: 'unknownValue'; param: string; value: string }
  | { kind: 'priceSwapped' }
  | { kind: 'queryTruncated'; length: number }

/** What a notice says, in the reader's language (the page and the JSON API share it). */
export function noticeText(notice: ListingNotice, t: Messages): string {
  switch (notice.kind) {
    case 'invalidPage':
      return t.notices.invalidPage
    case 'pageTooLarge':
      return t.notices.pageTooLarge(notice.last)
    case 'priceSwapped':
      return t.notices.priceSwapped
    case 'queryTruncated':
      return t.search.truncated(notice.length)
    case 'unknownValue':
      return t.notices.unknownValue(`${notice.param}=${notice.value}`)
  }
}

export type KnownCodes = {
  groups: Set<string>
  subgroupGroup: Map<string, string>
  regions: Set<string>
  provinceRegion: Map<string, string>
  villages: Set<string>
}

const MAX_PAGE = 100_000

function parsePositiveInt(raw: string): number | null {
  if (!/^\d{1,12}$/.test(raw.trim())) return null
  const n = Number(raw.trim())
  return Number.isSafeInteger(n) ? n : null
}

export function parseListingFilters(
  params: URLSearchParams,
  known: KnownCodes,
): { filters: ListingFilters; notices: ListingNotice[] } {
  const notices: ListingNotice[] = []
  const filters: ListingFilters = { sort: 'newest', page: 1 }
  const reject = (param: string) => {
    const value = params.get(param) ?? ''
    notices.push({ kind: 'unknownValue', param, value: value.slice(0, 40) })
  }
  const text = (param: string) => {
    const value = params.get(param)
    return value === null || value.trim() === '' ? undefined : value.trim()
  }

  const query = normaliseQuery(params.get('q'))
  if (query.text) filters.q = query.text
  if (query.truncated) notices.push({ kind: 'queryTruncated', length: MAX_QUERY_LENGTH })

  const group = text('group')
  if (group) {
    if (known.groups.has(group)) filters.group = group
    else reject('group')
  }
  const subgroup = text('subgroup')
  if (subgroup) {
    const parent = known.subgroupGroup.get(subgroup)
    if (!parent) reject('subgroup')
    else if (filters.group && filters.group !== parent) reject('subgroup')
    else {
      filters.subgroup = subgroup
      filters.group = parent
    }
  }
  const stars = text('stars')
  if (stars) {
    if (stars === '3' || stars === '4' || stars === '5') filters.stars = Number(stars) as 3 | 4 | 5
    else reject('stars')
  }
  const region = text('region')
  if (region) {
    if (known.regions.has(region)) filters.region = region
    else reject('region')
  }
  const province = text('province')
  if (province) {
    const provinceRegion = known.provinceRegion.get(province)
    if (!provinceRegion || (filters.region && filters.region !== provinceRegion)) reject('province')
    else filters.province = province
  }
  const village = text('village')
  if (village) {
    if (known.villages.has(village)) filters.village = village
    else reject('village')
  }
  const kind = text('kind')
  if (kind) {
    if ((PRODUCER_KINDS as readonly string[]).includes(kind)) filters.kind = kind as ProducerKindCode
    else reject('kind')
  }
  const women = text('women')
  if (women) {
    if (women === '1' || women === 'true') filters.women = true
    else reject('women')
  }
  const instock = text('instock')
  if (instock) {
    if (instock === '1' || instock === 'true') filters.instock = true
    else reject('instock')
  }
  for (const param of ['minPrice', 'maxPrice'] as const) {
    const raw = text(param)
    if (!raw) continue
    const value = parsePositiveInt(raw.replace(/[.\s]/g, ''))
    if (value === null || value > MAX_PRICE_VND) reject(param)
    else filters[param] = value
  }
  if (filters.minPrice !== undefined && filters.maxPrice !== undefined && filters.minPrice > filters.maxPrice) {
    ;[filters.minPrice, filters.maxPrice] = [filters.maxPrice, filters.minPrice]
    notices.push({ kind: 'priceSwapped' })
  }
  if (filters.q) filters.sort = 'relevance'
  const sort = text('sort')
  if (sort) {
    if ((SORTS as readonly string[]).includes(sort)) {
      // Relevance means nothing without words: browsing then lists the newest.
      if (sort !== 'relevance' || filters.q) filters.sort = sort as ListingSort
    } else reject('sort')
  }
  const page = text('page')
  if (page) {
    const value = parsePositiveInt(page)
    if (value === null || value < 1 || value > MAX_PAGE) notices.push({ kind: 'invalidPage' })
    else filters.page = value
  }
  return { filters, notices }
}

/** The canonical query string of a filter state (stable order, defaults omitted). */
export function listingSearchParams(filters: Partial<ListingFilters>): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.q) params.set('q', filters.q)
  const keys: FilterKey[] = [
    'group',
    'subgroup',
    'stars',
    'region',
    'province',
    'village',
    'kind',
    'women',
    'instock',
    'minPrice',
    'maxPrice',
  ]
  for (const key of keys) {
    const value = filters[key]
    if (value === undefined) continue
    params.set(key, value === true ? '1' : String(value))
  }
  const defaultSort = filters.q ? 'relevance' : 'newest'
  if (filters.sort && filters.sort !== defaultSort) params.set('sort', filters.sort)
  if (filters.page && filters.page > 1) params.set('page', String(filters.page))
  return params
}

/**
 * The URL of the state with one filter changed. Changing any filter goes back to page 1, so a page
 * number never carries over into a different result set.
 */
export function withFilter<K extends FilterKey | 'sort'>(
  filters: ListingFilters,
  key: K,
  value: ListingFilters[K] | undefined,
): URLSearchParams {
  const next: Partial<ListingFilters> = { ...filters, page: 1, [key]: value }
  if (key === 'group' && value !== filters.group) next.subgroup = undefined
  if (key === 'region' && value !== filters.region) next.province = undefined
  return listingSearchParams(next)
}
