/**
 * `npm run bench`: the whole set in one run on the 20k-product catalogue (docs/BENCHMARKS.md, "The
 * whole set"). Prints one results table, the JS/CSS sizes from the build manifest and a Lighthouse
 * table, saves the raw figures to `.data/bench/results/all-<time>.json`. Never fails on figures.
 *
 * 1. Seeds `.data/bench` to ≥ 20,000 products if needed (timed and printed).
 * 2. Starts the production app pinned to CPU 0 (its embedded PostgreSQL is its child: same core).
 * 3. Prepares, untimed: the pages' bodies for the static baseline, product slugs from the sitemap,
 *    uncached listing URLs, stock topped up on the products carts use, guest carts.
 * 4. Starts the static baseline on CPU 0 and drives every target from autocannon on CPU 1:
 *    20 connections, WARMUP_SECONDS warm-up (discarded) + MEASURE_SECONDS measured.
 * 5. Lighthouse (mobile, median of LIGHTHOUSE_RUNS) on home, listing and a product page with the app
 *    idle, Chromium on CPU 1.
 * 6. Add to cart, then place order (each checkout post once; the carts' checkout keys are read from
 *    their checkout pages before the run).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { OCOP_GROUPS } from '#app/modules/catalog/ocop-groups.ts'
import { pageAssets, totals, type PageAssets } from './lib/assets.ts'
import { ensureBenchCatalogue, machineLines } from './lib/catalogue.ts'
import {
  addToCartRequests,
  communesOf,
  countOrders,
  createCarts,
  PLACED_STATUS,
  placeOrderRequests,
  productIdsOf,
  startStockTicker,
  topUpStock,
} from './lib/flows.ts'
import { fetchBytes } from './lib/http.ts'
import { runLighthouse, type LighthousePage } from './lib/lighthouse.ts'
import { BROWSER_HEADERS, runLoad, stopLoadWorkers } from './lib/load.ts'
import { type LoadJob, type LoadRequest, type LoadResult } from './lib/load-types.ts'
import { manifestPageAssets, readBuildManifest, type ManifestPageAssets } from './lib/manifest.ts'
import { cleanUpOnSignals, detectPinning, freePort, stopService, type Pinning, type Service } from './lib/processes.ts'
import { kb, markdownTable, ms, percent, rate } from './lib/report.ts'
import { autocompletePrefixes, benchQueries } from './lib/search-queries.ts'
import { ensureBuild, processId, startApp, startStatic } from './lib/servers.ts'
import {
  evenlySpaced,
  filterCombinations,
  listingPath,
  shuffled,
  sitemapPaths,
  uncachedListingPaths,
} from './lib/urls.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const DATA_DIR = path.join(ROOT, '.data/bench')
const CLIENT_DIR = path.join(ROOT, 'build/client')
const TARGET_PRODUCTS = 20_000
const CONNECTIONS = 20
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2)
const MEASURE_SECONDS = Number(process.env.BENCH_MEASURE_SECONDS ?? 6)
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)
const FIRST_PORT = 3400
const RESERVED_PORTS = [3000, 3210]
const PRODUCT_SLUGS = 1000
const FILTERED_COMBINATIONS = 24
const UNCACHED_PAGES_PER_COMBINATION = 8
const CART_PRODUCTS = 100
const CARTS = Number(process.env.BENCH_CARTS ?? 300)
const HOT_PRODUCTS = 50
/** After the last write, in-flight requests finish before orders are counted and the app stops. */
const SETTLE_MS = 3_000
/** The listing row repeated while a product's stock changes this often (as orders do). */
const STOCK_CHANGE_MS = 1_000
const STOCK = 1_000_000
const PROVINCE = '01'
const AIM_LCP_MS = 1500
const AIM_SCORE = 90

const log = (line: string) => console.log(`[bench] ${line}`)
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1)

type Server = { origin: string; pid: number }
type Baseline = { plain: string; gzip: string } | { none: string }

type Target = {
  label: string
  server: Server
  job: Pick<LoadJob, 'paths' | 'requests' | 'once' | 'okStatuses' | 'countHeader'>
  baseline?: Baseline
}
type Measured = Target & { result: LoadResult }

// ───────────── Preparing ─────────────

type Prepared = {
  bodies: Record<'home' | 'listing' | 'product' | 'search' | 'suggest', Buffer>
  productPaths: string[]
  filteredPaths: string[]
  uncachedPaths: string[]
  searchPaths: string[]
  suggestPaths: string[]
}

