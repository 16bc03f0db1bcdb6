import { Prisma } from '#app/generated/prisma/client.ts'
import { getDb } from '#app/utils/db.server.ts'
import { PAGE_SIZE, type FilterKey, type ListingFilters, type ProducerKindCode } from './listing-filters.ts'

/**
 * The product listing: one filtered page plus facet counts, in SQL over the trigger-maintained
 * "CatalogEntry" read model (one row per product, no joins). Facets are disjunctive: the
 * counts of a dimension are computed with every other filter applied but not its own, so a shopper
 * sees what each alternative would give. Stars count only certificates valid on `today`.
 */
export type ListingCard = {
  id: string
  slug: string
  nameVi: string
  nameEn: string
  priceVnd: number
  unitVi: string
  unitEn: string
  stock: number
  stars: number | null
  producerName: string
  provinceVi: string
  provinceEn: string
  imageUrl: string | null
  imageAltVi: string | null
  imageAltEn: string | null
  groupCode: string
  villageName: string | null
  villageSlug: string | null
}

export type FacetCounts = {
  group: Record<string, number>
  subgroup: Record<string, number>
  stars: Record<'3' | '4' | '5', number>
  region: Record<string, number>
  province: Record<string, number>
  village: Record<string, number>
  kind: Record<string, number>
  women: number
  instock: number
}

export type ListingResult = {
  items: ListingCard[]
  total: number
  page: number
  pageCount: number
  facets: FacetCounts
}

/**
 * A text query as the SQL sees it (built by the search module): folded tokens, the folded phrase,
 * the user's own lower-cased words (with tone marks) and how strictly to match them.
 */
export type TextMatch = {
  tokens: string[]
  phrase: string
  exact: string
  /** all: every word (as a prefix); words: any word; fuzzy: typo-tolerant trigram similarity. */
  mode: 'all' | 'words' | 'fuzzy'
}

export type ListingSortOrRelevance = ListingFilters['sort'] | 'relevance'

/** Filter values resolved to database keys (village slug → id). */
export type ResolvedFilters = Omit<ListingFilters, 'village' | 'sort'> & {
  sort: ListingSortOrRelevance
  text?: TextMatch
  villageId?: string
  /** Used by producer pages and "more from this producer" (not URL filters). */
  producerId?: string
  excludeProductId?: string
}

/** Stars count only while the certificate is valid on `today` (expired or revoked: none). */
function validStars(today: Date) {
  const day = today.toISOString().slice(0, 10)
  return Prisma.sql`(CASE WHEN e."certIssuedOn" <= ${day}::date AND e."certExpiresOn" >= ${day}::date THEN e."certStars" END)`
}

function tsQuery(text: TextMatch) {
  // Tokens are [a-z0-9]+ only (search/query.ts), so this cannot be tsquery syntax from the user.
  // Every word must match: the words typed before the last as whole words, the last one (maybe
  // still being typed) as a prefix. Matching every word as a prefix made "son ma" match two thirds
  // of the catalogue ("song", "sonh"…). When that finds nothing, any word matches, as a prefix.
  const last = text.tokens.length - 1
  const query =
    text.mode === 'all'
      ? text.tokens.map((token, i) => (i === last ? `${token}:*` : token)).join(' & ')
      : text.tokens.map((token) => `${token}:*`).join(' | ')
  return Prisma.sql`to_tsquery('simple', ${query})`
}

function textCondition(text: TextMatch): Prisma.Sql {
  if (text.mode === 'fuzzy') return Prisma.sql`${text.phrase} <% e."searchText"`
  return Prisma.sql`e."searchVector" @@ ${tsQuery(text)}`
}

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Relevance: the user's exact words (tone marks included) in a name first, then the whole phrase
 * without tone marks, then how many of the words are in the name (whole words count more than
 * prefixes), then words scattered over the document (names weigh most). Typo matches rank by
 * trigram similarity; they are only searched when nothing else matched. See ADR 7.
 */
function relevance(text: TextMatch): Prisma.Sql {
  // Whole words, not substrings: "tra" is "Trà" (tea), not the "tra" inside "trai" or "trang".
  const exact = `(^|[^[:alnum:]])${escapeRegex(text.exact)}($|[^[:alnum:]])`
  const phrase = `(^| )${text.phrase}( |$)`
  // Tokens are [a-z0-9]+, safe inside a regular expression.
  const inName = Prisma.join(
    text.tokens.map(
      (token) => Prisma.sql`(CASE WHEN e."searchNames" ~ ${`(^| )${token}( |$)`} THEN 1
        WHEN e."searchNames" ~ ${`(^| )${token}`} THEN 0.5 ELSE 0 END)`,
    ),
    ' + ',
  )
  // A phrase of several words found together elsewhere (a place: "ha dong", "gia lam") also counts.
  const phraseElsewhere =
    text.tokens.length > 1 ? Prisma.sql`+ (CASE WHEN e."searchText" ~ ${phrase} THEN 1 ELSE 0 END)` : Prisma.empty
  const tiers = Prisma.sql`(CASE WHEN lower(e."nameVi") ~ ${exact} OR lower(e."nameEn") ~ ${exact} THEN 4 ELSE 0 END)
    + (CASE WHEN e."searchNames" ~ ${phrase} THEN 2 ELSE 0 END) ${phraseElsewhere}
    + 1.5 * (${inName})::float / ${text.tokens.length}`
  if (text.mode === 'fuzzy') return Prisma.sql`${tiers} + word_similarity(${text.phrase}, e."searchText")`
  return Prisma.sql`${tiers} + ts_rank(e."searchVector", ${tsQuery(text)})`
}

