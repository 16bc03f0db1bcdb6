/**
 * A small fake of the Meilisearch HTTP API, for the adapter's tests: Meilisearch cannot run on
 * these machines (../shared/STACK.md). It implements only the endpoints the adapter calls, checks
 * their request shapes strictly (a wrong shape gets Meilisearch's 400 error body), records every
 * request, and models asynchronous tasks: a write answers `enqueued`, a task becomes `processing`
 * at its first poll and finishes at the second, and its effect is visible only then, in enqueue
 * order. Tests can make tasks fail and make the server refuse connections.
 *
 * It is not a search engine: a query matches when its folded words occur as substrings of the
 * searchable attributes, results keep the requested sort (then the primary key), and there is no
 * relevance, no typo tolerance and no tokenisation. Filters are parsed with the subset of the
 * filter grammar the adapter uses, checked against the filterable attributes, and applied, so that
 * counts can be compared with PostgreSQL's. Relevance is only ever measured on a real Meilisearch.
 */
import http from 'node:http'
import { type AddressInfo } from 'node:net'
import { z } from 'zod'
import { fold } from '#app/modules/search/query.ts'
import { type SearchDocument } from '#app/modules/search/search-index.ts'

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type Doc = Record<string, Json>

export type RecordedRequest = { method: string; path: string; query: Record<string, string>; body: unknown }

type MeiliErrorBody = { message: string; code: string; type: string; link: string }

type TaskType =
  'indexCreation' | 'indexDeletion' | 'settingsUpdate' | 'documentAdditionOrUpdate' | 'documentDeletion' | 'indexSwap'

type FakeTask = {
  uid: number
  indexUid: string | null
  type: TaskType
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed'
  error: MeiliErrorBody | null
  details: Record<string, Json>
  enqueuedAt: string
  startedAt: string | null
  finishedAt: string | null
  polls: number
  forcedFailure: boolean
  /** Applies the task's effect; returns an error to fail the task. */
  apply: () => MeiliErrorBody | null
}

type FakeIndex = {
  uid: string
  primaryKey: string | null
  createdAt: string
  updatedAt: string
  settings: Settings
  documents: Map<string, Doc>
}

function meiliError(code: string, message: string, type = 'invalid_request'): MeiliErrorBody {
  return { message, code, type, link: `https://docs.meilisearch.com/errors#${code}` }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: MeiliErrorBody,
  ) {
    super(body.message)
  }
}

const IndexUidSchema = z.string().regex(/^[a-zA-Z0-9_-]{1,400}$/)

const RankingRuleSchema = z
  .string()
  .regex(/^(words|typo|proximity|attribute|attributeRank|wordPosition|sort|exactness|[A-Za-z0-9_.]+:(asc|desc))$/)

const SettingsSchema = z.strictObject({
  searchableAttributes: z.array(z.string()).optional(),
  filterableAttributes: z.array(z.string()).optional(),
  sortableAttributes: z.array(z.string()).optional(),
  rankingRules: z.array(RankingRuleSchema).optional(),
  typoTolerance: z
    .strictObject({
      enabled: z.boolean().optional(),
      minWordSizeForTypos: z
        .strictObject({ oneTypo: z.int().min(0).optional(), twoTypos: z.int().min(0).optional() })
        .refine((v) => (v.oneTypo ?? 5) <= (v.twoTypos ?? 9), 'oneTypo must be ≤ twoTypos')
        .optional(),
      disableOnNumbers: z.boolean().optional(),
      disableOnAttributes: z.array(z.string()).optional(),
      disableOnWords: z.array(z.string()).optional(),
    })
    .optional(),
  faceting: z
    .strictObject({
      maxValuesPerFacet: z.int().min(0).optional(),
      sortFacetValuesBy: z.record(z.string(), z.enum(['alpha', 'count'])).optional(),
    })
    .optional(),
  pagination: z.strictObject({ maxTotalHits: z.int().min(1) }).optional(),
  localizedAttributes: z
    .array(
      z.strictObject({
        attributePatterns: z.array(z.string().min(1)).min(1),
        // ISO 639-3 codes, as Meilisearch expects (e.g. "vie", "eng").
        locales: z.array(z.string().regex(/^[a-z]{3}$/)).min(1),
      }),
    )
    .optional(),
  searchCutoffMs: z.int().min(1).optional(),
})
type Settings = z.infer<typeof SettingsSchema>