function filteredListingPaths(groups: string[], regions: string[]): string[] {
  const combinations = evenlySpaced(filterCombinations(groups, regions), FILTERED_COMBINATIONS)
  const paths = combinations.flatMap((filters) => [
    listingPath(filters, 'newest', 1),
    listingPath(filters, 'price-asc', 1),
    listingPath(filters, 'newest', 2),
  ])
  return shuffled(paths, 20261129)
}

async function prepare(origin: string): Promise<Prepared> {
  const started = performance.now()
  const sitemap = (await fetchBytes(`${origin}/sitemap.xml`)).toString('utf8')
  const productPaths = shuffled(evenlySpaced(sitemapPaths(sitemap, '/products/'), PRODUCT_SLUGS), 7)
  if (productPaths.length === 0) throw new Error('no product URLs in /sitemap.xml')
  const regions = sitemapPaths(sitemap, '/regions/').map((p) => p.slice('/regions/'.length))
  const groups = OCOP_GROUPS.map((group) => group.code)
  const queries = benchQueries()
  const searchPaths = queries.map(
    (q) => `/products?${new URLSearchParams({ q: q.q })}${q.filterLabel ? `&${q.filterLabel}` : ''}`,
  )
  const suggestPaths = autocompletePrefixes(queries).map(
    (prefix) => `/api/search/suggest?${new URLSearchParams({ q: prefix, lang: 'vi' })}`,
  )
  const uncached = await uncachedListingPaths(origin, groups, regions, UNCACHED_PAGES_PER_COMBINATION)
  const bodies = {
    home: await fetchBytes(`${origin}/`),
    listing: await fetchBytes(`${origin}/products`),
    product: await fetchBytes(`${origin}${productPaths[0]}`),
    search: await fetchBytes(`${origin}${searchPaths[0]}`),
    suggest: await fetchBytes(`${origin}${suggestPaths[0]}`),
  }
  log(
    `prepared in ${seconds(started)} s: ${productPaths.length} product slugs, ${uncached.paths.length} uncached listing URLs ` +
      `(${uncached.combinations} filter combinations), ${searchPaths.length} searches, ${suggestPaths.length} prefixes; ` +
      Object.entries(bodies)
        .map(([name, body]) => `${name} ${kb(body.length)} KB`)
        .join(', '),
  )
  return {
    bodies,
    productPaths,
    filteredPaths: filteredListingPaths(groups, regions),
    uncachedPaths: uncached.paths,
    searchPaths,
    suggestPaths,
  }
}

// ───────────── Targets ─────────────

function staticRows(statics: Server, prepared: Prepared): { rows: Target[]; baselines: Record<string, Baseline> } {
  const rows: Target[] = []
  const baselines: Record<string, Baseline> = {}
  for (const [name, body] of Object.entries(prepared.bodies)) {
    const label = `static ${kb(body.length)} KB (${name} size)`
    const baseline = { plain: `${label}, plain`, gzip: `${label}, gzip` }
    rows.push({ label: baseline.plain, server: statics, job: { paths: [`/plain/${name}`] } })
    rows.push({ label: baseline.gzip, server: statics, job: { paths: [`/gzip/${name}`] } })
    baselines[name] = baseline
  }
  return { rows, baselines }
}

function getRows(app: Server, prepared: Prepared, baselines: Record<string, Baseline>): Target[] {
  const cached = (paths: string[]) => ({ paths, countHeader: 'x-page-cache' })
  return [
    { label: 'home /', server: app, job: cached(['/']), baseline: baselines.home },
    {
      label: `listing with filters (${prepared.filteredPaths.length} URLs)`,
      server: app,
      job: cached(prepared.filteredPaths),
      baseline: baselines.listing,
    },
    {
      label: `listing uncached (${prepared.uncachedPaths.length} URLs)`,
      server: app,
      job: cached(prepared.uncachedPaths),
      baseline: baselines.listing,
    },
    {
      label: `product page (${prepared.productPaths.length} products)`,
      server: app,
      job: cached(prepared.productPaths),
      baseline: baselines.product,
    },
    {
      label: `product page, hot (${HOT_PRODUCTS} products)`,
      server: app,
      job: cached(prepared.productPaths.slice(0, HOT_PRODUCTS)),
      baseline: baselines.product,
    },
    {
      label: `search /products?q= (${prepared.searchPaths.length} queries)`,
      server: app,
      job: cached(prepared.searchPaths),
      baseline: baselines.search,
    },
    {
      label: `autocomplete /api/search/suggest (${prepared.suggestPaths.length} prefixes)`,
      server: app,
      job: cached(prepared.suggestPaths),
      baseline: baselines.suggest,
    },
  ]
}

