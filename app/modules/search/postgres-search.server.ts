import { Prisma } from '#app/generated/prisma/client.ts'
import { getDb } from '#app/utils/db.server.ts'
import {
  emptyFacets,
  listProducts,
  type ListingResult,
  type ResolvedFilters,
  type TextMatch,
} from '../catalog/listing.server.ts'
import { completeQuery, highlight, normaliseQuery } from './query.ts'
import { suggestVillagesAndProducers } from './village-producer-suggestions.server.ts'
import { type SearchIndex, type SearchQuery, type SearchResult, type Suggestion } from './search-index.ts'

/**
 * The default search adapter: PostgreSQL's own full-text search, `unaccent` and `pg_trgm` over the
 * "CatalogEntry" rows that database triggers keep current (migration 20261128020000_search), so a
 * product saved is a product found, with nothing to synchronise.
 */
export function createPostgresSearch(): SearchIndex {
  return { name: 'postgres', search, suggest, sync, reindex }
}

function withHighlights(result: ListingResult, tokens: string[], matchMode: SearchResult['matchMode']): SearchResult {
  return {
    total: result.total,
    facets: result.facets,
    matchMode,
    hits: result.items.map((item) => ({
      ...item,
      highlightVi: highlight(item.nameVi, tokens),
      highlightEn: highlight(item.nameEn, tokens),
    })),
  }
}

async function search(query: SearchQuery): Promise<SearchResult> {
  const base: ResolvedFilters = { ...query.filters, sort: query.sort, page: query.page }
  const { text, tokens } = normaliseQuery(query.q)
  if (!text) return withHighlights(await listProducts(base, query.today, query.pageSize), [], 'all')
  const sort = query.sort
  // Strictest first: every word; then any word; then, when no word matched at all, typos.
  const modes: TextMatch['mode'][] = tokens.length > 1 ? ['all', 'words', 'fuzzy'] : ['all', 'fuzzy']
  let result: ListingResult | null = null
  let mode: TextMatch['mode'] = 'all'
  for (mode of tokens.length === 0 ? [] : modes) {
    const match: TextMatch = { tokens, phrase: tokens.join(' '), exact: text.toLowerCase(), mode }
    result = await listProducts({ ...base, sort, text: match }, query.today, query.pageSize)
    if (result.total > 0) break
  }
  if (!result || result.total === 0) {
    return { hits: [], total: 0, facets: emptyFacets(), matchMode: 'none', didYouMean: await nearestName(tokens) }
  }
  return withHighlights(result, tokens, mode)
}

/** The product name closest to the words (trigram similarity), for "did you mean". */
async function nearestName(tokens: string[]): Promise<string | null> {
  if (tokens.length === 0) return null
  const phrase = tokens.join(' ')
  const rows = await getDb().$queryRaw<{ nameVi: string }[]>`
    SELECT e."nameVi" FROM "CatalogEntry" e
    WHERE e.visible AND similarity(e."searchNames", ${phrase}) > 0.15
    ORDER BY similarity(e."searchNames", ${phrase}) DESC LIMIT 1`
  return rows[0]?.nameVi ?? null
}

async function suggest(prefix: string, limit: number, today: Date): Promise<Suggestion[]> {
  const { tokens, text } = normaliseQuery(prefix)
  if (tokens.length === 0) return []
  const db = getDb()
  const phrase = tokens.join(' ')
  // Suggestions are about names (weight A): whole words, the last one as a prefix being typed.
  const last = tokens.length - 1
  const tsquery = tokens.map((token, i) => (i === last ? `${token}:*A` : `${token}:A`)).join(' & ')
  // Folded names are [a-z0-9 ] only here, so the phrase is safe inside a regular expression.
  const wordStart = `(^| )${phrase}`
  const exact = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const day = today.toISOString().slice(0, 10)
  const [products, others] = await Promise.all([
    db.$queryRaw<{ slug: string; nameVi: string; nameEn: string; stars: number | null }[]>`
      SELECT e.slug, e."nameVi", e."nameEn",
        CASE WHEN e."certIssuedOn" <= ${day}::date AND e."certExpiresOn" >= ${day}::date THEN e."certStars" END AS stars
      FROM (
        SELECT * FROM "CatalogEntry" c
        WHERE c.visible AND c."searchVector" @@ to_tsquery('simple', ${tsquery})
        ORDER BY ts_rank(c."searchVector", to_tsquery('simple', ${tsquery})) DESC, c.slug LIMIT 50
      ) e
      ORDER BY (CASE WHEN lower(e."nameVi") LIKE ${exact} THEN 2 ELSE 0 END)
        + (CASE WHEN e."searchNames" ~ ${wordStart} THEN 1 ELSE 0 END)
        + ts_rank(e."searchVector", to_tsquery('simple', ${tsquery})) DESC, e.slug
      LIMIT ${limit}`,
    suggestVillagesAndProducers(tokens),
  ])
  const completion = products.map((p) => completeQuery(tokens, p.nameVi)).find(Boolean)
  return [
    ...(completion ? [{ kind: 'query' as const, slug: completion, label: completion, labelEn: completion }] : []),
    ...products.map((p) => ({
      kind: 'product' as const,
      slug: p.slug,
      label: p.nameVi,
      labelEn: p.nameEn,
      stars: p.stars,
    })),
    ...others,
  ]
}

async function sync(productIds: string[]): Promise<void> {
  if (productIds.length === 0) return
  await getDb().$executeRaw`SELECT refresh_catalog_entries(${productIds}::text[])`
}

async function reindex(): Promise<{ documents: number }> {
  const db = getDb()
  await db.$executeRaw(Prisma.sql`SELECT refresh_catalog_entries(ARRAY(SELECT id FROM "Product"))`)
  return { documents: await db.catalogEntry.count() }
}
