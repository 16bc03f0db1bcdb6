/** The row limit at its edge: 100,000 rows pass the file check, one more is refused; memory stays bounded. */
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { IMPORT_LIMITS, inspectCatalogFile, runCatalogImport } from './run-import.server.ts'

let uploads = ''

beforeAll(async () => {
  uploads = await mkdtemp(path.join(tmpdir(), 'ocop-import-large-'))
  process.env.UPLOAD_DIR = uploads
})

afterAll(async () => {
  delete process.env.UPLOAD_DIR
  await rm(uploads, { recursive: true, force: true })
})

async function writeRows(name: string, rows: number): Promise<string> {
  const lines = ['sku,name_vi,group,subgroup,price_vnd,unit,weight_g,stock,description_vi']
  for (let i = 1; i <= rows; i++) {
    lines.push(
      `BIG-${i},Mật ong hoa nhãn lô ${i},thuc-pham,mat-ong-nong-san-khac,150.000,chai 500 ml,750,${i % 90},"Lô ${i}, vụ xuân"`,
    )
  }
  const file = path.join(uploads, name)
  await writeFile(file, lines.join('\n'))
  return file
}

/** Peak heap growth while `work` runs, sampled every 5 ms. */
async function heapGrowth(work: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage().heapUsed
  let peak = start
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5)
  try {
    await work()
  } finally {
    clearInterval(timer)
  }
  return Math.max(peak, process.memoryUsage().heapUsed) - start
}

test('a file of exactly 100,000 rows passes the whole-file check, streamed', { timeout: 120_000 }, async () => {
  expect(IMPORT_LIMITS.maxRows).toBe(100_000)
  const file = await writeRows('limit.csv', 100_000)
  let result: Awaited<ReturnType<typeof inspectCatalogFile>> | null = null
  const growth = await heapGrowth(async () => {
    result = await inspectCatalogFile(file)
  })
  expect(result).toMatchObject({ totalRows: 100_000 })
  // Streamed, the heap grows by ~15 MB of garbage; the ~9 MB file's text and records held at once
  // would take several times that.
  expect(growth).toBeLessThan(40 * 1024 * 1024)
})

test('a file of 100,001 rows is refused with a clear message and imports nothing', { timeout: 120_000 }, async () => {
  const file = await writeRows('over.csv', 100_001)
  const producer = await getDb().producer.findUniqueOrThrow({
    where: { slug: 'htx-ong-tuan-minh' },
    select: { id: true },
  })
  const { id } = await getDb().importJob.create({
    data: { producerId: producer.id, fileName: 'over.csv', filePath: file },
    select: { id: true },
  })
  const report = await runCatalogImport(id)
  expect(report).toMatchObject({
    status: 'FAILED',
    processedRows: 0,
    error:
      'Tệp có hơn 100.000 dòng sản phẩm. Hãy chia thành nhiều tệp, mỗi tệp tối đa 100.000 dòng. Chưa có sản phẩm nào được nhập.',
  })
  expect(await getDb().product.count({ where: { sku: { startsWith: 'BIG-' } } })).toBe(0)
  expect(existsSync(file)).toBe(false)
})