function conditions(filters: ResolvedFilters, today: Date, except?: FilterKey): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`e.visible`]
  if (filters.text) where.push(textCondition(filters.text))
  const applies = (key: FilterKey) => key !== except
  if (applies('group') && filters.group) where.push(Prisma.sql`e."groupCode" = ${filters.group}`)
  if (applies('subgroup') && filters.subgroup) where.push(Prisma.sql`e."subgroupCode" = ${filters.subgroup}`)
  if (applies('stars') && filters.stars) where.push(Prisma.sql`${validStars(today)} >= ${filters.stars}`)
  if (applies('region') && filters.region) where.push(Prisma.sql`e."regionSlug" = ${filters.region}`)
  if (applies('province') && filters.province) where.push(Prisma.sql`e."provinceCode" = ${filters.province}`)
  if (applies('village') && filters.villageId) where.push(Prisma.sql`e."villageId" = ${filters.villageId}`)
  if (applies('kind') && filters.kind) where.push(Prisma.sql`e."producerKind" = ${filters.kind}::"ProducerKind"`)
  if (applies('women') && filters.women) where.push(Prisma.sql`e."womenLed"`)
  if (applies('instock') && filters.instock) where.push(Prisma.sql`e.stock > 0`)
  if (filters.minPrice !== undefined) where.push(Prisma.sql`e."priceVnd" >= ${filters.minPrice}`)
  if (filters.maxPrice !== undefined) where.push(Prisma.sql`e."priceVnd" <= ${filters.maxPrice}`)
  if (filters.producerId) where.push(Prisma.sql`e."producerId" = ${filters.producerId}`)
  if (filters.excludeProductId) where.push(Prisma.sql`e."productId" <> ${filters.excludeProductId}`)
  return where
}

function whereClause(filters: ResolvedFilters, today: Date, except?: FilterKey) {
  return Prisma.sql`FROM "CatalogEntry" e WHERE ${Prisma.join(conditions(filters, today, except), ' AND ')}`
}

function orderBy(sort: ListingSortOrRelevance, today: Date, text?: TextMatch): Prisma.Sql {
  switch (sort) {
    case 'relevance':
      if (text) return Prisma.sql`${relevance(text)} DESC, e."publishedAt" DESC, e."productId"`
      return Prisma.sql`e."publishedAt" DESC, e."productId"`
    case 'newest':
      return Prisma.sql`e."publishedAt" DESC, e."productId"`
    case 'price-asc':
      return Prisma.sql`e."priceVnd" ASC, e."productId"`
    case 'price-desc':
      return Prisma.sql`e."priceVnd" DESC, e."productId"`
    case 'stars':
      return Prisma.sql`${validStars(today)} DESC NULLS LAST, e."publishedAt" DESC, e."productId"`
  }
}

type GroupedRow = { dim: string; key: string | null; n: number }

const GROUPED_DIMENSIONS = {
  group: Prisma.sql`e."groupCode"`,
  subgroup: Prisma.sql`e."subgroupCode"`,
  region: Prisma.sql`e."regionSlug"`,
  province: Prisma.sql`e."provinceCode"`,
  village: Prisma.sql`e."villageId"`,
  kind: Prisma.sql`e."producerKind"::text`,
} as const
type GroupedDimension = keyof typeof GROUPED_DIMENSIONS

type TotalsRow = { s3: number; s4: number; s5: number; women: number; instock: number; total: number }

function totalsSelect(today: Date) {
  const stars = validStars(today)
  return Prisma.sql`
    count(*) FILTER (WHERE ${stars} >= 3)::int AS s3,
    count(*) FILTER (WHERE ${stars} >= 4)::int AS s4,
    count(*) FILTER (WHERE ${stars} >= 5)::int AS s5,
    count(*) FILTER (WHERE e."womenLed")::int AS women,
    count(*) FILTER (WHERE e.stock > 0)::int AS instock,
    count(*)::int AS total`
}

export function emptyFacets(): FacetCounts {
  return {
    group: {},
    subgroup: {},
    stars: { '3': 0, '4': 0, '5': 0 },
    region: {},
    province: {},
    village: {},
    kind: {},
    women: 0,
    instock: 0,
  }
}

