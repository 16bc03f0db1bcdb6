/**
 * The Meilisearch search adapter (MEILI_HOST). Documents are built from the database
 * (search-documents.server.ts) and written by the search outbox (search-outbox.server.ts); searches
 * and autocomplete read Meilisearch. Decisions: docs/decisions/0006-search-meilisearch-outbox.md.
 */
import {
  Meilisearch,
  MeilisearchApiError,
  type EnqueuedTask,
  type EnqueuedTaskPromise,
  type MatchingStrategies,
  type MultiSearchQuery,
  type Settings,
} from 'meilisearch'
import { z } from 'zod'
import { suggestVillagesAndProducers } from './village-producer-suggestions.server.ts'
import { emptyFacets, type FacetCounts } from '../catalog/listing.server.ts'
import { type FilterKey } from '../catalog/listing-filters.ts'
import { highlight, normaliseQuery } from './query.ts'
import { buildSearchDocuments, epochDay, visibleProductIds } from './search-documents.server.ts'
import {
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
  type Suggestion,
} from './search-index.ts'
import { withSearchOutboxPaused } from './search-outbox.server.ts'

export type MeilisearchSearchOptions = { host: string; apiKey?: string; indexName: string }

/**
 * Index settings. Searchable attributes follow the PostgreSQL weights (A names, B producer and
 * village, C places and groups, D descriptions): Meilisearch's `attribute` rule ranks by that order.
 */
export const MEILISEARCH_SETTINGS = {
  searchableAttributes: [
    'nameVi',
    'nameEn',
    'producerName',
    'villageName',
    'villageNameEn',
    'places',
    'groupNames',
    'descriptionVi',
    'descriptionEn',
  ],
  filterableAttributes: [
    'visible',
    'groupCode',
    'subgroupCode',
    'regionSlug',
    'provinceCode',
    'villageId',
    'producerKind',
    'womenLed',
    'stock',
    'priceVnd',
    'certStars',
    'certIssuedDay',
    'certExpiresDay',
  ],
  sortableAttributes: ['publishedAt', 'priceVnd', 'certStars'],
  // `sort` first: a shopper who picks "price ascending" gets exactly that, as in SQL; without a sort
  // parameter the rule does nothing. Exactness is the tie-break, then newest first, as in SQL.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'publishedAt:desc'],
  // Vietnamese words are syllables of 2–7 letters: with the default (5 letters for one typo) most
  // would never be typo-tolerant.
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 }, disableOnNumbers: true },
  // A province or village facet can list hundreds of values; the default keeps 100.
  faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
  // The listing allows deep pages (PostgreSQL has no cap); Meilisearch returns at most this many hits.
  pagination: { maxTotalHits: 100_000 },
  // Mixed-language fields (groupNames) are left to detection.
  localizedAttributes: [
    { attributePatterns: ['*Vi', 'producerName', 'villageName', 'places'], locales: ['vie'] },
    { attributePatterns: ['*En'], locales: ['eng'] },
  ],
  // A pathological query returns what it found so far instead of holding a request.
  searchCutoffMs: 150,
} satisfies Settings

const PRIMARY_KEY = 'id'
const REINDEX_BATCH = 1000
const SYNC_TASK_TIMEOUT_MS = 60_000
const REINDEX_TASK_TIMEOUT_MS = 10 * 60_000

/** What a result card needs, plus what "valid today" stars are computed from. */
const CARD_ATTRIBUTES = [
  'id',
  'slug',
  'nameVi',
  'nameEn',
  'priceVnd',
  'unitVi',
  'unitEn',
  'stock',
  'producerName',
  'provinceVi',
  'provinceEn',
  'imageUrl',
  'imageAltVi',
  'imageAltEn',
  'groupCode',
  'villageName',
  'villageSlug',
  'certStars',
  'certIssuedDay',
  'certExpiresDay',
] as const satisfies readonly (keyof SearchDocument)[]

const HitSchema = z.object({
  id: z.string(),
  slug: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  priceVnd: z.number(),
  unitVi: z.string(),
  unitEn: z.string(),
  stock: z.number(),
  producerName: z.string(),
  provinceVi: z.string(),
  provinceEn: z.string(),
  imageUrl: z.string().nullable(),
  imageAltVi: z.string().nullable(),
  imageAltEn: z.string().nullable(),
  groupCode: z.string(),
  villageName: z.string().nullable(),
  villageSlug: z.string().nullable(),
  certStars: z.number().nullable(),
  certIssuedDay: z.number().nullable(),
  certExpiresDay: z.number().nullable(),
  _rankingScore: z.number().optional(),
  _rankingScoreDetails: z.object({ typo: z.object({ typoCount: z.number() }).optional() }).optional(),
})
type Hit = z.infer<typeof HitSchema>

