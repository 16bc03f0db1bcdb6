import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startJobs } from '#app/modules/jobs/worker.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { allocateProductSlugs } from './batch-writer.server.ts'
import { createImportJob } from './import-jobs.server.ts'
import { closeImportQueue } from './import-queue.server.ts'
import { runCatalogImport } from './run-import.server.ts'

const HEADER =
  'sku,name_vi,name_en,group,subgroup,price_vnd,unit,weight_g,stock,village_slug,description_vi,description_en,status'
const HONEY = 'thuc-pham,mat-ong-nong-san-khac'
const VILLAGE = 'lang-nuoi-ong-dan-phuong'

let uploads: string

beforeAll(async () => {
  uploads = await mkdtemp(path.join(tmpdir(), 'ocop-import-test-'))
  process.env.UPLOAD_DIR = uploads
})

afterAll(async () => {
  await closeImportQueue()
  await rm(uploads, { recursive: true, force: true })
  delete process.env.UPLOAD_DIR
})

async function producerId(slug: string): Promise<string> {
  return (await getDb().producer.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id
}

let fileCount = 0

/** Stores `content` as an upload and records a queued job for it (what the upload action does). */
async function queueImport(slug: string, content: string | Uint8Array): Promise<{ id: string; filePath: string }> {
  const filePath = path.join(uploads, `test-${++fileCount}.csv`)
  await writeFile(filePath, content)
  const job = await getDb().importJob.create({
    data: { producerId: await producerId(slug), fileName: 'san-pham.csv', filePath },
    select: { id: true },
  })
  return { id: job.id, filePath }
}

async function importCsv(slug: string, content: string | Uint8Array) {
  const { id } = await queueImport(slug, content)
  const report = await runCatalogImport(id)
  if (!report) throw new Error('job vanished')
  return report
}

function productsOf(slug: string, skus: string[]) {
  return getDb().product.findMany({
    where: { producer: { slug }, sku: { in: skus } },
    orderBy: { sku: 'asc' },
    select: {
      id: true,
      sku: true,
      slug: true,
      nameVi: true,
      nameEn: true,
      priceVnd: true,
      stock: true,
      status: true,
      unitVi: true,
      unitEn: true,
      descriptionVi: true,
      publishedAt: true,
      updatedAt: true,
    },
  })
}

describe('runCatalogImport', () => {
  test('creates products, and a re-import of the same file updates them without duplicates', async () => {
    const csv = [
      HEADER,
      `E2E-1,Mật ong hoa bạc hà Hà Giang,Mint flower honey,${HONEY},"350.000",chai 500 ml,750,40,${VILLAGE},Mật ong vụ đông.,,published`,
      `E2E-2,Mật ong rừng U Minh,U Minh forest honey,${HONEY},280000,chai 500 ml,750,25,,,,`,
      `E2E-3,Phấn hoa ong,Bee pollen,${HONEY},"120,000",hũ 200 g,250,60,,,,nháp`,
    ].join('\n')
    const first = await importCsv('htx-ong-tuan-minh', csv)
    expect(first).toMatchObject({
      status: 'DONE',
      error: null,
      totalRows: 3,
      processedRows: 3,
      createdCount: 3,
      updatedCount: 0,
      rejectedCount: 0,
      rejections: [],
    })
    const created = await productsOf('htx-ong-tuan-minh', ['E2E-1', 'E2E-2', 'E2E-3'])
    expect(created).toMatchObject([
      {
        sku: 'E2E-1',
        slug: 'mat-ong-hoa-bac-ha-ha-giang',
        priceVnd: 350_000,
        status: 'PUBLISHED',
        unitEn: 'chai 500 ml',
      },
      { sku: 'E2E-2', priceVnd: 280_000, status: 'DRAFT', publishedAt: null },
      { sku: 'E2E-3', priceVnd: 120_000, status: 'DRAFT' },
    ])
    expect(created[0]?.publishedAt).toBeInstanceOf(Date)

    const again = await importCsv('htx-ong-tuan-minh', csv)
    expect(again).toMatchObject({ status: 'DONE', createdCount: 0, updatedCount: 3, rejectedCount: 0 })
    const after = await productsOf('htx-ong-tuan-minh', ['E2E-1', 'E2E-2', 'E2E-3'])
    expect(after.map((p) => p.id)).toEqual(created.map((p) => p.id))
    // Identical rows are not rewritten: the storefront and search see no change.
    expect(after.map((p) => p.updatedAt)).toEqual(created.map((p) => p.updatedAt))
    expect(await getDb().product.count({ where: { sku: { startsWith: 'E2E-' } } })).toBe(3)

    // A changed file updates in place; empty optional cells keep what the product has.
    const changed = [
      HEADER,
      `E2E-1,Mật ong hoa bạc hà Hà Giang,,${HONEY},390000,chai 500 ml,750,12,,,,`,
      `E2E-2,Mật ong rừng U Minh,,${HONEY},280000,chai 500 ml,750,25,,,,đang bán`,
    ].join('\r\n')
    expect(await importCsv('htx-ong-tuan-minh', changed)).toMatchObject({ createdCount: 0, updatedCount: 2 })
    const [one, two] = await productsOf('htx-ong-tuan-minh', ['E2E-1', 'E2E-2'])
    expect(one).toMatchObject({
      id: created[0]?.id,
      slug: 'mat-ong-hoa-bac-ha-ha-giang',
      priceVnd: 390_000,
      stock: 12,
      nameEn: 'Mint flower honey',
      descriptionVi: 'Mật ong vụ đông.',
      status: 'PUBLISHED',
      publishedAt: created[0]?.publishedAt,
    })
    expect(two).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(Date) })
  })

  test('a mixed file saves the valid rows and rejects the others with their physical line numbers', async () => {
    const before = await productsOf('htx-ong-tuan-minh', ['TM-NHAN-500'])
    const csv = [
      HEADER, // line 1
      `MIX-1,Mật ong hoa cà phê,Coffee blossom honey,${HONEY},260000,chai 500 ml,750,30,,"Thu hoạch ở Đắk Lắk.`, // 2
      `Vị đắng nhẹ, thơm.",,published`, // 3 (same record)
      `MIX-2,Mật ong giá âm,,${HONEY},-260000,chai 500 ml,750,30,,,,`, // 4
      '', // 5 (blank, skipped)
      `TM-NHAN-500,Mật ong hoa nhãn Tuấn Minh,,${HONEY},"150,5",chai 500 ml,750,999,,,,`, // 6
      `MIX-1,Bản sao,,${HONEY},100000,chai,100,1,,,,`, // 7
      `MIX-3,"Sữa ong chúa ""tươi""",,duoc-lieu,mat-ong-nong-san-khac,280000,hũ 100 g,200,5,,,,`, // 8
      `MIX-4,Mật ong làng khác,,${HONEY},150000,chai,500,5,lang-gom-bat-trang,,,`, // 9
      `MIX-5,Sáp ong,Beeswax,${HONEY},90000,bánh 200 g,200,15,${VILLAGE},,,lưu trữ`, // 10
    ].join('\n')
    const report = await importCsv('htx-ong-tuan-minh', csv)
    expect(report).toMatchObject({
      status: 'DONE',
      totalRows: 7,
      processedRows: 7,
      createdCount: 2,
      updatedCount: 0,
      rejectedCount: 5,
    })
    expect(report.rejections.map((r) => [r.line, r.sku])).toEqual([
      [4, 'MIX-2'],
      [6, 'TM-NHAN-500'],
      [7, 'MIX-1'],
      [8, 'MIX-3'],
      [9, 'MIX-4'],
    ])
    expect(report.rejections[0]?.reasons).toEqual(['Giá không được âm.'])
    expect(report.rejections[2]?.reasons).toEqual([expect.stringContaining('đã xuất hiện ở dòng 2 của tệp')])
    expect(report.rejections[3]?.reasons).toEqual(['Phân nhóm “mat-ong-nong-san-khac” không thuộc nhóm “duoc-lieu”.'])
    const saved = await productsOf('htx-ong-tuan-minh', ['MIX-1', 'MIX-2', 'MIX-3', 'MIX-4', 'MIX-5'])
    expect(saved.map((p) => [p.sku, p.status])).toEqual([
      ['MIX-1', 'PUBLISHED'],
      ['MIX-5', 'ARCHIVED'],
    ])
    expect(saved[0]?.descriptionVi).toBe('Thu hoạch ở Đắk Lắk.\nVị đắng nhẹ, thơm.')
    // The rejected row for an existing product left it exactly as it was.
    expect(await productsOf('htx-ong-tuan-minh', ['TM-NHAN-500'])).toEqual(before)
  })

  test('published rows reach the storefront read model through the triggers; drafts stay hidden', async () => {
    const csv = [
      HEADER,
      `CE-1,Mật ong hoa keo lai,Acacia honey,${HONEY},210000,chai 1 lít,1400,8,,,,published`,
      `CE-2,Mật ong nháp,,${HONEY},210000,chai 1 lít,1400,8,,,,draft`,
    ].join('\n')
    await importCsv('htx-ong-tuan-minh', csv)
    const entries = await getDb().catalogEntry.findMany({
      where: { product: { sku: { in: ['CE-1', 'CE-2'] } } },
      orderBy: { slug: 'asc' },
      select: { nameVi: true, visible: true, priceVnd: true, villageSlug: true },
    })
    expect(entries).toEqual([
      { nameVi: 'Mật ong hoa keo lai', visible: true, priceVnd: 210_000, villageSlug: VILLAGE },
      { nameVi: 'Mật ong nháp', visible: false, priceVnd: 210_000, villageSlug: VILLAGE },
    ])
  })

  test('the same SKU at another producer is a separate product', async () => {
    const row = (name: string) => `SHARED-1,${name},,${HONEY},150000,hộp,300,3,,,,published`
    await importCsv('htx-ong-tuan-minh', [HEADER, row('Mật ong hũ nhỏ')].join('\n'))
    const report = await importCsv('htx-det-lua-van-phuc', [HEADER, row('Mật ong hũ nhỏ')].join('\n'))
    expect(report.createdCount).toBe(1)
    const products = await getDb().product.findMany({
      where: { sku: 'SHARED-1' },
      select: { slug: true, producer: { select: { slug: true } } },
      orderBy: { createdAt: 'asc' },
    })
    expect(products).toEqual([
      { slug: 'mat-ong-hu-nho', producer: { slug: 'htx-ong-tuan-minh' } },
      { slug: 'mat-ong-hu-nho-htx-det-lua-van-phuc', producer: { slug: 'htx-det-lua-van-phuc' } },
    ])
  })

  test('the listing rules apply to status changes: an archived product cannot be published directly', async () => {
    const line = (status: string) => `ARC-1,Mật ong cũ,,${HONEY},150000,chai,500,0,,,,${status}`
    await importCsv('htx-ong-tuan-minh', [HEADER, line('archived')].join('\n'))
    const report = await importCsv('htx-ong-tuan-minh', [HEADER, line('published')].join('\n'))
    expect(report).toMatchObject({ updatedCount: 0, rejectedCount: 1 })
    expect(report.rejections[0]).toEqual({ line: 2, sku: 'ARC-1', reasons: [expect.stringContaining('lưu trữ')] })
    expect((await productsOf('htx-ong-tuan-minh', ['ARC-1']))[0]?.status).toBe('ARCHIVED')
  })

  test('whole-file errors import nothing: wrong encoding, broken quoting, missing columns', async () => {
    // "Mật ong" as Windows-1258 writes it: 0xEA is "ê"… invalid as UTF-8.
    const latin = Buffer.concat([
      Buffer.from(`${HEADER}\nENC-1,Mat ong,,${HONEY},150000,chai,500,1,,,,\nENC-2,M`),
      Buffer.from([0xe2, 0xf2]),
      Buffer.from(`t ong,,${HONEY},150000,chai,500,1,,,,\n`),
    ])
    const encoding = await importCsv('htx-ong-tuan-minh', latin)
    expect(encoding).toMatchObject({ status: 'FAILED', processedRows: 0, createdCount: 0 })
    expect(encoding.error).toContain('UTF-8')

    const quoting = await importCsv(
      'htx-ong-tuan-minh',
      [HEADER, `ENC-3,Mật ong,,${HONEY},150000,chai,500,1,,,,`, `ENC-4,"Mật ong,,${HONEY},150000,chai,500,1,,,,`].join(
        '\n',
      ),
    )
    expect(quoting).toMatchObject({ status: 'FAILED', createdCount: 0 })
    expect(quoting.error).toContain('dòng 3')

    const columns = await importCsv('htx-ong-tuan-minh', 'sku;name_vi;price\nENC-5;Mật ong;150000\n')
    expect(columns.error).toContain('Thiếu cột bắt buộc: group, subgroup, price_vnd, unit, weight_g, stock.')

    expect(await getDb().product.count({ where: { sku: { startsWith: 'ENC-' } } })).toBe(0)

    expect((await importCsv('htx-ong-tuan-minh', '\n\n')).error).toBe(
      'Tệp trống: không có dòng tiêu đề và không có sản phẩm nào.',
    )
    const gone = await queueImport('htx-ong-tuan-minh', HEADER)
    await rm(gone.filePath)
    expect(await runCatalogImport(gone.id)).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining('Không tìm thấy tệp đã tải lên'),
    })
  })

  test('keeps the first 1,000 rejections and counts them all', async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => `BAD-${i},Mật ong,,${HONEY},abc,chai,500,1,,,,`)
    const report = await importCsv('htx-ong-tuan-minh', [HEADER, ...rows].join('\n'))
    expect(report).toMatchObject({ status: 'DONE', processedRows: 1_200, rejectedCount: 1_200 })
    expect(report.rejections).toHaveLength(1_000)
    expect(report.rejections.at(-1)?.line).toBe(1_001)
  })

  test('is safe to run again: a finished job stays as it is, a crashed one restarts from the first row', async () => {
    const csv = [HEADER, `RETRY-1,Mật ong hoa vải,,${HONEY},180000,chai,500,4,,,,`].join('\n')
    const { id, filePath } = await queueImport('htx-ong-tuan-minh', csv)
    const done = await runCatalogImport(id)
    expect(done).toMatchObject({ status: 'DONE', createdCount: 1 })
    // The upload is removed once the job is done.
    expect(existsSync(filePath)).toBe(false)
    expect(await runCatalogImport(id)).toEqual(done)

    // A job left RUNNING by a crash, half-way through: the rerun counts the row again and saves it once.
    const crashed = await queueImport('htx-ong-tuan-minh', csv)
    await getDb().importJob.update({
      where: { id: crashed.id },
      data: { status: 'RUNNING', totalRows: 1, processedRows: 1, createdCount: 1 },
    })
    expect(await runCatalogImport(crashed.id)).toMatchObject({ status: 'DONE', createdCount: 0, updatedCount: 1 })
    expect(await getDb().product.count({ where: { sku: 'RETRY-1' } })).toBe(1)
    expect(await runCatalogImport('no-such-job')).toBeNull()
  })

  test('createImportJob stores the upload and enqueues one catalog-import job', async () => {
    const user = await getDb().user.findUniqueOrThrow({ where: { email: 'ong@ocop.local' }, select: { id: true } })
    const id = await createImportJob(
      await producerId('htx-ong-tuan-minh'),
      user.id,
      'C:\\Users\\minh\\san pham.csv',
      new TextEncoder().encode(`${HEADER}\n`),
    )
    const job = await getDb().importJob.findUniqueOrThrow({ where: { id }, select: { fileName: true, filePath: true } })
    expect(job.fileName).toBe('san pham.csv')
    expect(job.filePath?.startsWith(uploads)).toBe(true)
    expect(existsSync(job.filePath ?? '')).toBe(true)
    const queued = await getDb().$queryRaw<{ task_identifier: string; max_attempts: number }[]>`
      SELECT task_identifier, max_attempts FROM graphile_worker.jobs WHERE key = ${`catalog-import:${id}`}`
    expect(queued).toEqual([{ task_identifier: 'catalog-import', max_attempts: 5 }])
    // A header-only file is refused as a whole.
    expect(await runCatalogImport(id)).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining('chỉ có dòng tiêu đề'),
    })
  })

  test('slugs for a batch: the listing form’s candidates, distinct within the batch and from reserved ones', async () => {
    const name = 'Mật ong hoa nhãn Tuấn Minh' // the seed already has mat-ong-hoa-nhan-tuan-minh
    const reserved = new Set(['phan-hoa-ong'])
    const slugs = await allocateProductSlugs(
      getDb(),
      [name, name, name, 'Phấn hoa ong', '!!!'],
      'htx-ong-tuan-minh',
      reserved,
    )
    expect(slugs[0]).toBe('mat-ong-hoa-nhan-tuan-minh-htx-ong-tuan-minh')
    expect(slugs[1]).toMatch(/^mat-ong-hoa-nhan-tuan-minh-[0-9a-f]{6}$/)
    expect(slugs[2]).toMatch(/^mat-ong-hoa-nhan-tuan-minh-[0-9a-f]{6}$/)
    expect(slugs[3]).toBe('phan-hoa-ong-htx-ong-tuan-minh')
    expect(slugs[4]).toBe('san-pham')
    expect(new Set(slugs).size).toBe(5)
    // Given out now, so a batch running alongside will not take them.
    expect(slugs.every((slug) => reserved.has(slug))).toBe(true)
  })

  test('the job worker runs an uploaded import through its catalog-import task', async () => {
    const jobs = await startJobs({ databaseUrl: process.env.DATABASE_URL!, concurrency: 1, logger: () => undefined })
    try {
      const id = await createImportJob(
        await producerId('htx-ong-tuan-minh'),
        null,
        'worker.csv',
        new TextEncoder().encode(`${HEADER}\nWORKER-1,Mật ong hoa sú,,${HONEY},190000,chai,500,3,,,,\n`),
      )
      await expect
        .poll(async () => (await getDb().importJob.findUnique({ where: { id }, select: { status: true } }))?.status, {
          timeout: 20_000,
          interval: 200,
        })
        .toBe('DONE')
      expect(await getDb().product.count({ where: { sku: 'WORKER-1' } })).toBe(1)
    } finally {
      await jobs.stop()
    }
  })
})
