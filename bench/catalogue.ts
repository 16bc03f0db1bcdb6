/**
 * `npm run bench:catalogue`: the export catalogue downloads (docs/BENCHMARKS.md, "Export catalogue
 * downloads") for 1,000 export-ready products: loading the sheets, the CSV and the designed PDF,
 * with a baseline measured in the same run. Prints figures; never fails on them.
 *
 * 1. Starts a fresh embedded PostgreSQL in `.data/bench-catalogue/run-<pid>` (removed at the end, also
 *    on Ctrl-C), migrates it and seeds the reference data. Media go to `<run>/media`: the placeholder
 *    artwork is rendered there, and the generated products get it as their photo (as `npm start` does).
 * 2. Adds 1,300 generated products (prisma/seed/run-seed.ts seedGeneratedCatalogue) and marks 1,000
 *    of those on the storefront export-ready: HS code by subgroup, MOQ, capacity, lead times,
 *    Incoterms, place of loading, 3 USD tiers, 1–2 certifications (about 1 in 10 expired); their
 *    producers get an export profile and markets.
 * 3. Measures, each case repeated (`--runs`, default 5), in this process: `loadExportSheets` for the
 *    1,000; `catalogueCsvStream` and `cataloguePdfStream` consumed fully (bytes counted), with the RSS
 *    sampled every 20 ms and the heap growth, and the event loop's delay while the PDF renders.
 *    Baselines in the same run: the PDF of the first 100 sheets (cost per product), the PDF of the
 *    1,000 without images (what the images cost), and the CSV of the same 1,000 (PDF ÷ CSV).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import v8 from 'node:v8'
import vm from 'node:vm'
import { type ExportCertificationKind, type Incoterm } from '#app/generated/prisma/enums.ts'
import { addMonths, startOfUtcDay } from '#app/modules/certification/certificate-status.ts'
import { catalogueCsvStream } from '#app/modules/export/export-csv.server.ts'
import { loadExportSheets, parseExportFilters } from '#app/modules/export/export-catalogue.server.ts'
import { cataloguePdfStream } from '#app/modules/export/export-pdf.server.ts'
import { type ExportSheet } from '#app/modules/export/export-sheet.ts'
import { ensurePlaceholderImages, placeholderImages } from '#app/modules/media/placeholder.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { mulberry32, type Random } from '#app/utils/random.ts'
import { seedGeneratedCatalogue } from '../prisma/seed/run-seed.ts'
import { machineLines } from './lib/catalogue.ts'
import { withFreshDatabase } from './lib/fresh-database.ts'
import { markdownTable, ms } from './lib/report.ts'
import { percentile } from './lib/stats.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const BENCH_DIR = path.join(ROOT, '.data/bench-catalogue')
const { values: options } = parseArgs({ options: { runs: { type: 'string' } } })
/** `--runs N` repetitions of each case (the documented figures use the default). */
const RUNS = Number(options.runs ?? 5)
if (!Number.isInteger(RUNS) || RUNS < 3 || RUNS > 50) throw new Error('--runs must be a whole number from 3 to 50')
const PRODUCTS = 1_000
const BASELINE_PRODUCTS = 100
/** More than PRODUCTS: a few generated products are drafts or of unverified producers. */
const GENERATED = 1_300
const SAMPLE_EVERY_MS = 20

const log = (line: string) => console.log(`[bench] ${line}`)

// The heap figures mean more after a full collection; the npm script starts node without --expose-gc.
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc') as () => void

// ───────────── Export terms for the generated products ─────────────

/** A plausible HS code (8 digits) per OCOP subgroup; services (community tourism) are left out. */
const HS_BY_SUBGROUP: Record<string, string> = {
  'rau-cu-qua-hat-tuoi': '08109010',
  'thit-thuy-san-trung-sua-tuoi': '03048900',
  'gao-ngu-coc': '10063099',
  'mat-ong-nong-san-khac': '04090000',
  'do-an-nhanh': '19059090',
  'che-bien-tu-gao': '19023090',
  'che-bien-tu-rau-qua': '20089990',
  'che-bien-tu-thit-thuy-san': '16024990',
  'tuong-nuoc-mam': '21039013',
  'gia-vi-khac': '09109990',
  che: '09021090',
  'tra-thao-moc': '21069099',
  'ca-phe-ca-cao': '09012120',
  'ruou-trang': '22089099',
  'do-uong-co-con-khac': '22060090',
  'nuoc-khoang': '22011010',
  'do-uong-khong-con': '22029990',
  'thuc-pham-chuc-nang': '21069072',
  'my-pham-duoc-lieu': '33049990',
  'tinh-dau-duoc-lieu-khac': '33012990',
  'do-gia-dung-trang-tri': '46021210',
  'vai-may-mac': '50072020',
  hoa: '06031900',
  'cay-canh': '06029090',
  'dong-vat-canh': '01069000',
}
const LOADING_PLACES = ['Hai Phong port', 'Cat Lai port, Ho Chi Minh City', 'Hanoi (Noi Bai airport)', 'Da Nang port']
const INCOTERM_SETS: Incoterm[][] = [['EXW', 'FOB'], ['FOB'], ['EXW', 'FOB', 'CIF'], ['FOB', 'CFR'], ['FCA', 'CIP']]
const CERT_KINDS: ExportCertificationKind[] = ['HACCP', 'VIETGAP', 'ISO_22000', 'ORGANIC', 'GLOBALGAP', 'OTHER']
const ISSUERS = [
  'Vinacert',
  'QUACERT',
  'Control Union',
  'Bureau Veritas Vietnam',
  'SGS Vietnam',
  'TÜV Rheinland Vietnam',
]
const MARKETS = ['JP', 'KR', 'US', 'DE', 'FR', 'AU', 'NL', 'SG', 'TW']
const MOQS = [50, 100, 200, 300, 500, 1_000, 2_000]