// ───────────── Measuring ─────────────

async function measure(target: Target, pinning: Pinning, workDir: string): Promise<Measured> {
  log(`load: ${target.label}…`)
  const result = await runLoad(
    {
      origin: target.server.origin,
      serverPid: target.server.pid,
      connections: CONNECTIONS,
      warmupSeconds: WARMUP_SECONDS,
      measureSeconds: MEASURE_SECONDS,
      headers: BROWSER_HEADERS,
      ...target.job,
    },
    pinning?.client ?? null,
    workDir,
  )
  const hits = hitShare(result)
  log(
    `  ${rate(result.requestsPerSecond)} req/s, p50 ${ms(result.latency.p50)} ms, p99 ${ms(result.latency.p99)} ms` +
      (Number.isFinite(hits) ? `, page cache hits ${percent(hits)}` : '') +
      (result.non2xx ? `, failed ${JSON.stringify(result.failedStatuses)}` : '') +
      (result.exhausted ? ', RAN OUT of prepared requests' : ''),
  )
  return { ...target, result }
}

function hitShare(result: LoadResult): number {
  const counts = result.headerCounts
  if (!counts) return Number.NaN
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
  return total ? (100 * (counts.hit ?? 0)) / total : Number.NaN
}

// ───────────── Reporting ─────────────

function ratio(row: Measured, all: Measured[], label: string): number {
  const base = all.find((m) => m.label === label)
  return base ? (100 * row.result.requestsPerSecond) / base.result.requestsPerSecond : Number.NaN
}

function ratioCells(row: Measured, all: Measured[]): [string, string] {
  if (!row.baseline) return ['baseline', 'baseline']
  if ('none' in row.baseline) return [row.baseline.none, row.baseline.none]
  return [percent(ratio(row, all, row.baseline.plain)), percent(ratio(row, all, row.baseline.gzip))]
}

function resultsTable(all: Measured[]): string {
  return markdownTable(
    [
      { title: 'target', align: 'left' },
      { title: 'req/s', align: 'right' },
      { title: 'p50 ms', align: 'right' },
      { title: 'p95 ms', align: 'right' },
      { title: 'p99 ms', align: 'right' },
      { title: 'vs static plain', align: 'right' },
      { title: 'vs static gzip', align: 'right' },
      { title: 'KB/resp', align: 'right' },
      { title: 'page cache hits', align: 'right' },
      { title: 'server CPU ms/resp', align: 'right' },
      { title: 'load gen CPU', align: 'right' },
      { title: 'failed', align: 'right' },
    ],
    all.map((row) => [
      row.label,
      rate(row.result.requestsPerSecond),
      ms(row.result.latency.p50),
      ms(row.result.latency.p95),
      ms(row.result.latency.p99),
      ...ratioCells(row, all),
      kb(row.result.bytesPerResponse),
      Number.isFinite(hitShare(row.result)) ? percent(hitShare(row.result)) : '–',
      Number.isFinite(row.result.serverCpuMsPerResponse) ? row.result.serverCpuMsPerResponse.toFixed(2) : '–',
      percent(row.result.clientCpu),
      String(row.result.non2xx + row.result.errors + row.result.timeouts),
    ]),
  )
}

type AssetRow = { page: string; path: string; manifest: ManifestPageAssets; html: PageAssets }

function assetsTable(rows: AssetRow[]): string {
  return markdownTable(
    [
      { title: 'page', align: 'left' },
      { title: 'JS gzipped', align: 'right' },
      { title: 'JS raw', align: 'right' },
      { title: 'JS files', align: 'right' },
      { title: 'CSS gzipped', align: 'right' },
      { title: 'CSS raw', align: 'right' },
      { title: 'HTML check: JS gz / files', align: 'right' },
      { title: 'same files?', align: 'left' },
    ],
    rows.map(({ page, manifest, html }) => {
      const js = totals(manifest.js)
      const css = totals(manifest.css)
      const htmlJs = totals(html.js)
      const same =
        JSON.stringify([...manifest.js, ...manifest.css].map((f) => f.url).sort()) ===
        JSON.stringify([...html.js, ...html.css].map((f) => f.url).sort())
      return [
        page,
        `${kb(js.gzipBytes)} KB`,
        `${kb(js.bytes)} KB`,
        String(manifest.js.length),
        `${kb(css.gzipBytes)} KB`,
        `${kb(css.bytes)} KB`,
        `${kb(htmlJs.gzipBytes)} KB / ${html.js.length}`,
        same ? 'yes' : 'no (see JSON)',
      ]
    }),
  )
}

