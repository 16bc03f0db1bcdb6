/**
 * Export terms of the reference products that real OCOP producers sell abroad (honey, fish sauce,
 * tea, coffee, coconut products, silk, ceramics, rattan, lacquer): HS codes, MOQ, lead times,
 * Incoterms, USD tiers and certification documents. Figures are realistic, not quotes of the named
 * producers. One HACCP certificate is past its expiry on purpose (it shows as expired and drops out
 * of certification filters).
 */
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { type ExportCertificationKind, type Incoterm } from '#app/generated/prisma/enums.ts'
import { addMonths, startOfUtcDay } from '#app/modules/certification/certificate-status.ts'

type Cert = [kind: ExportCertificationKind, number: string, issuer: string, monthsLeft: number, otherName?: string]
type Terms = {
  sku: string
  hs: string
  moq: [number, string]
  capacity: [number, string]
  sampleDays: number
  leadDays: number
  incoterms: Incoterm[]
  loading: string
  basis: 'FOB' | 'EXW'
  tiers: [minQuantity: number, usdCents: number][]
  packaging: string
  shelfLifeMonths: number | null
  certs: Cert[]
}

const SEA_HP = 'Hai Phong port'
const SEA_HCM = 'Cat Lai port, Ho Chi Minh City'
const AIR_HN = 'Hanoi (Noi Bai airport)'

