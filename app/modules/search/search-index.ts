/**
 * The search port. Two adapters implement it and pass the same contract tests
 * (search-contract.test-suite.ts): PostgreSQL (default, no extra service) and Meilisearch
 * (when MEILI_HOST is set). The storefront, the JSON API and autocomplete only see this interface.
 */
import type { FacetCounts, ListingCard } from '../catalog/listing.server.ts'
import type { ListingFilters } from '../catalog/listing-filters.ts'

/** Longest query we look at; the rest is cut (and the page says so). */
export const MAX_QUERY_LENGTH = 100

export type SearchSort = ListingFilters['sort'] | 'relevance'

export type SearchQuery = {
  /** The user's words, already normalised by normaliseQuery (NFC, trimmed, cut). Empty: browse. */
  q: string
  filters: Omit<ListingFilters, 'sort' | 'page' | 'village' | 'q'> & { villageId?: string }
  sort: SearchSort
  page: number
  pageSize: number
  /** "Today" for certificate validity (stars count only while valid). */
  today: Date
}

export type SearchHit = ListingCard & {
  /** Name with matches wrapped as «…» markers the UI turns into <mark>. */
  highlightVi: string
  highlightEn: string
  groupCode: string
  villageName: string | null
  villageSlug: string | null
}

export type SearchResult = {
  hits: SearchHit[]
  total: number
  facets: FacetCounts
  /** How the query matched: exact words, or only by typo tolerance. */
  matchMode: 'all' | 'words' | 'fuzzy' | 'none'
  /** When nothing matched: the closest product name, to offer "did you mean". */
  didYouMean?: string | null
}

export type Suggestion =
  /** A completion of the words being typed: leads to the results page. */
  | { kind: 'query'; slug: string; label: string; labelEn: string }
  | { kind: 'product'; slug: string; label: string; labelEn: string; stars: number | null }
  | { kind: 'village'; slug: string; label: string; labelEn: string }
  | { kind: 'producer'; slug: string; label: string; labelEn: string }

/** A product as the search engine stores it (the Meilisearch document; PostgreSQL keeps the same fields). */
export type SearchDocument = {
  id: string
  slug: string
  visible: boolean
  nameVi: string
  nameEn: string
  descriptionVi: string
  descriptionEn: string
  producerName: string
  villageName: string | null
  villageNameEn: string | null
  villageSlug: string | null
  places: string[]
  groupCode: string
  subgroupCode: string
  groupNames: string[]
  regionSlug: string
  provinceCode: string
  villageId: string | null
  producerKind: string
  womenLed: boolean
  priceVnd: number
  stock: number
  publishedAt: number
  certStars: number | null
  /** Days since the epoch, so filters can compare with "today" as a number. */
  certIssuedDay: number | null
  certExpiresDay: number | null
  unitVi: string
  unitEn: string
  provinceVi: string
  provinceEn: string
  imageUrl: string | null
  imageAltVi: string | null
  imageAltEn: string | null
}

export interface SearchIndex {
  readonly name: 'postgres' | 'meilisearch'
  search(query: SearchQuery): Promise<SearchResult>
  suggest(prefix: string, limit: number, today: Date): Promise<Suggestion[]>
  /** Writes documents for these products (or removes them when the product is gone). */
  sync(productIds: string[]): Promise<void>
  /** Rebuilds the whole index; Meilisearch builds a new index and swaps it in. */
  reindex(): Promise<{ documents: number }>
}
