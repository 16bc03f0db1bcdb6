/** Export terms against the seeded database: scoped to the producer, saved in one transaction, files checked by their bytes. */
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { type ExportTermsInput } from './export-terms-schema.ts'
import {
  addExportCertification,
  getExportTermsForEdit,
  isCertificationExpired,
  removeExportCertification,
  saveExportTerms,
} from './export-terms.server.ts'

let documentsDir = ''
const previousDocumentsDir = process.env.DOCUMENTS_DIR
const previousToday = process.env.OCOP_TODAY
let honeyProducerId = ''
let silkProducerId = ''
let honeyProductId = '' // TM-NHAN-500, export-ready in the seed (tiers 300/1000/5000)

beforeAll(async () => {
  documentsDir = await mkdtemp(path.join(os.tmpdir(), 'ocop-export-terms-'))
  process.env.DOCUMENTS_DIR = documentsDir
  const db = getDb()
  const [honey, silk, product] = await Promise.all([
    db.producer.findUniqueOrThrow({ where: { slug: 'htx-ong-tuan-minh' }, select: { id: true } }),
    db.producer.findUniqueOrThrow({ where: { slug: 'htx-det-lua-van-phuc' }, select: { id: true } }),
    db.product.findFirstOrThrow({ where: { sku: 'TM-NHAN-500' }, select: { id: true, producerId: true } }),
  ])
  honeyProducerId = honey.id
  silkProducerId = silk.id
  honeyProductId = product.id
  expect(product.producerId).toBe(honey.id)
})

afterAll(async () => {
  if (previousDocumentsDir === undefined) delete process.env.DOCUMENTS_DIR
  else process.env.DOCUMENTS_DIR = previousDocumentsDir
  if (previousToday === undefined) delete process.env.OCOP_TODAY
  else process.env.OCOP_TODAY = previousToday
  await rm(documentsDir, { recursive: true, force: true })
})

function terms(overrides: Partial<ExportTermsInput> = {}): ExportTermsInput {
  return {
    exportReady: true,
    nameEn: 'Longan honey, raw, 500 g',
    descriptionEn: 'Raw longan blossom honey.',
    hsCode: '04090000',
    moqQuantity: 400,
    moqUnitEn: 'jars (500 g)',
    monthlyCapacity: 5000,
    capacityUnitEn: 'jars',
    sampleLeadDays: 7,
    orderLeadDays: 28,
    incoterms: ['FOB', 'CIF'],
    loadingPlace: 'Hai Phong port',
    tierBasis: 'FOB',
    packagingEn: 'Glass jar 500 g',
    shelfLifeMonths: 24,
    tiers: [
      { minQuantity: 400, priceUsdCents: 640 },
      { minQuantity: 2000, priceUsdCents: 575 },
    ],
    ...overrides,
  }
}

function stored(productId: string) {
  return getDb().product.findUniqueOrThrow({
    where: { id: productId },
    select: {
      nameEn: true,
      descriptionEn: true,
      exportTerms: { select: { moqQuantity: true, orderLeadDays: true, incoterms: true, hsCode: true } },
      exportTiers: { orderBy: { minQuantity: 'asc' }, select: { minQuantity: true, priceUsdCents: true } },
    },
  })
}

const PDF_BYTES = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'

function file(content: string, name: string, type = ''): File {
  return new File([content], name, { type })
}

async function filesOnDisk(): Promise<string[]> {
  if (!existsSync(documentsDir)) return []
  return (await readdir(documentsDir, { recursive: true })).filter((entry) => /\.\w+$/.test(entry))
}

const haccp = {
  kind: 'HACCP' as const,
  otherName: null,
  number: 'HACCP-VN-9001',
  issuer: 'Vinacert',
  issuedOn: new Date('2025-06-01T00:00:00Z'),
  expiresOn: new Date('2028-05-31T00:00:00Z'),
}

describe('saving export terms', () => {
  test('terms, English name and description are saved and the tiers replaced', async () => {
    expect((await stored(honeyProductId)).exportTiers.map((t) => t.minQuantity)).toEqual([300, 1000, 5000])
    const result = await saveExportTerms(honeyProducerId, honeyProductId, terms())
    expect(result).toMatchObject({ ok: true })
    expect(await stored(honeyProductId)).toEqual({
      nameEn: 'Longan honey, raw, 500 g',
      descriptionEn: 'Raw longan blossom honey.',
      exportTerms: { moqQuantity: 400, orderLeadDays: 28, incoterms: ['FOB', 'CIF'], hsCode: '04090000' },
      exportTiers: [
        { minQuantity: 400, priceUsdCents: 640 },
        { minQuantity: 2000, priceUsdCents: 575 },
      ],
    })
  })

  test('one transaction: when the tiers cannot be written, the terms and names stay as they were', async () => {
    const before = await stored(honeyProductId)
    // Two tiers at the same quantity break the unique index after the terms were already written.
    const broken = terms({
      nameEn: 'Should not be saved',
      moqQuantity: 999,
      tiers: [
        { minQuantity: 999, priceUsdCents: 600 },
        { minQuantity: 999, priceUsdCents: 500 },
      ],
    })
    await expect(saveExportTerms(honeyProducerId, honeyProductId, broken)).rejects.toThrow()
    expect(await stored(honeyProductId)).toEqual(before)
  })

  test('a product without terms gets them created (a draft, not export-ready)', async () => {
    const product = await getDb().product.findFirstOrThrow({
      where: { exportTerms: { is: null } },
      select: { id: true, producerId: true },
    })
    const draft = terms({ exportReady: false, hsCode: null, tiers: [], tierBasis: null, incoterms: [] })
    expect(await saveExportTerms(product.producerId, product.id, draft)).toMatchObject({ ok: true })
    const loaded = await getExportTermsForEdit(product.producerId, product.id)
    expect(loaded?.exportTerms).toMatchObject({ exportReady: false, hsCode: null, incoterms: [] })
    expect(loaded?.exportTiers).toEqual([])
  })

  test("another producer's product is not found, and nothing changes", async () => {
    const before = await stored(honeyProductId)
    expect(await getExportTermsForEdit(silkProducerId, honeyProductId)).toBeNull()
    expect(await saveExportTerms(silkProducerId, honeyProductId, terms({ nameEn: 'Hijacked' }))).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(await stored(honeyProductId)).toEqual(before)
  })
})

