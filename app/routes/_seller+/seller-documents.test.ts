/**
 * The papers a producer sends with its application (/seller/documents and the application form), and
 * their download, which only the OCOP office may make.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { makePng } from '#tests/factories/images.ts'
import { callRoute, formResult, toastOf } from '#tests/route-call.ts'
import * as download from '../_admin+/($lang).admin.producers.$producerId.documents.$documentId.ts'
import * as documents from './($lang).seller.documents.tsx'
import * as apply from './($lang).seller_.apply.tsx'

let documentsDir = ''
const previousDocumentsDir = process.env.DOCUMENTS_DIR
let office: TestUser
let customer: TestUser
let buyer: TestUser
let communeCode = ''

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

beforeAll(async () => {
  documentsDir = await mkdtemp(path.join(os.tmpdir(), 'ocop-producer-docs-'))
  process.env.DOCUMENTS_DIR = documentsDir
  ;[office, customer, buyer] = await Promise.all([
    createTestUser({ roles: ['OFFICE_STAFF'] }),
    createTestUser({ roles: ['CUSTOMER'] }),
    createTestUser({ roles: ['EXPORT_BUYER'], company: 'Sakura Test K.K.', country: 'JP' }),
  ])
  communeCode = (await getDb().commune.findFirstOrThrow({ select: { code: true } })).code
})

afterAll(async () => {
  if (previousDocumentsDir === undefined) delete process.env.DOCUMENTS_DIR
  else process.env.DOCUMENTS_DIR = previousDocumentsDir
  await rm(documentsDir, { recursive: true, force: true })
})

let counter = 0
/** A producer waiting for verification, and its owner's session. */
async function pendingProducer(status: 'PENDING' | 'MORE_INFO' | 'VERIFIED' = 'PENDING') {
  counter += 1
  const producer = await getDb().producer.create({
    data: {
      slug: `co-so-giay-to-${counter}-${Date.now()}`,
      name: `Cơ sở giấy tờ ${counter}`,
      kind: 'HO_KINH_DOANH',
      status,
      communeCode,
      appliedAt: new Date(),
    },
    select: { id: true },
  })
  const owner = await createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: producer.id }] })
  return { producerId: producer.id, owner }
}

function uploadForm(file: File | null, kind = 'FOOD_SAFETY'): FormData {
  const form = new FormData()
  form.append('intent', 'upload-document')
  form.append('kind', kind)
  if (file) form.append('document', file)
  return form
}

function upload(user: TestUser, form: FormData) {
  return callRoute(documents.action, appRequest('/seller/documents', { cookie: user.cookie, form }))
}

async function storedFiles(): Promise<string[]> {
  const folder = path.join(documentsDir, 'producer-documents')
  return existsSync(folder) ? readdir(folder) : []
}

