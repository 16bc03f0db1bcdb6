import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PDFParse } from 'pdf-parse'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeJpeg } from '#tests/factories/images.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type Locale } from '#app/i18n/locale.ts'
import { cataloguePdfStream } from './export-pdf.server.ts'
import { type ExportSheet } from './export-sheet.ts'
import { HS_HEADINGS } from './hs-codes.ts'

const GENERATED_AT = new Date('2026-11-29T03:00:00Z')
let workDir = ''
let coverImage = ''

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'export-pdf-'))
  coverImage = path.join(workDir, 'cover-640.webp')
  const sharp = (await import('sharp')).default
  await writeFile(
    coverImage,
    await sharp(await makeJpeg(640, 480))
      .webp()
      .toBuffer(),
  )
})

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true })
})

/** The seeded product as an export sheet, read straight from the tables (not through the catalogue query). */
async function seededSheet(sku: string, imageFile: string | null): Promise<ExportSheet> {
  const product = await getDb().product.findFirstOrThrow({
    where: { sku, exportTerms: { exportReady: true } },
    select: {
      id: true,
      slug: true,
      nameVi: true,
      nameEn: true,
      descriptionEn: true,
      groupCode: true,
      group: { select: { nameEn: true } },
      subgroup: { select: { nameEn: true } },
      certificates: {
        where: { revokedAt: null },
        orderBy: { issuedOn: 'desc' },
        take: 1,
        select: { stars: true, expiresOn: true },
      },
      exportTerms: true,
      exportTiers: { orderBy: { minQuantity: 'asc' }, select: { minQuantity: true, priceUsdCents: true } },
      exportCerts: { select: { kind: true, otherName: true, number: true, issuer: true, expiresOn: true } },
      producer: {
        select: {
          id: true,
          slug: true,
          name: true,
          kind: true,
          womenLed: true,
          ethnicMinority: true,
          exportProfileEn: true,
          exportMarkets: true,
          commune: { select: { province: { select: { nameVi: true, nameEn: true, regionSlug: true } } } },
        },
      },
    },
  })
  const terms = product.exportTerms!
  const star = product.certificates[0]
  const { province } = product.producer.commune
  return {
    productId: product.id,
    slug: product.slug,
    nameEn: product.nameEn,
    nameVi: product.nameVi,
    descriptionEn: product.descriptionEn,
    groupCode: product.groupCode,
    groupNameEn: product.group.nameEn,
    subgroupNameEn: product.subgroup.nameEn,
    ocopStars: star && star.expiresOn > GENERATED_AT ? star.stars : null,
    hsCode: terms.hsCode!,
    hsDescription: HS_HEADINGS[terms.hsCode!.slice(0, 4)]?.en ?? null,
    moqQuantity: terms.moqQuantity!,
    moqUnitEn: terms.moqUnitEn!,
    monthlyCapacity: terms.monthlyCapacity,
    capacityUnitEn: terms.capacityUnitEn,
    sampleLeadDays: terms.sampleLeadDays,
    orderLeadDays: terms.orderLeadDays!,
    incoterms: terms.incoterms,
    loadingPlace: terms.loadingPlace,
    tierBasis: terms.tierBasis === 'EXW' ? 'EXW' : 'FOB',
    tiers: product.exportTiers,
    packagingEn: terms.packagingEn,
    shelfLifeMonths: terms.shelfLifeMonths,
    certifications: product.exportCerts.map((cert) => ({ ...cert, expired: cert.expiresOn < GENERATED_AT })),
    producer: {
      id: product.producer.id,
      slug: product.producer.slug,
      name: product.producer.name,
      kind: product.producer.kind,
      provinceEn: province.nameEn,
      provinceVi: province.nameVi,
      regionSlug: province.regionSlug,
      exportProfileEn: product.producer.exportProfileEn,
      exportMarkets: product.producer.exportMarkets,
      womenLed: product.producer.womenLed,
      ethnicMinority: product.producer.ethnicMinority,
    },
    imageFile,
    imageUrl: null,
  }
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer())
}

async function render(sheets: ExportSheet[], locale: Locale): Promise<Buffer> {
  const title = locale === 'vi' ? 'Danh mục xuất khẩu' : 'Export catalogue'
  return readAll(cataloguePdfStream(sheets, { locale, title, subtitle: 'HACCP · FOB', generatedAt: GENERATED_AT }))
}