/** The exact document shape the adapter must send (search-index.ts). */
const DocumentSchema = z.strictObject({
  id: z.string().regex(/^[a-zA-Z0-9_-]{1,511}$/),
  slug: z.string(),
  visible: z.boolean(),
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  producerName: z.string(),
  villageName: z.string().nullable(),
  villageNameEn: z.string().nullable(),
  villageSlug: z.string().nullable(),
  places: z.array(z.string()),
  groupCode: z.string(),
  subgroupCode: z.string(),
  groupNames: z.array(z.string()),
  regionSlug: z.string(),
  provinceCode: z.string(),
  villageId: z.string().nullable(),
  producerKind: z.string(),
  womenLed: z.boolean(),
  priceVnd: z.int(),
  stock: z.int(),
  publishedAt: z.number(),
  certStars: z.int().nullable(),
  certIssuedDay: z.int().nullable(),
  certExpiresDay: z.int().nullable(),
  unitVi: z.string(),
  unitEn: z.string(),
  provinceVi: z.string(),
  provinceEn: z.string(),
  imageUrl: z.string().nullable(),
  imageAltVi: z.string().nullable(),
  imageAltEn: z.string().nullable(),
}) satisfies z.ZodType<SearchDocument>

const FilterSchema = z.union([z.string(), z.array(z.union([z.string(), z.array(z.string())]))])

const SearchParamsSchema = z
  .strictObject({
    q: z.string().nullable().optional(),
    filter: FilterSchema.optional(),
    sort: z.array(z.string()).optional(),
    facets: z.array(z.string()).optional(),
    page: z.int().min(0).optional(),
    hitsPerPage: z.int().min(0).optional(),
    limit: z.int().min(0).optional(),
    offset: z.int().min(0).optional(),
    attributesToRetrieve: z.array(z.string()).optional(),
    showRankingScore: z.boolean().optional(),
    showRankingScoreDetails: z.boolean().optional(),
    matchingStrategy: z.enum(['all', 'last', 'frequency']).optional(),
  })
  .refine(
    (p) =>
      !((p.page !== undefined || p.hitsPerPage !== undefined) && (p.limit !== undefined || p.offset !== undefined)),
    'use either page/hitsPerPage or limit/offset',
  )
type SearchParams = z.infer<typeof SearchParamsSchema>

const MultiSearchSchema = z.strictObject({
  queries: z.array(z.intersection(SearchParamsSchema, z.object({ indexUid: IndexUidSchema }))).min(1),
})

const SwapSchema = z.array(z.strictObject({ indexes: z.tuple([IndexUidSchema, IndexUidSchema]), rename: z.boolean() }))

function parse<T>(schema: z.ZodType<T>, value: unknown, code: string): T {
  const result = schema.safeParse(value)
  if (!result.success) {
    const details = result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    throw new HttpError(400, meiliError(code, `Invalid request: ${details.join('; ')}`))
  }
  return result.data
}

// ───────────── Filters: the subset of the grammar the adapter uses ─────────────

type Token =
  | { kind: 'word'; value: string }
  | { kind: 'string'; value: string }
  | { kind: 'op'; value: string }
  | { kind: 'paren'; value: '(' | ')' }

type FilterNode =
  | { kind: 'and' | 'or'; children: FilterNode[] }
  | { kind: 'not'; child: FilterNode }
  | { kind: 'compare'; attribute: string; op: string; value: string }
  | { kind: 'null'; attribute: string; negated: boolean }

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IS', 'NULL', 'EMPTY', 'EXISTS', 'IN', 'TO', 'CONTAINS'])