describe('/seller/documents', () => {
  test('a waiting producer’s owner sends a PDF and a PNG, sees them listed and deletes one', async () => {
    const { producerId, owner } = await pendingProducer()
    const page = await callRoute(documents.loader, appRequest('/seller/documents', { cookie: owner.cookie }))
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ status: 'PENDING', editable: true, documents: [] })

    const pdf = await upload(
      owner,
      uploadForm(new File([PDF], 'Giấy chứng nhận ATTP.pdf', { type: 'application/pdf' })),
    )
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(302)
    expect(await toastOf(pdf)).toBe('Đã tải lên “Giấy chứng nhận ATTP.pdf”.')
    const png = await upload(
      owner,
      uploadForm(
        new File([new Uint8Array(await makePng(40, 30))], 'kiem-nghiem.png', { type: 'image/png' }),
        'LAB_TEST',
      ),
    )
    expect(png.status).toBe(302)

    const listed = await callRoute(documents.loader, appRequest('/seller/documents', { cookie: owner.cookie }))
    const rows = (listed.body as { documents: { id: string; kind: string; fileName: string; mimeType: string }[] })
      .documents
    expect(rows).toMatchObject([
      { kind: 'FOOD_SAFETY', fileName: 'Giấy chứng nhận ATTP.pdf', mimeType: 'application/pdf' },
      { kind: 'LAB_TEST', fileName: 'kiem-nghiem.png', mimeType: 'image/png' },
    ])

    const removed = await callRoute(
      documents.action,
      appRequest('/seller/documents', {
        cookie: owner.cookie,
        form: { intent: 'delete-document', documentId: rows[1]!.id },
      }),
    )
    expect(await toastOf(removed)).toBe('Đã xóa “kiem-nghiem.png”.')
    expect(await getDb().producerDocument.count({ where: { producerId } })).toBe(1)
  })

  test('a file that is not a PDF, JPEG or PNG (whatever its name says), a missing file or kind, a file over 10 MB: refused with a message', async () => {
    const { producerId, owner } = await pendingProducer()
    const before = (await storedFiles()).length

    const fake = await upload(
      owner,
      uploadForm(new File(['MZ\x90\x00 not a pdf'], 'giay-phep.pdf', { type: 'application/pdf' })),
    )
    expect(fake.status).toBe(400)
    expect(formResult(fake).error?.document).toEqual(['Chỉ nhận tệp PDF, JPEG hoặc PNG.'])

    const webp = Buffer.concat([Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(20)])
    const notAllowed = await upload(owner, uploadForm(new File([webp], 'anh.webp', { type: 'image/webp' })))
    expect(formResult(notAllowed).error?.document).toEqual(['Chỉ nhận tệp PDF, JPEG hoặc PNG.'])

    const noFile = await upload(owner, uploadForm(null))
    expect(formResult(noFile).error?.document).toEqual(['Hãy chọn tệp cần tải lên.'])

    const noKind = await upload(owner, uploadForm(new File([PDF], 'a.pdf'), ''))
    expect(formResult(noKind).error?.kind).toEqual(['Hãy chọn loại giấy tờ.'])

    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)])
    const tooBig = await upload(owner, uploadForm(new File([big], 'scan.pdf', { type: 'application/pdf' })))
    expect(tooBig.status).toBe(400)
    expect(formResult(tooBig).error?.document).toEqual(['Tệp lớn hơn 10 MB.'])

    expect(await getDb().producerDocument.count({ where: { producerId } })).toBe(0)
    expect((await storedFiles()).length).toBe(before)
  })

  test('another producer’s document answers 404; a verified producer can no longer add or delete papers', async () => {
    const first = await pendingProducer()
    const second = await pendingProducer()
    await upload(first.owner, uploadForm(new File([PDF], 'dang-ky.pdf')))
    const document = await getDb().producerDocument.findFirstOrThrow({ where: { producerId: first.producerId } })

    const foreign = await callRoute(
      documents.action,
      appRequest('/seller/documents', {
        cookie: second.owner.cookie,
        form: { intent: 'delete-document', documentId: document.id },
      }),
    )
    expect(foreign.status).toBe(404)
    expect(await getDb().producerDocument.count({ where: { id: document.id } })).toBe(1)

    const verified = await pendingProducer('VERIFIED')
    const page = await callRoute(documents.loader, appRequest('/seller/documents', { cookie: verified.owner.cookie }))
    expect(page.body).toMatchObject({ editable: false })
    const locked = await upload(verified.owner, uploadForm(new File([PDF], 'muon.pdf')))
    expect(locked.status).toBe(400)
    expect(formResult(locked).error?.['']).toEqual([
      'Hồ sơ không còn chờ xét duyệt nên không thể thêm hoặc xóa giấy tờ. Cần thay đổi, hãy liên hệ Văn phòng OCOP.',
    ])
    expect(await getDb().producerDocument.count({ where: { producerId: verified.producerId } })).toBe(0)
  })

  test('resubmitting is only for an application the office asked to complete', async () => {
    const { producerId, owner } = await pendingProducer('PENDING')
    const refused = await callRoute(
      documents.action,
      appRequest('/seller/documents', { cookie: owner.cookie, form: { intent: 'resubmit' } }),
    )
    expect(await toastOf(refused)).toBe('Chỉ gửi lại được hồ sơ mà Văn phòng OCOP đã yêu cầu bổ sung.')
    expect((await getDb().producer.findUniqueOrThrow({ where: { id: producerId } })).status).toBe('PENDING')
  })
})

