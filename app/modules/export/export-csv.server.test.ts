import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { catalogueCsvStream, csvCell } from './export-csv.server.ts'
import { type ExportSheet } from './export-sheet.ts'

function sheet(overrides: Partial<ExportSheet> = {}): ExportSheet {
  return {
    productId: 'p1',
    slug: 'mat-ong-hoa-nhan-tuan-minh',
    nameEn: 'Longan blossom honey',
    nameVi: 'Mật ong hoa nhãn Tuấn Minh',
    descriptionEn: 'Raw honey.',
    groupCode: 'thuc-pham',
    groupNameEn: 'Food',
    subgroupNameEn: 'Honey and other farm produce',
    ocopStars: 4,
    hsCode: '0409.00.00',
    hsDescription: 'Natural honey',
    moqQuantity: 300,
    moqUnitEn: 'jars (500 g)',
    monthlyCapacity: 6000,
    capacityUnitEn: 'jars',
    sampleLeadDays: 5,
    orderLeadDays: 21,
    incoterms: ['EXW', 'FOB', 'CIF'],
    loadingPlace: 'Hai Phong port',
    tierBasis: 'FOB',
    tiers: [
      { minQuantity: 300, priceUsdCents: 620 },
      { minQuantity: 1000, priceUsdCents: 560 },
    ],
    packagingEn: 'Glass jar 500 g, 12 jars per carton',
    shelfLifeMonths: 24,
    certifications: [
      {
        kind: 'HACCP',
        otherName: null,
        number: 'HACCP-VN-2291',
        issuer: 'Vinacert',
        expiresOn: new Date('2028-07-29T00:00:00Z'),
        expired: false,
      },
      {
        kind: 'VIETGAP',
        otherName: null,
        number: 'VG-01-0456',
        issuer: 'Hanoi Department of Agriculture',
        expiresOn: new Date('2026-01-15T00:00:00Z'),
        expired: true,
      },
    ],
    producer: {
      id: 'pr1',
      slug: 'htx-ong-tuan-minh',
      name: 'HTX Ong Tuấn Minh',
      kind: 'HOP_TAC_XA',
      provinceEn: 'Hanoi',
      provinceVi: 'Hà Nội',
      regionSlug: 'dong-bang-song-hong',
      exportProfileEn: '',
      exportMarkets: ['JP'],
      womenLed: false,
      ethnicMinority: false,
    },
    imageFile: null,
    imageUrl: null,
    ...overrides,
  }
}

async function csvOf(sheets: ExportSheet[], options?: Parameters<typeof catalogueCsvStream>[1]) {
  const bytes = new Uint8Array(await new Response(catalogueCsvStream(sheets, options)).arrayBuffer())
  return { bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
}

describe('catalogueCsvStream', () => {
  test('starts with the UTF-8 byte order mark and a header, then one CRLF row per product', async () => {
    const { bytes, text } = await csvOf([sheet(), sheet({ productId: 'p2', slug: 'b' })], {
      locale: 'en',
      origin: 'https://ocop.example',
    })
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = text.slice(1).split('\r\n')
    expect(lines[0]).toMatch(/^Product \(EN\),Product \(VI\),Producer,Province,OCOP stars,HS code/)
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      'Product (VI)': 'Mật ong hoa nhãn Tuấn Minh',
      Producer: 'HTX Ong Tuấn Minh',
      'HS code': '0409.00.00',
      'HS description': 'Natural honey',
      MOQ: '300',
      'MOQ unit': 'jars (500 g)',
      Incoterms: 'EXW, FOB, CIF',
      'Price basis': 'FOB',
      'USD price tiers': '300+: $6.20; 1000+: $5.60',
      Certifications:
        'HACCP HACCP-VN-2291 (Vinacert, exp. 2028-07-29); VietGAP VG-01-0456 (Hanoi Department of Agriculture, EXPIRED 2026-01-15)',
      'Product URL': 'https://ocop.example/en/export/products/mat-ong-hoa-nhan-tuan-minh',
    })
  })

  test('keeps Vietnamese diacritics, escapes quotes and line breaks', async () => {
    const name = 'Nước mắm "nhĩ", 40°N\nPhú Quốc'
    const { text } = await csvOf([sheet({ nameVi: name, packagingEn: 'Bottle, 500 ml' })])
    expect(text).toContain('"Nước mắm ""nhĩ"", 40°N\nPhú Quốc"')
    const [row] = parse(text.slice(1), { columns: true }) as Record<string, string>[]
    expect(row['Product (VI)']).toBe(name)
    expect(row.Packaging).toBe('Bottle, 500 ml')
  })

  test('neutralises spreadsheet formulas typed into any text cell', async () => {
    const { text } = await csvOf([
      sheet({ nameEn: '=HYPERLINK("http://evil.example","Click")', packagingEn: '+1+2', moqUnitEn: '@SUM(A1)' }),
    ])
    const [row] = parse(text.slice(1), { columns: true }) as Record<string, string>[]
    expect(row['Product (EN)']).toBe(`'=HYPERLINK("http://evil.example","Click")`)
    expect(row.Packaging).toBe("'+1+2")
    expect(row['MOQ unit']).toBe("'@SUM(A1)")
    expect(csvCell('-3')).toBe("'-3")
    expect(csvCell('Hà Nội')).toBe('Hà Nội')
  })

  test('writes the Vietnamese header and place names for the Vietnamese catalogue', async () => {
    const { text } = await csvOf([sheet()], { locale: 'vi' })
    const [row] = parse(text.slice(1), { columns: true }) as Record<string, string>[]
    expect(row['Tỉnh, thành phố']).toBe('Hà Nội')
    expect(row['Mô tả mã HS']).toBe('Mật ong tự nhiên')
    expect(row['Chứng nhận']).toContain('HẾT HẠN 2026-01-15')
    expect(row['Đường dẫn sản phẩm']).toBe('/export/products/mat-ong-hoa-nhan-tuan-minh')
  })

  test('an empty selection is the header alone', async () => {
    const { text } = await csvOf([])
    expect(text.slice(1).split('\r\n').filter(Boolean)).toHaveLength(1)
  })
})
