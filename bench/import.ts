/**
 * `npm run bench:import`: the CSV catalogue import (app/modules/catalog-import) on a real
 * PostgreSQL, against a naive baseline measured in the same run (docs/BENCHMARKS.md, "Catalogue
 * import"). Prints figures; never fails on them.
 *
 * 1. Starts a fresh embedded PostgreSQL in `.data/bench-import/run-<pid>` (removed at the end, also
 *    on Ctrl-C), migrates it and seeds the reference data (no images).
 * 2. Writes a 10,000-row CSV (or `--rows N`) for a new producer: varied OCOP products, quoted descriptions (some
 *    over two lines), prices with thousands separators, 70 % published.
 * 3. Imports it with runCatalogImport (all creates), then a second file with new prices and stock
 *    for the same SKUs (all updates), sampling process.memoryUsage() every 10 ms.
 *    A diagnostic third run imports the first file for another producer with the Product triggers
 *    disabled (no storefront read model, no search outbox): what the triggers cost.
 * 4. Baseline: the same rows, one Prisma upsert per row (with uniqueProductSlug for new ones), for
 *    1,000 creates and then 1,000 updates on another new producer; extrapolated to 10,000.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { uniqueProductSlug } from '#app/modules/producer/product-slug.server.ts'
import { OCOP_GROUPS } from '#app/modules/catalog/ocop-groups.ts'
import { createRowValidator, readHeader, type ImportRow } from '#app/modules/catalog-import/catalog-rows.server.ts'
import { readCsvRecords } from '#app/modules/catalog-import/csv-reader.server.ts'
import { IMPORT_LIMITS, runCatalogImport } from '#app/modules/catalog-import/run-import.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { machineLines } from './lib/catalogue.ts'
import { withFreshDatabase } from './lib/fresh-database.ts'
import { markdownTable, ms, rate } from './lib/report.ts'
import { percentile } from './lib/stats.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const BENCH_DIR = path.join(ROOT, '.data/bench-import')
const { values: options } = parseArgs({ options: { rows: { type: 'string' } } })
/** `--rows N` for another file size (the documented figures use the default). */
const ROWS = Number(options.rows ?? 10_000)
if (!Number.isInteger(ROWS) || ROWS < 1_000 || ROWS > IMPORT_LIMITS.maxRows) {
  throw new Error(`--rows must be a whole number from 1000 to ${IMPORT_LIMITS.maxRows}`)
}
const BASELINE_ROWS = 1_000
const AIM_ROWS_PER_SECOND = 2_000
const HEADER =
  'sku,name_vi,name_en,group,subgroup,price_vnd,unit,weight_g,stock,village_slug,description_vi,description_en,status'

const log = (line: string) => console.log(`[bench] ${line}`)

// ───────────── The file ─────────────

type Kind = {
  vi: string
  en: string
  subgroup: string
  units: [vi: string, grams: number, priceVnd: number][]
}

