/** URL lists for the load: product slugs and region slugs from the sitemap, listing filter combinations. */
import { fetchBytes, mapLimited } from './http.ts'

/** Local paths of the Vietnamese-language sitemap entries under `prefix` (e.g. "/products/"). */
export function sitemapPaths(xml: string, prefix: string): string[] {
  const paths: string[] = []
  for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const pathname = new URL(loc.replace(/&amp;/g, '&')).pathname
    if (pathname.startsWith(prefix) && pathname.length > prefix.length) paths.push(pathname)
  }
  return paths
}

/** `count` items spread evenly over `items` (all of them when there are fewer). */
export function evenlySpaced<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items]
  const step = items.length / count
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)])
}

/** The last page number a listing's pagination links to (1 when it has no pagination). */
export function lastPage(html: string): number {
  let last = 1
  for (const [, page] of html.matchAll(/[?&](?:amp;)?page=(\d+)/g)) last = Math.max(last, Number(page))
  return last
}

/** Every combination of group (or none) × region (or none) × minimum stars (or none). */
export function filterCombinations(groups: readonly string[], regions: readonly string[]): URLSearchParams[] {
  const combos: URLSearchParams[] = []
  for (const group of ['', ...groups])
    for (const region of ['', ...regions])
      for (const stars of ['', '3', '4', '5']) {
        const params = new URLSearchParams()
        if (group) params.set('group', group)
        if (region) params.set('region', region)
        if (stars) params.set('stars', stars)
        combos.push(params)
      }
  return combos
}

export function listingPath(filters: URLSearchParams, sort: string, page: number): string {
  const params = new URLSearchParams(filters)
  if (sort !== 'newest') params.set('sort', sort)
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `/products?${query}` : '/products'
}

/** Fisher–Yates with a fixed seed (mulberry32), so every run requests the same sequence. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const result = [...items]
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[result[i], result[j]] = [result[j], result[i]]
  }
  return result
}

/** The orders a shopper picks without a search query. */
export const SHOPPER_SORTS = ['newest', 'price-asc', 'price-desc', 'stars'] as const

/**
 * Listing URLs the in-process caches cannot answer: filter combinations × sorts × pages, in a fixed
 * shuffled order. Cycling through more distinct URLs than the page cache (2,000) and the catalogue
 * cache (500) hold misses every time. Page 1 of the default sort is left out: finding each
 * combination's page count (one GET each, 4 at a time) just put it in the caches.
 */
export async function uncachedListingPaths(
  origin: string,
  groups: readonly string[],
  regions: readonly string[],
  pagesPerCombination: number,
): Promise<{ paths: string[]; combinations: number }> {
  const combinations = filterCombinations(groups, regions)
  const pageCounts = await mapLimited(combinations, 4, async (filters) =>
    lastPage((await fetchBytes(`${origin}${listingPath(filters, 'newest', 1)}`)).toString('utf8')),
  )
  const paths: string[] = []
  combinations.forEach((filters, i) => {
    for (const sort of SHOPPER_SORTS)
      for (let page = 1; page <= Math.min(pageCounts[i], pagesPerCombination); page++)
        if (sort !== 'newest' || page > 1) paths.push(listingPath(filters, sort, page))
  })
  return { paths: shuffled(paths, 20261128), combinations: combinations.length }
}