function pick<T>(r: Random, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!
}

/** Marks `PRODUCTS` visible generated products export-ready, in bulk; returns how many were marked. */
async function markExportReady(today: Date): Promise<number> {
  const db = getDb()
  const r = mulberry32(20_261_129)
  const day = startOfUtcDay(today)
  const products = await db.product.findMany({
    where: {
      catalogEntry: { visible: true },
      exportTerms: null,
      subgroupCode: { in: Object.keys(HS_BY_SUBGROUP) },
      images: { some: {} },
    },
    orderBy: { id: 'asc' },
    take: PRODUCTS,
    select: { id: true, subgroupCode: true, groupCode: true, unitEn: true, priceVnd: true, producerId: true },
  })
  const terms = []
  const tiers: { productId: string; minQuantity: number; priceUsdCents: number }[] = []
  const certs = []
  for (const product of products) {
    const moq = pick(r, MOQS)
    const food =
      product.groupCode === 'thuc-pham' || product.groupCode === 'do-uong' || product.groupCode === 'duoc-lieu'
    terms.push({
      productId: product.id,
      exportReady: true,
      hsCode: HS_BY_SUBGROUP[product.subgroupCode]!,
      moqQuantity: moq,
      moqUnitEn: `units (${product.unitEn})`,
      monthlyCapacity: moq * (10 + Math.floor(r() * 30)),
      capacityUnitEn: 'units',
      sampleLeadDays: 5 + Math.floor(r() * 10),
      orderLeadDays: 14 + Math.floor(r() * 32),
      incoterms: pick(r, INCOTERM_SETS),
      loadingPlace: pick(r, LOADING_PLACES),
      tierBasis: (r() < 0.8 ? 'FOB' : 'EXW') as Incoterm,
      packagingEn: `${product.unitEn}, ${pick(r, [6, 12, 20, 24, 40])} per carton`,
      shelfLifeMonths: food ? pick(r, [12, 18, 24, 36]) : null,
    })
    // Export prices a little under the retail price in USD (≈ 25,000 ₫ to the dollar).
    const base = Math.max(100, Math.round((product.priceVnd / 25_000) * 100 * 0.7))
    ;[1, 5, 20].forEach((step, i) =>
      tiers.push({ productId: product.id, minQuantity: moq * step, priceUsdCents: Math.round(base * (1 - 0.08 * i)) }),
    )
    const kinds = r() < 0.5 ? [pick(r, CERT_KINDS)] : [pick(r, CERT_KINDS), pick(r, CERT_KINDS)]
    for (const [i, kind] of [...new Set(kinds)].entries()) {
      const monthsLeft = r() < 0.1 ? -1 - Math.floor(r() * 6) : 3 + Math.floor(r() * 30)
      certs.push({
        productId: product.id,
        kind,
        otherName:
          kind === 'OTHER'
            ? pick(r, ['Halal', 'FDA registration', 'OEKO-TEX Standard 100', 'FSC chain of custody'])
            : null,
        number: `${kind.replace('_', '')}-BN-${String(certs.length + 1).padStart(5, '0')}-${i}`,
        issuer: pick(r, ISSUERS),
        issuedOn: addMonths(day, monthsLeft - 36),
        expiresOn: addMonths(day, monthsLeft),
      })
    }
  }
  await db.exportTerms.createMany({ data: terms })
  await db.exportPriceTier.createMany({ data: tiers })
  await db.exportCertification.createMany({ data: certs })
  const producerIds = [...new Set(products.map((product) => product.producerId))]
  for (const id of producerIds) {
    await db.producer.update({
      where: { id },
      data: {
        exportProfileEn:
          `OCOP producer exporting since ${2015 + Math.floor(r() * 9)}; ${pick(r, ['English', 'Japanese', 'Korean'])} spoken. ` +
          `Private-label packing on request; samples dispatched by air within a week. Quality checks on every batch, ` +
          `with the certification documents available to buyers.`,
        exportMarkets: [...new Set([pick(r, MARKETS), pick(r, MARKETS), pick(r, MARKETS)])],
      },
    })
  }
  return products.length
}