function lighthouseTable(pages: LighthousePage[]): string {
  return markdownTable(
    [
      { title: 'page', align: 'left' },
      { title: 'runs', align: 'right' },
      { title: 'score', align: 'right' },
      { title: 'LCP ms', align: 'right' },
      { title: 'FCP ms', align: 'right' },
      { title: 'CLS', align: 'right' },
      { title: 'TBT ms', align: 'right' },
      { title: 'scores of the runs', align: 'left' },
      { title: 'LCP of the runs', align: 'left' },
    ],
    pages.map((page) => [
      page.label,
      String(page.runs.length),
      String(page.median.score),
      page.median.lcpMs.toFixed(0),
      page.median.fcpMs.toFixed(0),
      page.median.cls.toFixed(3),
      page.median.tbtMs.toFixed(0),
      page.runs.map((r) => r.score).join(', '),
      page.runs.map((r) => r.lcpMs.toFixed(0)).join(', '),
    ]),
  )
}

function lighthouseLines(pages: LighthousePage[]): string[] {
  return pages.flatMap((page) => {
    const m = page.median
    const aims =
      `LCP ${m.lcpMs.toFixed(0)} ms (aim ≤ ${AIM_LCP_MS}: ${m.lcpMs <= AIM_LCP_MS ? 'met' : 'NOT met'}), ` +
      `score ${m.score} (aim ≥ ${AIM_SCORE}: ${m.score >= AIM_SCORE ? 'met' : 'NOT met'})`
    const findings = Object.entries(m.findings).map(([id, value]) => `${id}: ${value}`)
    return [
      `  ${page.label} (${page.url}): ${aims}`,
      ...(findings.length ? [`    flagged: ${findings.join('; ')}`] : []),
    ]
  })
}

// ───────────── Main ─────────────

/** 1-minute load average every 5 s while the benchmark runs. */
function sampleLoad(): { stop: () => number[] } {
  const samples: number[] = [os.loadavg()[0]]
  const timer = setInterval(() => samples.push(os.loadavg()[0]), 5_000)
  return {
    stop: () => {
      clearInterval(timer)
      samples.push(os.loadavg()[0])
      return samples
    },
  }
}