/** Product kinds across the OCOP groups; subgroups must exist in ocop-groups.ts. */
const KINDS: Kind[] = [
  {
    vi: 'Mật ong hoa nhãn',
    en: 'Longan blossom honey',
    subgroup: 'mat-ong-nong-san-khac',
    units: [
      ['chai 500 ml', 750, 250_000],
      ['chai 1 lít', 1_450, 460_000],
    ],
  },
  {
    vi: 'Mật ong hoa bạc hà',
    en: 'Mint flower honey',
    subgroup: 'mat-ong-nong-san-khac',
    units: [['hũ 300 g', 420, 320_000]],
  },
  {
    vi: 'Chè Shan tuyết cổ thụ',
    en: 'Ancient Shan Tuyet tea',
    subgroup: 'che',
    units: [
      ['hộp 100 g', 180, 350_000],
      ['túi 500 g', 560, 1_200_000],
    ],
  },
  { vi: 'Trà hoa vàng', en: 'Golden camellia tea', subgroup: 'tra-thao-moc', units: [['hộp 50 g', 120, 450_000]] },
  {
    vi: 'Cà phê Robusta rang mộc',
    en: 'Plain roasted Robusta coffee',
    subgroup: 'ca-phe-ca-cao',
    units: [
      ['túi 500 g', 520, 180_000],
      ['túi 1 kg', 1_030, 340_000],
    ],
  },
  {
    vi: 'Gạo ST25',
    en: 'ST25 rice',
    subgroup: 'gao-ngu-coc',
    units: [
      ['túi 5 kg', 5_050, 190_000],
      ['túi 2 kg', 2_020, 80_000],
    ],
  },
  {
    vi: 'Nước mắm cá cơm',
    en: 'Anchovy fish sauce',
    subgroup: 'tuong-nuoc-mam',
    units: [['chai 500 ml', 800, 95_000]],
  },
  { vi: 'Mắm tôm chua', en: 'Sour shrimp paste', subgroup: 'tuong-nuoc-mam', units: [['hũ 400 g', 600, 85_000]] },
  {
    vi: 'Giò lụa',
    en: 'Vietnamese pork roll',
    subgroup: 'che-bien-tu-thit-thuy-san',
    units: [['cây 1 kg', 1_050, 240_000]],
  },
  {
    vi: 'Mứt gừng',
    en: 'Candied ginger',
    subgroup: 'che-bien-tu-rau-qua',
    units: [['hộp 300 g', 380, 75_000]],
  },
  { vi: 'Bánh đa kê', en: 'Millet rice cracker', subgroup: 'che-bien-tu-gao', units: [['gói 10 chiếc', 450, 45_000]] },
  {
    vi: 'Rượu nếp cái hoa vàng',
    en: 'Yellow-flower sticky rice wine',
    subgroup: 'ruou-trang',
    units: [['chai 750 ml', 1_300, 210_000]],
  },
  {
    vi: 'Tinh dầu sả chanh',
    en: 'Lemongrass essential oil',
    subgroup: 'tinh-dau-duoc-lieu-khac',
    units: [['lọ 50 ml', 120, 120_000]],
  },
  {
    vi: 'Cao atiso',
    en: 'Artichoke extract',
    subgroup: 'thuc-pham-chuc-nang',
    units: [['hũ 200 g', 300, 160_000]],
  },
]
const PLACES = [
  'Hưng Yên',
  'Đan Phượng',
  'Suối Giàng',
  'Hà Giang',
  'Đắk Lắk',
  'Sóc Trăng',
  'Phú Quốc',
  'Vân Đình',
  'Ước Lễ',
  'Kim Sơn',
  'Lạng Sơn',
  'Mộc Châu',
  'Tây Ninh',
  'Bến Tre',
  'Cao Bằng',
  'Quảng Ngãi',
]

