/**
 * The office's review of a producer, end to end through the routes: ask for more, the producer's
 * resubmission, approve (once), reject (with a reason), suspend and reinstate, each written once to the
 * audit log with its before/after, with a notice and a mail to the producer.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { createTestProducer } from '#tests/factories/orders.ts'
import { callRoute, formResult, toastOf } from '#tests/route-call.ts'
import * as documents from '../_seller+/($lang).seller.documents.tsx'
import * as apply from '../_seller+/($lang).seller_.apply.tsx'
import * as detail from './($lang).admin.producers.$producerId.tsx'
import * as queue from './($lang).admin.producers._index.tsx'

let documentsDir = ''
const previousDocumentsDir = process.env.DOCUMENTS_DIR
let office: TestUser
let communeCode = ''

beforeAll(async () => {
  documentsDir = await mkdtemp(path.join(os.tmpdir(), 'ocop-review-'))
  process.env.DOCUMENTS_DIR = documentsDir
  office = await createTestUser({ roles: ['OFFICE_STAFF'] })
  communeCode = (await getDb().commune.findFirstOrThrow({ select: { code: true } })).code
})

afterAll(async () => {
  if (previousDocumentsDir === undefined) delete process.env.DOCUMENTS_DIR
  else process.env.DOCUMENTS_DIR = previousDocumentsDir
  await rm(documentsDir, { recursive: true, force: true })
})

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

let counter = 0
/** A customer applies (with one paper) through /seller/apply; returns the owner and the producer id. */
async function applicant(): Promise<{ owner: TestUser; producerId: string; name: string }> {
  counter += 1
  const owner = await createTestUser({ roles: ['CUSTOMER'], name: `Lò Thị Hoa ${counter}` })
  const name = `HTX Chè Shan tuyết ${counter}`
  const form = new FormData()
  for (const [key, value] of Object.entries({
    name,
    kind: 'HOP_TAC_XA',
    registrationNumber: 'HTX-2211/2025',
    communeCode,
    ethnicMinority: 'on',
    storyVi: 'Chè Shan tuyết cổ thụ hái trên núi cao.',
    phone: '0912 345 678',
    email: 'che@example.vn',
    documentKind: 'BUSINESS_REGISTRATION',
  })) {
    form.append(key, value)
  }
  form.append('document', new File([PDF], 'giay-dang-ky-htx.pdf', { type: 'application/pdf' }))
  const outcome = await callRoute(apply.action, appRequest('/seller/apply', { cookie: owner.cookie, form }))
  expect(outcome.status, JSON.stringify(outcome.body)).toBe(302)
  const producer = await getDb().producer.findFirstOrThrow({ where: { name }, select: { id: true } })
  return { owner, producerId: producer.id, name }
}

function decide(producerId: string, intent: string, extra: Record<string, string> = {}) {
  return callRoute(
    detail.action,
    appRequest(`/admin/producers/${producerId}`, { cookie: office.cookie, form: { intent, ...extra } }),
    { producerId },
  )
}

async function statusOf(producerId: string) {
  return getDb().producer.findUniqueOrThrow({
    where: { id: producerId },
    select: { status: true, reviewNote: true, verifiedAt: true },
  })
}