async function run(pinning: Pinning, services: Service[], workDir: string, runStarted: number) {
  const appPort = await freePort(FIRST_PORT, RESERVED_PORTS)
  let started = performance.now()
  const app = await startApp(appPort, pinning, DATA_DIR)
  services.push(app)
  log(`app up in ${seconds(started)} s on port ${appPort}`)
  const origin = `http://127.0.0.1:${appPort}`
  const appServer = { origin, pid: processId(app) }

  // Stock first: the UPDATE empties the caches, which the preparation then fills again.
  started = performance.now()
  const sitemap = (await fetchBytes(`${origin}/sitemap.xml`)).toString('utf8')
  const cartProductPaths = evenlySpaced(sitemapPaths(sitemap, '/products/'), CART_PRODUCTS)
  const cartProducts = await productIdsOf(origin, cartProductPaths)
  const toppedUp = await topUpStock(DATA_DIR, cartProducts, STOCK)
  log(`stock: ${cartProducts.length} products for carts, ${toppedUp} topped up to ${STOCK} (${seconds(started)} s)`)

  const prepared = await prepare(origin)
  const files: Record<string, string> = {}
  for (const [name, body] of Object.entries(prepared.bodies)) {
    files[name] = path.join(workDir, `${name}.body`)
    writeFileSync(files[name], body)
  }
  const staticPort = await freePort(appPort + 1, RESERVED_PORTS)
  const staticService = await startStatic(staticPort, pinning, DATA_DIR, files)
  services.push(staticService)
  const statics = { origin: `http://127.0.0.1:${staticPort}`, pid: processId(staticService) }

  started = performance.now()
  const cookies = await createCarts(origin, cartProducts, CARTS)
  log(`carts: ${cookies.length} guest carts created (${seconds(started)} s)`)

  const { rows: staticTargets, baselines } = staticRows(statics, prepared)
  const measured: Measured[] = []
  const getTargets = getRows(appServer, prepared, baselines)
  for (const target of [...staticTargets, ...getTargets]) measured.push(await measure(target, pinning, workDir))

  // The filtered listing again while one product's stock changes every second, as orders change it:
  // each change empties the page and catalogue caches.
  const stopTicker = await startStockTicker(DATA_DIR, cartProducts[0], STOCK_CHANGE_MS)
  const duringOrders = await measure(
    { ...getTargets[1], label: `${getTargets[1].label}, 1 stock change/s` },
    pinning,
    workDir,
  ).finally(async () => log(`  stock changes during that row: ${await stopTicker()}`))
  measured.push(duringOrders)

  // Lighthouse with the app idle, each page fetched twice first (a page-cache hit, as under load).
  const lighthousePages = [
    { label: 'home', url: `${origin}/` },
    { label: 'listing', url: `${origin}/products` },
    { label: 'product', url: `${origin}${prepared.productPaths[0]}` },
  ]
  started = performance.now()
  for (const page of lighthousePages) for (let i = 0; i < 2; i++) await fetchBytes(page.url)
  log(`lighthouse: ${LIGHTHOUSE_RUNS} run(s) per page, mobile profile…`)
  let lighthouse: LighthousePage[] = []
  try {
    // Unpinned: the app is idle now, and Chromium's browser, renderer and network processes squeezed
    // onto the load generator's one core made each main-thread task several times longer (TBT
    // 1.6–2.4 s pinned against 0.2–0.8 s unpinned on the same build).
    lighthouse = await runLighthouse(lighthousePages, LIGHTHOUSE_RUNS, null, log)
  } catch (error) {
    log(`lighthouse failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  log(`lighthouse took ${seconds(started)} s`)

  // Writes: add to cart over the prepared carts, then one checkout post per cart.
  const notComparable = { none: 'n/a' }
  const addRequests = addToCartRequests(origin, cookies, cartProducts, 5_000)
  measured.push(
    await measure(
      {
        label: 'add to cart POST /cart.data',
        server: appServer,
        job: { paths: [], requests: addRequests },
        baseline: notComparable,
      },
      pinning,
      workDir,
    ),
  )
  started = performance.now()
  const communes = await communesOf(origin, PROVINCE)
  const orderRequests: LoadRequest[] = await placeOrderRequests(origin, cookies, PROVINCE, communes)
  log(`checkout: ${orderRequests.length} checkout keys read from the carts' checkout pages (${seconds(started)} s)`)
  const ordersBefore = await countOrders(DATA_DIR)
  const placed = await measure(
    {
      label: 'place order POST /checkout (COD)',
      server: appServer,
      job: { paths: [], requests: orderRequests, once: true, okStatuses: [PLACED_STATUS] },
      baseline: notComparable,
    },
    pinning,
    workDir,
  )
  measured.push(placed)
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
  const ordersAfter = await countOrders(DATA_DIR)
  log(`orders in the database: ${ordersBefore} → ${ordersAfter} (+${ordersAfter - ordersBefore})`)

  // JS and CSS per page from the build manifest, cross-checked with what the HTML links.
  const { manifest, linkedCss } = readBuildManifest(path.join(ROOT, 'build/server/index.js'))
  const assetRows: AssetRow[] = [
    { page: 'home', path: '/', body: prepared.bodies.home },
    { page: 'listing', path: '/products', body: prepared.bodies.listing },
    { page: 'product', path: prepared.productPaths[0], body: prepared.bodies.product },
  ].map(({ page, path: pathname, body }) => ({
    page,
    path: pathname,
    manifest: manifestPageAssets(manifest, linkedCss, pathname, CLIENT_DIR),
    html: pageAssets(body.toString('utf8'), CLIENT_DIR),
  }))

  return {
    measured,
    assetRows,
    lighthouse,
    orders: { before: ordersBefore, after: ordersAfter },
    runSeconds: (performance.now() - runStarted) / 1000,
  }
}

function print(report: Awaited<ReturnType<typeof run>>, loadSamples: number[], seedSeconds: number | null) {
  const out = (...lines: string[]) => lines.forEach((line) => console.log(line))
  const mean = loadSamples.reduce((s, n) => s + n, 0) / loadSamples.length
  out(
    '',
    `Windows: ${WARMUP_SECONDS} s warm-up + ${MEASURE_SECONDS} s measured per target, ${CONNECTIONS} connections. ` +
      `Latencies: nearest rank over every successful response (2xx; 302 for place order). req/s = successes ÷ duration. ` +
      `"vs static" = req/s ÷ req/s of the static file of the same size (plain / gzip per request). ` +
      `KB = 1024 bytes. "page cache hits" = share of responses with X-Page-Cache: hit. POST rows: n/a (they write ` +
      `to the database; a static file does not).`,
    '',
    resultsTable(report.measured),
    '',
    `place order: ${report.orders.after - report.orders.before} orders placed (database count), ` +
      `${report.measured.at(-1)?.result.exhausted ? 'RAN OUT of prepared carts before the end' : 'prepared carts sufficed'}`,
    '',
    'JavaScript and CSS per page from the build manifest (entry + matched routes’ modules and imports; CSS from the ' +
      'manifest plus stylesheets linked from links()) and the page’s language chunk, gzipped at zlib’s default level; ' +
      'HTML check = bench/lib/assets.ts on the rendered page (its modulepreload links: without the language chunk, ' +
      'which entry.client.tsx imports before hydrating):',
    '',
    assetsTable(report.assetRows),
    '',
    `Lighthouse ${report.lighthouse[0]?.runs.length ?? 0} run(s) per page, mobile profile (simulated slow 4G, 4× CPU), app idle, Chromium unpinned, medians:`,
    '',
    report.lighthouse.length ? lighthouseTable(report.lighthouse) : '(Lighthouse did not run)',
    ...lighthouseLines(report.lighthouse),
    '',
    `load average (1 min) during the run: mean ${mean.toFixed(2)}, max ${Math.max(...loadSamples).toFixed(2)} ` +
      `(${loadSamples.length} samples, every 5 s)`,
    seedSeconds === null ? 'catalogue: already seeded' : `catalogue: seeded in ${seedSeconds.toFixed(1)} s`,
    `whole run: ${report.runSeconds.toFixed(1)} s (${(report.runSeconds / 60).toFixed(1)} min)`,
  )
}

async function main() {
  const runStarted = performance.now()
  process.chdir(ROOT)
  delete process.env.DATABASE_URL
  const pinning = detectPinning()
  for (const line of machineLines()) log(line)
  log(
    pinning
      ? `pinning: app (with its PostgreSQL) and static baseline on CPU ${pinning.server}; load generator on CPU ${pinning.client}; Chromium (Lighthouse, app idle) unpinned`
      : 'pinning: taskset unavailable or fewer than 2 CPUs — everything runs UNPINNED',
  )
  const loadSampler = sampleLoad()
  await ensureBuild(log)
  const seedStarted = performance.now()
  const before = await ensureBenchCatalogue(DATA_DIR, TARGET_PRODUCTS, log)
  const seedSeconds = before >= TARGET_PRODUCTS ? null : (performance.now() - seedStarted) / 1000

  const services: Service[] = []
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ocop-bench-all-'))
  const cleanUp = async () => {
    stopLoadWorkers()
    for (const service of [...services].reverse()) await stopService(service)
    rmSync(workDir, { recursive: true, force: true })
  }
  cleanUpOnSignals(cleanUp, log)
  try {
    const report = await run(pinning, services, workDir, runStarted)
    const loadSamples = loadSampler.stop()
    print(report, loadSamples, seedSeconds)
    const dir = path.join(DATA_DIR, 'results')
    mkdirSync(dir, { recursive: true })
    const file = path.join(dir, `all-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
    writeFileSync(
      file,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: machineLines(),
          pinning,
          windows: { warmupSeconds: WARMUP_SECONDS, measureSeconds: MEASURE_SECONDS, connections: CONNECTIONS },
          loadSamples,
          seedSeconds,
          ...report,
          measured: report.measured.map((m) => ({ ...m, job: { ...m.job, requests: m.job.requests?.length } })),
        },
        null,
        2,
      ),
    )
    log(`raw figures saved to ${path.relative(ROOT, file)}`)
  } finally {
    await cleanUp()
  }
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