// ───────────── Measuring ─────────────

type Sample = {
  ms: number
  /** Time to the first chunk of the stream. */
  firstByteMs: number
  bytes: number
  peakRssMb: number
  rssGrowthMb: number
  heapGrowthMb: number
  /** Event-loop delay while it ran (PDF only). */
  loopP99Ms: number
  loopMaxMs: number
}

const MB = 1024 * 1024

async function measure(produce: () => Promise<ReadableStream<Uint8Array> | number>): Promise<Sample> {
  collectGarbage()
  const before = process.memoryUsage()
  let peakRss = before.rss
  let peakHeap = before.heapUsed
  const sampler = setInterval(() => {
    const usage = process.memoryUsage()
    peakRss = Math.max(peakRss, usage.rss)
    peakHeap = Math.max(peakHeap, usage.heapUsed)
  }, SAMPLE_EVERY_MS)
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  const started = performance.now()
  let firstByteMs = Number.NaN
  let bytes = 0
  try {
    const produced = await produce()
    if (typeof produced === 'number') bytes = produced
    else {
      const reader = produced.getReader()
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        if (bytes === 0) firstByteMs = performance.now() - started
        bytes += chunk.value.byteLength
      }
    }
  } finally {
    clearInterval(sampler)
    loop.disable()
  }
  const elapsed = performance.now() - started
  const after = process.memoryUsage()
  peakRss = Math.max(peakRss, after.rss)
  peakHeap = Math.max(peakHeap, after.heapUsed)
  return {
    ms: elapsed,
    firstByteMs,
    bytes,
    peakRssMb: peakRss / MB,
    rssGrowthMb: (peakRss - before.rss) / MB,
    heapGrowthMb: (peakHeap - before.heapUsed) / MB,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
  }
}

type Case = { label: string; products: number; samples: Sample[] }

async function repeat(label: string, products: number, produce: () => Promise<ReadableStream<Uint8Array> | number>) {
  const samples: Sample[] = []
  for (let run = 0; run < RUNS; run++) samples.push(await measure(produce))
  const median = percentile(
    samples.map((s) => s.ms).sort((a, b) => a - b),
    50,
  )
  log(`${label}: median ${ms(median)} ms over ${RUNS} runs`)
  return { label, products, samples }
}

// ───────────── Report ─────────────

