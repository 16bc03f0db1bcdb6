/** The office's certificate pages, the public trust page and the producer's certificates, driven with real Requests. */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { faker } from '@faker-js/faker'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { renderQrSvg } from '#app/modules/payments/vietqr.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { createTestProducer } from '#tests/factories/orders.ts'
import { callRoute, formResult, toastOf, type Outcome } from '#tests/route-call.ts'
import * as sellerCertificates from '../_seller+/($lang).seller.certificates.tsx'
import * as publicDecision from '../_shop+/($lang).certificates.$certificateId.decision.ts'
import * as publicQr from '../_shop+/($lang).certificates.$certificateId.qr[.]svg.ts'
import * as publicPage from '../_shop+/($lang).certificates.$certificateId.tsx'
import * as detail from './($lang).admin.certificates.$certificateId.tsx'
import * as list from './($lang).admin.certificates._index.tsx'
import * as create from './($lang).admin.certificates.new.tsx'

const TODAY = '2026-03-11'
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

const previousToday = process.env.OCOP_TODAY
const previousDocumentsDir = process.env.DOCUMENTS_DIR
let documentsDir = ''
let office: TestUser
let customer: TestUser
let member: TestUser
let otherMember: TestUser
let productId = ''
let tag = ''

beforeAll(async () => {
  process.env.OCOP_TODAY = TODAY
  documentsDir = await mkdtemp(path.join(os.tmpdir(), 'ocop-certificates-'))
  process.env.DOCUMENTS_DIR = documentsDir
  tag = `qz${faker.string.alpha({ length: 6, casing: 'lower' })}`
  const [producer, other] = await Promise.all([
    createTestProducer({ products: [{ nameVi: `Trà shan tuyết ${tag}` }] }),
    createTestProducer(),
  ])
  productId = producer.products[0]!.id
  ;[office, customer, member, otherMember] = await Promise.all([
    createTestUser({ roles: ['OFFICE_STAFF'] }),
    createTestUser({ roles: ['CUSTOMER'] }),
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: producer.id }] }),
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: other.id }] }),
  ])
})

afterAll(async () => {
  if (previousToday === undefined) delete process.env.OCOP_TODAY
  else process.env.OCOP_TODAY = previousToday
  if (previousDocumentsDir === undefined) delete process.env.DOCUMENTS_DIR
  else process.env.DOCUMENTS_DIR = previousDocumentsDir
  await rm(documentsDir, { recursive: true, force: true })
})

let counter = 0
function certificateForm(overrides: Record<string, string> = {}): Record<string, string> {
  counter += 1
  return {
    productId,
    stars: '4',
    score: '76',
    level: 'PROVINCIAL',
    issuer: 'UBND tỉnh Hà Giang',
    decisionNumber: `${100 + counter}/QĐ-UBND`,
    decisionDate: '2026-03-02',
    issuedOn: '2026-03-05',
    legalBasis: 'Quyết định 148/QĐ-TTg ngày 24/02/2023',
    ...overrides,
  }
}

function record(form: Record<string, string> | FormData, cookie = office.cookie) {
  return callRoute(create.action, appRequest('/admin/certificates/new', { cookie, form }))
}

function act(certificateId: string, form: Record<string, string> | FormData, cookie = office.cookie) {
  return callRoute(detail.action, appRequest(`/admin/certificates/${certificateId}`, { cookie, form }), {
    certificateId,
  })
}

async function recorded(outcome: Outcome): Promise<string> {
  expect(outcome.status, JSON.stringify(outcome.body)).toBe(302)
  return outcome.location!.split('/').pop()!
}

const certificateCount = () => getDb().certificate.count({ where: { productId } })

function auditOf(entityId: string) {
  return getDb().auditEvent.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' } })
}

describe('who may use the office pages', () => {
  test('a customer or a producer gets 403 on every certificate loader and action', async () => {
    const someId = (await getDb().certificate.findFirstOrThrow({ select: { id: true } })).id
    for (const user of [customer, member]) {
      const get = (p: string) => appRequest(p, { cookie: user.cookie })
      expect((await callRoute(list.loader, get('/admin/certificates'))).status).toBe(403)
      expect((await callRoute(create.loader, get('/admin/certificates/new'))).status).toBe(403)
      expect((await record(certificateForm(), user.cookie)).status).toBe(403)
      expect(
        (await callRoute(detail.loader, get(`/admin/certificates/${someId}`), { certificateId: someId })).status,
      ).toBe(403)
      expect((await act(someId, { intent: 'revoke', reason: 'x' }, user.cookie)).status).toBe(403)
    }
    expect(await certificateCount()).toBe(0)
    expect((await getDb().certificate.findUniqueOrThrow({ where: { id: someId } })).revokedAt).toBeNull()
  })
})