function auditOf(producerId: string) {
  return getDb().auditEvent.findMany({
    where: { entityType: 'Producer', entityId: producerId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { action: true, actorEmail: true, before: true, after: true, summary: true },
  })
}

describe('reviewing an application', () => {
  test('ask for more → the producer resubmits → approve, once; each step logged and announced', async () => {
    const { owner, producerId, name } = await applicant()

    const blank = await decide(producerId, 'request-info', { reason: '  ' })
    expect(blank.status).toBe(400)
    expect(formResult(blank).error?.reason).toEqual(['Hãy ghi rõ chủ thể cần bổ sung giấy tờ hoặc thông tin gì.'])
    expect((await statusOf(producerId)).status).toBe('PENDING')
    expect(await auditOf(producerId)).toEqual([])

    const asked = await decide(producerId, 'request-info', { reason: 'Thiếu phiếu kiểm nghiệm chè.' })
    expect(asked.status).toBe(302)
    expect(asked.location).toBe(`/admin/producers/${producerId}`)
    expect(await toastOf(asked)).toBe(`Đã yêu cầu “${name}” bổ sung hồ sơ.`)
    expect(await statusOf(producerId)).toMatchObject({
      status: 'MORE_INFO',
      reviewNote: 'Thiếu phiếu kiểm nghiệm chè.',
    })

    // The MORE_INFO tab lists it, with its count.
    const tab = await callRoute(
      queue.loader,
      appRequest('/admin/producers?status=more-info', { cookie: office.cookie }),
    )
    const tabBody = tab.body as { status: string; counts: Record<string, number>; producers: { id: string }[] }
    expect(tabBody.status).toBe('MORE_INFO')
    expect(tabBody.producers.map((p) => p.id)).toContain(producerId)
    expect(tabBody.counts.MORE_INFO).toBe(await getDb().producer.count({ where: { status: 'MORE_INFO' } }))

    // The producer reads the note on its papers page and resubmits.
    const page = await callRoute(documents.loader, appRequest('/seller/documents', { cookie: owner.cookie }))
    expect(page.body).toMatchObject({ status: 'MORE_INFO', reviewNote: 'Thiếu phiếu kiểm nghiệm chè.', editable: true })
    const resubmitted = await callRoute(
      documents.action,
      appRequest('/seller/documents', { cookie: owner.cookie, form: { intent: 'resubmit' } }),
    )
    expect(resubmitted.status).toBe(302)
    expect(await toastOf(resubmitted)).toBe('Đã gửi lại hồ sơ. Văn phòng OCOP sẽ xem xét tiếp.')
    expect((await statusOf(producerId)).status).toBe('PENDING')

    const approved = await decide(producerId, 'approve')
    expect(await toastOf(approved)).toContain(`Đã xác minh “${name}”`)
    const verified = await statusOf(producerId)
    expect(verified).toMatchObject({ status: 'VERIFIED', reviewNote: null })
    expect(verified.verifiedAt).toBeInstanceOf(Date)

    // A second approval (double click, a colleague) changes nothing and logs nothing.
    const again = await decide(producerId, 'approve')
    expect(again.status).toBe(302)
    expect(await toastOf(again)).toContain('đã được xác minh hoặc đang tạm ngừng')
    expect((await statusOf(producerId)).verifiedAt).toEqual(verified.verifiedAt)

    const log = await auditOf(producerId)
    expect(log.map((e) => e.action)).toEqual(['producer.request-info', 'producer.resubmit', 'producer.verify'])
    expect(log[0]).toMatchObject({
      actorEmail: office.email,
      before: { status: 'PENDING', reviewNote: null },
      after: { status: 'MORE_INFO', reviewNote: 'Thiếu phiếu kiểm nghiệm chè.', note: 'Thiếu phiếu kiểm nghiệm chè.' },
    })
    expect(log[1]).toMatchObject({
      actorEmail: owner.email,
      before: { status: 'MORE_INFO' },
      after: { status: 'PENDING' },
    })
    expect(log[2]).toMatchObject({ before: { status: 'PENDING' }, after: { status: 'VERIFIED', reviewNote: null } })

    const notices = await getDb().notification.findMany({
      where: { producerId },
      orderBy: { createdAt: 'asc' },
      select: { kind: true, link: true, body: true },
    })
    expect(notices).toEqual([
      { kind: 'producer.request-info', link: '/seller/documents', body: expect.stringContaining('phiếu kiểm nghiệm') },
      { kind: 'producer.approve', link: '/seller', body: expect.stringContaining(name) },
    ])
    const mails = await getDb().mailMessage.findMany({
      where: { to: owner.email },
      orderBy: { createdAt: 'asc' },
      select: { subject: true, text: true },
    })
    expect(mails.map((m) => m.subject)).toEqual([
      `Hồ sơ “${name}” cần bổ sung`,
      `“${name}” đã được Văn phòng OCOP xác minh`,
    ])
    expect(mails[0]!.text).toContain('http://localhost:3000/seller/documents')
  })

  test('rejecting needs a reason; without one nothing changes and nothing is logged', async () => {
    const { producerId } = await applicant()
    const refused = await decide(producerId, 'reject', { reason: '' })
    expect(refused.status).toBe(400)
    expect(formResult(refused).error?.reason).toEqual(['Hãy ghi lý do từ chối để chủ thể biết cần bổ sung gì.'])
    expect((await statusOf(producerId)).status).toBe('PENDING')
    expect(await auditOf(producerId)).toEqual([])

    expect((await decide(producerId, 'reject', { reason: 'Sản phẩm không thuộc chương trình OCOP.' })).status).toBe(302)
    expect(await statusOf(producerId)).toMatchObject({
      status: 'REJECTED',
      reviewNote: 'Sản phẩm không thuộc chương trình OCOP.',
    })
    // A rejected application is neither suspended nor asked for more.
    const suspend = await decide(producerId, 'suspend', { reason: 'Thử' })
    expect(await toastOf(suspend)).toContain('Chỉ tạm ngừng được chủ thể đã xác minh')
    expect((await auditOf(producerId)).map((e) => e.action)).toEqual(['producer.reject'])
  })

  test('suspending takes every listing off the storefront; reinstating puts them back', async () => {
    const producer = await createTestProducer({ products: [{}, {}] })
    const owner = await createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: producer.id }] })
    const visible = () => getDb().catalogEntry.count({ where: { producerId: producer.id, visible: true } })
    expect(await visible()).toBe(2)

    expect((await decide(producer.id, 'suspend', { reason: '' })).status).toBe(400)
    const suspended = await decide(producer.id, 'suspend', { reason: 'Vi phạm quy định ghi nhãn hàng hóa.' })
    expect(await toastOf(suspended)).toContain('Đã tạm ngừng')
    expect(await statusOf(producer.id)).toMatchObject({
      status: 'SUSPENDED',
      reviewNote: 'Vi phạm quy định ghi nhãn hàng hóa.',
    })
    expect(await visible()).toBe(0)

    const reinstated = await decide(producer.id, 'reinstate')
    expect(await toastOf(reinstated)).toContain('Đã khôi phục')
    expect(await statusOf(producer.id)).toMatchObject({ status: 'VERIFIED', reviewNote: null })
    expect(await visible()).toBe(2)

    const log = await auditOf(producer.id)
    expect(log).toMatchObject([
      { action: 'producer.suspend', before: { status: 'VERIFIED' }, after: { status: 'SUSPENDED' } },
      { action: 'producer.reinstate', before: { status: 'SUSPENDED' }, after: { status: 'VERIFIED' } },
    ])
    expect(await getDb().mailMessage.count({ where: { to: owner.email } })).toBe(2)
  })

  test('the application page shows the papers, members, products and history; unknown producers are 404', async () => {
    const { owner, producerId, name } = await applicant()
    await decide(producerId, 'request-info', { reason: 'Bổ sung giấy an toàn thực phẩm.' })
    const page = await callRoute(
      detail.loader,
      appRequest(`/admin/producers/${producerId}`, { cookie: office.cookie }),
      {
        producerId,
      },
    )
    expect(page.status).toBe(200)
    const producer = (page.body as { producer: Record<string, unknown> }).producer
    expect(producer).toMatchObject({
      name,
      status: 'MORE_INFO',
      ethnicMinority: true,
      members: [{ role: 'OWNER', user: { email: owner.email } }],
      documents: [{ kind: 'BUSINESS_REGISTRATION', fileName: 'giay-dang-ky-htx.pdf', sizeBytes: PDF.byteLength }],
      productCounts: { DRAFT: 0, PUBLISHED: 0, ARCHIVED: 0, HIDDEN: 0 },
      certifiedProducts: 0,
      actions: ['approve', 'reject'],
      history: [{ action: 'producer.request-info', summary: expect.stringContaining('an toàn thực phẩm') }],
    })

    const missing = await callRoute(detail.loader, appRequest('/admin/producers/nope', { cookie: office.cookie }), {
      producerId: 'nope',
    })
    expect(missing.status).toBe(404)
    expect((await decide('nope', 'approve')).status).toBe(404)
  })
})