async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) })
  try {
    const result = await parser.getText()
    return { text: result.text, pages: result.total }
  } finally {
    await parser.destroy()
  }
}

/** Image XObjects written into the file (their dictionaries are not compressed). */
function imageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0
}

describe('cataloguePdfStream', () => {
  test('renders seeded export sheets with Vietnamese diacritics, both names and certifications', async () => {
    const sheets = [
      await seededSheet('TM-NHAN-500', coverImage),
      await seededSheet('VP-LUA-M', coverImage),
      await seededSheet('TQ-43N-500', null),
    ]
    const pdf = await render(sheets, 'vi')
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF')
    const { text, pages } = await pdfText(pdf)
    // The cover, then two sheets a page.
    expect(pages).toBe(3)
    expect(text).toContain('Mật ong hoa nhãn Tuấn Minh')
    expect(text).toContain('Tuan Minh longan blossom honey')
    expect(text).toContain('HTX Ong Tuấn Minh')
    expect(text).toContain('HACCP')
    expect(text).toContain('0409.00.00 — Mật ong tự nhiên')
    expect(text).toContain('★★★★☆')
    expect(text).toContain('Trang 3/3')
    // The Phú Quốc fish sauce's HACCP certificate is past its expiry in the seed.
    expect(text).toContain('HẾT HẠN')
    expect(imageCount(pdf)).toBe(2)
  })

  test('labels follow the requested language', async () => {
    const pdf = await render([await seededSheet('TQ-43N-500', null)], 'en')
    const { text } = await pdfText(pdf)
    expect(text).toContain('Export catalogue')
    expect(text).toContain('Minimum order')
    expect(text).toContain('EXPIRED')
    expect(text).toContain('Page 2 of 2')
  })

  test('an empty selection is a valid one-page PDF that says no products match', async () => {
    const pdf = await render([], 'en')
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const { text, pages } = await pdfText(pdf)
    expect(pages).toBe(1)
    expect(text).toContain('No products match the selected filters.')
  })

  test('a sheet whose image file is missing renders without the image', async () => {
    const sheet = await seededSheet('TM-NHAN-500', path.join(workDir, 'no-such-image-640.webp'))
    const pdf = await render([sheet], 'vi')
    expect(imageCount(pdf)).toBe(0)
    const { text } = await pdfText(pdf)
    expect(text).toContain('Mật ong hoa nhãn Tuấn Minh')
    expect(text).toContain('Chưa có ảnh')
  })

  test('a failure part-way ends the stream with an error', async () => {
    const good = await seededSheet('TM-NHAN-500', null)
    const broken = {
      ...good,
      get producer(): ExportSheet['producer'] {
        throw new Error('broken sheet')
      },
    }
    await expect(render([good, good, broken, good], 'vi')).rejects.toThrow('broken sheet')
  })

  test('rendering waits for the reader (backpressure) and finishes once it reads on', async () => {
    const sheet = await seededSheet('TM-NHAN-500', coverImage)
    let rendered = 0
    const sheets = Array.from({ length: 120 }, () => ({
      ...sheet,
      get imageFile() {
        rendered += 1
        return coverImage
      },
    }))
    const reader = cataloguePdfStream(sheets, {
      locale: 'vi',
      title: 'Danh mục',
      generatedAt: GENERATED_AT,
    }).getReader()
    const first = await reader.read()
    expect(first.done).toBe(false)
    // Wait until rendering stops moving (or 20 s): it should stop well before the end.
    for (let waited = 0, seen = -1; rendered !== seen && waited < 20_000; waited += 400) {
      seen = rendered
      await new Promise((resolve) => setTimeout(resolve, 400))
    }
    // The queue holds about half a megabyte (some 30–40 sheets with photos): the rest waits to be read.
    expect(rendered).toBeGreaterThan(0)
    expect(rendered).toBeLessThan(80)
    let bytes = first.value!.byteLength
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength
    expect(rendered).toBe(sheets.length)
    expect(bytes).toBeGreaterThan(1.5 * 1024 * 1024)
  })
})
