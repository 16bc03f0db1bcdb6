/**
 * `npm run bench:pages`: listing and product pages under load against a static file of the same size
 * served by Node in the same run, on the 20k-product catalogue (docs/BENCHMARKS.md). Prints figures;
 * never fails on them.
 *
 * Builds if needed, seeds `.data/bench` to ≥ 20,000 products if needed, starts the production server
 * and a static baseline server on CPU 0, and drives each target from a load generator on CPU 1:
 * 3 s warm-up, then 10 s measured, 20 connections, `accept-encoding: gzip`.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { OCOP_GROUPS } from '#app/modules/catalog/ocop-groups.ts'
import { pageAssets, totals, type AssetFile, type PageAssets } from './lib/assets.ts'
import { ensureBenchCatalogue } from './lib/catalogue.ts'
import { BROWSER_HEADERS, runLoad, stopLoadWorkers } from './lib/load.ts'
import { type LoadResult } from './lib/load-types.ts'
import { cleanUpOnSignals, detectPinning, freePort, stopService, type Pinning, type Service } from './lib/processes.ts'
import { kb, markdownTable, ms, percent, rate } from './lib/report.ts'
import { fetchBytes } from './lib/http.ts'
import { ensureBuild, processId, startApp, startStatic } from './lib/servers.ts'
import { evenlySpaced, lastPage, SHOPPER_SORTS, sitemapPaths, uncachedListingPaths } from './lib/urls.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const DATA_DIR = path.join(ROOT, '.data/bench')
const CLIENT_DIR = path.join(ROOT, 'build/client')
const TARGET_PRODUCTS = 20_000
const CONNECTIONS = 20
const WARMUP_SECONDS = 3
const MEASURE_SECONDS = 10
const FIRST_PORT = 3400
const RESERVED_PORTS = [3000, 3210]
const PRODUCT_SAMPLE = 200
const PAGES_PER_COMBINATION = 8
const FILTERED_PATH = '/products?group=thu-cong-my-nghe&stars=4&sort=price-asc'
const AIM_RATIO = 25
const AIM_P99_MS = 50
const AIM_PRODUCT_JS_KB = 100
const CLIENT_BOUND_PERCENT = 80

const log = (line: string) => console.log(`[bench] ${line}`)

/** A server under test: where it listens and its process (for its CPU use). */
type Server = { origin: string; pid: number }

type Target = {
  label: string
  server: Server
  paths: string[]
  /** Labels of the static targets of the same size this page is compared with. */
  baseline?: { plain: string; gzip: string }
}

type Measured = Target & { result: LoadResult }

type Prepared = {
  listingHtml: Buffer
  productHtml: Buffer
  productPaths: string[]
  uncachedPaths: string[]
  combinations: number
}

// ───────────── Environment ─────────────

function commandOutput(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : ''
}

function describeMachine(pinning: Pinning): string[] {
  const model = /Model name:\s*(.+)/.exec(commandOutput('lscpu', []))?.[1] ?? os.cpus()[0]?.model ?? 'unknown'
  return [
    `date: ${new Date().toISOString()}`,
    `machine: nproc ${commandOutput('nproc', []) || os.availableParallelism()}, ${model}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}`,
    `load average before the run: ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} (other processes share this machine unpinned)`,
    `node ${process.version}; ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${MEASURE_SECONDS} s measured per target`,
    pinning
      ? `pinning: servers (app with its embedded PostgreSQL, static baseline) on CPU ${pinning.server}, load generator on CPU ${pinning.client}`
      : 'pinning: taskset unavailable or fewer than 2 CPUs — everything runs UNPINNED',
  ]
}

// ───────────── Build and database ─────────────

// ───────────── What to request ─────────────

async function prepare(origin: string): Promise<Prepared> {
  const listingHtml = await fetchBytes(`${origin}/products`)
  const sitemap = (await fetchBytes(`${origin}/sitemap.xml`)).toString('utf8')
  const productPaths = evenlySpaced(sitemapPaths(sitemap, '/products/'), PRODUCT_SAMPLE)
  if (productPaths.length === 0) throw new Error('no product URLs in /sitemap.xml')
  const productHtml = await fetchBytes(`${origin}${productPaths[0]}`)
  const regions = sitemapPaths(sitemap, '/regions/').map((p) => p.slice('/regions/'.length))
  const uncached = await uncachedListingPaths(
    origin,
    OCOP_GROUPS.map((group) => group.code),
    regions,
    PAGES_PER_COMBINATION,
  )
  log(
    `listing /products: ${(listingHtml.length / 1024).toFixed(1)} KB of HTML, ${lastPage(listingHtml.toString('utf8'))} pages; ` +
      `product page ${productPaths[0]}: ${(productHtml.length / 1024).toFixed(1)} KB`,
  )
  log(
    `uncached listing: ${uncached.paths.length} distinct URLs from ${uncached.combinations} filter combinations × ` +
      `${SHOPPER_SORTS.length} sorts × up to ${PAGES_PER_COMBINATION} pages; product pages: ${productPaths.length} slugs`,
  )
  return { listingHtml, productHtml, productPaths, uncachedPaths: uncached.paths, combinations: uncached.combinations }
}

