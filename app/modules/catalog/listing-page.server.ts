import { cachedCatalogQuery } from './catalog-cache.server.ts'
import { listProducts, type ListingResult, type ResolvedFilters } from './listing.server.ts'
import {
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
  result: ListingResult
  labels: Pick<ReferenceData, 'groups' | 'subgroups' | 'regions' | 'provinces'> & {
    villages: { id: string; slug: string; name: string; nameEn: string }[]
  }
}

/** Everything /products needs for a URL: validated filters, one page of results, facets, labels. */
export async function loadListingPage(params: URLSearchParams, today: Date): Promise<ListingPage> {
  const ref = await getReferenceData()
  const { filters, notices } = parseListingFilters(params, knownCodes(ref))
  const resolved: ResolvedFilters = {
    ...filters,
    villageId: filters.village ? ref.villageBySlug.get(filters.village)?.id : undefined,
  }
  const day = today.toISOString().slice(0, 10)
  const load = (state: ResolvedFilters) =>
    cachedCatalogQuery(`listing:${day}:${listingSearchParams(state)}`, () => listProducts(state, today))
  let result = await load(resolved)
  if (filters.page > result.pageCount) {
    // Past the last page: show the last one and say so, rather than an empty page.
    notices.push({ kind: 'pageTooLarge', last: result.pageCount })
    filters.page = result.pageCount
    result = await load({ ...resolved, page: result.pageCount })
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