export const EXPORT_TERMS: Terms[] = [
  {
    sku: 'TM-NHAN-500',
    hs: '0409.00.00',
    moq: [300, 'jars (500 g)'],
    capacity: [6000, 'jars'],
    sampleDays: 5,
    leadDays: 21,
    incoterms: ['EXW', 'FOB', 'CIF'],
    loading: SEA_HP,
    basis: 'FOB',
    tiers: [
      [300, 620],
      [1000, 560],
      [5000, 495],
    ],
    packaging: 'Glass jar 500 g, 12 jars per carton, 9.6 kg gross',
    shelfLifeMonths: 24,
    certs: [
      ['HACCP', 'HACCP-VN-2291', 'Vinacert', 20],
      ['VIETGAP', 'VG-01-0456', 'Hanoi Department of Agriculture', 14],
    ],
  },
  {
    sku: 'TM-SOC-100',
    hs: '0410.90.90',
    moq: [200, 'jars (100 g)'],
    capacity: [1500, 'jars'],
    sampleDays: 5,
    leadDays: 14,
    incoterms: ['EXW', 'FCA'],
    loading: AIR_HN,
    basis: 'EXW',
    tiers: [
      [200, 890],
      [1000, 810],
    ],
    packaging: 'Frozen 100 g jar, insulated carton of 40',
    shelfLifeMonths: 12,
    certs: [['HACCP', 'HACCP-VN-2292', 'Vinacert', 20]],
  },
  {
    sku: 'VH-MO-500',
    hs: '0409.00.00',
    moq: [500, 'bottles (500 g)'],
    capacity: [4000, 'bottles'],
    sampleDays: 7,
    leadDays: 30,
    incoterms: ['FOB', 'CFR'],
    loading: SEA_HP,
    basis: 'FOB',
    tiers: [
      [500, 580],
      [2000, 520],
    ],
    packaging: 'PET bottle 500 g, 20 per carton',
    shelfLifeMonths: 24,
    certs: [['ISO_22000', 'ISO22000-QT-118', 'QUACERT', 9]],
  },
  {
    sku: 'TH-MOV-500',
    hs: '0409.00.00',
    moq: [1000, 'jars (500 g)'],
    capacity: [8000, 'jars'],
    sampleDays: 7,
    leadDays: 30,
    incoterms: ['FOB'],
    loading: SEA_HP,
    basis: 'FOB',
    tiers: [
      [1000, 540],
      [5000, 480],
    ],
    packaging: 'Glass jar 500 g, 12 per carton',
    shelfLifeMonths: 24,
    certs: [['HACCP', 'HACCP-HD-0714', 'Vinacert', 11]],
  },
  {
    sku: 'KH-40N-500',
    hs: '2103.90.13',
    moq: [480, 'bottles (500 ml)'],
    capacity: [20000, 'bottles'],
    sampleDays: 7,
    leadDays: 25,
    incoterms: ['EXW', 'FOB', 'CIF'],
    loading: SEA_HCM,
    basis: 'FOB',
    tiers: [
      [480, 410],
      [2400, 365],
      [9600, 330],
    ],
    packaging: 'Glass bottle 500 ml, 24 per carton, 19 kg gross',
    shelfLifeMonths: 36,
    certs: [
      ['HACCP', 'HACCP-PQ-0032', 'Bureau Veritas Vietnam', 26],
      ['OTHER', 'PDO-PQ-00017', 'EU (Protected Designation of Origin)', 60, 'EU PDO Phú Quốc'],
    ],
  },
  {
    sku: 'TQ-43N-500',
    hs: '2103.90.13',
    moq: [600, 'bottles (500 ml)'],
    capacity: [12000, 'bottles'],
    sampleDays: 7,
    leadDays: 25,
    incoterms: ['FOB'],
    loading: SEA_HCM,
    basis: 'FOB',
    tiers: [
      [600, 450],
      [3000, 405],
    ],
    packaging: 'Glass bottle 500 ml, 24 per carton',
    shelfLifeMonths: 36,
    certs: [['HACCP', 'HACCP-PQ-0011', 'Vinacert', -2]],
  },
  {
    sku: 'TVF-DHD-250',
    hs: '1702.90.99',
    moq: [200, 'bags (250 g)'],
    capacity: [10000, 'bags'],
    sampleDays: 5,
    leadDays: 20,
    incoterms: ['EXW', 'FOB', 'CIF'],
    loading: SEA_HCM,
    basis: 'FOB',
    tiers: [
      [200, 260],
      [2000, 225],
      [10000, 198],
    ],
    packaging: 'Kraft zip bag 250 g, 40 per carton',
    shelfLifeMonths: 18,
    certs: [
      ['ORGANIC', 'USDA-NOP-TVF-77', 'Control Union', 15],
      ['HACCP', 'HACCP-TV-0190', 'QUACERT', 22],
    ],
  },
  {
    sku: 'TVF-MHD-250',
    hs: '1702.90.99',
    moq: [300, 'bottles (250 ml)'],
    capacity: [6000, 'bottles'],
    sampleDays: 5,
    leadDays: 20,
    incoterms: ['FOB', 'CIF'],
    loading: SEA_HCM,
    basis: 'FOB',
    tiers: [
      [300, 390],
      [3000, 340],
    ],
    packaging: 'Glass bottle 250 ml, 24 per carton',
    shelfLifeMonths: 18,
    certs: [['ORGANIC', 'USDA-NOP-TVF-78', 'Control Union', 15]],
  },
  {
    sku: 'VCS-DS-250',
    hs: '2008.19.90',
    moq: [1000, 'jars (250 g)'],
    capacity: [15000, 'jars'],
    sampleDays: 10,
    leadDays: 30,
    incoterms: ['FOB'],
    loading: SEA_HCM,
    basis: 'FOB',
    tiers: [
      [1000, 310],
      [5000, 280],
    ],
    packaging: 'Glass jar 250 g, 24 per carton',
    shelfLifeMonths: 24,
    certs: [['ISO_22000', 'ISO22000-BT-031', 'TÜV Rheinland Vietnam', 30]],
  },
  {
    sku: 'HD-TC-200',
    hs: '0902.10.90',
    moq: [200, 'boxes (200 g)'],
    capacity: [3000, 'boxes'],
    sampleDays: 5,
    leadDays: 15,
    incoterms: ['EXW', 'FOB'],
    loading: AIR_HN,
    basis: 'EXW',
    tiers: [
      [200, 950],
      [1000, 860],
    ],
    packaging: 'Tin 200 g in gift box, 30 per carton',
    shelfLifeMonths: 24,
    certs: [['VIETGAP', 'VG-TN-0803', 'Thai Nguyen Department of Agriculture', 18]],
  },
  {
    sku: 'PL-TTN-200',
    hs: '0902.10.90',
    moq: [300, 'bags (200 g)'],
    capacity: [5000, 'bags'],
    sampleDays: 5,
    leadDays: 15,
    incoterms: ['FOB'],
    loading: SEA_HP,
    basis: 'FOB',
    tiers: [
      [300, 720],
      [1500, 650],
    ],
    packaging: 'Vacuum bag 200 g, 50 per carton',
    shelfLifeMonths: 18,
    certs: [['VIETGAP', 'VG-TN-0611', 'Thai Nguyen Department of Agriculture', 12]],
  },
  {
    sku: 'BC-THV-50',
    hs: '0902.10.90',
    moq: [500, 'boxes (50 g)'],
    capacity: [4000, 'boxes'],
    sampleDays: 7,
    leadDays: 20,
    incoterms: ['FOB', 'CIP'],
    loading: SEA_HP,
    basis: 'FOB',
    tiers: [
      [500, 1450],
      [2000, 1300],
    ],
    packaging: 'Gift box 50 g, 40 per carton',
    shelfLifeMonths: 24,
    certs: [
      ['ORGANIC', 'EU-ORG-BC-21', 'Ecocert', 10],
      ['HACCP', 'HACCP-QN-0441', 'QUACERT', 17],
    ],
  },
  {
    sku: 'HP-RB-500',
    hs: '0901.21.20',
    moq: [500, 'bags (500 g)'],
    capacity: [20000, 'bags'],
    sampleDays: 5,
    leadDays: 21,
    incoterms: ['EXW', 'FOB', 'CFR'],
    loading: SEA_HCM,
    basis: 'FOB',
    tiers: [
      [500, 690],
      [5000, 610],
      [20000, 560],
    ],
    packaging: 'Valve bag 500 g, 24 per carton',
    shelfLifeMonths: 12,
    certs: [
      ['GLOBALGAP', 'GGN-4063061888123', 'Control Union', 19],
      ['HACCP', 'HACCP-DL-1207', 'Vinacert', 25],
    ],
  },
  {
    sku: 'PL-NH-5KG',
    hs: '1006.30.99',
    moq: [2000, 'bags (5 kg)'],
    capacity: [40000, 'bags'],
    sampleDays: 7,
    leadDays: 30,
    incoterms: ['FOB', 'CIF'],
    loading: SEA_HCM,
    basis: 'FOB',
    tiers: [
      [2000, 720],
      [10000, 660],
    ],
    packaging: 'PA/PE bag 5 kg, 4 per carton',
    shelfLifeMonths: 12,
    certs: [['GLOBALGAP', 'GGN-4063061888456', 'Control Union', 14]],
  },
  {
    sku: 'PH-LN-500',
    hs: '0813.40.90',
    moq: [400, 'bags (500 g)'],
    capacity: [5000, 'bags'],
    sampleDays: 5,
    leadDays: 20,
    incoterms: ['FOB'],
    loading: SEA_HP,
    basis: 'FOB',
    tiers: [
      [400, 820],
      [2000, 740],
    ],
    packaging: 'Zip bag 500 g, 20 per carton',
    shelfLifeMonths: 12,
    certs: [['VIETGAP', 'VG-HY-1120', 'Hung Yen Department of Agriculture', 8]],
  },
  {
    sku: 'BP-RN-1L',
    hs: '2208.90.99',
    moq: [600, 'bottles (1 l)'],
    capacity: [8000, 'bottles'],
    sampleDays: 10,
    leadDays: 30,
    incoterms: ['EXW', 'FOB'],
    loading: SEA_HP,
    basis: 'EXW',
    tiers: [
      [600, 780],
      [3000, 700],
    ],
    packaging: 'Glass bottle 1 l, 12 per carton',
    shelfLifeMonths: null,
    certs: [['ISO_22000', 'ISO22000-LC-009', 'QUACERT', 21]],
  },
  {
    sku: 'VP-LUA-M',
    hs: '5007.20.20',
    moq: [100, 'metres'],
    capacity: [3000, 'metres'],
    sampleDays: 7,
    leadDays: 30,
    incoterms: ['EXW', 'FOB', 'CIP'],
    loading: AIR_HN,
    basis: 'FOB',
    tiers: [
      [100, 1800],
      [500, 1600],
      [2000, 1450],
    ],
    packaging: 'Rolls of 30 m in cotton sleeves',
    shelfLifeMonths: null,
    certs: [['OTHER', 'OEKO-TEX 21.HVN.44210', 'Hohenstein', 16, 'OEKO-TEX Standard 100']],
  },
  {
    sku: 'VP-KHAN-01',
    hs: '6214.10.90',
    moq: [200, 'scarves'],
    capacity: [2500, 'scarves'],
    sampleDays: 7,
    leadDays: 30,
    incoterms: ['EXW', 'FOB'],
    loading: AIR_HN,
    basis: 'FOB',
    tiers: [
      [200, 1150],
      [1000, 990],
    ],
    packaging: 'Gift box per scarf, 50 per carton',
    shelfLifeMonths: null,
    certs: [],
  },
  {
    sku: 'QV-BD-22',
    hs: '6911.10.00',
    moq: [100, 'sets (22 pieces)'],
    capacity: [800, 'sets'],
    sampleDays: 14,
    leadDays: 45,
    incoterms: ['EXW', 'FOB', 'CIF'],
    loading: SEA_HP,
    basis: 'FOB',
    tiers: [
      [100, 4200],
      [500, 3800],
    ],
    packaging: 'Foam-lined box per set, 4 sets per carton',
    shelfLifeMonths: null,
    certs: [
      [
        'OTHER',
        'FDA-LEAD-QV-2025',
        'SGS Vietnam (lead and cadmium release test)',
        13,
        'Food-contact test (FDA lead/cadmium)',
      ],
    ],
  },
  {
    sku: 'CD-DIA-32',
    hs: '6913.90.90',
    moq: [50, 'platters'],
    capacity: [400, 'platters'],
    sampleDays: 14,
    leadDays: 45,
    incoterms: ['EXW', 'FOB'],
    loading: SEA_HP,
    basis: 'EXW',
    tiers: [
      [50, 3900],
      [200, 3400],
    ],
    packaging: 'Double-boxed, 6 per carton',
    shelfLifeMonths: null,
    certs: [],
  },
  {
    sku: 'DV-KHAY-03',
    hs: '4602.12.10',
    moq: [300, 'sets (3 trays)'],
    capacity: [5000, 'sets'],
    sampleDays: 10,
    leadDays: 40,
    incoterms: ['EXW', 'FOB', 'CIF'],
    loading: SEA_HP,
    basis: 'FOB',
    tiers: [
      [300, 1350],
      [1500, 1180],
      [5000, 1050],
    ],
    packaging: 'Nested sets, 10 sets per carton',
    shelfLifeMonths: null,
    certs: [['OTHER', 'FSC-C156789', 'Preferred by Nature', 24, 'FSC chain of custody']],
  },
  {
    sku: 'PM-TUI-02',
    hs: '4602.19.90',
    moq: [300, 'bags'],
    capacity: [3000, 'bags'],
    sampleDays: 10,
    leadDays: 35,
    incoterms: ['FOB'],
    loading: SEA_HCM,
    basis: 'FOB',
    tiers: [
      [300, 890],
      [1500, 790],
    ],
    packaging: 'Polybag each, 50 per carton',
    shelfLifeMonths: null,
    certs: [],
  },
  {
    sku: 'AH-HOP-01',
    hs: '4420.90.90',
    moq: [50, 'boxes'],
    capacity: [600, 'boxes'],
    sampleDays: 14,
    leadDays: 45,
    incoterms: ['EXW', 'FOB'],
    loading: SEA_HP,
    basis: 'EXW',
    tiers: [
      [50, 5200],
      [200, 4600],
    ],
    packaging: 'Padded gift box, 10 per carton',
    shelfLifeMonths: null,
    certs: [],
  },
  {
    sku: 'PC-NBT-01',
    hs: '6504.00.00',
    moq: [500, 'hats'],
    capacity: [6000, 'hats'],
    sampleDays: 7,
    leadDays: 30,
    incoterms: ['FOB'],
    loading: SEA_HP,
    basis: 'FOB',
    tiers: [
      [500, 480],
      [3000, 420],
    ],
    packaging: 'Stacked 50 per carton',
    shelfLifeMonths: null,
    certs: [],
  },
]