function isActive(filters: ResolvedFilters, key: FilterKey): boolean {
  if (key === 'village') return filters.villageId !== undefined
  return filters[key as Exclude<FilterKey, 'village'>] !== undefined
}

export async function listProducts(
  filters: ResolvedFilters,
  today: Date,
  pageSize: number = PAGE_SIZE,
): Promise<ListingResult> {
  const db = getDb()
  const facets = emptyFacets()

  // Dimensions without an active filter share one GROUPING SETS query over the fully filtered set;
  // each active dimension gets its own query with that filter lifted.
  const dims = Object.keys(GROUPED_DIMENSIONS) as GroupedDimension[]
  const passive = dims.filter((d) => !isActive(filters, d))
  const active = dims.filter((d) => isActive(filters, d))

  const groupedQuery = (dimensions: GroupedDimension[], except?: FilterKey) => {
    if (dimensions.length === 0) return Promise.resolve([] as GroupedRow[])
    const label = Prisma.join(
      dimensions.map((d) => Prisma.sql`WHEN GROUPING(${GROUPED_DIMENSIONS[d]}) = 0 THEN ${d}::text`),
      ' ',
    )
    const key = Prisma.join(
      dimensions.map((d) => Prisma.sql`WHEN GROUPING(${GROUPED_DIMENSIONS[d]}) = 0 THEN ${GROUPED_DIMENSIONS[d]}`),
      ' ',
    )
    const sets = Prisma.join(
      dimensions.map((d) => Prisma.sql`(${GROUPED_DIMENSIONS[d]})`),
      ', ',
    )
    return db.$queryRaw<GroupedRow[]>`
      SELECT CASE ${label} END AS dim, CASE ${key} END AS key, count(*)::int AS n
      ${whereClause(filters, today, except)}
      GROUP BY GROUPING SETS (${sets})`
  }

  const totalsQuery = (except?: FilterKey) =>
    db.$queryRaw<TotalsRow[]>`SELECT ${totalsSelect(today)} ${whereClause(filters, today, except)}`.then(
      (rows) => rows[0],
    )

  const itemsQuery = findProductCards(filters, today, pageSize, (filters.page - 1) * pageSize)

  const [items, totals, passiveRows, ...activeResults] = await Promise.all([
    itemsQuery,
    totalsQuery(),
    groupedQuery(passive),
    ...active.map((d) => groupedQuery([d], d)),
    filters.stars ? totalsQuery('stars') : null,
    filters.women ? totalsQuery('women') : null,
    filters.instock ? totalsQuery('instock') : null,
  ])

  for (const row of passiveRows) if (row.dim && row.key !== null) facets[row.dim as GroupedDimension][row.key] = row.n
  active.forEach((d, i) => {
    for (const row of activeResults[i] as GroupedRow[]) if (row.key !== null) facets[d][row.key] = row.n
  })
  const [starsTotals, womenTotals, instockTotals] = activeResults.slice(active.length) as (TotalsRow | null)[]
  const starsSource = starsTotals ?? totals
  facets.stars = { '3': starsSource.s3, '4': starsSource.s4, '5': starsSource.s5 }
  facets.women = (womenTotals ?? totals).women
  facets.instock = (instockTotals ?? totals).instock

  const total = totals.total
  return {
    items,
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    facets,
  }
}

/** Product cards (as on the listing) for any filter state: home, region, village, producer pages. */
export function findProductCards(
  filters: Partial<ResolvedFilters>,
  today: Date,
  limit: number,
  offset = 0,
): Promise<ListingCard[]> {
  const state: ResolvedFilters = { sort: 'newest', page: 1, ...filters }
  const columns = Prisma.sql`e."productId" AS id, e.slug, e."nameVi", e."nameEn", e."priceVnd", e."unitVi", e."unitEn",
      e.stock, ${validStars(today)} AS stars, e."producerName", e."provinceVi", e."provinceEn",
      e."imageUrl", e."imageAltVi", e."imageAltEn", e."groupCode", e."villageName", e."villageSlug"`
  if (state.sort === 'relevance' && state.text && state.text.mode !== 'fuzzy') {
    // Ranking by the relevance tiers (regular expressions) costs per row: rank every match by the
    // cheap ts_rank first (names weigh most there too), then order only the best few hundred.
    const window = offset + limit + RERANK_WINDOW
    return getDb().$queryRaw<ListingCard[]>`
      SELECT ${columns} FROM (
        SELECT e.* ${whereClause(state, today)}
        ORDER BY ts_rank(e."searchVector", ${tsQuery(state.text)}) DESC, e."productId" LIMIT ${window}
      ) e
      ORDER BY ${orderBy(state.sort, today, state.text)}
      LIMIT ${limit} OFFSET ${offset}`
  }
  return getDb().$queryRaw<ListingCard[]>`
    SELECT ${columns}
    ${whereClause(state, today)}
    ORDER BY ${orderBy(state.sort, today, state.text)}
    LIMIT ${limit} OFFSET ${offset}`
}

const RERANK_WINDOW = 200

export type { ProducerKindCode }
