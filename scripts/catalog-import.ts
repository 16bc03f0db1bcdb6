/**
 * `npm run catalog:import -- --producer <slug> <file.csv>`: the CSV catalogue import from the
 * command line, with the same rules and report as /seller/import (docs/catalog-import.md). The
 * import is recorded as an ImportJob, so it also shows in the producer's list of imports.
 */
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { failImportJob, runCatalogImport, type ImportProgress } from '#app/modules/catalog-import/run-import.server.ts'
import { FILE_ERRORS } from '#app/modules/catalog-import/import-messages.ts'
import { disconnectDb, getDb } from '#app/utils/db.server.ts'
import { migrateDatabase, openDatabase, type DatabaseHandle } from '../server/database.ts'

const USAGE = `Usage: npm run catalog:import -- --producer <producer-slug> <file.csv>

Imports a product catalogue CSV for one producer (format: docs/catalog-import.md). Rows are matched
on the producer's SKU: new SKUs are created, known ones updated. Uses DATABASE_URL, or else the
embedded database in .data (DATA_DIR), like npm start and npm run seed.
  --producer <slug>  The producer's slug, e.g. htx-ong-tuan-minh.
  -h, --help         Shows this help.
Exit code: 0 when the file was processed (even with rejected rows), 1 when the whole file was
refused or the producer does not exist.`

const vi = (n: number) => n.toLocaleString('vi-VN')

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

let args: { values: { producer?: string; help?: boolean }; positionals: string[] }
try {
  args = parseArgs({
    options: { producer: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  })
} catch (error) {
  fail(`catalog:import: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
}
if (args.values.help) {
  console.log(USAGE)
  process.exit(0)
}
const producerSlug = args.values.producer
const [file, ...extra] = args.positionals
if (!producerSlug || !file || extra.length > 0) fail(`catalog:import: give --producer and one CSV file.\n\n${USAGE}`)
const filePath = path.resolve(file)
if (!existsSync(filePath) || !statSync(filePath).isFile()) fail(`catalog:import: không tìm thấy tệp ${filePath}`)

const dataDir = path.resolve(process.env.DATA_DIR ?? '.data')
let database: DatabaseHandle | null = null
let jobId: string | null = null

async function close() {
  await disconnectDb().catch(() => undefined)
  await database?.stop().catch(() => undefined)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`catalog:import: ${signal}, stopping (rows already saved stay saved; run again to finish)`)
    void close().finally(() => process.exit(130))
  })
}

function printProgress(progress: ImportProgress) {
  if (progress.processedRows === 0) {
    console.log(`Tệp hợp lệ: ${vi(progress.totalRows)} dòng sản phẩm. Đang nhập…`)
    return
  }
  console.log(
    `  ${vi(progress.processedRows)}/${vi(progress.totalRows)} dòng: ${vi(progress.createdCount)} tạo mới, ` +
      `${vi(progress.updatedCount)} cập nhật, ${vi(progress.rejectedCount)} bị từ chối`,
  )
}

async function main(): Promise<number> {
  database = await openDatabase(dataDir, (line) => console.log(`catalog:import: ${line}`))
  process.env.DATABASE_URL = database.url
  await migrateDatabase(database.url)
  const db = getDb()
  const producer = await db.producer.findUnique({ where: { slug: producerSlug }, select: { id: true, name: true } })
  if (!producer) {
    console.error(`Không có chủ thể nào có mã “${producerSlug}”.`)
    return 1
  }
  console.log(`Nhập ${path.basename(filePath)} cho ${producer.name} (${producerSlug})`)
  jobId = (
    await db.importJob.create({
      data: { producerId: producer.id, fileName: path.basename(filePath), filePath },
      select: { id: true },
    })
  ).id
  const started = performance.now()
  const report = await runCatalogImport(jobId, { onProgress: printProgress })
  if (!report) throw new Error(`import ${jobId} disappeared`)
  if (report.status === 'FAILED') {
    console.error(`Không nhập được tệp: ${report.error}`)
    if (report.processedRows > 0) {
      console.error(`(${vi(report.createdCount)} tạo mới và ${vi(report.updatedCount)} cập nhật trước khi dừng.)`)
    }
    return 1
  }
  const seconds = (performance.now() - started) / 1000
  console.log(
    `Xong trong ${seconds.toFixed(1)} giây: ${vi(report.createdCount)} sản phẩm tạo mới, ` +
      `${vi(report.updatedCount)} cập nhật, ${vi(report.rejectedCount)} dòng bị từ chối.`,
  )
  if (report.rejections.length > 0) {
    console.log('Các dòng bị từ chối (không thay đổi gì):')
    for (const rejection of report.rejections) {
      const sku = rejection.sku ? ` (SKU ${rejection.sku})` : ''
      console.log(`  dòng ${vi(rejection.line)}${sku}: ${rejection.reasons.join(' ')}`)
    }
    if (report.rejectedCount > report.rejections.length) {
      console.log(
        `  … và ${vi(report.rejectedCount - report.rejections.length)} dòng nữa (chỉ liệt kê 1.000 dòng đầu).`,
      )
    }
  }
  return 0
}

let code = 1
try {
  code = await main()
} catch (error) {
  console.error('catalog:import: failed:', error instanceof Error ? error.message : error)
  if (jobId) await failImportJob(jobId, FILE_ERRORS.crashed).catch(() => undefined)
  code = 1
} finally {
  await close()
}
process.exit(code)