function groupOf(subgroup: string): string {
  const group = OCOP_GROUPS.find((g) => g.subgroups.some((s) => s.code === subgroup))
  if (!group) throw new Error(`unknown subgroup ${subgroup}`)
  return group.code
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** ~465 bytes a row: 10,000 rows are 4.6 MB; beyond ~43,000 rows the 20 MB limit needs shorter rows. */
const SHORT_ROWS = ROWS > 40_000

/** Row i of the generated catalogue; `round` 1 is the re-import (new prices and stock). */
function generatedRow(i: number, round: 0 | 1, villageSlug: string): string {
  const kind = KINDS[i % KINDS.length]!
  const place = PLACES[Math.floor(i / KINDS.length) % PLACES.length]!
  const [unit, grams, basePrice] = kind.units[i % kind.units.length]!
  const batch = Math.floor(i / (KINDS.length * PLACES.length)) + 1
  const price = Math.round((basePrice * (1 + (i % 7) * 0.05) * (round === 1 ? 1.08 : 1)) / 1_000) * 1_000
  const status = i % 20 === 0 ? 'archived' : i % 10 < 7 ? 'published' : 'draft'
  const description =
    `${kind.vi} ${place}, lô ${batch}: sản phẩm OCOP của hợp tác xã, làm theo cách truyền thống, ` +
    `đóng ${unit}. Bảo quản nơi khô ráo, tránh ánh nắng trực tiếp.` +
    (i % 5 === 0 ? '\nHạn dùng: 12 tháng kể từ ngày sản xuất in trên bao bì.' : '')
  return [
    `BI-${String(i).padStart(5, '0')}`,
    `${kind.vi} ${place} ${unit} lô ${batch}`,
    SHORT_ROWS ? '' : `${kind.en} from ${place}, ${unit.replace(/^\S+ /, '')} (batch ${batch})`,
    groupOf(kind.subgroup),
    kind.subgroup,
    price.toLocaleString('vi-VN'),
    unit,
    String(grams),
    String(round === 1 ? (i * 7) % 300 : (i * 13) % 500),
    i % 3 === 0 ? villageSlug : '',
    SHORT_ROWS ? '' : description,
    SHORT_ROWS ? '' : `${kind.en} from ${place}, made the traditional way by the cooperative.`,
    status,
  ]
    .map(csvField)
    .join(',')
}

function writeCsv(file: string, round: 0 | 1, villageSlug: string): number {
  const lines = [HEADER]
  for (let i = 0; i < ROWS; i++) lines.push(generatedRow(i, round, villageSlug))
  const text = `\uFEFF${lines.join('\r\n')}\r\n`
  writeFileSync(file, text)
  return Buffer.byteLength(text)
}

// ───────────── Measuring ─────────────

type Memory = { rss: number; heapUsed: number }
type ImportRun = {
  label: string
  rows: number
  seconds: number
  firstPassSeconds: number
  batchMs: number[]
  peak: Memory
  before: Memory
  created: number
  updated: number
  rejected: number
}

function sampleMemory(): { stop: () => Memory } {
  const peak: Memory = { rss: 0, heapUsed: 0 }
  const take = () => {
    const usage = process.memoryUsage()
    peak.rss = Math.max(peak.rss, usage.rss)
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed)
  }
  take()
  const timer = setInterval(take, 10)
  return {
    stop() {
      clearInterval(timer)
      take()
      return peak
    },
  }
}

async function measuredImport(label: string, producerId: string, file: string): Promise<ImportRun> {
  const job = await getDb().importJob.create({
    data: { producerId, fileName: path.basename(file), filePath: file },
    select: { id: true },
  })
  global.gc?.()
  const usage = process.memoryUsage()
  const before = { rss: usage.rss, heapUsed: usage.heapUsed }
  const memory = sampleMemory()
  const batchMs: number[] = []
  const started = performance.now()
  let firstPassSeconds = 0
  let last = started
  const report = await runCatalogImport(job.id, {
    onProgress: (progress) => {
      const now = performance.now()
      if (progress.processedRows === 0) firstPassSeconds = (now - started) / 1000
      else batchMs.push(now - last)
      last = now
    },
  })
  const seconds = (performance.now() - started) / 1000
  const peak = memory.stop()
  if (!report || report.status !== 'DONE') throw new Error(`${label}: import ended ${report?.status}: ${report?.error}`)
  return {
    label,
    rows: report.processedRows,
    seconds,
    firstPassSeconds,
    batchMs,
    peak,
    before,
    created: report.createdCount,
    updated: report.updatedCount,
    rejected: report.rejectedCount,
  }
}

/** The rows of the file as the import validates them, for the baseline to write one by one. */
async function validRows(file: string, villageSlug: string, limit: number): Promise<ImportRow[]> {
  const { createReadStream } = await import('node:fs')
  const rows: ImportRow[] = []
  let validate: ReturnType<typeof createRowValidator> | null = null
  const villages = await getDb().craftVillage.findMany({ select: { slug: true } })
  for await (const record of readCsvRecords(createReadStream(file))) {
    if (!validate) {
      const header = readHeader(record.fields)
      if (!header.ok) throw new Error(header.error)
      validate = createRowValidator(header.header, {
        villageSlugs: new Set(villages.map((v) => v.slug)),
        producerVillageSlug: villageSlug,
      })
      continue
    }
    const result = validate(record)
    if (result.ok) rows.push(result.row)
    if (rows.length >= limit) break
  }
  return rows
}