function targets(app: Server, statics: Server, prepared: Prepared): Target[] {
  const size = (html: Buffer) => `${kb(html.length)} KB`
  const listing = `static ${size(prepared.listingHtml)} (listing size)`
  const product = `static ${size(prepared.productHtml)} (product size)`
  const listingBaseline = { plain: `${listing}, plain`, gzip: `${listing}, gzip` }
  const productBaseline = { plain: `${product}, plain`, gzip: `${product}, gzip` }
  return [
    { label: listingBaseline.plain, server: statics, paths: ['/plain/listing'] },
    { label: listingBaseline.gzip, server: statics, paths: ['/gzip/listing'] },
    { label: 'listing /products (cached)', server: app, paths: ['/products'], baseline: listingBaseline },
    { label: 'listing filtered (cached)', server: app, paths: [FILTERED_PATH], baseline: listingBaseline },
    {
      label: `listing uncached (${prepared.uncachedPaths.length} URLs)`,
      server: app,
      paths: prepared.uncachedPaths,
      baseline: listingBaseline,
    },
    { label: productBaseline.plain, server: statics, paths: ['/plain/product'] },
    { label: productBaseline.gzip, server: statics, paths: ['/gzip/product'] },
    {
      label: `product page (${prepared.productPaths.length} slugs)`,
      server: app,
      paths: prepared.productPaths,
      baseline: productBaseline,
    },
  ]
}

// ───────────── Measuring and reporting ─────────────

async function measureAll(list: Target[], pinning: Pinning, workDir: string): Promise<Measured[]> {
  const measured: Measured[] = []
  for (const target of list) {
    log(`load: ${target.label}…`)
    const result = await runLoad(
      {
        origin: target.server.origin,
        serverPid: target.server.pid,
        paths: target.paths,
        connections: CONNECTIONS,
        warmupSeconds: WARMUP_SECONDS,
        measureSeconds: MEASURE_SECONDS,
        headers: BROWSER_HEADERS,
      },
      pinning?.client ?? null,
      workDir,
    )
    log(`  ${rate(result.requestsPerSecond)} req/s, p50 ${ms(result.latency.p50)} ms, p99 ${ms(result.latency.p99)} ms`)
    measured.push({ ...target, result })
  }
  return measured
}

function ratio(row: Measured, all: Measured[], baseline: string | undefined): number {
  const base = all.find((m) => m.label === baseline)
  return base ? (100 * row.result.requestsPerSecond) / base.result.requestsPerSecond : Number.NaN
}

function resultsTable(all: Measured[]): string {
  const rows = all.map((row) => [
    row.label,
    rate(row.result.requestsPerSecond),
    ms(row.result.latency.p50),
    ms(row.result.latency.p95),
    ms(row.result.latency.p99),
    row.baseline ? percent(ratio(row, all, row.baseline.plain)) : 'baseline',
    row.baseline ? percent(ratio(row, all, row.baseline.gzip)) : 'baseline',
    kb(row.result.bytesPerResponse),
    String(row.result.non2xx + row.result.errors + row.result.timeouts),
  ])
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
      { title: 'failed', align: 'right' },
    ],
    rows,
  )
}

function cpuTable(all: Measured[], pinning: Pinning): string {
  const cpus = [...new Set(all.flatMap((row) => Object.keys(row.result.cpuBusy)))].sort()
  const rows = all.map((row) => [
    row.label,
    ...cpus.map((cpu) => percent(row.result.cpuBusy[cpu] ?? Number.NaN)),
    percent(row.result.serverCpu),
    Number.isFinite(row.result.serverCpuMsPerResponse) ? row.result.serverCpuMsPerResponse.toFixed(2) : '–',
    percent(row.result.clientCpu),
    String(row.result.ok),
  ])
  const server = pinning ? ` (servers on cpu${pinning.server}, load on cpu${pinning.client})` : ''
  return [
    `CPU during the measured ${MEASURE_SECONDS} s${server}: cpuN busy = whole machine (/proc/stat, any process); ` +
      `server CPU = the server process and its children (the app's PostgreSQL), % of one core; ` +
      `load generator CPU = the autocannon process, % of one core.`,
    markdownTable(
      [
        { title: 'target', align: 'left' },
        ...cpus.map((cpu) => ({ title: `${cpu} busy`, align: 'right' as const })),
        { title: 'server CPU', align: 'right' },
        { title: 'server CPU ms/resp', align: 'right' },
        { title: 'load generator CPU', align: 'right' },
        { title: 'responses', align: 'right' },
      ],
      rows,
    ),
  ].join('\n')
}