function tokenize(input: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  const fail = (message: string): never => {
    throw new HttpError(400, meiliError('invalid_search_filter', `${message} at position ${i} in \`${input}\``))
  }
  while (i < input.length) {
    const char = input[i]
    if (/\s/.test(char)) {
      i++
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: 'paren', value: char })
      i++
    } else if (input.startsWith('>=', i) || input.startsWith('<=', i) || input.startsWith('!=', i)) {
      tokens.push({ kind: 'op', value: input.slice(i, i + 2) })
      i += 2
    } else if (char === '=' || char === '>' || char === '<') {
      tokens.push({ kind: 'op', value: char })
      i++
    } else if (char === '"' || char === "'") {
      let value = ''
      i++
      for (;;) {
        if (i >= input.length) fail('Unterminated string')
        const c = input[i]
        if (c === '\\') {
          if (i + 1 >= input.length) fail('Dangling escape')
          value += input[i + 1]
          i += 2
        } else if (c === char) {
          i++
          break
        } else {
          value += c
          i++
        }
      }
      tokens.push({ kind: 'string', value })
    } else {
      const match = /^[\p{L}\p{N}_.-]+/u.exec(input.slice(i))
      if (!match) fail(`Unexpected character \`${char}\``)
      tokens.push({ kind: 'word', value: match![0] })
      i += match![0].length
    }
  }
  return tokens
}

function parseFilterString(input: string, filterable: Set<string>): FilterNode {
  const tokens = tokenize(input)
  let at = 0
  const fail = (message: string): never => {
    throw new HttpError(400, meiliError('invalid_search_filter', `${message} in \`${input}\``))
  }
  const peekWord = (word: string) => tokens[at]?.kind === 'word' && tokens[at].value === word
  const expression = (): FilterNode => {
    const children = [conjunction()]
    while (peekWord('OR')) {
      at++
      children.push(conjunction())
    }
    return children.length === 1 ? children[0] : { kind: 'or', children }
  }
  const conjunction = (): FilterNode => {
    const children = [negation()]
    while (peekWord('AND')) {
      at++
      children.push(negation())
    }
    return children.length === 1 ? children[0] : { kind: 'and', children }
  }
  const negation = (): FilterNode => {
    if (peekWord('NOT')) {
      at++
      return { kind: 'not', child: negation() }
    }
    const token = tokens[at]
    if (token?.kind === 'paren' && token.value === '(') {
      at++
      const inner = expression()
      const close = tokens[at]
      if (close?.kind !== 'paren' || close.value !== ')') fail('Expected `)`')
      at++
      return inner
    }
    return condition()
  }
  const condition = (): FilterNode => {
    const attribute = tokens[at]
    if (!attribute || (attribute.kind !== 'word' && attribute.kind !== 'string') || KEYWORDS.has(attribute.value)) {
      return fail('Expected an attribute')
    }
    at++
    if (!filterable.has(attribute.value)) {
      throw new HttpError(
        400,
        meiliError(
          'invalid_search_filter',
          `Attribute \`${attribute.value}\` is not filterable. Available filterable attributes are: \`${[...filterable].join(', ')}\`.`,
        ),
      )
    }
    if (peekWord('IS')) {
      at++
      const negated = peekWord('NOT')
      if (negated) at++
      if (!peekWord('NULL')) fail('Expected `NULL` after `IS`')
      at++
      return { kind: 'null', attribute: attribute.value, negated }
    }
    const op = tokens[at]
    if (op?.kind !== 'op') return fail('Expected an operator')
    at++
    const value = tokens[at]
    if (
      !value ||
      value.kind === 'op' ||
      value.kind === 'paren' ||
      (value.kind === 'word' && KEYWORDS.has(value.value))
    ) {
      return fail('Expected a value')
    }
    at++
    return { kind: 'compare', attribute: attribute.value, op: op.value, value: value.value }
  }
  const node = expression()
  if (at !== tokens.length) fail('Unexpected input after the expression')
  return node
}

function parseFilter(filter: SearchParams['filter'], filterable: Set<string>): FilterNode | null {
  if (filter === undefined) return null
  if (typeof filter === 'string') return filter.trim() ? parseFilterString(filter, filterable) : null
  return {
    kind: 'and',
    children: filter.map((part) =>
      typeof part === 'string'
        ? parseFilterString(part, filterable)
        : { kind: 'or', children: part.map((p) => parseFilterString(p, filterable)) },
    ),
  }
}