const PROFILES: Record<string, { profile: string; markets: string[] }> = {
  'htx-ong-tuan-minh': {
    profile:
      'Beekeeping cooperative in Dan Phuong, Hanoi, with 1,200 hives in the longan and lychee belts. Exporting honey since 2019; English spoken; private-label packing available.',
    markets: ['JP', 'KR', 'DE'],
  },
  'htx-det-lua-van-phuc': {
    profile:
      'Weaving cooperative of Van Phuc silk village (Ha Dong, Hanoi), over 1,000 years of weaving. Jacquard looms, natural dyes on request, custom widths from 100 m.',
    markets: ['JP', 'FR', 'US'],
  },
  'nuoc-mam-khai-hoan': {
    profile:
      'Phu Quoc fish sauce maker with wooden barrel fermentation (12+ months). EU PDO holder; container loads from Cat Lai.',
    markets: ['US', 'AU', 'FR', 'JP'],
  },
  'tra-vinh-farm': {
    profile:
      'Organic coconut farm and processor in Tra Vinh; USDA and EU organic; works with 300 smallholder families.',
    markets: ['US', 'NL', 'KR'],
  },
}

/** Writes the export terms (idempotent: rows are replaced). Products missing from the catalogue are skipped. */
export async function seedExportTerms(db: PrismaClient, options: { today: Date }): Promise<number> {
  const today = startOfUtcDay(options.today)
  const products = await db.product.findMany({
    where: { sku: { in: EXPORT_TERMS.map((t) => t.sku) } },
    select: { id: true, sku: true, producer: { select: { slug: true } } },
  })
  const bySku = new Map(products.map((p) => [p.sku, p]))
  let written = 0
  for (const terms of EXPORT_TERMS) {
    const product = bySku.get(terms.sku)
    if (!product) continue
    const data = {
      exportReady: true,
      hsCode: terms.hs.replace(/\./g, ''),
      moqQuantity: terms.moq[0],
      moqUnitEn: terms.moq[1],
      monthlyCapacity: terms.capacity[0],
      capacityUnitEn: terms.capacity[1],
      sampleLeadDays: terms.sampleDays,
      orderLeadDays: terms.leadDays,
      incoterms: terms.incoterms,
      loadingPlace: terms.loading,
      tierBasis: terms.basis,
      packagingEn: terms.packaging,
      shelfLifeMonths: terms.shelfLifeMonths,
    }
    await db.$transaction([
      db.exportTerms.upsert({
        where: { productId: product.id },
        create: { productId: product.id, ...data },
        update: data,
      }),
      db.exportPriceTier.deleteMany({ where: { productId: product.id } }),
      db.exportPriceTier.createMany({
        data: terms.tiers.map(([minQuantity, priceUsdCents]) => ({
          productId: product.id,
          minQuantity,
          priceUsdCents,
        })),
      }),
      db.exportCertification.deleteMany({ where: { productId: product.id } }),
      db.exportCertification.createMany({
        data: terms.certs.map(([kind, number, issuer, monthsLeft, otherName]) => ({
          productId: product.id,
          kind,
          otherName: otherName ?? null,
          number,
          issuer,
          issuedOn: addMonths(today, monthsLeft - 36),
          expiresOn: addMonths(today, monthsLeft),
        })),
      }),
    ])
    written += 1
  }
  for (const [slug, { profile, markets }] of Object.entries(PROFILES)) {
    await db.producer.updateMany({ where: { slug }, data: { exportProfileEn: profile, exportMarkets: markets } })
  }
  return written
}
