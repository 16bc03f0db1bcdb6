/**
 * /seller/listings/:productId/export, /seller/export-profile and the certification file download,
 * driven as a browser would: real Requests with members' (and buyers') sessions.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { messagesFor } from '#app/i18n/messages.ts'
import { addExportCertification } from '#app/modules/export/export-terms.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { callRoute, formResult, toastOf } from '#tests/route-call.ts'
import * as certificationFile from '../_export+/($lang).export.certifications.$certificationId.file.ts'
import * as profile from './($lang).seller.export-profile.tsx'
import * as page from './($lang).seller.listings.$productId_.export.tsx'

const vi = messagesFor('vi').exportTerms
const en = messagesFor('en').exportTerms

let documentsDir = ''
const previousDocumentsDir = process.env.DOCUMENTS_DIR
let honeyProducerId = ''
let silkProducerId = ''
let honeyProductId = '' // TM-NHAN-500: export-ready, published
let silkProductId = '' // VP-LUA-M
let honeyOwner: TestUser
let silkOwner: TestUser
let customer: TestUser
let buyer: TestUser

beforeAll(async () => {
  documentsDir = await mkdtemp(path.join(os.tmpdir(), 'ocop-export-routes-'))
  process.env.DOCUMENTS_DIR = documentsDir
  const db = getDb()
  const [honey, silk, honeyProduct, silkProduct] = await Promise.all([
    db.producer.findUniqueOrThrow({ where: { slug: 'htx-ong-tuan-minh' }, select: { id: true } }),
    db.producer.findUniqueOrThrow({ where: { slug: 'htx-det-lua-van-phuc' }, select: { id: true } }),
    db.product.findFirstOrThrow({
      where: { sku: 'TM-NHAN-500' },
      select: { id: true, catalogEntry: { select: { visible: true } } },
    }),
    db.product.findFirstOrThrow({ where: { sku: 'VP-LUA-M' }, select: { id: true } }),
  ])
  expect(honeyProduct.catalogEntry?.visible).toBe(true)
  honeyProducerId = honey.id
  silkProducerId = silk.id
  honeyProductId = honeyProduct.id
  silkProductId = silkProduct.id
  ;[honeyOwner, silkOwner, customer, buyer] = await Promise.all([
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: honey.id }] }),
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: silk.id }] }),
    createTestUser({ roles: ['CUSTOMER'] }),
    createTestUser({ roles: ['CUSTOMER', 'EXPORT_BUYER'], company: 'Sakura Fine Foods K.K.', country: 'JP' }),
  ])
})

afterAll(async () => {
  if (previousDocumentsDir === undefined) delete process.env.DOCUMENTS_DIR
  else process.env.DOCUMENTS_DIR = previousDocumentsDir
  await rm(documentsDir, { recursive: true, force: true })
})

const PDF_BYTES = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'

function termsForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    intent: 'save-export-terms',
    exportReady: 'on',
    nameEn: 'Longan blossom honey 500 g',
    descriptionEn: 'Raw honey from Hung Yen longan orchards.',
    hsCode: '0409.00',
    moqQuantity: '500',
    moqUnitEn: 'jars (500 g)',
    monthlyCapacity: '',
    capacityUnitEn: '',
    sampleLeadDays: '5',
    orderLeadDays: '20',
    incoterms: ['EXW', 'FOB'],
    loadingPlace: 'Hai Phong port',
    tierBasis: 'FOB',
    'tiers[0].minQuantity': '500',
    'tiers[0].priceUsd': '6.10',
    'tiers[1].minQuantity': '2000',
    'tiers[1].priceUsd': '5.50',
    'tiers[2].minQuantity': '',
    'tiers[2].priceUsd': '',
    packagingEn: 'Glass jar, 12 per carton',
    shelfLifeMonths: '24',
    ...overrides,
  }
}

function exportPath(productId: string, lang = '') {
  return `${lang}/seller/listings/${productId}/export`
}

function load(user: TestUser | null, productId: string) {
  return callRoute(page.loader, appRequest(exportPath(productId), { cookie: user?.cookie }), { productId })
}

function post(user: TestUser, productId: string, form: Record<string, string | string[]> | FormData, lang?: 'en') {
  return callRoute(page.action, appRequest(exportPath(productId, lang ? '/en' : ''), { cookie: user.cookie, form }), {
    productId,
    ...(lang ? { lang } : {}),
  })
}

function honeyTerms() {
  return getDb().product.findUniqueOrThrow({
    where: { id: honeyProductId },
    select: {
      nameEn: true,
      exportTerms: { select: { moqQuantity: true, exportReady: true } },
      exportTiers: { orderBy: { minQuantity: 'asc' }, select: { minQuantity: true, priceUsdCents: true } },
    },
  })
}

function certificationForm(upload: File, fields: Record<string, string> = {}): FormData {
  const form = new FormData()
  form.append('intent', 'add-certification')
  const values = {
    kind: 'HACCP',
    otherName: '',
    number: 'HACCP-VN-7000',
    issuer: 'Vinacert',
    issuedOn: '2025-05-01',
    expiresOn: '2028-04-30',
    ...fields,
  }
  for (const [key, value] of Object.entries(values)) form.append(key, value)
  form.append('file', upload)
  return form
}

describe('the export terms page', () => {
  test('the producer sees the stored terms, the tiers and the certifications, expired ones flagged', async () => {
    const outcome = await load(honeyOwner, honeyProductId)
    expect(outcome.status).toBe(200)
    const body = outcome.body as {
      product: {
        exportTerms: { moqQuantity: number }
        exportTiers: unknown[]
        certifications: { kind: string; expired: boolean }[]
      }
    }
    expect(body.product.exportTerms.moqQuantity).toBe(300)
    expect(body.product.exportTiers).toHaveLength(3)
    expect(body.product.certifications.map((c) => c.kind).sort()).toEqual(['HACCP', 'VIETGAP'])
    expect(body.product.certifications.every((c) => !c.expired)).toBe(true)

    // The seed's Thanh Quốc fish sauce has a HACCP certificate past its expiry.
    const fishSauce = await getDb().product.findFirstOrThrow({
      where: { sku: 'TQ-43N-500' },
      select: { id: true, producerId: true },
    })
    const member = await createTestUser({
      roles: ['CUSTOMER', 'PRODUCER'],
      producers: [{ producerId: fishSauce.producerId }],
    })
    const expired = (await load(member, fishSauce.id)).body as typeof body
    expect(expired.product.certifications).toMatchObject([{ kind: 'HACCP', expired: true }])
  })

  test("another producer's member gets 404 for the page and for every post", async () => {
    const before = await honeyTerms()
    expect((await load(silkOwner, honeyProductId)).status).toBe(404)
    expect((await post(silkOwner, honeyProductId, termsForm({ nameEn: 'Taken over' }))).status).toBe(404)
    expect((await post(silkOwner, honeyProductId, certificationForm(new File([PDF_BYTES], 'c.pdf')))).status).toBe(404)
    const cert = await getDb().exportCertification.findFirstOrThrow({ where: { productId: honeyProductId } })
    expect(
      (await post(silkOwner, honeyProductId, { intent: 'remove-certification', certificationId: cert.id })).status,
    ).toBe(404)
    // Through their own product id, a certification of someone else's product is not found either.
    expect(
      (await post(silkOwner, silkProductId, { intent: 'remove-certification', certificationId: cert.id })).status,
    ).toBe(404)
    expect(await getDb().exportCertification.count({ where: { id: cert.id } })).toBe(1)
    expect(await honeyTerms()).toEqual(before)
  })

  test('a customer without a producer is refused; a guest is sent to log in', async () => {
    expect((await load(customer, honeyProductId)).status).toBe(403)
    const guest = await load(null, honeyProductId)
    expect(guest.status).toBe(302)
    expect(guest.location).toContain('/login')
  })

  test('saving replaces the tiers and says so', async () => {
    const outcome = await post(honeyOwner, honeyProductId, termsForm())
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(302)
    expect(outcome.location).toBe(exportPath(honeyProductId))
    const { nameVi } = await getDb().product.findUniqueOrThrow({
      where: { id: honeyProductId },
      select: { nameVi: true },
    })
    expect(await toastOf(outcome)).toBe(vi.toasts.saved(nameVi))
    expect(await honeyTerms()).toEqual({
      nameEn: 'Longan blossom honey 500 g',
      exportTerms: { moqQuantity: 500, exportReady: true },
      exportTiers: [
        { minQuantity: 500, priceUsdCents: 610 },
        { minQuantity: 2000, priceUsdCents: 550 },
      ],
    })
  })

  test('bad input is answered next to the field, in the language of the page, and nothing is saved', async () => {
    const before = await honeyTerms()
    const outcome = await post(
      honeyOwner,
      honeyProductId,
      termsForm({ moqQuantity: '0', orderLeadDays: '1000', hsCode: '12.34', 'tiers[1].priceUsd': '6.50' }),
      'en',
    )
    expect(outcome.status).toBe(400)
    const errors = formResult(outcome).error ?? {}
    expect(errors.moqQuantity).toEqual([en.errors.moqInvalid(10_000_000)])
    expect(errors.orderLeadDays).toEqual([en.errors.orderLeadInvalid(730)])
    expect(errors.hsCode).toEqual([en.errors.hsFormat])
    expect(errors['tiers[1].priceUsd']).toEqual([en.errors.tierPriceRises])
    expect(await honeyTerms()).toEqual(before)
  })

  test('an unknown intent is a 400, not an error page', async () => {
    expect((await post(honeyOwner, honeyProductId, { intent: 'nonsense' })).status).toBe(400)
  })
})

describe('certifications on the page', () => {
  test('a PDF is added (English toast on the English page) and then removed', async () => {
    const added = await post(honeyOwner, honeyProductId, certificationForm(new File([PDF_BYTES], 'haccp.pdf')), 'en')
    expect(added.status, JSON.stringify(added.body)).toBe(302)
    expect(added.location).toBe(`${exportPath(honeyProductId, '/en')}#certifications`)
    expect(await toastOf(added)).toBe(en.toasts.certificationAdded('HACCP'))
    const cert = await getDb().exportCertification.findFirstOrThrow({
      where: { productId: honeyProductId, number: 'HACCP-VN-7000' },
    })
    expect(cert.fileName).toBe('haccp.pdf')

    const removed = await post(honeyOwner, honeyProductId, { intent: 'remove-certification', certificationId: cert.id })
    expect(removed.status).toBe(302)
    expect(await toastOf(removed)).toBe(vi.toasts.certificationRemoved('HACCP'))
    expect(await getDb().exportCertification.count({ where: { id: cert.id } })).toBe(0)
  })

  test('a file that is not a PDF, JPEG or PNG is refused next to the file field and nothing is saved', async () => {
    const count = await getDb().exportCertification.count({ where: { productId: honeyProductId } })
    const outcome = await post(
      honeyOwner,
      honeyProductId,
      certificationForm(new File(['MZ\u0090\u0000 not a document'], 'cert.pdf', { type: 'application/pdf' })),
    )
    expect(outcome.status).toBe(400)
    expect(formResult(outcome).error?.file).toEqual([vi.certifications.errors.fileWrongType])
    expect(await getDb().exportCertification.count({ where: { productId: honeyProductId } })).toBe(count)
  })

  test('missing file, OTHER without a name and an expiry before the issue date are explained', async () => {
    const form = certificationForm(new File([PDF_BYTES], 'x.pdf'), { kind: 'OTHER', expiresOn: '2024-01-01' })
    form.delete('file')
    const outcome = await post(honeyOwner, honeyProductId, form)
    expect(outcome.status).toBe(400)
    const errors = formResult(outcome).error ?? {}
    expect(errors.file).toEqual([vi.certifications.errors.fileRequired])
    expect(errors.otherName).toEqual([vi.certifications.errors.otherNameRequired])
    expect(errors.expiresOn).toEqual([vi.certifications.errors.expiresBeforeIssued])
  })

  test('a file over 10 MB is refused before it is read whole', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1)
    big.set(new TextEncoder().encode('%PDF-1.7\n'))
    const outcome = await post(honeyOwner, honeyProductId, certificationForm(new File([big], 'big.pdf')))
    expect(outcome.status).toBe(400)
    expect(formResult(outcome).error?.file).toEqual([vi.certifications.errors.fileTooBig(10)])
  })
})

describe('the certification file', () => {
  let certId = ''
  let hiddenCertId = ''

  beforeAll(async () => {
    const haccp = {
      kind: 'HACCP' as const,
      otherName: null,
      number: 'DL-1',
      issuer: 'Vinacert',
      issuedOn: null,
      expiresOn: new Date('2029-01-01T00:00:00Z'),
    }
    const added = await addExportCertification(
      honeyProducerId,
      honeyProductId,
      haccp,
      new File([PDF_BYTES], 'haccp.pdf'),
    )
    if (!added.ok) throw new Error('not added')
    certId = added.id
    // A silk product that is not export-ready (its terms saved as a draft).
    await getDb().exportTerms.update({ where: { productId: silkProductId }, data: { exportReady: false } })
    const hidden = await addExportCertification(silkProducerId, silkProductId, haccp, new File([PDF_BYTES], 'oeko.pdf'))
    if (!hidden.ok) throw new Error('not added')
    hiddenCertId = hidden.id
  })

  function download(user: TestUser | null, certificationId: string) {
    return callRoute(
      certificationFile.loader,
      appRequest(`/export/certifications/${certificationId}/file`, { cookie: user?.cookie }),
      { certificationId },
    )
  }

  test('the producer and an export buyer get the PDF', async () => {
    for (const reader of [honeyOwner, buyer]) {
      const outcome = await download(reader, certId)
      expect(outcome.status).toBe(200)
      expect(outcome.headers.get('Content-Type')).toBe('application/pdf')
      expect(outcome.body).toBe(PDF_BYTES)
    }
  })

  test('a customer or another producer gets 404; a guest is sent to log in', async () => {
    expect((await download(customer, certId)).status).toBe(404)
    expect((await download(silkOwner, certId)).status).toBe(404)
    const guest = await download(null, certId)
    expect(guest.status).toBe(302)
    expect(guest.location).toMatch(/\/login\?redirectTo=%2Fexport%2Fcertifications%2F/)
  })

  test('for a product that is not export-ready, only its members get the file', async () => {
    expect((await download(buyer, hiddenCertId)).status).toBe(404)
    expect((await download(silkOwner, hiddenCertId)).status).toBe(200)
  })

  test('a seeded certification without a file, or an unknown id, is 404', async () => {
    const seeded = await getDb().exportCertification.findFirstOrThrow({ where: { fileUrl: null } })
    expect((await download(buyer, seeded.id)).status).toBe(404)
    expect((await download(buyer, 'no-such-id')).status).toBe(404)
  })
})

describe('the export profile page', () => {
  function postProfile(user: TestUser, form: Record<string, string | string[]>) {
    return callRoute(profile.action, appRequest('/seller/export-profile', { cookie: user.cookie, form }))
  }

  test('the producer sees and saves the English profile and markets', async () => {
    const loaded = await callRoute(profile.loader, appRequest('/seller/export-profile', { cookie: honeyOwner.cookie }))
    expect(loaded.status).toBe(200)
    expect((loaded.body as { profile: { exportMarkets: string[] } }).profile.exportMarkets).toEqual(['JP', 'KR', 'DE'])

    const saved = await postProfile(honeyOwner, {
      exportProfileEn: 'Beekeepers since 1998.',
      exportMarkets: ['SG', 'JP', 'AE'],
    })
    expect(saved.status).toBe(302)
    expect(await toastOf(saved)).toBe(vi.toasts.profileSaved)
    expect(
      await getDb().producer.findUniqueOrThrow({
        where: { id: honeyProducerId },
        select: { exportProfileEn: true, exportMarkets: true },
      }),
    ).toEqual({ exportProfileEn: 'Beekeepers since 1998.', exportMarkets: ['AE', 'JP', 'SG'] })
  })

  test('an unknown country code or a too long profile is refused, and only the own producer changes', async () => {
    const tooLong = await postProfile(honeyOwner, { exportProfileEn: 'x'.repeat(2001), exportMarkets: ['JP'] })
    expect(tooLong.status).toBe(400)
    expect(formResult(tooLong).error?.exportProfileEn).toEqual([vi.profile.errors.profileTooLong(2000)])
    const unknown = await postProfile(honeyOwner, { exportProfileEn: 'Fine.', exportMarkets: ['JP', 'ZZ'] })
    expect(unknown.status).toBe(400)
    expect(formResult(unknown).error?.exportMarkets).toEqual([vi.profile.errors.marketUnknown('ZZ')])

    const silkBefore = await getDb().producer.findUniqueOrThrow({
      where: { id: silkProducerId },
      select: { exportMarkets: true },
    })
    await postProfile(silkOwner, { exportProfileEn: 'Silk weavers.', exportMarkets: ['FR'] })
    const honeyAfter = await getDb().producer.findUniqueOrThrow({
      where: { id: honeyProducerId },
      select: { exportMarkets: true },
    })
    expect(honeyAfter.exportMarkets).toEqual(['AE', 'JP', 'SG'])
    expect(silkBefore.exportMarkets).not.toEqual(['FR'])
  })

  test('a customer without a producer is refused', async () => {
    expect(
      (await callRoute(profile.loader, appRequest('/seller/export-profile', { cookie: customer.cookie }))).status,
    ).toBe(403)
  })
})
