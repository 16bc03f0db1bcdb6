/**
 * `npm run bench:search`: the search port (PostgreSQL adapter) on the 20k-product catalogue, against
 * a naive ILIKE scan measured in the same run, and the time from a producer's edit to the product
 * being findable by its new words (docs/BENCHMARKS.md). Prints figures; never fails on them.
 *
 * 1. Seeds `.data/bench` to ≥ 20,000 products if needed.
 * 2. Runs bench/lib/search-measure.ts under `taskset -c 0`: it starts the embedded PostgreSQL as its
 *    child (so the database shares CPU 0) and calls `search()` / `suggest()` and the baseline in
 *    process for 200 mixed queries, one warm-up pass, then 1 and 20 calls in flight.
 * 3. Starts the production app on CPU 0, moves itself to CPU 1, renames 20 products through Prisma and
 *    polls `GET /api/search` every 10 ms until each is found; restores the names.
 */
import { readFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { disconnectDb, getDb } from '#app/utils/db.server.ts'
import { openDatabase } from '../server/database.ts'
import { describePlacement, pinProcess, placement, postmasterPid } from './lib/affinity.ts'
import { benchEnv, ensureBenchCatalogue, machineLines } from './lib/catalogue.ts'
import {
  cleanUpOnSignals,
  detectPinning,
  freePort,
  pinnedCommand,
  runToCompletion,
  startService,
  stopService,
  waitForHttp,
  type Pinning,
  type Service,
} from './lib/processes.ts'
import { markdownTable, ms, percent, rate, type Column } from './lib/report.ts'
import { queryMix } from './lib/search-queries.ts'
import { type MeasuredPass, type MeasureReport, type Workload } from './lib/search-types.ts'
import { summariseLatencies, type LatencySummary } from './lib/stats.ts'
import { measureTimeToFindable, POLL_MS, restoreEditedProduct, type FindableRun } from './lib/time-to-findable.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const DATA_DIR = path.join(ROOT, '.data/bench')
const TARGET_PRODUCTS = 20_000
const POOL_SIZE = Math.max(20, Number(process.env.DATABASE_POOL_SIZE ?? 0) || 0)
const FINDABLE_RUNS = 20
const FIRST_PORT = 3460
const RESERVED_PORTS = [3000, 3210]
const AIM_SEARCH_P95_MS = 20
const AIM_SUGGEST_P95_MS = 10
const AIM_FINDABLE_MS = 1000

const log = (line: string) => console.log(`[bench] ${line}`)

const BASELINE_OF: Partial<Record<Workload, Workload>> = {
  search: 'search ILIKE baseline',
  autocomplete: 'autocomplete ILIKE baseline',
}

// ───────────── Reporting ─────────────

const times = (value: number) =>
  Number.isFinite(value) ? `×${value >= 10 ? value.toFixed(0) : value.toFixed(2)}` : '–'

function mixTable(report: MeasureReport): string {
  const mix = queryMix(report.queries)
  const rows = mix.map((m) => [m.kind, String(m.labelled), String(m.catalogue), String(m.labelled + m.catalogue)])
  rows.push([
    'all',
    String(mix.reduce((n, m) => n + m.labelled, 0)),
    String(mix.reduce((n, m) => n + m.catalogue, 0)),
    String(report.queries.length),
  ])
  const filtered = report.queries.filter((q) => q.filterLabel)
  return [
    markdownTable(
      [
        { title: 'kind', align: 'left' },
        { title: 'labelled cases', align: 'right' },
        { title: 'built from the catalogue', align: 'right' },
        { title: 'queries', align: 'right' },
      ],
      rows,
    ),
    `filters used: ${[...new Set(filtered.map((q) => q.filterLabel))].join(', ')}`,
  ].join('\n\n')
}

function resultsTable(passes: MeasuredPass[]): string {
  const columns: Column[] = [
    { title: 'workload', align: 'left' },
    { title: 'clients', align: 'right' },
    { title: 'queries/s', align: 'right' },
    { title: 'p50 ms', align: 'right' },
    { title: 'p95 ms', align: 'right' },
    { title: 'p99 ms', align: 'right' },
    { title: 'max ms', align: 'right' },
    { title: 'p50 vs ILIKE', align: 'right' },
    { title: 'p95 vs ILIKE', align: 'right' },
    { title: 'queries/s vs ILIKE', align: 'right' },
    { title: 'CPU ms/query', align: 'right' },
    { title: 'CPU share', align: 'right' },
    { title: 'cpu0 busy', align: 'right' },
    { title: 'errors', align: 'right' },
  ]
  const rows = passes.map((pass) => {
    const base = passes.find((p) => p.workload === BASELINE_OF[pass.workload] && p.concurrency === pass.concurrency)
    const qps = (p: MeasuredPass) => p.queries / p.seconds
    return [
      pass.workload,
      String(pass.concurrency),
      rate(qps(pass)),
      ms(pass.latency.p50),
      ms(pass.latency.p95),
      ms(pass.latency.p99),
      ms(pass.latency.max),
      base ? times(pass.latency.p50 / base.latency.p50) : 'baseline',
      base ? times(pass.latency.p95 / base.latency.p95) : 'baseline',
      base ? times(qps(pass) / qps(base)) : 'baseline',
      ((1000 * pass.cpuSeconds) / pass.queries).toFixed(1),
      percent((100 * pass.cpuSeconds) / pass.seconds),
      percent(pass.cpuBusy.cpu0 ?? Number.NaN),
      String(pass.errors),
    ]
  })
  return markdownTable(columns, rows)
}

function byKindTable(report: MeasureReport): string {
  const pass = (workload: Workload) => report.passes.find((p) => p.workload === workload && p.concurrency === 1)
  const search = pass('search')
  const baseline = pass('search ILIKE baseline')
  const suggest = pass('autocomplete')
  const kinds = [...new Set(report.queries.map((q) => q.kind))]
  const summary = (p: MeasuredPass | undefined, indexes: number[]): LatencySummary =>
    summariseLatencies(indexes.map((i) => p?.latencies[i] ?? Number.NaN).filter(Number.isFinite))
  const rows = kinds.map((kind) => {
    const indexes = report.queries.flatMap((q, i) => (q.kind === kind ? [i] : []))
    const s = summary(search, indexes)
    const b = summary(baseline, indexes)
    const a = summary(suggest, indexes)
    const modes = (['all', 'words', 'fuzzy', 'none'] as const)
      .map((mode) => [mode, indexes.filter((i) => report.found.search[i]?.matchMode === mode).length] as const)
      .filter(([, n]) => n > 0)
      .map(([mode, n]) => `${mode} ${n}`)
      .join(', ')
    return [
      kind,
      String(indexes.length),
      ms(s.p50),
      ms(s.p95),
      ms(s.max),
      ms(b.p50),
      ms(b.p95),
      ms(a.p50),
      ms(a.p95),
      String(indexes.filter((i) => (report.found.search[i]?.total ?? 0) > 0).length),
      String(indexes.filter((i) => (report.found.baseline[i]?.total ?? 0) > 0).length),
      modes,
    ]
  })
  return markdownTable(
    [
      { title: 'kind', align: 'left' },
      { title: 'queries', align: 'right' },
      { title: 'search p50', align: 'right' },
      { title: 'search p95', align: 'right' },
      { title: 'search max', align: 'right' },
      { title: 'ILIKE p50', align: 'right' },
      { title: 'ILIKE p95', align: 'right' },
      { title: 'autocomplete p50', align: 'right' },
      { title: 'autocomplete p95', align: 'right' },
      { title: 'found by search', align: 'right' },
      { title: 'found by ILIKE', align: 'right' },
      { title: 'search match mode', align: 'left' },
    ],
    rows,
  )
}

const MATCH_BUCKETS = [0, 100, 1000, 5000, 10000] as const

/** Search latency by how many products the query matched: the work grows with the matches. */
function byMatchesTable(report: MeasureReport): string {
  const pass = (concurrency: number) =>
    report.passes.find((p) => p.workload === 'search' && p.concurrency === concurrency)
  const rows = MATCH_BUCKETS.map((low, b) => {
    const high = MATCH_BUCKETS[b + 1] ?? Number.POSITIVE_INFINITY
    const indexes = report.found.search.flatMap((f, i) => (f.total >= low && f.total < high ? [i] : []))
    const s = summariseLatencies(indexes.map((i) => pass(1)?.latencies[i] ?? Number.NaN).filter(Number.isFinite))
    const modes = indexes.filter((i) => report.found.search[i].matchMode !== 'all').length
    return [
      Number.isFinite(high) ? `${low}–${high - 1}` : `${low} or more`,
      String(indexes.length),
      ms(s.p50),
      ms(s.p95),
      ms(s.max),
      String(modes),
    ]
  })
  const largest = Math.max(...report.found.search.map((f) => f.total))
  return [
    markdownTable(
      [
        { title: 'matching products', align: 'left' },
        { title: 'queries', align: 'right' },
        { title: 'search p50 ms', align: 'right' },
        { title: 'search p95 ms', align: 'right' },
        { title: 'search max ms', align: 'right' },
        { title: 'of which any-word or typo mode', align: 'right' },
      ],
      rows,
    ),
    `(the largest match count was ${largest} products)`,
  ].join('\n\n')
}

function slowestLines(report: MeasureReport, workload: Workload, count: number): string[] {
  const pass = report.passes.find((p) => p.workload === workload && p.concurrency === 1)
  if (!pass) return []
  const order = pass.latencies.map((_, i) => i).sort((a, b) => pass.latencies[b] - pass.latencies[a])
  return order.slice(0, count).map((i) => {
    const q = report.queries[i]
    const text = workload === 'autocomplete' ? report.prefixes[i] : q.q
    const found = report.found.search[i]
    const detail =
      workload === 'search'
        ? ` (${q.kind}${q.filterLabel ? `, ${q.filterLabel}` : ''}; ${found.matchMode} mode, ${found.total} matches)`
        : ` (${report.found.suggestions[i]} suggestions)`
    return `    ${ms(pass.latencies[i])} ms  "${text}"${detail}`
  })
}

function median(values: number[]): number {
  return summariseLatencies(values).p50
}

function qualityLines(report: MeasureReport): string[] {
  const n = report.queries.length
  const withHits = (list: { total: number }[]) => list.filter((f) => f.total > 0).length
  const totals = (list: { total: number }[]) => list.map((f) => f.total)
  const suggested = (list: number[]) => list.filter((k) => k > 0).length
  return [
    `Quality side (the ILIKE baseline does not fold diacritics, has no ranking, typo tolerance or facet counts, and ignores filters):`,
    `  queries with at least one hit: search ${withHits(report.found.search)}/${n}, ILIKE ${withHits(report.found.baseline)}/${n}; ` +
      `median matches per query: search ${median(totals(report.found.search))}, ILIKE ${median(totals(report.found.baseline))}`,
    `  prefixes with at least one suggestion: autocomplete ${suggested(report.found.suggestions)}/${n}, ILIKE ${suggested(report.found.baselineSuggestions)}/${n}`,
    `  the ${report.relevance.cases} labelled relevance cases on this 20k catalogue (top-3 rule of passes()): ` +
      `search adapter passes ${report.relevance.adapterPassed}, ILIKE baseline passes ${report.relevance.baselinePassed} ` +
      `(the labels were written for the 63-product reference catalogue: see npm run bench:relevance)`,
  ]
}

function findableTable(runs: FindableRun[]): string {
  const valid = runs.filter((r) => !r.listedBefore)
  const found = valid.flatMap((r) => (r.foundMs === null ? [] : [r.foundMs]))
  const s = summariseLatencies(found)
  const update = summariseLatencies(valid.map((r) => r.updateMs))
  const polls = summariseLatencies(valid.map((r) => r.polls))
  return markdownTable(
    [
      { title: 'edits', align: 'right' },
      { title: 'found', align: 'right' },
      { title: 'p50 ms', align: 'right' },
      { title: 'p95 ms', align: 'right' },
      { title: 'max ms', align: 'right' },
      { title: 'polls p50', align: 'right' },
      { title: 'UPDATE p50 ms', align: 'right' },
    ],
    [[String(valid.length), String(found.length), ms(s.p50), ms(s.p95), ms(s.max), String(polls.p50), ms(update.p50)]],
  )
}

function verdict(met: boolean) {
  return met ? 'met' : 'NOT met'
}

function aimLines(report: MeasureReport, runs: FindableRun[]): string[] {
  const p95 = (workload: Workload, concurrency: number) =>
    report.passes.find((p) => p.workload === workload && p.concurrency === concurrency)?.latency.p95 ?? Number.NaN
  const valid = runs.filter((r) => !r.listedBefore)
  const found = valid.flatMap((r) => (r.foundMs === null ? [] : [r.foundMs]))
  const worst = found.length ? Math.max(...found) : Number.NaN
  const allFound = valid.length > 0 && found.length === valid.length
  const line = (label: string, workload: Workload, aim: number) =>
    `  ${label} p95 ≤ ${aim} ms on one core: 1 client ${ms(p95(workload, 1))} ms (${verdict(p95(workload, 1) <= aim)}); ` +
    `20 clients ${ms(p95(workload, 20))} ms (${verdict(p95(workload, 20) <= aim)})`
  return [
    'Aims:',
    line('search', 'search', AIM_SEARCH_P95_MS),
    line('autocomplete', 'autocomplete', AIM_SUGGEST_P95_MS),
    `  findable within ${AIM_FINDABLE_MS} ms of the commit: ${found.length}/${valid.length} found, slowest ${ms(worst)} ms ` +
      `(${verdict(allFound && worst <= AIM_FINDABLE_MS)})`,
  ]
}

// ───────────── Phases ─────────────

async function measureSearch(pinning: Pinning, workDir: string): Promise<MeasureReport> {
  const out = path.join(workDir, 'measure.json')
  const script = path.join(ROOT, 'bench/lib/search-measure.ts')
  const command = pinnedCommand(pinning?.server ?? null, process.execPath, ['--import', 'tsx', script, out])
  const env = benchEnv(DATA_DIR, { DATABASE_POOL_SIZE: String(POOL_SIZE), NODE_ENV: 'production' })
  if ((await runToCompletion(command, env)) !== 0) throw new Error('measuring the search port failed')
  return JSON.parse(readFileSync(out, 'utf8')) as MeasureReport
}

async function startApp(port: number, pinning: Pinning): Promise<Service> {
  const command = pinnedCommand(pinning?.server ?? null, process.execPath, ['--import', 'tsx', 'server/start.ts'])
  const env = benchEnv(DATA_DIR, { PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' })
  const app = startService('app', command, env)
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, app, 240_000)
  return app
}

async function timeToFindable(pinning: Pinning, services: Service[]): Promise<FindableRun[]> {
  if (pinning && !pinProcess(process.pid, pinning.client)) log(`could not move this process to CPU ${pinning.client}`)
  const databaseDir = path.join(DATA_DIR, 'postgres')
  if (postmasterPid(databaseDir) !== null)
    log('WARNING: a PostgreSQL server is already running on .data/bench (another benchmark?): the app shares it')
  const port = await freePort(FIRST_PORT, RESERVED_PORTS)
  log(`time to findable: starting the app on port ${port}…`)
  const app = await startApp(port, pinning)
  services.push(app)
  const pmPid = postmasterPid(databaseDir)
  if (pmPid !== null) log(`app's PostgreSQL (pid ${pmPid}): ${describePlacement(placement(pmPid))}`)
  // The app's server is running: this shares it (and does not stop it).
  const database = await openDatabase(DATA_DIR, () => {})
  process.env.DATABASE_URL = database.url
  log(
    `renaming ${FINDABLE_RUNS} products (one at a time) and polling GET /api/search every ${POLL_MS} ms ` +
      `until each is listed${pinning ? ` (app and PostgreSQL on CPU ${pinning.server}, this process on CPU ${pinning.client})` : ''}…`,
  )
  try {
    return await measureTimeToFindable(getDb(), `http://127.0.0.1:${port}`, FINDABLE_RUNS, log)
  } finally {
    await disconnectDb()
  }
}

function saveResults(report: object): string {
  const dir = path.join(DATA_DIR, 'results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, JSON.stringify(report, null, 2))
  return path.relative(ROOT, file)
}

async function run(pinning: Pinning, services: Service[], workDir: string) {
  const report = await measureSearch(pinning, workDir)
  const server = report.database
  log(
    `measuring process: allowed CPUs ${report.nodeAllowedCpus}; its PostgreSQL (pid ${server.postmasterPid}` +
      `${server.sharedWithRunningServer ? ', ALREADY RUNNING: shared, not started under this pinning' : ', its child'}): ` +
      (server.placement ? describePlacement(server.placement) : 'not found') +
      `; connection pool ${report.poolSize}`,
  )
  const runs = await timeToFindable(pinning, services)

  const print = (...lines: string[]) => lines.forEach((line) => console.log(line))
  print(
    '',
    `Query mix (${report.queries.length} fixed queries; autocomplete gets a prefix of each: 1–3 words, the last one half typed):`,
    '',
    mixTable(report),
    '',
    `Search port called in process (search: page 1 of 24 with total and facet counts, sort relevance; autocomplete: ` +
      `suggest(prefix, 6)); after one warm-up pass; ${report.queries.length} queries per row; nearest-rank percentiles; ` +
      `"vs ILIKE" = this ÷ the baseline at the same concurrency; CPU ms/query and CPU share = the measuring process ` +
      `plus its PostgreSQL (share of one core).`,
    '',
    resultsTable(report.passes),
    '',
    'By kind of query, 1 client (ms):',
    '',
    byKindTable(report),
    '',
    'Search latency by number of matching products, 1 client:',
    '',
    byMatchesTable(report),
    '',
    'Slowest searches, 1 client:',
    ...slowestLines(report, 'search', 8),
    'Slowest autocompletes, 1 client:',
    ...slowestLines(report, 'autocomplete', 5),
    '',
    ...qualityLines(report),
    '',
    `Time to findable: ms from the UPDATE's commit (acknowledged to the client) to the first GET /api/search response ` +
      `listing the product, polling every ${POLL_MS} ms:`,
    '',
    findableTable(runs),
    '',
    ...aimLines(report, runs),
    '',
  )
  log(`raw figures saved to ${saveResults({ date: new Date().toISOString(), pinning, report, runs })}`)
}

async function main() {
  process.chdir(ROOT)
  // Only the bench database: never a server named by the caller's shell.
  delete process.env.DATABASE_URL
  const pinning = detectPinning()
  for (const line of machineLines()) log(line)
  log(
    pinning
      ? `pinning: the measuring process and its PostgreSQL on CPU ${pinning.server} (taskset -c ${pinning.server}); ` +
          `for time to findable the app and its PostgreSQL on CPU ${pinning.server}, this poller on CPU ${pinning.client}`
      : 'pinning: taskset unavailable or fewer than 2 CPUs — everything runs UNPINNED',
  )
  await ensureBenchCatalogue(DATA_DIR, TARGET_PRODUCTS, log)

  const services: Service[] = []
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ocop-bench-search-'))
  const cleanUp = async () => {
    if (process.env.DATABASE_URL) await restoreEditedProduct(getDb()).catch(() => {})
    await disconnectDb().catch(() => {})
    for (const service of [...services].reverse()) await stopService(service)
    rmSync(workDir, { recursive: true, force: true })
  }
  cleanUpOnSignals(cleanUp, log)
  try {
    await run(pinning, services, workDir)
  } finally {
    await cleanUp()
  }
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