function assetLines(name: string, assets: PageAssets): string[] {
  const js = totals(assets.js)
  const css = totals(assets.css)
  const file = (f: AssetFile) => `    ${f.url}  ${kb(f.bytes)} KB, ${kb(f.gzipBytes)} KB gzipped`
  return [
    `${name}: JavaScript ${kb(js.gzipBytes)} KB gzipped (${kb(js.bytes)} KB raw, ${assets.js.length} files); ` +
      `CSS ${kb(css.gzipBytes)} KB gzipped (${kb(css.bytes)} KB raw, ${assets.css.length} files)`,
    ...[...assets.js, ...assets.css].map(file),
  ]
}

/** Where the load generator rather than the server set the pace, say so: those ratios flatter the page. */
function clientBoundNotes(all: Measured[]): string[] {
  return all
    .filter((row) => !row.baseline && row.result.clientCpu >= CLIENT_BOUND_PERCENT)
    .map(
      (row) =>
        `note: "${row.label}" was limited by the load generator (${percent(row.result.clientCpu)} of its core, server ` +
        `${percent(row.result.serverCpu)}): that rate is a lower bound and the ratios against it are upper bounds.`,
    )
}

function verdict(met: boolean) {
  return met ? 'met' : 'NOT met'
}

function aimLines(all: Measured[], productAssets: PageAssets): string[] {
  const lines = ['Aims (listing ≥ 25 % of the static rate with p99 ≤ 50 ms at 20 connections; product JS ≤ 100 KB gz):']
  for (const row of all.filter((m) => m.label.startsWith('listing'))) {
    const share = ratio(row, all, row.baseline?.plain)
    const gzipShare = ratio(row, all, row.baseline?.gzip)
    lines.push(
      `  ${row.label}: ${percent(share)} of static plain (${verdict(share >= AIM_RATIO)}; ${percent(gzipShare)} of static gzip), ` +
        `p99 ${ms(row.result.latency.p99)} ms (${verdict(row.result.latency.p99 <= AIM_P99_MS)})`,
    )
  }
  const js = totals(productAssets.js).gzipBytes / 1024
  lines.push(`  product page JavaScript: ${js.toFixed(1)} KB gzipped (${verdict(js <= AIM_PRODUCT_JS_KB)})`)
  return lines
}

function saveResults(report: object) {
  const dir = path.join(DATA_DIR, 'results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `pages-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, JSON.stringify(report, null, 2))
  log(`raw figures saved to ${path.relative(ROOT, file)}`)
}

// ───────────── Main ─────────────

async function run(pinning: Pinning, services: Service[], workDir: string) {
  const appPort = await freePort(FIRST_PORT, RESERVED_PORTS)
  const app = await startApp(appPort, pinning, DATA_DIR)
  services.push(app)
  const appOrigin = `http://127.0.0.1:${appPort}`
  const prepared = await prepare(appOrigin)

  const listingFile = path.join(workDir, 'listing.html')
  const productFile = path.join(workDir, 'product.html')
  writeFileSync(listingFile, prepared.listingHtml)
  writeFileSync(productFile, prepared.productHtml)
  const staticPort = await freePort(appPort + 1, RESERVED_PORTS)
  const staticServer = await startStatic(staticPort, pinning, DATA_DIR, { listing: listingFile, product: productFile })
  services.push(staticServer)

  // Both servers stay up throughout, idle while the other one is under load.
  const list = targets(
    { origin: appOrigin, pid: processId(app) },
    { origin: `http://127.0.0.1:${staticPort}`, pid: processId(staticServer) },
    prepared,
  )
  const measured = await measureAll(list, pinning, workDir)
  const listingAssets = pageAssets(prepared.listingHtml.toString('utf8'), CLIENT_DIR)
  const productAssets = pageAssets(prepared.productHtml.toString('utf8'), CLIENT_DIR)

  console.log('')
  console.log(
    `Latencies from every 2xx response of the measured run (nearest rank); req/s = 2xx responses / duration; ` +
      `"vs static" = page req/s ÷ static req/s for the file of the same size; KB/resp = bytes on the wire per response; ` +
      `KB = 1024 bytes.`,
  )
  console.log('')
  console.log(resultsTable(measured))
  console.log('')
  console.log(cpuTable(measured, pinning))
  for (const note of clientBoundNotes(measured)) console.log(note)
  console.log('')
  for (const line of [
    ...assetLines('product page', productAssets),
    ...assetLines('listing page', listingAssets),
    '',
    ...aimLines(measured, productAssets),
  ])
    console.log(line)
  console.log('')
  saveResults({ date: new Date().toISOString(), pinning, measured, listingAssets, productAssets })
}

async function main() {
  process.chdir(ROOT)
  const pinning = detectPinning()
  for (const line of describeMachine(pinning)) log(line)
  await ensureBuild(log)
  await ensureBenchCatalogue(DATA_DIR, TARGET_PRODUCTS, log)

  const services: Service[] = []
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ocop-bench-'))
  const cleanUp = async () => {
    stopLoadWorkers()
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