function equals(field: Json | undefined, value: string): boolean {
  if (Array.isArray(field)) return field.some((item) => equals(item, value))
  if (typeof field === 'number') return value.trim() !== '' && Number(value) === field
  if (typeof field === 'boolean') return String(field) === value
  return typeof field === 'string' && field === value
}

function matches(node: FilterNode, doc: Doc): boolean {
  switch (node.kind) {
    case 'and':
      return node.children.every((child) => matches(child, doc))
    case 'or':
      return node.children.some((child) => matches(child, doc))
    case 'not':
      return !matches(node.child, doc)
    case 'null':
      return node.negated
        ? doc[node.attribute] !== null && doc[node.attribute] !== undefined
        : doc[node.attribute] === null
    case 'compare': {
      const field = doc[node.attribute]
      if (node.op === '=') return equals(field, node.value)
      if (node.op === '!=') return !equals(field, node.value)
      const value = Number(node.value)
      if (typeof field !== 'number' || Number.isNaN(value)) return false
      if (node.op === '>') return field > value
      if (node.op === '>=') return field >= value
      if (node.op === '<') return field < value
      return field <= value
    }
  }
}

function sortValue(value: Json | undefined): number | string | null {
  return typeof value === 'number' || typeof value === 'string' ? value : null
}

// ───────────── The server ─────────────

export type MeilisearchFake = {
  url: string
  apiKey: string
  /** Every request received, in order (also the rejected ones). */
  requests: RecordedRequest[]
  /** Documents of an index as searches see them (finished tasks only), in primary-key order. */
  documents(indexUid: string): Doc[]
  indexUids(): string[]
  settings(indexUid: string): Settings | undefined
  tasks(): readonly Omit<FakeTask, 'apply'>[]
  /** The next `count` tasks enqueued (of this type, if given) fail when they finish. */
  failNextTasks(count: number, type?: TaskType): void
  /** Stops accepting connections (ECONNREFUSED), as a crashed server would. */
  down(): Promise<void>
  up(): Promise<void>
  close(): Promise<void>
}