/** What a first implementation would do: one upsert per row (and one slug lookup per new row). */
async function naiveImport(producer: { id: string; slug: string }, rows: ImportRow[]): Promise<number> {
  const db = getDb()
  const started = performance.now()
  for (const row of rows) {
    const data = {
      groupCode: row.groupCode,
      subgroupCode: row.subgroupCode,
      nameVi: row.nameVi,
      nameEn: row.nameEn ?? '',
      descriptionVi: row.descriptionVi ?? '',
      descriptionEn: row.descriptionEn ?? '',
      priceVnd: row.priceVnd,
      unitVi: row.unitVi,
      unitEn: row.unitEn,
      weightGrams: row.weightGrams,
      stock: row.stock,
      status: row.status ?? 'DRAFT',
    }
    const existing = await db.product.findUnique({
      where: { producerId_sku: { producerId: producer.id, sku: row.sku } },
      select: { id: true },
    })
    await db.product.upsert({
      where: { producerId_sku: { producerId: producer.id, sku: row.sku } },
      create: {
        ...data,
        producerId: producer.id,
        sku: row.sku,
        slug: existing ? '' : await uniqueProductSlug(db, row.nameVi, producer.slug),
        publishedAt: data.status === 'PUBLISHED' ? new Date() : null,
      },
      update: data,
    })
  }
  return (performance.now() - started) / 1000
}

// ───────────── Report ─────────────

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)

function importTable(runs: ImportRun[]): string {
  return markdownTable(
    [
      { title: 'run', align: 'left' },
      { title: 'rows', align: 'right' },
      { title: 'created', align: 'right' },
      { title: 'updated', align: 'right' },
      { title: 'time s', align: 'right' },
      { title: 'rows/s', align: 'right' },
      { title: 'first pass s', align: 'right' },
      { title: 'batches', align: 'right' },
      { title: 'batch p50 ms', align: 'right' },
      { title: 'batch p95 ms', align: 'right' },
      { title: 'peak RSS MB', align: 'right' },
      { title: 'peak heap MB', align: 'right' },
    ],
    runs.map((run) => {
      const sorted = [...run.batchMs].sort((a, b) => a - b)
      return [
        run.label,
        String(run.rows),
        String(run.created),
        String(run.updated),
        run.seconds.toFixed(2),
        rate(run.rows / run.seconds),
        run.firstPassSeconds.toFixed(2),
        String(run.batchMs.length),
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 95)),
        `${mb(run.peak.rss)} (+${mb(run.peak.rss - run.before.rss)})`,
        `${mb(run.peak.heapUsed)} (+${mb(run.peak.heapUsed - run.before.heapUsed)})`,
      ]
    }),
  )
}