describe('recording a certificate', () => {
  test('the form finds products by name and preselects one', async () => {
    const search = await callRoute(
      create.loader,
      appRequest(`/admin/certificates/new?q=${tag}`, { cookie: office.cookie }),
    )
    expect((search.body as { results: { id: string }[] }).results.map((p) => p.id)).toEqual([productId])
    const chosen = await callRoute(
      create.loader,
      appRequest(`/admin/certificates/new?productId=${productId}`, { cookie: office.cookie }),
    )
    expect((chosen.body as { product: { id: string; currentStars: number | null } }).product).toMatchObject({
      id: productId,
      currentStars: null,
    })
  })

  test('with its scanned decision: saved, audited, public with a QR code and the scan', async () => {
    const form = new FormData()
    for (const [key, value] of Object.entries(certificateForm({ decisionNumber: '88/QĐ-UBND' })))
      form.append(key, value)
    form.append('decisionFile', new File([PDF], 'QĐ 88.pdf', { type: 'application/pdf' }))
    const outcome = await record(form)
    const id = await recorded(outcome)
    expect(await toastOf(outcome)).toBe('Đã ghi nhận chứng nhận 88/QĐ-UBND.')
    const saved = await getDb().certificate.findUniqueOrThrow({ where: { id } })
    expect(saved).toMatchObject({ stars: 4, score: 76, level: 'PROVINCIAL', recordedById: office.id })
    expect(saved.expiresOn.toISOString().slice(0, 10)).toBe('2029-03-05')
    expect(saved.decisionFileUrl).toMatch(/^certificates\/[0-9a-f]+\.pdf$/)

    const [event] = await auditOf(id)
    expect(event).toMatchObject({ action: 'certificate.record', actorEmail: office.email, before: null })
    expect(event!.after).toMatchObject({
      decisionNumber: '88/QĐ-UBND',
      stars: 4,
      expiresOn: '2029-03-05T00:00:00.000Z',
    })

    const page = await callRoute(publicPage.loader, appRequest(`/certificates/${id}`), { certificateId: id })
    expect(page.body).toMatchObject({
      certificate: { status: 'active', hasDecisionFile: true, decisionNumber: '88/QĐ-UBND' },
    })
    const scan = await callRoute(publicDecision.loader, appRequest(`/certificates/${id}/decision`), {
      certificateId: id,
    })
    expect(scan.status).toBe(200)
    expect(scan.headers.get('Content-Type')).toBe('application/pdf')
    expect(scan.body).toBe(PDF.toString())

    const qr = await callRoute(publicQr.loader, appRequest(`/en/certificates/${id}/qr.svg`), {
      lang: 'en',
      certificateId: id,
    })
    expect(qr.status).toBe(200)
    expect(qr.headers.get('Content-Type')).toBe('image/svg+xml; charset=utf-8')
    expect(qr.body).toBe(await renderQrSvg(`http://localhost:3000/en/certificates/${id}`))
    const missing = await callRoute(publicQr.loader, appRequest('/certificates/nope/qr.svg'), { certificateId: 'nope' })
    expect(missing.status).toBe(404)
  })

  test('bad input gets a message next to the field and saves nothing', async () => {
    const before = await certificateCount()
    const expectError = async (overrides: Record<string, string>, field: string, message: string) => {
      const outcome = await record(certificateForm(overrides))
      expect(outcome.status, field).toBe(400)
      expect(formResult(outcome).error?.[field]).toEqual([message])
    }
    await expectError({ score: '68' }, 'score', 'Điểm 68 thuộc hạng 3 sao, không phải 4 sao.')
    await expectError({ stars: '5', score: '93' }, 'level', 'Sản phẩm 5 sao do cấp quốc gia công nhận.')
    await expectError({ issuedOn: '2026-03-12' }, 'issuedOn', 'Ngày cấp không được ở tương lai.')
    await expectError({ expiresOn: '2029-03-04' }, 'expiresOn', 'Hạn phải đúng 36 tháng sau ngày cấp (05/03/2029).')
    await expectError(
      { decisionNumber: '88/QĐ-UBND' },
      'decisionNumber',
      'Sản phẩm này đã có chứng nhận theo quyết định 88/QĐ-UBND: số quyết định không được trùng.',
    )
    await expectError({ productId: 'nope' }, 'productId', 'Sản phẩm không tồn tại.')

    const wrongFile = new FormData()
    for (const [key, value] of Object.entries(certificateForm())) wrongFile.append(key, value)
    wrongFile.append('decisionFile', new File(['MZ not a pdf'], 'quyet-dinh.pdf', { type: 'application/pdf' }))
    const refused = await record(wrongFile)
    expect(refused.status).toBe(400)
    expect(formResult(refused).error?.decisionFile).toEqual(['Chỉ nhận tệp PDF, JPEG hoặc PNG.'])

    const english = await callRoute(
      create.action,
      appRequest('/en/admin/certificates/new', { cookie: office.cookie, form: certificateForm({ score: '68' }) }),
      { lang: 'en' },
    )
    expect(formResult(english).error?.score).toEqual(['A score of 68 is in the 3-star band, not 4 stars.'])
    expect(await certificateCount()).toBe(before)
  })
})