describe('downloading a producer’s paper', () => {
  test('the office gets the file; the producer itself, a customer and an export buyer get 403; wrong ids 404', async () => {
    const { producerId, owner } = await pendingProducer()
    await upload(owner, uploadForm(new File([PDF], 'Quyết định thành lập HTX.pdf')))
    const document = await getDb().producerDocument.findFirstOrThrow({ where: { producerId } })
    const url = `/admin/producers/${producerId}/documents/${document.id}`
    const params = { producerId, documentId: document.id }

    const file = await callRoute(download.loader, appRequest(url, { cookie: office.cookie }), params)
    expect(file.status).toBe(200)
    expect(file.headers.get('Content-Type')).toBe('application/pdf')
    expect(file.headers.get('Cache-Control')).toBe('private, no-store')
    expect(file.headers.get('Content-Disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Quyết định thành lập HTX.pdf')}`,
    )
    expect(file.body).toBe(PDF.toString('utf8'))

    for (const user of [owner, customer, buyer]) {
      expect((await callRoute(download.loader, appRequest(url, { cookie: user.cookie }), params)).status).toBe(403)
    }
    const other = await pendingProducer()
    const mismatched = await callRoute(download.loader, appRequest(url, { cookie: office.cookie }), {
      producerId: other.producerId,
      documentId: document.id,
    })
    expect(mismatched.status).toBe(404)
    const guest = await callRoute(download.loader, appRequest(url), params)
    expect(guest.status).toBe(302)
  })
})

describe('a paper sent with the application', () => {
  function applicationForm(file: File | null, kind = 'BUSINESS_REGISTRATION'): FormData {
    counter += 1
    const form = new FormData()
    const fields = {
      name: `Hộ kinh doanh Gốm ${counter} ${Date.now()}`,
      kind: 'HO_KINH_DOANH',
      registrationNumber: '0101234567',
      communeCode,
      storyVi: 'Gốm men lam vẽ tay.',
      phone: '0912345678',
      email: 'gom@example.vn',
      documentKind: kind,
    }
    for (const [key, value] of Object.entries(fields)) form.append(key, value)
    if (file) form.append('document', file)
    return form
  }

  test('is stored with the new producer; a wrong type refuses the whole application with a message', async () => {
    const user = await createTestUser({ roles: ['CUSTOMER'] })
    const wrong = applicationForm(new File(['<html>'], 'dang-ky.pdf', { type: 'application/pdf' }))
    const refused = await callRoute(apply.action, appRequest('/seller/apply', { cookie: user.cookie, form: wrong }))
    expect(refused.status).toBe(400)
    expect(formResult(refused).error?.document).toEqual(['Chỉ nhận tệp PDF, JPEG hoặc PNG.'])
    expect(await getDb().producer.count({ where: { name: String(wrong.get('name')) } })).toBe(0)

    const noKind = applicationForm(new File([PDF], 'dang-ky.pdf'), '')
    const kindMissing = await callRoute(
      apply.action,
      appRequest('/seller/apply', { cookie: user.cookie, form: noKind }),
    )
    expect(formResult(kindMissing).error?.documentKind).toEqual(['Hãy chọn loại giấy tờ.'])

    const good = applicationForm(new File([PDF], 'dang-ky-ho-kinh-doanh.pdf', { type: 'application/pdf' }))
    const applied = await callRoute(apply.action, appRequest('/seller/apply', { cookie: user.cookie, form: good }))
    expect(applied.status, JSON.stringify(applied.body)).toBe(302)
    const producer = await getDb().producer.findFirstOrThrow({
      where: { name: String(good.get('name')) },
      select: { status: true, documents: { select: { kind: true, fileName: true, sizeBytes: true } } },
    })
    expect(producer).toEqual({
      status: 'PENDING',
      documents: [{ kind: 'BUSINESS_REGISTRATION', fileName: 'dang-ky-ho-kinh-doanh.pdf', sizeBytes: PDF.byteLength }],
    })
  })
})
