import { type SearchResult } from '../search/search-index.ts'
import { getSearchIndex } from '../search/search.server.ts'
import { cachedCatalogQuery } from './catalog-cache.server.ts'
import {
  PAGE_SIZE,
  listingSearchParams,
  parseListingFilters,
  type KnownCodes,
  type ListingFilters,
  type ListingNotice,
} from './listing-filters.ts'
import { getReferenceData, type ReferenceData } from './reference.server.ts'

function knownCodes(ref: ReferenceData): KnownCodes {
  return {
    groups: new Set(ref.groupByCode.keys()),
    subgroupGroup: new Map(ref.subgroups.map((s) => [s.code, s.groupCode])),
    regions: new Set(ref.regionBySlug.keys()),
    provinceRegion: new Map(ref.provinces.map((p) => [p.code, p.regionSlug])),
    villages: new Set(ref.villageBySlug.keys()),
  }
}

export type ListingPage = {
  filters: ListingFilters
  notices: ListingNotice[]
  result: SearchResult & { page: number; pageCount: number }
  labels: Pick<ReferenceData, 'groups' | 'subgroups' | 'regions' | 'provinces'> & {
    villages: { id: string; slug: string; name: string; nameEn: string }[]
  }
}

/** Everything /products needs for a URL: validated filters, one page of results, facets, labels. */
export async function loadListingPage(params: URLSearchParams, today: Date): Promise<ListingPage> {
  const ref = await getReferenceData()
  const { filters, notices } = parseListingFilters(params, knownCodes(ref))
  const { q = '', sort, page, village, ...rest } = filters
  const searchFilters = { ...rest, villageId: village ? ref.villageBySlug.get(village)?.id : undefined }
  const index = getSearchIndex()
  const day = today.toISOString().slice(0, 10)
  const load = async (pageNumber: number) => {
    const key = `search:${index.name}:${day}:${listingSearchParams({ ...filters, page: pageNumber })}`
    const found = await cachedCatalogQuery(key, () =>
      index.search({ q, filters: searchFilters, sort, page: pageNumber, pageSize: PAGE_SIZE, today }),
    )
    return { ...found, page: pageNumber, pageCount: Math.max(1, Math.ceil(found.total / PAGE_SIZE)) }
  }
  let result = await load(page)
  if (page > result.pageCount) {
    // Past the last page: show the last one and say so, rather than an empty page.
    notices.push({ kind: 'pageTooLarge', last: result.pageCount })
    filters.page = result.pageCount
    result = await load(result.pageCount)
  }
  return {
    filters,
    notices,
    result,
    labels: {
      groups: ref.groups,
      subgroups: ref.subgroups,
      regions: ref.regions,
      provinces: ref.provinces,
      villages: ref.villages.filter((v) => result.facets.village[v.id] || v.slug === filters.village),
    },
  }
}