describe('certifications', () => {
  test('a PDF (recognised by its bytes) is stored privately and listed with its name', async () => {
    const result = await addExportCertification(
      honeyProducerId,
      honeyProductId,
      haccp,
      file(PDF_BYTES, 'HACCP 2025.pdf'),
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const row = await getDb().exportCertification.findUniqueOrThrow({ where: { id: result.id } })
    expect(row).toMatchObject({ kind: 'HACCP', number: 'HACCP-VN-9001', fileName: 'HACCP 2025.pdf' })
    expect(row.fileUrl).toMatch(new RegExp(`^export-certifications/${honeyProductId}/[0-9a-f]+\\.pdf$`))
    expect(existsSync(path.join(documentsDir, row.fileUrl!))).toBe(true)
    const loaded = await getExportTermsForEdit(honeyProducerId, honeyProductId)
    expect(loaded?.certifications.find((c) => c.id === result.id)).toMatchObject({ hasFile: true, expired: false })
  })

  test.each([
    ['a text file named .pdf and sent as application/pdf', file('just text, not a PDF', 'cert.pdf', 'application/pdf')],
    [
      'a WebP image (not accepted for certifications)',
      file('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'cert.webp', 'image/webp'),
    ],
    ['an empty file', file('', 'cert.pdf')],
  ])('%s is refused and nothing is saved', async (_label, upload) => {
    const count = await getDb().exportCertification.count({ where: { productId: honeyProductId } })
    const onDisk = await filesOnDisk()
    const result = await addExportCertification(honeyProducerId, honeyProductId, haccp, upload)
    expect(result).toMatchObject({ ok: false, reason: 'file' })
    expect(await getDb().exportCertification.count({ where: { productId: honeyProductId } })).toBe(count)
    expect(await filesOnDisk()).toEqual(onDisk)
  })

  test("another producer cannot add to or remove from this product's certifications", async () => {
    const onDisk = await filesOnDisk()
    expect(await addExportCertification(silkProducerId, honeyProductId, haccp, file(PDF_BYTES, 'x.pdf'))).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(await filesOnDisk()).toEqual(onDisk)
    const cert = await getDb().exportCertification.findFirstOrThrow({ where: { productId: honeyProductId } })
    expect(await removeExportCertification(silkProducerId, honeyProductId, cert.id)).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(await getDb().exportCertification.count({ where: { id: cert.id } })).toBe(1)
  })

  test('removing a certification deletes the row and its file', async () => {
    const added = await addExportCertification(honeyProducerId, honeyProductId, haccp, file(PDF_BYTES, 'to-remove.pdf'))
    if (!added.ok) throw new Error('not added')
    const { fileUrl } = await getDb().exportCertification.findUniqueOrThrow({ where: { id: added.id } })
    expect(await removeExportCertification(honeyProducerId, honeyProductId, added.id)).toMatchObject({
      ok: true,
      kind: 'HACCP',
    })
    expect(await getDb().exportCertification.count({ where: { id: added.id } })).toBe(0)
    expect(existsSync(path.join(documentsDir, fileUrl!))).toBe(false)
  })
})

describe('expired certifications', () => {
  test('valid through the expiry date, expired from the next day', () => {
    const cert = { expiresOn: new Date('2026-03-10T00:00:00Z') }
    expect(isCertificationExpired(cert, new Date('2026-03-10T23:00:00Z'))).toBe(false)
    expect(isCertificationExpired(cert, new Date('2026-03-11T00:30:00Z'))).toBe(true)
  })

  test("the form reports expiry against today's date (now())", async () => {
    // The seed's Thanh Quốc fish sauce HACCP certificate expired two months ago.
    const product = await getDb().product.findFirstOrThrow({
      where: { sku: 'TQ-43N-500' },
      select: { id: true, producerId: true },
    })
    const [cert] = await getDb().exportCertification.findMany({ where: { productId: product.id } })
    const loaded = await getExportTermsForEdit(product.producerId, product.id)
    expect(loaded?.certifications.find((c) => c.id === cert!.id)?.expired).toBe(true)

    const dayBefore = new Date(cert!.expiresOn.getTime() - 86_400_000).toISOString().slice(0, 10)
    process.env.OCOP_TODAY = dayBefore
    try {
      const earlier = await getExportTermsForEdit(product.producerId, product.id)
      expect(earlier?.certifications.find((c) => c.id === cert!.id)?.expired).toBe(false)
    } finally {
      if (previousToday === undefined) delete process.env.OCOP_TODAY
      else process.env.OCOP_TODAY = previousToday
    }
  })
})
