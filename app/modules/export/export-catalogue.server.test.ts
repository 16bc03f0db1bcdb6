/**
 * The export catalogue query on the seeded catalogue: 24 export-ready products, of which 23 are on
 * the storefront (PL-NH-5KG is a draft of a producer still pending); one HACCP is expired.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import {
  exportFacets,
  exportFiltersFromUrl,
  loadExportCatalogue,
  loadExportSheet,
  loadExportSheets,
  parseExportFilters,
} from './export-catalogue.server.ts'

const slugs: Record<string, string> = {}

beforeAll(async () => {
  const products = await getDb().product.findMany({
    where: { sku: { in: ['TM-NHAN-500', 'KH-40N-500', 'TQ-43N-500', 'PC-NBT-01', 'VP-LUA-M', 'PL-NH-5KG'] } },
    select: { sku: true, slug: true },
  })
  for (const product of products) slugs[product.sku] = product.slug
})

const filtersOf = (query: string) => parseExportFilters(new URL(`http://localhost/export?${query}`))

async function slugsFor(query: string, limit = 100) {
  const { sheets, total } = await loadExportSheets(filtersOf(query), { limit })
  return { slugs: sheets.map((s) => s.slug), sheets, total }
}

describe('loadExportSheets', () => {
  test('lists every export-ready product on the storefront, with its terms, tiers and certifications', async () => {
    const { sheets, total } = await slugsFor('')
    expect(total).toBe(23)
    expect(sheets).toHaveLength(23)
    const honey = sheets.find((s) => s.slug === slugs['TM-NHAN-500'])!
    expect(honey).toMatchObject({
      hsCode: '0409.00.00',
      hsDescription: 'Natural honey',
      moqQuantity: 300,
      moqUnitEn: 'jars (500 g)',
      orderLeadDays: 21,
      incoterms: ['EXW', 'FOB', 'CIF'],
      loadingPlace: 'Hai Phong port',
      tierBasis: 'FOB',
      tiers: [
        { minQuantity: 300, priceUsdCents: 620 },
        { minQuantity: 1000, priceUsdCents: 560 },
        { minQuantity: 5000, priceUsdCents: 495 },
      ],
    })
    expect(honey.producer).toMatchObject({ slug: 'htx-ong-tuan-minh', exportMarkets: ['JP', 'KR', 'DE'] })
    expect(honey.producer.exportProfileEn).toContain('Beekeeping cooperative')
    expect(honey.certifications.map((c) => [c.kind, c.number, c.expired])).toEqual([
      ['VIETGAP', 'VG-01-0456', false],
      ['HACCP', 'HACCP-VN-2291', false],
    ])
  })

  test('HACCP + food + MOQ ≤ 500 + FOB: Tuan Minh honey and Khai Hoan fish sauce, not Thanh Quoc (expired HACCP)', async () => {
    const { slugs: found, sheets } = await slugsFor('cert=HACCP&group=thuc-pham&moqMax=500&incoterm=FOB')
    expect(found).toContain(slugs['TM-NHAN-500'])
    expect(found).toContain(slugs['KH-40N-500'])
    expect(found).not.toContain(slugs['TQ-43N-500'])
    for (const sheet of sheets) {
      expect(sheet.groupCode).toBe('thuc-pham')
      expect(sheet.moqQuantity).toBeLessThanOrEqual(500)
      expect(sheet.incoterms).toContain('FOB')
      expect(sheet.certifications.some((c) => c.kind === 'HACCP' && !c.expired)).toBe(true)
    }
  })

  test('an expired certification shows as expired and never matches the certification filter', async () => {
    const thanhQuoc = await loadExportSheet(slugs['TQ-43N-500']!)
    expect(thanhQuoc?.certifications).toEqual([expect.objectContaining({ number: 'HACCP-PQ-0011', expired: true })])
    expect((await slugsFor('cert=HACCP')).slugs).not.toContain(slugs['TQ-43N-500'])
    expect((await slugsFor('group=thuc-pham&incoterm=FOB')).slugs).toContain(slugs['TQ-43N-500'])
  })

  test('several Incoterms or certifications: the product must offer every one', async () => {
    const { sheets } = await slugsFor('incoterm=FOB&incoterm=CIF&cert=HACCP&cert=VIETGAP')
    expect(sheets.map((s) => s.slug)).toEqual([slugs['TM-NHAN-500']])
  })

  test('English words find products through their English names', async () => {
    const { sheets, total } = await slugsFor('q=honey')
    expect(total).toBeGreaterThanOrEqual(3)
    expect(sheets.map((s) => s.slug)).toContain(slugs['TM-NHAN-500'])
    expect(sheets.map((s) => s.groupCode)).not.toContain('thu-cong-my-nghe')
    expect(sheets.map((s) => s.slug)).not.toContain(slugs['KH-40N-500'])
    expect((await slugsFor('q=silk')).slugs).toContain(slugs['VP-LUA-M'])
    expect((await slugsFor('q=mật ong')).slugs).toContain(slugs['TM-NHAN-500'])
  })

  test('sorts by MOQ, lead time and lowest price', async () => {
    const byMoq = (await slugsFor('sort=moq')).sheets.map((s) => s.moqQuantity)
    expect(byMoq).toEqual([...byMoq].sort((a, b) => a - b))
    const byLead = (await slugsFor('sort=lead')).sheets.map((s) => s.orderLeadDays)
    expect(byLead).toEqual([...byLead].sort((a, b) => a - b))
    const byPrice = (await slugsFor('sort=price')).sheets.map((s) => Math.min(...s.tiers.map((t) => t.priceUsdCents)))
    expect(byPrice).toEqual([...byPrice].sort((a, b) => a - b))
  })

  test('stars count only while the OCOP certificate is valid', async () => {
    const { sheets } = await slugsFor('stars=4')
    expect(sheets.length).toBeGreaterThan(0)
    for (const sheet of sheets) expect(sheet.ocopStars).toBeGreaterThanOrEqual(4)
  })

  test('limit and offset page through the selection', async () => {
    const all = (await slugsFor('sort=moq')).slugs
    const { sheets, total } = await loadExportSheets(filtersOf('sort=moq'), { limit: 5, offset: 5 })
    expect(total).toBe(23)
    expect(sheets.map((s) => s.slug)).toEqual(all.slice(5, 10))
    expect((await loadExportSheets(filtersOf(''), { limit: 5, offset: 500 })).sheets).toEqual([])
  })
})

describe('filters from the URL', () => {
  test('invalid values are ignored and listed, never an error', async () => {
    const filters = filtersOf(
      'cert=FOO&cert=haccp&incoterm=XYZ&moqMax=abc&leadMax=-3&stars=7&kind=PIRATE&sort=cheap&page=0&group=nope&province=abc&region=%3Cscript%3E',
    )
    expect(filters).toMatchObject({ cert: ['HACCP'], incoterm: [], sort: 'newest', page: 1 })
    expect(filters.ignored.map((i) => i.param).sort()).toEqual(
      ['cert', 'group', 'incoterm', 'kind', 'leadMax', 'moqMax', 'page', 'province', 'region', 'sort', 'stars'].sort(),
    )
    const { total } = await loadExportSheets(filters, { limit: 1 })
    expect(total).toBe((await slugsFor('cert=HACCP')).total)
  })

  test('a province or region that does not exist is ignored too', async () => {
    const filters = await exportFiltersFromUrl(new URL('http://localhost/export?province=99&region=nowhere'))
    expect(filters.province).toBeUndefined()
    expect(filters.region).toBeUndefined()
    expect(filters.ignored.map((i) => i.param).sort()).toEqual(['province', 'region'])
  })

  test('relevance is the default with words, newest without', () => {
    expect(filtersOf('q=honey').sort).toBe('relevance')
    expect(filtersOf('sort=relevance').sort).toBe('newest')
    expect(filtersOf('q=honey&sort=moq').sort).toBe('moq')
  })
})

describe('the catalogue page data', () => {
  test('facet counts give what choosing the value would give', async () => {
    const base = 'cert=HACCP&incoterm=FOB'
    const facets = await exportFacets(filtersOf(base))
    expect(Object.keys(facets.group).length).toBeGreaterThan(0)
    for (const [group, count] of Object.entries(facets.group)) {
      expect((await slugsFor(`${base}&group=${group}`)).total, group).toBe(count)
    }
    for (const [cert, count] of Object.entries(facets.cert)) {
      expect((await slugsFor(`${base}&cert=${cert}`)).total, cert).toBe(count)
    }
    for (const [province, count] of Object.entries(facets.province)) {
      expect((await slugsFor(`${base}&province=${province}`)).total, province).toBe(count)
    }
    expect(facets.cert.HACCP).toBe((await slugsFor(base)).total)
  })

  test('a page past the last shows the last one', async () => {
    const page = await loadExportCatalogue(new URL('http://localhost/export?page=99'), 10)
    expect(page).toMatchObject({ page: 3, pageCount: 3, pageTooLarge: true, total: 23 })
    expect(page.sheets).toHaveLength(3)
  })
})

describe('visibility', () => {
  test('an export-ready draft of a pending producer is not in the catalogue', async () => {
    const slug = slugs['PL-NH-5KG']!
    expect(slug).toBeDefined()
    expect((await slugsFor('')).slugs).not.toContain(slug)
    expect((await slugsFor('q=rice')).slugs).not.toContain(slug)
    expect(await loadExportSheet(slug)).toBeNull()
  })

  test('a product taken off the storefront disappears, even when export-ready', async () => {
    const slug = slugs['PC-NBT-01']!
    expect((await slugsFor('')).slugs).toContain(slug)
    await getDb().product.update({ where: { slug }, data: { status: 'DRAFT' } })
    expect((await slugsFor('')).slugs).not.toContain(slug)
    expect((await slugsFor('q=hat')).slugs).not.toContain(slug)
    expect(await loadExportSheet(slug)).toBeNull()
  })

  test('a product on the storefront that is not export-ready has no sheet', async () => {
    const other = await getDb().product.findFirstOrThrow({
      where: { status: 'PUBLISHED', exportTerms: null },
      select: { slug: true },
    })
    expect(await loadExportSheet(other.slug)).toBeNull()
  })
})

describe('cover image file (for the PDF)', () => {
  test('is the stored 640 px WebP under the media directory when it exists, else null', async () => {
    const slug = slugs['TM-NHAN-500']!
    const mediaDir = await mkdtemp(path.join(tmpdir(), 'ocop-media-'))
    const previous = process.env.MEDIA_DIR
    process.env.MEDIA_DIR = mediaDir
    try {
      const sheet = (await loadExportSheet(slug))!
      expect(sheet.imageUrl).toMatch(/^\/media\/.+\.webp$/)
      expect(sheet.imageFile).toBeNull()
      const file = path.join(mediaDir, sheet.imageUrl!.slice('/media/'.length).replace(/\.webp$/, '-640.webp'))
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(file, 'RIFF')
      expect((await loadExportSheet(slug))!.imageFile).toBe(file)
    } finally {
      if (previous === undefined) delete process.env.MEDIA_DIR
      else process.env.MEDIA_DIR = previous
      await rm(mediaDir, { recursive: true, force: true })
    }
  })
})