export async function startMeilisearchFake(options: { apiKey?: string } = {}): Promise<MeilisearchFake> {
  const apiKey = options.apiKey ?? 'fake-master-key'
  const indexes = new Map<string, FakeIndex>()
  const tasks: FakeTask[] = []
  const requests: RecordedRequest[] = []
  let failures: { count: number; type?: TaskType } = { count: 0 }

  const now = () => new Date().toISOString()

  function getIndex(uid: string): FakeIndex {
    const index = indexes.get(uid)
    if (!index) throw new HttpError(404, meiliError('index_not_found', `Index \`${uid}\` not found.`))
    return index
  }

  function createIndex(uid: string, primaryKey: string | null): FakeIndex {
    const index: FakeIndex = {
      uid,
      primaryKey,
      createdAt: now(),
      updatedAt: now(),
      settings: {},
      documents: new Map(),
    }
    indexes.set(uid, index)
    return index
  }

  function enqueue(indexUid: string | null, type: TaskType, apply: FakeTask['apply'], details = {}) {
    const forcedFailure = failures.count > 0 && (!failures.type || failures.type === type)
    if (forcedFailure) failures = { ...failures, count: failures.count - 1 }
    const task: FakeTask = {
      uid: tasks.length,
      indexUid,
      type,
      status: 'enqueued',
      error: null,
      details,
      enqueuedAt: now(),
      startedAt: null,
      finishedAt: null,
      polls: 0,
      forcedFailure,
      apply,
    }
    tasks.push(task)
    return { taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: task.enqueuedAt }
  }

  /** Finishes this task and every earlier one still pending, in order, as Meilisearch's queue does. */
  function finishUpTo(uid: number) {
    for (const task of tasks) {
      if (task.uid > uid) break
      if (task.status === 'succeeded' || task.status === 'failed') continue
      task.startedAt ??= now()
      const error = task.forcedFailure ? meiliError('internal', 'Injected failure (fake)', 'internal') : task.apply()
      task.status = error ? 'failed' : 'succeeded'
      task.error = error
      task.finishedAt = now()
    }
  }

  function taskView(task: FakeTask) {
    return {
      uid: task.uid,
      batchUid: task.status === 'enqueued' ? null : task.uid,
      indexUid: task.indexUid,
      status: task.status,
      type: task.type,
      canceledBy: null,
      details: task.details,
      error: task.error,
      duration: task.finishedAt ? 'PT0.001S' : null,
      enqueuedAt: task.enqueuedAt,
      startedAt: task.startedAt,
      finishedAt: task.finishedAt,
    }
  }

  function search(params: SearchParams, indexUid: string) {
    const index = getIndex(indexUid)
    const filterable = new Set(index.settings.filterableAttributes ?? [])
    const sortable = new Set(index.settings.sortableAttributes ?? [])
    const filter = parseFilter(params.filter, filterable)
    for (const facet of params.facets ?? []) {
      if (!filterable.has(facet)) {
        throw new HttpError(400, meiliError('invalid_search_facets', `Attribute \`${facet}\` is not filterable.`))
      }
    }
    const sort = (params.sort ?? []).map((rule) => {
      const match = /^([A-Za-z0-9_.]+):(asc|desc)$/.exec(rule)
      if (!match) throw new HttpError(400, meiliError('invalid_search_sort', `Invalid sort rule \`${rule}\`.`))
      if (!sortable.has(match[1])) {
        throw new HttpError(400, meiliError('invalid_search_sort', `Attribute \`${match[1]}\` is not sortable.`))
      }
      return { attribute: match[1], direction: match[2] === 'asc' ? 1 : -1 }
    })
    const searchable = index.settings.searchableAttributes ?? ['*']
    const tokens = fold(params.q ?? '').match(/[a-z0-9]+/g) ?? []
    const strategy = params.matchingStrategy ?? 'last'
    const primaryKey = index.primaryKey ?? 'id'

    const found = [...index.documents.values()].filter((doc) => {
      if (filter && !matches(filter, doc)) return false
      if (tokens.length === 0) return true
      const text = fold(
        Object.entries(doc)
          .filter(([key]) => searchable.includes('*') || searchable.includes(key))
          .map(([, value]) => (Array.isArray(value) ? value.join(' ') : String(value ?? '')))
          .join(' '),
      )
      return strategy === 'all' ? tokens.every((t) => text.includes(t)) : tokens.some((t) => text.includes(t))
    })
    found.sort((a, b) => {
      for (const { attribute, direction } of sort) {
        const x = sortValue(a[attribute])
        const y = sortValue(b[attribute])
        // Documents without a value come last, whatever the direction (as in Meilisearch).
        if (x === null || y === null) {
          if (x === y) continue
          return x === null ? 1 : -1
        }
        if (x < y) return -direction
        if (x > y) return direction
      }
      return String(a[primaryKey]) < String(b[primaryKey]) ? -1 : 1
    })

    const maxValues = index.settings.faceting?.maxValuesPerFacet ?? 100
    const facetDistribution: Record<string, Record<string, number>> = {}
    for (const facet of params.facets ?? []) {
      const counts = new Map<string, number>()
      for (const doc of found) {
        const value = doc[facet]
        for (const item of Array.isArray(value) ? value : [value]) {
          if (item === null || item === undefined) continue
          counts.set(String(item), (counts.get(String(item)) ?? 0) + 1)
        }
      }
      facetDistribution[facet] = Object.fromEntries(
        [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxValues),
      )
    }

    const retrieve = params.attributesToRetrieve ?? ['*']
    const present = (doc: Doc) => {
      const hit: Record<string, Json> = retrieve.includes('*')
        ? { ...doc }
        : Object.fromEntries(Object.entries(doc).filter(([key]) => retrieve.includes(key)))
      const extra: Record<string, Json> = {}
      if (params.showRankingScore) extra._rankingScore = 1
      if (params.showRankingScoreDetails) {
        extra._rankingScoreDetails = { typo: { order: 0, typoCount: 0, maxTypoCount: 0, score: 1 } }
      }
      return { ...hit, ...extra }
    }
    const common = {
      query: params.q ?? '',
      processingTimeMs: 0,
      ...(params.facets ? { facetDistribution, facetStats: {} } : {}),
    }
    if (params.page !== undefined || params.hitsPerPage !== undefined) {
      const page = params.page ?? 1
      const hitsPerPage = params.hitsPerPage ?? 20
      const start = Math.max(0, (page - 1) * hitsPerPage)
      return {
        ...common,
        hits: page === 0 ? [] : found.slice(start, start + hitsPerPage).map(present),
        page,
        hitsPerPage,
        totalHits: found.length,
        totalPages: hitsPerPage === 0 ? 0 : Math.ceil(found.length / hitsPerPage),
      }
    }
    const offset = params.offset ?? 0
    const limit = params.limit ?? 20
    return {
      ...common,
      hits: found.slice(offset, offset + limit).map(present),
      offset,
      limit,
      estimatedTotalHits: found.length,
    }
  }

  function route(method: string, path: string, query: URLSearchParams, body: unknown): [number, unknown] {
    let match: RegExpExecArray | null
    if (method === 'POST' && path === '/indexes') {
      const { uid, primaryKey } = parse(
        z.strictObject({ uid: IndexUidSchema, primaryKey: z.string().optional() }),
        body,
        'invalid_index_uid',
      )
      return [
        202,
        enqueue(uid, 'indexCreation', () =>
          indexes.has(uid)
            ? meiliError('index_already_exists', `Index \`${uid}\` already exists.`)
            : (createIndex(uid, primaryKey ?? null), null),
        ),
      ]
    }
    if ((match = /^\/indexes\/([^/]+)$/.exec(path))) {
      const uid = parse(IndexUidSchema, decodeURIComponent(match[1]), 'invalid_index_uid')
      if (method === 'GET') {
        const index = getIndex(uid)
        return [200, { uid, primaryKey: index.primaryKey, createdAt: index.createdAt, updatedAt: index.updatedAt }]
      }
      if (method === 'DELETE') {
        return [
          202,
          enqueue(uid, 'indexDeletion', () =>
            indexes.delete(uid) ? null : meiliError('index_not_found', `Index \`${uid}\` not found.`),
          ),
        ]
      }
    }
    if ((match = /^\/indexes\/([^/]+)\/settings$/.exec(path)) && method === 'PATCH') {
      const uid = parse(IndexUidSchema, decodeURIComponent(match[1]), 'invalid_index_uid')
      const settings = parse(SettingsSchema, body, 'bad_request')
      return [
        202,
        enqueue(uid, 'settingsUpdate', () => {
          const index = indexes.get(uid) ?? createIndex(uid, null)
          index.settings = { ...index.settings, ...settings }
          index.updatedAt = now()
          return null
        }),
      ]
    }
    if ((match = /^\/indexes\/([^/]+)\/documents$/.exec(path)) && method === 'POST') {
      const uid = parse(IndexUidSchema, decodeURIComponent(match[1]), 'invalid_index_uid')
      const primaryKeyParam = query.get('primaryKey')
      const documents = parse(z.array(DocumentSchema), body, 'malformed_payload')
      return [
        202,
        enqueue(
          uid,
          'documentAdditionOrUpdate',
          () => {
            const index = indexes.get(uid) ?? createIndex(uid, primaryKeyParam)
            if (primaryKeyParam && index.primaryKey && primaryKeyParam !== index.primaryKey) {
              return meiliError('index_primary_key_already_exists', `Index \`${uid}\` already has a primary key.`)
            }
            index.primaryKey ??= primaryKeyParam ?? 'id'
            const key = index.primaryKey
            for (const document of documents) index.documents.set(String(document[key as 'id']), document as Doc)
            return null
          },
          { receivedDocuments: documents.length, indexedDocuments: documents.length },
        ),
      ]
    }
    if ((match = /^\/indexes\/([^/]+)\/documents\/delete-batch$/.exec(path)) && method === 'POST') {
      const uid = parse(IndexUidSchema, decodeURIComponent(match[1]), 'invalid_index_uid')
      const ids = parse(z.array(z.union([z.string(), z.number()])).min(1), body, 'invalid_document_ids')
      return [
        202,
        enqueue(
          uid,
          'documentDeletion',
          () => {
            const index = indexes.get(uid)
            if (!index) return meiliError('index_not_found', `Index \`${uid}\` not found.`)
            for (const id of ids) index.documents.delete(String(id))
            return null
          },
          { providedIds: ids.length },
        ),
      ]
    }
    if (method === 'POST' && path === '/swap-indexes') {
      const swaps = parse(SwapSchema, body, 'invalid_swap_indexes')
      const seen = swaps.flatMap((swap) => swap.indexes)
      if (new Set(seen).size !== seen.length) {
        throw new HttpError(400, meiliError('invalid_swap_duplicate_index_found', 'An index appears twice.'))
      }
      return [
        202,
        enqueue(null, 'indexSwap', () => {
          for (const { indexes: pair, rename } of swaps) {
            const [a, b] = pair.map((uid) => indexes.get(uid))
            if (!a || !b) {
              if (rename) return meiliError('invalid_request', 'rename is not supported by the fake')
              return meiliError('index_not_found', `Indexes \`${pair.join('`, `')}\` not found.`)
            }
            indexes.set(a.uid, { ...b, uid: a.uid, updatedAt: now() })
            indexes.set(b.uid, { ...a, uid: b.uid, updatedAt: now() })
          }
          return null
        }),
      ]
    }
    if ((match = /^\/tasks\/([^/]+)$/.exec(path)) && method === 'GET') {
      const uid = Number(match[1])
      if (!Number.isInteger(uid)) throw new HttpError(400, meiliError('invalid_task_uids', 'Invalid task uid.'))
      const task = tasks[uid]
      if (!task) throw new HttpError(404, meiliError('task_not_found', `Task \`${uid}\` not found.`))
      task.polls++
      if (task.status === 'enqueued') {
        task.status = 'processing'
        task.startedAt = now()
      } else if (task.status === 'processing') finishUpTo(uid)
      return [200, taskView(task)]
    }
    if ((match = /^\/indexes\/([^/]+)\/search$/.exec(path)) && method === 'POST') {
      const uid = parse(IndexUidSchema, decodeURIComponent(match[1]), 'invalid_index_uid')
      return [200, search(parse(SearchParamsSchema, body, 'bad_request'), uid)]
    }
    if (method === 'POST' && path === '/multi-search') {
      const { queries } = parse(MultiSearchSchema, body, 'bad_request')
      return [200, { results: queries.map(({ indexUid, ...params }) => ({ indexUid, ...search(params, indexUid) })) }]
    }
    throw new HttpError(404, meiliError('not_found', `No route for ${method} ${path} in the fake.`))
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake')
      const raw = Buffer.concat(chunks).toString('utf8')
      let body: unknown = undefined
      let status: number
      let answer: unknown
      try {
        if (raw) {
          try {
            body = JSON.parse(raw)
          } catch {
            throw new HttpError(400, meiliError('malformed_payload', 'The body is not valid JSON.'))
          }
        }
        requests.push({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          body,
        })
        const auth = req.headers.authorization
        if (!auth) throw new HttpError(401, meiliError('missing_authorization_header', 'Missing key.', 'auth'))
        if (auth !== `Bearer ${apiKey}`) throw new HttpError(403, meiliError('invalid_api_key', 'Invalid key.', 'auth'))
        if (raw && !String(req.headers['content-type']).startsWith('application/json')) {
          throw new HttpError(415, meiliError('invalid_content_type', 'Expected application/json.'))
        }
        ;[status, answer] = route(req.method ?? 'GET', url.pathname, url.searchParams, body)
      } catch (error) {
        // A bug in the fake answers 500 rather than crashing the test run.
        status = error instanceof HttpError ? error.status : 500
        answer = error instanceof HttpError ? error.body : meiliError('internal', String(error), 'internal')
      }
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(answer))
    })
  })

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })

  await listen(0)
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    documents: (uid) => {
      const index = indexes.get(uid)
      return index ? [...index.documents.values()].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1)) : []
    },
    indexUids: () => [...indexes.keys()].sort(),
    settings: (uid) => indexes.get(uid)?.settings,
    tasks: () => tasks.map(({ apply: _apply, ...task }) => task),
    failNextTasks: (count, type) => {
      failures = { count, type }
    },
    down: stop,
    up: () => listen(port),
    close: stop,
  }
}
