/** /seller/import driven as a browser would: real Requests (multipart uploads), with members' sessions. */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { closeImportQueue } from '#app/modules/catalog-import/import-queue.server.ts'
import { runCatalogImport } from '#app/modules/catalog-import/run-import.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { callRoute, toastOf } from '#tests/route-call.ts'
import * as job from './($lang).seller.import.$jobId.tsx'
import * as example from './($lang).seller.import.example[.]csv.ts'
import * as index from './($lang).seller.import._index.tsx'

let uploads = ''
let honeyId = ''
let honeyOwner: TestUser // member of HTX Ong Tuấn Minh
let silkOwner: TestUser // member of HTX Dệt lụa Vạn Phúc

beforeAll(async () => {
  uploads = await mkdtemp(path.join(os.tmpdir(), 'ocop-import-routes-'))
  process.env.UPLOAD_DIR = uploads
  const db = getDb()
  const [honey, silk] = await Promise.all([
    db.producer.findUniqueOrThrow({ where: { slug: 'htx-ong-tuan-minh' }, select: { id: true } }),
    db.producer.findUniqueOrThrow({ where: { slug: 'htx-det-lua-van-phuc' }, select: { id: true } }),
  ])
  honeyId = honey.id
  ;[honeyOwner, silkOwner] = await Promise.all([
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: honey.id }] }),
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: silk.id }] }),
  ])
})

afterAll(async () => {
  await closeImportQueue()
  delete process.env.UPLOAD_DIR
  await rm(uploads, { recursive: true, force: true })
})

function upload(user: TestUser, file: File | null, lang = '') {
  const form = new FormData()
  if (file) form.append('file', file)
  else form.append('file', new File([], ''))
  return callRoute(
    index.action,
    appRequest(`${lang}/seller/import`, { cookie: user.cookie, form }),
    lang ? { lang: 'en' } : {},
  )
}

const CSV = [
  'sku;name_vi;group;subgroup;price_vnd;unit;weight_g;stock;status',
  'WEB-1;Mật ong hoa xuyến chi;thuc-pham;mat-ong-nong-san-khac;180.000;chai 500 ml;750;10;đang bán',
  'WEB-2;Mật ong giá sai;thuc-pham;mat-ong-nong-san-khac;18,5;chai 500 ml;750;10;',
].join('\r\n')

describe('/seller/import', () => {
  test('an upload starts a job and leads to its page, which shows the report when it is done', async () => {
    const outcome = await upload(honeyOwner, new File([CSV], 'mat-ong.csv', { type: 'text/csv' }))
    expect(outcome.status).toBe(302)
    const jobId = outcome.location?.match(/^\/seller\/import\/(\w+)$/)?.[1]
    expect(jobId).toBeTruthy()
    expect(await toastOf(outcome)).toContain('Đã nhận tệp mat-ong.csv')

    const queued = await callRoute(job.loader, appRequest(`/seller/import/${jobId}`, { cookie: honeyOwner.cookie }), {
      jobId: jobId!,
    })
    expect(queued.body).toMatchObject({ job: { status: 'QUEUED', fileName: 'mat-ong.csv' } })

    await runCatalogImport(jobId!)
    const done = await callRoute(job.loader, appRequest(`/seller/import/${jobId}`, { cookie: honeyOwner.cookie }), {
      jobId: jobId!,
    })
    expect(done.body).toMatchObject({
      job: {
        status: 'DONE',
        totalRows: 2,
        createdCount: 1,
        rejectedCount: 1,
        rejections: [{ line: 3, sku: 'WEB-2', reasons: [expect.stringContaining('có phần lẻ')] }],
      },
    })

    const list = await callRoute(index.loader, appRequest('/seller/import', { cookie: honeyOwner.cookie }))
    expect((list.body as { jobs: { id: string }[] }).jobs.map((j) => j.id)).toContain(jobId)
  })

  test('another producer’s import is not found, and not listed', async () => {
    const { id } = await getDb().importJob.create({
      data: { producerId: honeyId, fileName: 'rieng-tu.csv', status: 'DONE' },
      select: { id: true },
    })
    const own = await callRoute(job.loader, appRequest(`/seller/import/${id}`, { cookie: honeyOwner.cookie }), {
      jobId: id,
    })
    expect(own.status).toBe(200)
    const other = await callRoute(job.loader, appRequest(`/seller/import/${id}`, { cookie: silkOwner.cookie }), {
      jobId: id,
    })
    expect(other.status).toBe(404)
    const list = await callRoute(index.loader, appRequest('/seller/import', { cookie: silkOwner.cookie }))
    expect((list.body as { jobs: { id: string }[] }).jobs.map((j) => j.id)).not.toContain(id)
  })

  test('refuses empty, missing, Excel, non-CSV and oversize files with a message, never a 500', async () => {
    const cases: [File | null, string][] = [
      [null, 'Hãy chọn một tệp CSV'],
      [new File([], 'trong.csv'), 'Tệp trống'],
      [new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], 'san-pham.xlsx'), 'Đây là tệp Excel'],
      [new File(['sku,name_vi\n'], 'san-pham.txt'), 'Chỉ nhận tệp CSV'],
      [new File([new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41)], 'lon.csv'), 'lớn hơn 20 MB'],
    ]
    const before = await getDb().importJob.count()
    for (const [file, message] of cases) {
      const outcome = await upload(honeyOwner, file)
      expect(outcome.status).toBe(400)
      expect(outcome.body).toEqual({ error: expect.stringContaining(message) })
    }
    // Not multipart at all.
    const plain = await callRoute(
      index.action,
      appRequest('/seller/import', { cookie: honeyOwner.cookie, form: { file: 'x' } }),
    )
    expect(plain).toMatchObject({ status: 400, body: { error: expect.stringContaining('Không đọc được') } })
    // English messages under /en.
    const english = await upload(honeyOwner, new File([], 'empty.csv'), '/en')
    expect(english.body).toEqual({ error: 'The file is empty.' })
    expect(await getDb().importJob.count()).toBe(before)
  })

  test('the example file downloads as UTF-8 CSV with a BOM', async () => {
    const response = example.loader({
      request: appRequest('/seller/import/example.csv'),
      params: {},
      context: {},
    })
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toContain('attachment')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text).toContain('sku,name_vi,name_en,group,subgroup,price_vnd,unit')
    expect(text).toContain('Mật ong hoa nhãn Tuấn Minh')
  })
})
