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
  /** all: every word (the last as a prefix); words: any word (as a prefix); fuzzy: trigram similarity. */
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

/**
 * Stars count only while the certificate is valid on `today` (expired or revoked: none). This and
 * the text helpers below read "CatalogEntry" as `e`; the export catalogue reuses them.
 */
export function validStars(today: Date) {
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

export function textCondition(text: TextMatch): Prisma.Sql {
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
export function relevance(text: TextMatch): Prisma.Sql {
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
    + 2 * power((${inName})::float / ${text.tokens.length}, 2)`
  if (text.mode === 'fuzzy') return Prisma.sql`${tiers} + word_similarity(${text.phrase}, e."searchText")`
  return Prisma.sql`${tiers} + ts_rank(e."searchVector", ${tsQuery(text)})`
}

/** Conditions that always apply: visibility, the words, price range, producer scoping. */
function baseConditions(filters: ResolvedFilters): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`e.visible`]
  if (filters.text) where.push(textCondition(filters.text))
  if (filters.minPrice !== undefined) where.push(Prisma.sql`e."priceVnd" >= ${filters.minPrice}`)
  if (filters.maxPrice !== undefined) where.push(Prisma.sql`e."priceVnd" <= ${filters.maxPrice}`)
  if (filters.producerId) where.push(Prisma.sql`e."producerId" = ${filters.producerId}`)
  if (filters.excludeProductId) where.push(Prisma.sql`e."productId" <> ${filters.excludeProductId}`)
  return where
}

/** The active facet filters, each with its condition (facet counts lift one at a time). */
function facetConditions(filters: ResolvedFilters, today: Date): { key: FilterKey; sql: Prisma.Sql }[] {
  const active: { key: FilterKey; sql: Prisma.Sql }[] = []
  const add = (key: FilterKey, sql: Prisma.Sql) => active.push({ key, sql })
  if (filters.group) add('group', Prisma.sql`e."groupCode" = ${filters.group}`)
  if (filters.subgroup) add('subgroup', Prisma.sql`e."subgroupCode" = ${filters.subgroup}`)
  if (filters.stars) add('stars', Prisma.sql`COALESCE(${validStars(today)} >= ${filters.stars}, false)`)
  if (filters.region) add('region', Prisma.sql`e."regionSlug" = ${filters.region}`)
  if (filters.province) add('province', Prisma.sql`e."provinceCode" = ${filters.province}`)
  if (filters.villageId) add('village', Prisma.sql`COALESCE(e."villageId" = ${filters.villageId}, false)`)
  if (filters.kind) add('kind', Prisma.sql`e."producerKind" = ${filters.kind}::"ProducerKind"`)
  if (filters.women) add('women', Prisma.sql`e."womenLed"`)
  if (filters.instock) add('instock', Prisma.sql`e.stock > 0`)
  return active
}

function conditions(filters: ResolvedFilters, today: Date): Prisma.Sql[] {
  return [...baseConditions(filters), ...facetConditions(filters, today).map((c) => c.sql)]
}

function whereClause(filters: ResolvedFilters, today: Date) {
  return Prisma.sql`FROM "CatalogEntry" e WHERE ${Prisma.join(conditions(filters, today), ' AND ')}`
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

const GROUPED_DIMENSIONS = {
  group: Prisma.sql`e."groupCode"`,
  subgroup: Prisma.sql`e."subgroupCode"`,
  region: Prisma.sql`e."regionSlug"`,
  province: Prisma.sql`e."provinceCode"`,
  village: Prisma.sql`e."villageId"`,
  kind: Prisma.sql`e."producerKind"::text`,
} as const
type GroupedDimension = keyof typeof GROUPED_DIMENSIONS

type FacetRow = {
  dim: GroupedDimension | null
  key: string | null
  /** Rows passing every filter. */
  n0: number
  /** Per active filter (in facetConditions order): rows failing that filter only. */
  per: number[]
  s3: number
  s4: number
  s5: number
  women: number
  instock: number
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

/**
 * Every facet count in one scan. Each row gets a bit mask of the active filters it fails; rows
 * failing none count everywhere, rows failing exactly one count only for that filter's own facet
 * (disjunctive facets: "what would I get if I changed this filter"), rows failing more count
 * nowhere and are dropped before grouping.
 */
async function facetCounts(filters: ResolvedFilters, today: Date): Promise<{ facets: FacetCounts; total: number }> {
  const active = facetConditions(filters, today)
  const bit = (key: FilterKey) => {
    const i = active.findIndex((c) => c.key === key)
    return i === -1 ? 0 : 1 << i
  }
  const mask = active.length
    ? Prisma.join(
        active.map((c, i) => Prisma.sql`(CASE WHEN ${c.sql} THEN 0 ELSE ${1 << i} END)`),
        ' + ',
      )
    : Prisma.sql`0`
  const per = active.length
    ? Prisma.sql`ARRAY[${Prisma.join(
        active.map((_, i) => Prisma.sql`count(*) FILTER (WHERE m = ${1 << i})::int`),
        ', ',
      )}]`
    : Prisma.sql`ARRAY[]::int[]`
  const dims = Object.keys(GROUPED_DIMENSIONS) as GroupedDimension[]
  const label = Prisma.join(
    dims.map((d) => Prisma.sql`WHEN GROUPING(${GROUPED_DIMENSIONS[d]}) = 0 THEN ${d}::text`),
    ' ',
  )
  const key = Prisma.join(
    dims.map((d) => Prisma.sql`WHEN GROUPING(${GROUPED_DIMENSIONS[d]}) = 0 THEN ${GROUPED_DIMENSIONS[d]}`),
    ' ',
  )
  const sets = Prisma.join(
    dims.map((d) => Prisma.sql`(${GROUPED_DIMENSIONS[d]})`),
    ', ',
  )
  const [starsBit, womenBit, instockBit] = [bit('stars'), bit('women'), bit('instock')]
  const rows = await getDb().$queryRaw<FacetRow[]>`
    SELECT CASE ${label} END AS dim, CASE ${key} END AS key,
      count(*) FILTER (WHERE m = 0)::int AS n0, ${per} AS per,
      count(*) FILTER (WHERE st >= 3 AND m IN (0, ${starsBit}))::int AS s3,
      count(*) FILTER (WHERE st >= 4 AND m IN (0, ${starsBit}))::int AS s4,
      count(*) FILTER (WHERE st >= 5 AND m IN (0, ${starsBit}))::int AS s5,
      count(*) FILTER (WHERE w AND m IN (0, ${womenBit}))::int AS women,
      count(*) FILTER (WHERE ins AND m IN (0, ${instockBit}))::int AS instock
    FROM (
      SELECT e."groupCode", e."subgroupCode", e."regionSlug", e."provinceCode", e."villageId", e."producerKind",
        ${validStars(today)} AS st, e."womenLed" AS w, e.stock > 0 AS ins, (${mask}) AS m
      FROM "CatalogEntry" e WHERE ${Prisma.join(baseConditions(filters), ' AND ')}
    ) e
    WHERE (m & (m - 1)) = 0
    GROUP BY GROUPING SETS (${sets}, ())`

  const facets = emptyFacets()
  let total = 0
  for (const row of rows) {
    if (row.dim === null) {
      total = row.n0
      facets.stars = { '3': row.s3, '4': row.s4, '5': row.s5 }
      facets.women = row.women
      facets.instock = row.instock
      continue
    }
    if (row.key === null) continue
    const own = active.findIndex((c) => c.key === row.dim)
    const n = row.n0 + (own === -1 ? 0 : (row.per[own] ?? 0))
    if (n > 0) facets[row.dim][row.key] = n
  }
  return { facets, total }
}

export async function listProducts(
  filters: ResolvedFilters,
  today: Date,
  pageSize: number = PAGE_SIZE,
): Promise<ListingResult> {
  const [items, { facets, total }] = await Promise.all([
    findProductCards(filters, today, pageSize, (filters.page - 1) * pageSize),
    facetCounts(filters, today),
  ])
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