describe('revoking, marking and replacing the scan', () => {
  test('potential 5 stars: only on a 4-star certificate, audited both ways', async () => {
    const fourStar = await recorded(await record(certificateForm()))
    const marked = await act(fourStar, { intent: 'potential', value: 'on' })
    expect(marked.status).toBe(302)
    expect(await toastOf(marked)).toBe('Đã đánh dấu sản phẩm tiềm năng 5 sao.')
    expect((await getDb().certificate.findUniqueOrThrow({ where: { id: fourStar } })).potentialFiveStar).toBe(true)
    const events = await auditOf(fourStar)
    expect(events.map((e) => e.action)).toEqual(['certificate.record', 'certificate.mark-potential'])
    expect(events[1]).toMatchObject({ before: { potentialFiveStar: false }, after: { potentialFiveStar: true } })

    const threeStar = await recorded(await record(certificateForm({ stars: '3', score: '60' })))
    const refused = await act(threeStar, { intent: 'potential', value: 'on' })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ error: 'Chỉ chứng nhận 4 sao mới được đánh dấu tiềm năng 5 sao.' })
  })

  test('revoking needs a reason; a revoked certificate cannot be changed again, and the public page says so', async () => {
    const id = await recorded(await record(certificateForm()))
    const blank = await act(id, { intent: 'revoke', reason: '  ' })
    expect(blank.status).toBe(400)
    expect(formResult(blank).error?.reason).toEqual(['Hãy ghi lý do thu hồi.'])
    expect((await getDb().certificate.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull()

    const revoked = await act(id, { intent: 'revoke', reason: 'Kiểm tra sau công nhận: không duy trì chất lượng.' })
    expect(revoked.status).toBe(302)
    expect(await toastOf(revoked)).toMatch(/^Đã thu hồi chứng nhận /)
    const saved = await getDb().certificate.findUniqueOrThrow({ where: { id } })
    expect(saved.revokedAt?.toISOString().slice(0, 10)).toBe(TODAY)
    expect(saved.revokedReason).toBe('Kiểm tra sau công nhận: không duy trì chất lượng.')
    const revokeEvent = (await auditOf(id)).find((e) => e.action === 'certificate.revoke')
    expect(revokeEvent).toMatchObject({ before: { revokedAt: null }, after: { revokedReason: saved.revokedReason } })

    const page = await callRoute(publicPage.loader, appRequest(`/certificates/${id}`), { certificateId: id })
    const shown = (page.body as { certificate: Record<string, unknown> }).certificate
    expect(shown).toMatchObject({ status: 'revoked' })
    expect(shown.revokedReason).toBeUndefined()

    const eventsBefore = (await auditOf(id)).length
    const message = 'Chứng nhận này đã bị thu hồi: không thể sửa, thu hồi lại, đánh giá lại hay đánh dấu.'
    const again = await act(id, { intent: 'revoke', reason: 'Lần nữa' })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ error: message })
    const mark = await act(id, { intent: 'potential', value: 'on' })
    expect(mark.body).toMatchObject({ error: message })
    const scan = new FormData()
    scan.append('intent', 'decision-file')
    scan.append('decisionFile', new File([PDF], 'scan.pdf', { type: 'application/pdf' }))
    const upload = await act(id, scan)
    expect(upload.status).toBe(409)
    expect(upload.body).toMatchObject({ error: message })
    const reEvaluation = await callRoute(
      create.loader,
      appRequest(`/admin/certificates/new?supersedes=${id}`, { cookie: office.cookie }),
    )
    expect(reEvaluation.body).toMatchObject({ conflict: message })
    const reEvaluated = await record(certificateForm({ supersedes: id, issuedOn: TODAY }))
    expect(reEvaluated.status).toBe(400)
    expect(formResult(reEvaluated).error?.['']).toEqual([message])

    const unchanged = await getDb().certificate.findUniqueOrThrow({ where: { id } })
    expect(unchanged).toMatchObject({
      revokedReason: saved.revokedReason,
      potentialFiveStar: false,
      decisionFileUrl: null,
    })
    expect(await getDb().certificate.count({ where: { supersedesId: id } })).toBe(0)
    expect((await auditOf(id)).length).toBe(eventsBefore)
  })

  test('a scan can be attached later (audited) and a wrong file is refused', async () => {
    const id = await recorded(await record(certificateForm()))
    const bad = new FormData()
    bad.append('intent', 'decision-file')
    bad.append('decisionFile', new File(['hello'], 'scan.pdf', { type: 'application/pdf' }))
    const refused = await act(id, bad)
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({ error: 'Chỉ nhận tệp PDF, JPEG hoặc PNG.' })

    const good = new FormData()
    good.append('intent', 'decision-file')
    good.append('decisionFile', new File([PDF], 'scan.pdf', { type: 'application/pdf' }))
    const saved = await act(id, good)
    expect(saved.status).toBe(302)
    const event = (await auditOf(id)).find((e) => e.action === 'certificate.decision-file')
    expect(event).toMatchObject({ before: { decisionFileUrl: null } })
    expect((event!.after as { decisionFileUrl: string }).decisionFileUrl).toMatch(/^certificates\//)
  })
})