const ResultSchema = z.object({
  hits: z.array(HitSchema),
  totalHits: z.number().optional(),
  estimatedTotalHits: z.number().optional(),
  facetDistribution: z.record(z.string(), z.record(z.string(), z.number())).optional(),
})
type Result = z.infer<typeof ResultSchema>
const MultiSearchResponseSchema = z.object({ results: z.array(ResultSchema) })

const SuggestHitSchema = HitSchema.pick({
  slug: true,
  nameVi: true,
  nameEn: true,
  certStars: true,
  certIssuedDay: true,
  certExpiresDay: true,
  _rankingScore: true,
})
const SuggestResponseSchema = z.object({ hits: z.array(SuggestHitSchema) })

/** The facet dimensions counted per value, and the document attribute each one reads. */
const VALUE_FACETS = {
  group: 'groupCode',
  subgroup: 'subgroupCode',
  region: 'regionSlug',
  province: 'provinceCode',
  village: 'villageId',
  kind: 'producerKind',
} as const
type ValueFacet = keyof typeof VALUE_FACETS
const VALUE_FACET_KEYS = Object.keys(VALUE_FACETS) as ValueFacet[]

type Filters = SearchQuery['filters']

/**
 * A string value inside a Meilisearch filter: double-quoted, with backslashes and quotes escaped,
 * so a value can never close the quote and add conditions of its own.
 */
export function filterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

function filterNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number in a search filter: ${value}`)
  return String(value)
}

/** Stars count only between the certificate's issue and expiry days, as in SQL. */
function validStarsFilter(stars: number, day: number): string {
  return `certStars >= ${filterNumber(stars)} AND certIssuedDay <= ${filterNumber(day)} AND certExpiresDay >= ${filterNumber(day)}`
}

function isActive(filters: Filters, key: FilterKey): boolean {
  if (key === 'village') return filters.villageId !== undefined
  return filters[key] !== undefined
}

/** The filter of a query as an AND-list, optionally with one dimension lifted (disjunctive facets). */
export function buildFilter(filters: Filters, today: Date, except?: FilterKey): string[] {
  const day = epochDay(today)
  const where = ['visible = true']
  const applies = (key: FilterKey) => key !== except && isActive(filters, key)
  if (applies('group') && filters.group) where.push(`groupCode = ${filterValue(filters.group)}`)
  if (applies('subgroup') && filters.subgroup) where.push(`subgroupCode = ${filterValue(filters.subgroup)}`)
  if (applies('stars') && filters.stars) where.push(validStarsFilter(filters.stars, day))
  if (applies('region') && filters.region) where.push(`regionSlug = ${filterValue(filters.region)}`)
  if (applies('province') && filters.province) where.push(`provinceCode = ${filterValue(filters.province)}`)
  if (applies('village') && filters.villageId) where.push(`villageId = ${filterValue(filters.villageId)}`)
  if (applies('kind') && filters.kind) where.push(`producerKind = ${filterValue(filters.kind)}`)
  if (applies('women')) where.push('womenLed = true')
  if (applies('instock')) where.push('stock > 0')
  if (filters.minPrice !== undefined) where.push(`priceVnd >= ${filterNumber(filters.minPrice)}`)
  if (filters.maxPrice !== undefined) where.push(`priceVnd <= ${filterNumber(filters.maxPrice)}`)
  return where
}

function starsOf(hit: Pick<Hit, 'certStars' | 'certIssuedDay' | 'certExpiresDay'>, day: number): number | null {
  if (hit.certStars === null || hit.certIssuedDay === null || hit.certExpiresDay === null) return null
  return hit.certIssuedDay <= day && hit.certExpiresDay >= day ? hit.certStars : null
}

function toSearchHit(hit: Hit, day: number, tokens: string[]): SearchHit {
  return {
    id: hit.id,
    slug: hit.slug,
    nameVi: hit.nameVi,
    nameEn: hit.nameEn,
    priceVnd: hit.priceVnd,
    unitVi: hit.unitVi,
    unitEn: hit.unitEn,
    stock: hit.stock,
    stars: starsOf(hit, day),
    producerName: hit.producerName,
    provinceVi: hit.provinceVi,
    provinceEn: hit.provinceEn,
    imageUrl: hit.imageUrl,
    imageAltVi: hit.imageAltVi,
    imageAltEn: hit.imageAltEn,
    groupCode: hit.groupCode,
    villageName: hit.villageName,
    villageSlug: hit.villageSlug,
    highlightVi: highlight(hit.nameVi, tokens),
    highlightEn: highlight(hit.nameEn, tokens),
  }
}

/**
 * Meilisearch folds tone marks away, so "mật ong" and "mắt ong" tie. As in SQL, a name containing
 * the user's exact words (tone marks included) wins the tie. Only hits with the same ranking score
 * are reordered, and only within the page, so pages never overlap or skip a hit.
 */
export function tieBreakOnToneMarks<T extends { nameVi: string; nameEn: string; _rankingScore?: number }>(
  hits: T[],
  text: string,
): T[] {
  const exact = text.toLowerCase()
  if (!exact) return hits
  const isExact = (hit: T) => hit.nameVi.toLowerCase().includes(exact) || hit.nameEn.toLowerCase().includes(exact)
  const result: T[] = []
  let run: T[] = []
  const flush = () => {
    result.push(...run.filter(isExact), ...run.filter((hit) => !isExact(hit)))
    run = []
  }
  for (const hit of hits) {
    if (run.length > 0 && run[0]._rankingScore !== hit._rankingScore) flush()
    run.push(hit)
  }
  flush()
  return result
}

function totalOf(result: Result): number {
  return result.totalHits ?? result.estimatedTotalHits ?? 0
}

function isIndexNotFound(error: unknown): boolean {
  return error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found'
}

export function createMeilisearchSearch(options: MeilisearchSearchOptions): SearchIndex {
  const client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: 10_000 })
  const indexName = options.indexName
  let liveIndexReady: Promise<void> | null = null

  async function waitFor(enqueued: EnqueuedTask | EnqueuedTaskPromise, timeout: number): Promise<void> {
    const task = await client.tasks.waitForTask(await enqueued, { timeout, interval: 50 })
    if (task.status !== 'succeeded') {
      throw new Error(
        `Meilisearch task ${task.uid} (${task.type} on ${task.indexUid ?? '-'}) ${task.status}: ${task.error?.message ?? 'no reason given'}`,
      )
    }
  }

  async function indexExists(uid: string): Promise<boolean> {
    try {
      await client.getRawIndex(uid)
      return true
    } catch (error) {
      if (isIndexNotFound(error)) return false
      throw error
    }
  }

  /**
   * Before the first rebuild, the live index does not exist; Meilisearch would create it on the
   * first document write, without our settings (no filters, no sorting). Create it properly once.
   */
  function ensureLiveIndex(): Promise<void> {
    liveIndexReady ??= (async () => {
      if (await indexExists(indexName)) return
      // Another process may have created it a moment ago: that is fine, the settings are the same.
      await waitFor(client.createIndex(indexName, { primaryKey: PRIMARY_KEY }), SYNC_TASK_TIMEOUT_MS).catch(
        async (error: unknown) => {
          if (!(await indexExists(indexName))) throw error
        },
      )
      await waitFor(client.index(indexName).updateSettings(MEILISEARCH_SETTINGS), SYNC_TASK_TIMEOUT_MS)
    })().catch((error: unknown) => {
      liveIndexReady = null
      throw error
    })
    return liveIndexReady
  }

  async function multiSearch(queries: MultiSearchQuery[]): Promise<Result[]> {
    const response = await client.multiSearch({ queries })
    return MultiSearchResponseSchema.parse(response).results
  }

  async function searchWith(
    query: SearchQuery,
    text: string,
    tokens: string[],
    matchingStrategy: MatchingStrategies,
  ): Promise<{ hits: SearchHit[]; total: number; facets: FacetCounts; fuzzyOnly: boolean }> {
    const { filters, today, pageSize } = query
    const day = epochDay(today)
    const base = { indexUid: indexName, q: text, matchingStrategy }
    const count = (filter: string[], facets?: string[]): MultiSearchQuery => ({
      ...base,
      filter,
      facets,
      page: 1,
      hitsPerPage: 0,
    })
    const sortedByStars = query.sort === 'stars'
    const passive = VALUE_FACET_KEYS.filter((key) => !isActive(filters, key))
    const active = VALUE_FACET_KEYS.filter((key) => isActive(filters, key))

    // One request: the page with the facets of dimensions without a filter, then one count per
    // active dimension with its own filter lifted, then the women-led, in-stock and star counts.
    const queries: MultiSearchQuery[] = [
      {
        ...base,
        filter: buildFilter(filters, today),
        facets: [...passive.map((key) => VALUE_FACETS[key]), ...(filters.women ? [] : ['womenLed'])],
        sort: sortFor(query.sort, text),
        page: query.page,
        // Sorted by stars, the page itself comes from a second request (see below).
        hitsPerPage: sortedByStars ? 0 : pageSize,
        attributesToRetrieve: [...CARD_ATTRIBUTES],
        showRankingScore: true,
        ...(text ? { showRankingScoreDetails: true } : {}),
      },
      ...active.map((key) => count(buildFilter(filters, today, key), [VALUE_FACETS[key]])),
      ...(filters.women ? [count(buildFilter(filters, today, 'women'), ['womenLed'])] : []),
      ...(filters.instock ? [] : [count([...buildFilter(filters, today), 'stock > 0'])]),
      ...[3, 4, 5].map((stars) => count([...buildFilter(filters, today, 'stars'), validStarsFilter(stars, day)])),
    ]
    const results = await multiSearch(queries)
    const [main, ...rest] = results
    const total = totalOf(main)

    const facets = emptyFacets()
    for (const key of passive) facets[key] = { ...main.facetDistribution?.[VALUE_FACETS[key]] }
    active.forEach((key, i) => (facets[key] = { ...rest[i].facetDistribution?.[VALUE_FACETS[key]] }))
    let next = active.length
    const womenSource = filters.women ? rest[next++] : main
    facets.women = womenSource.facetDistribution?.womenLed?.true ?? 0
    facets.instock = filters.instock ? total : totalOf(rest[next++])
    const [s3, s4, s5] = rest.slice(next, next + 3).map(totalOf)
    facets.stars = { '3': s3, '4': s4, '5': s5 }

    let hits = main.hits
    if (sortedByStars) hits = await pageByStars(query, text, matchingStrategy, { s3, s4, s5, total })
    else if (query.sort === 'relevance' && text) hits = tieBreakOnToneMarks(hits, text)
    const fuzzyOnly = hits.length > 0 && hits.every((hit) => (hit._rankingScoreDetails?.typo?.typoCount ?? 0) > 0)
    return { hits: hits.map((hit) => toSearchHit(hit, day, tokens)), total, facets, fuzzyOnly }
  }

  /**
   * "Stars" sorts by the stars valid today, which no stored attribute holds: the result is cut into
   * segments (valid 5★, 4★, 3★, then none), each sorted newest first, whose sizes the star counts
   * already give; the page is read from the one or two segments it overlaps.
   */
  async function pageByStars(
    query: SearchQuery,
    text: string,
    matchingStrategy: MatchingStrategies,
    counts: { s3: number; s4: number; s5: number; total: number },
  ): Promise<Hit[]> {
    const day = epochDay(query.today)
    const minimum = query.filters.stars ?? 0
    const sizes = [counts.s5, counts.s4 - counts.s5, counts.s3 - counts.s4]
    const segments = [5, 4, 3].map((stars, i) => ({
      filter: `certStars = ${stars} AND certIssuedDay <= ${day} AND certExpiresDay >= ${day}`,
      size: stars >= minimum ? sizes[i] : 0,
    }))
    const starred = segments.reduce((sum, segment) => sum + segment.size, 0)
    segments.push({
      filter: `certStars IS NULL OR certIssuedDay > ${day} OR certExpiresDay < ${day}`,
      size: Math.max(0, counts.total - starred),
    })
    const from = (query.page - 1) * query.pageSize
    const to = from + query.pageSize
    const queries: MultiSearchQuery[] = []
    let start = 0
    for (const segment of segments) {
      const end = start + segment.size
      if (segment.size > 0 && end > from && start < to) {
        queries.push({
          indexUid: indexName,
          q: text,
          matchingStrategy,
          filter: [...buildFilter(query.filters, query.today), segment.filter],
          sort: ['publishedAt:desc'],
          offset: Math.max(0, from - start),
          limit: Math.min(end, to) - Math.max(start, from),
          attributesToRetrieve: [...CARD_ATTRIBUTES],
        })
      }
      start = end
    }
    if (queries.length === 0) return []
    return (await multiSearch(queries)).flatMap((result) => result.hits)
  }

  async function search(query: SearchQuery): Promise<SearchResult> {
    const { text, tokens } = normaliseQuery(query.q)
    if (!text) {
      const result = await searchWith(query, '', [], 'all')
      return { hits: result.hits, total: result.total, facets: result.facets, matchMode: 'all' }
    }
    if (tokens.length === 0) return { hits: [], total: 0, facets: emptyFacets(), matchMode: 'none' }
    // Every word first; with several words and no result, any of them (rarest words weigh most).
    const strict = await searchWith(query, text, tokens, 'all')
    if (strict.total > 0) {
      const { hits, total, facets } = strict
      return { hits, total, facets, matchMode: strict.fuzzyOnly ? 'fuzzy' : 'all' }
    }
    if (tokens.length > 1) {
      const loose = await searchWith(query, text, tokens, 'frequency')
      if (loose.total > 0) {
        const { hits, total, facets } = loose
        return { hits, total, facets, matchMode: loose.fuzzyOnly ? 'fuzzy' : 'words' }
      }
    }
    return { hits: [], total: 0, facets: emptyFacets(), matchMode: 'none' }
  }

  async function suggest(prefix: string, limit: number, today: Date): Promise<Suggestion[]> {
    const { tokens, text } = normaliseQuery(prefix)
    if (tokens.length === 0) return []
    const day = epochDay(today)
    const [response, places] = await Promise.all([
      client.index(indexName).search(text, {
        filter: ['visible = true'],
        // Every word, the last as a prefix, as the PostgreSQL adapter does.
        matchingStrategy: 'all',
        limit,
        attributesToRetrieve: ['slug', 'nameVi', 'nameEn', 'certStars', 'certIssuedDay', 'certExpiresDay'],
        showRankingScore: true,
      }),
      suggestVillagesAndProducers(tokens),
    ])
    const products = tieBreakOnToneMarks(SuggestResponseSchema.parse(response).hits, text)
    return [
      ...products.map((p) => ({
        kind: 'product' as const,
        slug: p.slug,
        label: p.nameVi,
        labelEn: p.nameEn,
        stars: starsOf(p, day),
      })),
      ...places,
    ]
  }

  async function sync(productIds: string[]): Promise<void> {
    if (productIds.length === 0) return
    await ensureLiveIndex()
    const documents = await buildSearchDocuments([...new Set(productIds)])
    const visible = documents.filter((document) => document.visible)
    const kept = new Set(visible.map((document) => document.id))
    const gone = [...new Set(productIds)].filter((id) => !kept.has(id))
    const index = client.index<SearchDocument>(indexName)
    const tasks: EnqueuedTask[] = []
    if (visible.length > 0) tasks.push(await index.addDocuments(visible, { primaryKey: PRIMARY_KEY }))
    if (gone.length > 0) tasks.push(await index.deleteDocuments(gone))
    for (const task of tasks) await waitFor(task, SYNC_TASK_TIMEOUT_MS)
  }

  async function reindex(): Promise<{ documents: number }> {
    return withSearchOutboxPaused(async () => {
      const fresh = `${indexName}_${new Date().toISOString().replace(/\D/g, '')}`
      await waitFor(client.createIndex(fresh, { primaryKey: PRIMARY_KEY }), REINDEX_TASK_TIMEOUT_MS)
      let documents = 0
      try {
        const index = client.index<SearchDocument>(fresh)
        await waitFor(index.updateSettings(MEILISEARCH_SETTINGS), REINDEX_TASK_TIMEOUT_MS)
        const tasks: EnqueuedTask[] = []
        for (let after: string | null = null; ;) {
          const ids = await visibleProductIds(after, REINDEX_BATCH)
          if (ids.length === 0) break
          const batch = (await buildSearchDocuments(ids)).filter((document) => document.visible)
          if (batch.length > 0) tasks.push(await index.addDocuments(batch, { primaryKey: PRIMARY_KEY }))
          documents += batch.length
          after = ids[ids.length - 1]
        }
        for (const task of tasks) await waitFor(task, REINDEX_TASK_TIMEOUT_MS)
        if (!(await indexExists(indexName))) {
          await waitFor(client.createIndex(indexName, { primaryKey: PRIMARY_KEY }), REINDEX_TASK_TIMEOUT_MS)
        }
        // Atomic for searches: they see the old index until the swap, the new one after.
        await waitFor(client.swapIndexes([{ indexes: [indexName, fresh], rename: false }]), REINDEX_TASK_TIMEOUT_MS)
      } catch (error) {
        await client.deleteIndex(fresh).catch(() => undefined)
        throw error
      }
      // After the swap, `fresh` holds the previous documents.
      await waitFor(client.deleteIndex(fresh), REINDEX_TASK_TIMEOUT_MS)
      liveIndexReady = Promise.resolve()
      return { documents }
    })
  }

  return { name: 'meilisearch', search, suggest, sync, reindex }
}

function sortFor(sort: SearchQuery['sort'], text: string): string[] | undefined {
  switch (sort) {
    case 'relevance':
      // Without words there is nothing to rank: newest first, as in SQL.
      return text ? undefined : ['publishedAt:desc']
    case 'newest':
    case 'stars':
      return ['publishedAt:desc']
    case 'price-asc':
      return ['priceVnd:asc']
    case 'price-desc':
      return ['priceVnd:desc']
  }
}