const sortedOf = (values: number[]) => [...values].sort((a, b) => a - b)
const med = (values: number[]) => percentile(sortedOf(values), 50)
const p95 = (values: number[]) => percentile(sortedOf(values), 95)
const max = (values: number[]) => Math.max(...values)
const mb1 = (value: number) => value.toFixed(1)
const size = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`)

function caseTable(cases: Case[]): string {
  return markdownTable(
    [
      { title: 'case', align: 'left' },
      { title: 'runs', align: 'right' },
      { title: 'median ms', align: 'right' },
      { title: 'p95 ms', align: 'right' },
      { title: 'ms / product', align: 'right' },
      { title: 'first chunk ms', align: 'right' },
      { title: 'size', align: 'right' },
      { title: 'bytes / product', align: 'right' },
      { title: 'peak RSS MB (growth)', align: 'right' },
      { title: 'heap growth MB', align: 'right' },
      { title: 'loop delay p99 / max ms', align: 'right' },
    ],
    cases.map(({ label, products, samples }) => {
      const bytes = med(samples.map((s) => s.bytes))
      const firstByte = samples.map((s) => s.firstByteMs).filter(Number.isFinite)
      return [
        label,
        String(samples.length),
        ms(med(samples.map((s) => s.ms))),
        ms(p95(samples.map((s) => s.ms))),
        (med(samples.map((s) => s.ms)) / products).toFixed(2),
        firstByte.length > 0 ? ms(med(firstByte)) : '–',
        bytes > 0 ? size(bytes) : '–',
        bytes > 0 ? Math.round(bytes / products).toLocaleString('en-US') : '–',
        `${mb1(max(samples.map((s) => s.peakRssMb)))} (+${mb1(max(samples.map((s) => s.rssGrowthMb)))})`,
        `+${mb1(max(samples.map((s) => s.heapGrowthMb)))}`,
        `${ms(max(samples.map((s) => s.loopP99Ms)))} / ${ms(max(samples.map((s) => s.loopMaxMs)))}`,
      ]
    }),
  )
}

async function run(workDir: string) {
  for (const line of machineLines()) log(line)
  process.env.MEDIA_DIR = path.join(workDir, 'media')
  let started = performance.now()
  await ensurePlaceholderImages()
  log(`placeholder images rendered in ${((performance.now() - started) / 1000).toFixed(1)} s`)

  const db = getDb()
  const today = new Date()
  started = performance.now()
  const seeded = await seedGeneratedCatalogue(db, { products: GENERATED, images: placeholderImages, today })
  log(
    `generated ${seeded.products} products (${seeded.images} images, ${seeded.producers} producers) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  const marked = await markExportReady(today)
  const [tiers, certs, expired] = await Promise.all([
    db.exportPriceTier.count(),
    db.exportCertification.count(),
    db.exportCertification.count({ where: { expiresOn: { lt: startOfUtcDay(today) } } }),
  ])
  log(`marked ${marked} products export-ready: ${tiers} price tiers, ${certs} certifications (${expired} expired)`)

  const filters = parseExportFilters(new URL('http://bench.local/export'))
  let sheets: ExportSheet[] = []
  const load = await repeat(`loadExportSheets, ${PRODUCTS} sheets`, PRODUCTS, async () => {
    const loaded = await loadExportSheets(filters, { limit: PRODUCTS })
    sheets = loaded.sheets
    return 0
  })
  const withImage = sheets.filter((sheet) => sheet.imageFile).length
  log(`${sheets.length} sheets loaded, ${withImage} with a cover image file on disk`)
  if (sheets.length !== PRODUCTS) throw new Error(`expected ${PRODUCTS} sheets, got ${sheets.length}`)

  const pdfOptions = { locale: 'en' as const, title: 'Export catalogue', subtitle: 'All products', generatedAt: today }
  const first100 = sheets.slice(0, BASELINE_PRODUCTS)
  const noImages = sheets.map((sheet) => ({ ...sheet, imageFile: null }))
  const cases: Case[] = [load]
  cases.push(
    await repeat(`CSV, ${PRODUCTS} rows`, PRODUCTS, async () =>
      catalogueCsvStream(sheets, { locale: 'en', origin: 'https://ocop.example' }),
    ),
  )
  cases.push(
    await repeat(`baseline: PDF, first ${BASELINE_PRODUCTS} sheets, images`, BASELINE_PRODUCTS, async () =>
      cataloguePdfStream(first100, pdfOptions),
    ),
  )
  cases.push(
    await repeat(`PDF, ${PRODUCTS} sheets, images`, PRODUCTS, async () => cataloguePdfStream(sheets, pdfOptions)),
  )
  cases.push(
    await repeat(`diagnostic: PDF, ${PRODUCTS} sheets, no images`, PRODUCTS, async () =>
      cataloguePdfStream(noImages, pdfOptions),
    ),
  )

  console.log('')
  console.log(caseTable(cases))
  console.log('')
  const [, csv, pdf100, pdf1000, pdfBare] = cases as [Case, Case, Case, Case, Case]
  const medianMs = (c: Case) => med(c.samples.map((s) => s.ms))
  const medianBytes = (c: Case) => med(c.samples.map((s) => s.bytes))
  log(
    `PDF per product: ${(medianMs(pdf100) / BASELINE_PRODUCTS).toFixed(2)} ms at ${BASELINE_PRODUCTS}, ` +
      `${(medianMs(pdf1000) / PRODUCTS).toFixed(2)} ms at ${PRODUCTS} (×${(medianMs(pdf1000) / medianMs(pdf100)).toFixed(1)} the time for ×10 the products)`,
  )
  log(
    `PDF vs CSV for the same ${PRODUCTS}: ×${(medianMs(pdf1000) / medianMs(csv)).toFixed(0)} the time, ` +
      `×${(medianBytes(pdf1000) / medianBytes(csv)).toFixed(1)} the bytes`,
  )
  log(
    `images: ${withImage}/${PRODUCTS} sheets have one; with them the PDF takes ×${(medianMs(pdf1000) / medianMs(pdfBare)).toFixed(1)} the time ` +
      `and ×${(medianBytes(pdf1000) / medianBytes(pdfBare)).toFixed(1)} the bytes`,
  )

  const resultsDir = path.join(BENCH_DIR, 'results')
  mkdirSync(resultsDir, { recursive: true })
  const resultsFile = path.join(resultsDir, `catalogue-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(resultsFile, JSON.stringify({ machine: machineLines(), runs: RUNS, withImage, cases }, null, 2))
  log(`raw figures saved to ${path.relative(ROOT, resultsFile)}`)
}

async function main() {
  await withFreshDatabase(BENCH_DIR, log, run)
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
