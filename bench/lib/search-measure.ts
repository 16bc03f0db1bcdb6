/**
 * The measuring half of `npm run bench:search`, run by bench/search.ts as
 * `taskset -c 0 node --import tsx bench/lib/search-measure.ts <result.json>`: calls the search port
 * (PostgreSQL adapter) and the naive ILIKE baseline in this process, on the 20k-product database in
 * DATA_DIR, whose embedded PostgreSQL it starts as its own child (so the server inherits the pinning).
 * Writes the figures as JSON for the parent to print.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { createPostgresSearch } from '#app/modules/search/postgres-search.server.ts'
import { normaliseQuery } from '#app/modules/search/query.ts'
import { RELEVANCE_CASES, passes } from '#app/modules/search/relevance-cases.ts'
import { now } from '#app/utils/clock.server.ts'
import { disconnectDb, getDb } from '#app/utils/db.server.ts'
import { openDatabase } from '../../server/database.ts'
import { allowedCpus, placement, postmasterPid } from './affinity.ts'
import { ilikeSearch, ilikeSuggest } from './search-baseline.ts'
import { autocompletePrefixes, benchQueries, type BenchQuery } from './search-queries.ts'
import {
  CONCURRENCIES,
  SEARCH_PAGE_SIZE,
  SUGGEST_LIMIT,
  WORKLOADS,
  type MeasuredPass,
  type MeasureReport,
  type Workload,
} from './search-types.ts'
import { summariseLatencies } from './stats.ts'
import { runPass } from './workload.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const DATA_DIR = path.resolve(ROOT, process.env.DATA_DIR ?? '.data/bench')
/** Every n-th query warms up a baseline (see below). */
const WARMUP_BASELINE_EVERY = 4
const log = (line: string) => console.log(`[bench] ${line}`)

async function measure(shared: boolean): Promise<MeasureReport> {
  const pmPid = postmasterPid(path.join(DATA_DIR, 'postgres'))
  // The server's processes count as ours only when we started it (they are then our descendants).
  const cpuRoots = shared && pmPid !== null ? [process.pid, pmPid] : [process.pid]
  const db = getDb()
  const index = createPostgresSearch()
  const today = now()
  const queries = benchQueries()
  const texts = queries.map((query) => normaliseQuery(query.q).text)
  const prefixes = autocompletePrefixes(queries).map((prefix) => normaliseQuery(prefix).text)

  const search = (query: BenchQuery, i: number) =>
    index.search({
      q: texts[i],
      filters: query.filters,
      sort: 'relevance',
      page: 1,
      pageSize: SEARCH_PAGE_SIZE,
      today,
    })
  // Every call also notes what it found (the last pass's answer stays; they are all the same).
  const found: MeasureReport['found'] = { search: [], baseline: [], suggestions: [], baselineSuggestions: [] }
  const calls: Record<Workload, (i: number) => Promise<void>> = {
    search: async (i) => {
      const result = await search(queries[i], i)
      found.search[i] = {
        total: result.total,
        matchMode: result.matchMode,
        top3: result.hits.slice(0, 3).map((hit) => hit.slug),
      }
    },
    'search ILIKE baseline': async (i) => {
      const result = await ilikeSearch(db, texts[i], SEARCH_PAGE_SIZE)
      found.baseline[i] = { total: result.total, top3: result.slugs.slice(0, 3) }
    },
    autocomplete: async (i) => {
      found.suggestions[i] = (await index.suggest(prefixes[i], SUGGEST_LIMIT, today)).length
    },
    'autocomplete ILIKE baseline': async (i) => {
      found.baselineSuggestions[i] = (await ilikeSuggest(db, prefixes[i], SUGGEST_LIMIT)).length
    },
  }
  const positions = queries.map((_, i) => i)

  // Warm-up: a full sequential pass of search and autocomplete (plans and cached pages differ by
  // query). Each baseline query scans the whole product table with the same plan, so every 4th
  // query warms it as well, in a quarter of the time.
  for (const workload of WORKLOADS) {
    const sample = workload.includes('ILIKE') ? positions.filter((i) => i % WARMUP_BASELINE_EVERY === 0) : positions
    log(`warm-up: ${workload}, ${sample.length} calls…`)
    await runPass(sample, 1, (i) => calls[workload](i))
  }

  const measured: MeasuredPass[] = []
  for (const concurrency of CONCURRENCIES) {
    for (const workload of WORKLOADS) {
      const pass = await runPass(positions, concurrency, calls[workload], cpuRoots)
      const latency = summariseLatencies(pass.latencies.filter(Number.isFinite))
      log(
        `${workload}, ${concurrency} client(s): ${(positions.length / pass.seconds).toFixed(0)} queries/s, ` +
          `p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms` +
          (pass.errors ? `, ${pass.errors} errors (${pass.firstError})` : ''),
      )
      measured.push({ workload, queries: positions.length, latency, ...pass })
    }
  }

  const serverPlacement = pmPid === null ? null : placement(pmPid)

  // The labelled cases are the first queries of the mix. They were written for the reference
  // catalogue; here 20,000 generated products compete with it.
  const labelled = queries.flatMap((query, i) => (query.source === 'labelled' ? [i] : []))
  const cases = labelled.map((i) => RELEVANCE_CASES.find((c) => c.q === queries[i].q && c.kind === queries[i].kind))
  const relevance = {
    cases: labelled.length,
    adapterPassed: labelled.filter((i, n) => cases[n] && passes(cases[n], found.search[i].top3)).length,
    baselinePassed: labelled.filter((i, n) => cases[n] && passes(cases[n], found.baseline[i].top3)).length,
  }

  return {
    poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 20),
    nodeAllowedCpus: allowedCpus(process.pid),
    database: { sharedWithRunningServer: shared, postmasterPid: pmPid, placement: serverPlacement },
    queries,
    prefixes,
    found,
    passes: measured,
    relevance,
  }
}

async function main() {
  const out = process.argv[2]
  if (!out) throw new Error('usage: search-measure.ts <result.json>')
  delete process.env.DATABASE_URL
  const shared = postmasterPid(path.join(DATA_DIR, 'postgres')) !== null
  const database = await openDatabase(DATA_DIR, log)
  process.env.DATABASE_URL = database.url
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await disconnectDb().catch(() => {})
    await database.stop()
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stop().finally(() => process.exit(130)))
  try {
    writeFileSync(out, JSON.stringify(await measure(shared)))
  } finally {
    await stop()
  }
}

main().catch((error: unknown) => {
  console.error('[bench] measuring failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