describe('the office list and the producer’s page', () => {
  test('the queues and the search find certificates by product, SKU or decision', async () => {
    const page = (query: string) =>
      callRoute(list.loader, appRequest(`/admin/certificates${query}`, { cookie: office.cookie })).then(
        (o) =>
          o.body as {
            items: { decisionNumber: string; status: string }[]
            counts: Record<string, number>
            total: number
          },
      )
    const mine = await page(`?q=${tag}`)
    expect(mine.total).toBe(await certificateCount())
    expect(mine.counts.revoked).toBe(1)
    const revoked = await page(`?view=revoked&q=${tag}`)
    expect(revoked.items.map((c) => c.status)).toEqual(['revoked'])
    expect((await page('?q=88/QĐ-UBND')).items.map((c) => c.decisionNumber)).toContain('88/QĐ-UBND')
    // Typed without tone marks, as on the storefront: "mat ong hoa nhan tuan minh" finds the seeded honey.
    const honey = await page(`?q=${encodeURIComponent('mat ong hoa nhan tuan minh')}`)
    expect(honey.total).toBeGreaterThan(0)
    expect(honey.total).toBe((await page(`?q=${encodeURIComponent('Mật ong hoa nhãn Tuấn Minh')}`)).total)
    // Seeded data: the expired queue lists expired certificates nobody re-evaluated.
    const expired = await page('?view=expired')
    expect(expired.items.every((c) => c.status === 'expired')).toBe(true)
  })

  test('a producer member sees the producer’s certificates with status and days left, and no one else’s', async () => {
    const mine = await callRoute(
      sellerCertificates.loader,
      appRequest('/seller/certificates', { cookie: member.cookie }),
    )
    const items = (
      mine.body as { certificates: { product: { id: string }; status: string; daysLeft: number; printable: boolean }[] }
    ).certificates
    expect(items.length).toBe(await certificateCount())
    expect(items.every((c) => c.product.id === productId)).toBe(true)
    expect(items.find((c) => c.status === 'revoked')?.printable).toBe(false)
    expect(items.find((c) => c.status === 'active')).toMatchObject({ printable: true, daysLeft: 1090 })

    const theirs = await callRoute(
      sellerCertificates.loader,
      appRequest('/seller/certificates', { cookie: otherMember.cookie }),
    )
    expect((theirs.body as { certificates: unknown[] }).certificates).toEqual([])
  })
})