async function run(workDir: string) {
  for (const line of machineLines()) log(line)
  const db = getDb()
  const village = await db.craftVillage.findUniqueOrThrow({
    where: { slug: 'lang-nuoi-ong-dan-phuong' },
    select: { id: true, slug: true, communeCode: true },
  })
  const newProducer = (slug: string, name: string) =>
    db.producer.create({
      data: {
        slug,
        name,
        kind: 'HOP_TAC_XA',
        status: 'VERIFIED',
        verifiedAt: new Date(),
        communeCode: village.communeCode,
        villageId: village.id,
      },
      select: { id: true, slug: true },
    })
  const producer = await newProducer('htx-bench-nhap-csv', 'HTX Bench Nhập CSV')

  const firstFile = path.join(workDir, 'catalogue-1.csv')
  const secondFile = path.join(workDir, 'catalogue-2.csv')
  const bytes = writeCsv(firstFile, 0, village.slug)
  writeCsv(secondFile, 1, village.slug)
  if (SHORT_ROWS) log('more than 40,000 rows: no descriptions or English names, to stay under the 20 MB limit')
  log(
    `CSV: ${ROWS} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB, batches of ${IMPORT_LIMITS.batchSize}; importing (creates)…`,
  )

  const runs: ImportRun[] = []
  runs.push(await measuredImport(`first import (${ROWS} creates)`, producer.id, firstFile))
  log('re-importing with new prices and stock (updates)…')
  runs.push(await measuredImport(`re-import (${ROWS} updates)`, producer.id, secondFile))

  // Diagnostic only: the same file with the catalogue triggers off shows what the read model costs.
  log('diagnostic: the same file for a third producer with the Product triggers disabled…')
  const bare = await newProducer('htx-bench-khong-trigger', 'HTX Bench Không Trigger')
  await db.$executeRawUnsafe('ALTER TABLE "Product" DISABLE TRIGGER USER')
  try {
    runs.push(await measuredImport(`diagnostic: ${ROWS} creates, Product triggers off`, bare.id, firstFile))
  } finally {
    await db.$executeRawUnsafe('ALTER TABLE "Product" ENABLE TRIGGER USER')
  }

  const products = await db.product.count({ where: { producerId: producer.id } })
  const entries = await db.catalogEntry.count({ where: { producerId: producer.id } })
  const visible = await db.catalogEntry.count({ where: { producerId: producer.id, visible: true } })
  log(`check: ${products} products, ${entries} catalogue entries (${visible} visible) for the bench producer`)

  log(`baseline: one Prisma upsert per row, ${BASELINE_ROWS} creates then ${BASELINE_ROWS} updates…`)
  const baselineProducer = await newProducer('htx-bench-tung-dong', 'HTX Bench Từng Dòng')
  const createRows = await validRows(firstFile, village.slug, BASELINE_ROWS)
  const updateRows = await validRows(secondFile, village.slug, BASELINE_ROWS)
  const naiveCreate = await naiveImport(baselineProducer, createRows)
  const naiveUpdate = await naiveImport(baselineProducer, updateRows)

  console.log('')
  console.log(importTable(runs))
  console.log('')
  const batchCreate = runs[0]!
  const batchUpdate = runs[1]!
  console.log(
    markdownTable(
      [
        { title: 'naive baseline (same process, same database)', align: 'left' },
        { title: 'rows', align: 'right' },
        { title: 'time s', align: 'right' },
        { title: 'rows/s', align: 'right' },
        { title: `${ROWS} rows, extrapolated s`, align: 'right' },
        { title: 'batched import is', align: 'right' },
      ],
      [
        [
          'Prisma upsert per row, creates',
          String(createRows.length),
          naiveCreate.toFixed(2),
          rate(createRows.length / naiveCreate),
          ((naiveCreate / createRows.length) * ROWS).toFixed(1),
          `×${(batchCreate.rows / batchCreate.seconds / (createRows.length / naiveCreate)).toFixed(1)} faster`,
        ],
        [
          'Prisma upsert per row, updates',
          String(updateRows.length),
          naiveUpdate.toFixed(2),
          rate(updateRows.length / naiveUpdate),
          ((naiveUpdate / updateRows.length) * ROWS).toFixed(1),
          `×${(batchUpdate.rows / batchUpdate.seconds / (updateRows.length / naiveUpdate)).toFixed(1)} faster`,
        ],
      ],
    ),
  )
  console.log('')
  for (const measured of runs.slice(0, 2)) {
    const perSecond = measured.rows / measured.seconds
    log(
      `${measured.label}: ${rate(perSecond)} rows/s, aim ≥ ${AIM_ROWS_PER_SECOND}: ${perSecond >= AIM_ROWS_PER_SECOND ? 'met' : 'NOT met'}`,
    )
  }
  const resultsDir = path.join(BENCH_DIR, 'results')
  mkdirSync(resultsDir, { recursive: true })
  const resultsFile = path.join(resultsDir, `import-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(
    resultsFile,
    JSON.stringify(
      { machine: machineLines(), runs, naive: { createRows: createRows.length, naiveCreate, naiveUpdate } },
      null,
      2,
    ),
  )
  log(`raw figures saved to ${path.relative(ROOT, resultsFile)}`)
}

async function main() {
  await withFreshDatabase(BENCH_DIR, log, run)
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
