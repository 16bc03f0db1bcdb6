import { describe, expect, it } from 'vitest'
import { OCOP_GROUPS } from '../../app/modules/catalog/ocop-groups.ts'
import {
  addMonths,
  certificateStatus,
  startOfUtcDay,
  VALIDITY_MONTHS,
} from '../../app/modules/certification/certificate-status.ts'
import { generateProducers, generateProducts, slugify, type PlaceRef } from './generate-catalogue.ts'
import { COMMUNES, PRODUCERS, PRODUCTS, PROVINCES, REGIONS, VILLAGES } from './reference-data.ts'
import type { CertificateSeed, ProductSeed } from './types.ts'

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const DAY_MS = 86_400_000

const regionSlugs = new Set(REGIONS.map((region) => region.slug))
const provinceByCode = new Map(PROVINCES.map((province) => [province.code, province]))
const communeByCode = new Map(COMMUNES.map((commune) => [commune.code, commune]))
const villageBySlug = new Map(VILLAGES.map((village) => [village.slug, village]))
const producerBySlug = new Map(PRODUCERS.map((producer) => [producer.slug, producer]))
const subgroupGroup = new Map(
  OCOP_GROUPS.flatMap((group) => group.subgroups.map((subgroup) => [subgroup.code, group.code] as const)),
)

const provinceOf = (product: ProductSeed) =>
  communeByCode.get(producerBySlug.get(product.producerSlug)!.communeCode)!.provinceCode
const certificates = PRODUCTS.flatMap((product) => product.certificates)

/** Status the storefront will show when the seed runs today. */
function statusToday(certificate: CertificateSeed, today = new Date()) {
  const issuedOn = new Date(startOfUtcDay(today).getTime() - certificate.issuedDaysAgo * DAY_MS)
  return certificateStatus(
    { issuedOn, expiresOn: addMonths(issuedOn, VALIDITY_MONTHS), revokedAt: certificate.revoked ? today : null },
    today,
  )
}

function duplicates(values: string[]): string[] {
  return values.filter((value, i) => values.indexOf(value) !== i)
}

describe('places', () => {
  it('has the six socio-economic regions', () => {
    expect(REGIONS.map((region) => region.slug).sort()).toEqual(
      [
        'bac-trung-bo-duyen-hai-mien-trung',
        'dong-bang-song-cuu-long',
        'dong-bang-song-hong',
        'dong-nam-bo',
        'tay-nguyen',
        'trung-du-mien-nui-phia-bac',
      ].sort(),
    )
  })

  it('has the 34 provinces with unique two-digit codes, spread over the 6 regions', () => {
    expect(PROVINCES).toHaveLength(34)
    for (const province of PROVINCES) {
      expect(province.code).toMatch(/^\d{2}$/)
      expect(province.slug).toMatch(KEBAB)
      expect(regionSlugs.has(province.regionSlug), province.code).toBe(true)
    }
    expect(duplicates(PROVINCES.map((province) => province.code))).toEqual([])
    expect(duplicates(PROVINCES.map((province) => province.slug))).toEqual([])
    expect(new Set(PROVINCES.map((province) => province.regionSlug)).size).toBe(6)
    expect(provinceByCode.get('01')?.nameVi).toBe('Hà Nội')
    expect(provinceByCode.get('79')?.slug).toBe('ho-chi-minh')
  })

  it('marks exactly the six centrally-run cities as "thành phố"', () => {
    const cities = PROVINCES.filter((province) => province.kind === 'thành phố').map((province) => province.code)
    expect(cities.sort()).toEqual(['01', '31', '46', '48', '79', '92'])
  })

  it('gives every commune a unique five-digit code, a known province and its former names', () => {
    expect(duplicates(COMMUNES.map((commune) => commune.code))).toEqual([])
    for (const commune of COMMUNES) {
      expect(commune.code).toMatch(/^\d{5}$/)
      expect(provinceByCode.has(commune.provinceCode), commune.code).toBe(true)
      expect(commune.formerNames.length, commune.code).toBeGreaterThan(0)
      for (const former of commune.formerNames) expect(former.formerCommune ?? former.formerDistrict).toBeTruthy()
    }
    // The design's example: Vạn Phúc silk village was phường Vạn Phúc, quận Hà Đông, now phường Hà Đông.
    const haDong = COMMUNES.find((commune) => commune.name === 'Hà Đông')
    expect(haDong?.kind).toBe('phường')
    expect(haDong?.formerNames).toContainEqual({ formerCommune: 'phường Vạn Phúc', formerDistrict: 'quận Hà Đông' })
  })

  it('has at least 10 craft villages, each in a known commune, with stories in both languages', () => {
    expect(VILLAGES.length).toBeGreaterThanOrEqual(10)
    expect(duplicates(VILLAGES.map((village) => village.slug))).toEqual([])
    for (const village of VILLAGES) {
      expect(village.slug).toMatch(KEBAB)
      expect(communeByCode.has(village.communeCode), village.slug).toBe(true)
      expect(village.storyVi.length).toBeGreaterThan(40)
      expect(village.storyEn.length).toBeGreaterThan(40)
    }
  })
})

describe('producers', () => {
  it('are at least 30, with unique slugs and known communes and villages', () => {
    expect(PRODUCERS.length).toBeGreaterThanOrEqual(30)
    expect(duplicates(PRODUCERS.map((producer) => producer.slug))).toEqual([])
    for (const producer of PRODUCERS) {
      expect(producer.slug).toMatch(KEBAB)
      expect(communeByCode.has(producer.communeCode), producer.slug).toBe(true)
      if (producer.villageSlug) {
        expect(villageBySlug.get(producer.villageSlug)?.communeCode, producer.slug).toBe(producer.communeCode)
      }
    }
  })

  it('cover all four kinds, women-led and ethnic-minority producers, and a few unverified ones', () => {
    expect(new Set(PRODUCERS.map((producer) => producer.kind))).toEqual(
      new Set(['HOP_TAC_XA', 'DOANH_NGHIEP', 'HO_KINH_DOANH', 'TO_HOP_TAC']),
    )
    expect(PRODUCERS.filter((producer) => producer.womenLed).length).toBeGreaterThanOrEqual(3)
    expect(PRODUCERS.filter((producer) => producer.ethnicMinority).length).toBeGreaterThanOrEqual(3)
    const unverified = PRODUCERS.filter((producer) => !producer.verified).length
    expect(unverified).toBeGreaterThanOrEqual(1)
    expect(unverified).toBeLessThanOrEqual(2)
  })

  it('only use example e-mail domains and Vietnamese phone numbers', () => {
    for (const producer of PRODUCERS) {
      if (producer.email) expect(producer.email).toMatch(/^[^@\s]+@[a-z0-9.-]+\.example\.vn$/)
      if (producer.phone) expect(producer.phone).toMatch(/^0\d{3} \d{3} \d{3}$/)
    }
  })
})

describe('products', () => {
  it('are at least 40, across at least 10 provinces and all six groups', () => {
    expect(PRODUCTS.length).toBeGreaterThanOrEqual(40)
    expect(new Set(PRODUCTS.map(provinceOf)).size).toBeGreaterThanOrEqual(10)
    expect(new Set(PRODUCTS.map((product) => product.groupCode))).toEqual(
      new Set(OCOP_GROUPS.map((group) => group.code)),
    )
  })

  it('reference a known producer and a subgroup of their group', () => {
    for (const product of PRODUCTS) {
      expect(producerBySlug.has(product.producerSlug), product.slug).toBe(true)
      expect(subgroupGroup.get(product.subgroupCode), product.slug).toBe(product.groupCode)
    }
  })

  it('have unique ASCII slugs and SKUs unique per producer', () => {
    expect(duplicates(PRODUCTS.map((product) => product.slug))).toEqual([])
    for (const product of PRODUCTS) expect(product.slug).toMatch(KEBAB)
    expect(duplicates(PRODUCTS.map((product) => `${product.producerSlug}/${product.sku}`))).toEqual([])
  })

  it('have integer VND prices, units in both languages and sensible publication data', () => {
    for (const product of PRODUCTS) {
      expect(Number.isInteger(product.priceVnd) && product.priceVnd >= 1_000, product.slug).toBe(true)
      expect(product.unitVi && product.unitEn, product.slug).toBeTruthy()
      // The database requires a positive weight (tickets and stays count a few grams of paper).
      expect(product.weightGrams, product.slug).toBeGreaterThan(0)
      expect(product.publishedDaysAgo).toBeGreaterThanOrEqual(1)
      expect(product.publishedDaysAgo).toBeLessThanOrEqual(400)
      expect(product.descriptionVi.length && product.descriptionEn.length, product.slug).toBeTruthy()
    }
    expect(PRODUCTS.filter((product) => product.status === 'DRAFT')).toHaveLength(1)
    expect(PRODUCTS.filter((product) => product.status === 'ARCHIVED')).toHaveLength(1)
    expect(PRODUCTS.filter((product) => product.stock === 0).length).toBeGreaterThanOrEqual(2)
  })
})

describe('certificates', () => {
  it('have scores inside their star band and the right level', () => {
    const bands = { 3: [50, 69], 4: [70, 89], 5: [90, 100] } as const
    for (const certificate of certificates) {
      const [min, max] = bands[certificate.stars]
      expect(certificate.score, certificate.decisionNumber).toBeGreaterThanOrEqual(min)
      expect(certificate.score, certificate.decisionNumber).toBeLessThanOrEqual(max)
      expect(certificate.level).toBe(certificate.stars === 5 ? 'NATIONAL' : 'PROVINCIAL')
      expect(certificate.legalBasis).toMatch(/^Quyết định (148\/QĐ-TTg|1048\/QĐ-TTg)/)
    }
  })

  it('have decision numbers unique per product', () => {
    for (const product of PRODUCTS) expect(duplicates(product.certificates.map((c) => c.decisionNumber))).toEqual([])
    expect(duplicates(certificates.map((c) => c.decisionNumber))).toEqual([])
  })

  it('include expiring, expired and exactly one revoked certificate', () => {
    expect(
      certificates.filter((c) => c.issuedDaysAgo >= 1078 && c.issuedDaysAgo <= 1090).length,
    ).toBeGreaterThanOrEqual(4)
    expect(certificates.filter((c) => c.issuedDaysAgo > 1110).length).toBeGreaterThanOrEqual(3)
    expect(certificates.filter((c) => c.revoked)).toHaveLength(1)
    // The same, as the storefront computes it on the day the seed runs.
    const statuses = certificates.map((c) => statusToday(c))
    expect(statuses.filter((status) => status === 'expiring').length).toBeGreaterThanOrEqual(4)
    expect(statuses.filter((status) => status === 'expired').length).toBeGreaterThanOrEqual(3)
    expect(statuses.filter((status) => status === 'revoked')).toHaveLength(1)
  })

  it('mark two 4★ products as potential 5★ and leave a handful without a certificate', () => {
    const potential = certificates.filter((c) => c.potentialFiveStar)
    expect(potential).toHaveLength(2)
    for (const certificate of potential) expect(certificate.stars).toBe(4)
    const uncertified = PRODUCTS.filter((product) => product.certificates.length === 0).length
    expect(uncertified).toBeGreaterThanOrEqual(3)
    expect(uncertified).toBeLessThanOrEqual(5)
  })
})

describe('generated catalogue', () => {
  const places: PlaceRef[] = COMMUNES.map((commune) => {
    const province = provinceByCode.get(commune.provinceCode)!
    return {
      communeCode: commune.code,
      communeName: commune.name,
      communeKind: commune.kind,
      provinceCode: province.code,
      provinceKind: province.kind,
      provinceNameVi: province.nameVi,
      provinceNameEn: province.nameEn,
      regionSlug: province.regionSlug,
    }
  })
  const villages = VILLAGES.map(({ slug, communeCode }) => ({ slug, communeCode }))
  const today = new Date(Date.UTC(2026, 10, 28))
  const build = () => {
    const producers = generateProducers({ count: 80, seed: 7, places, villages, tag: 'gt' })
    return { producers, products: [...generateProducts({ count: 2_000, seed: 7, producers, tag: 'gt', today })] }
  }

  it('is deterministic', () => {
    expect(build()).toEqual(build())
  })

  it('produces unique slugs, SKUs unique per producer and valid references', () => {
    const { producers, products } = build()
    expect(duplicates(producers.map((producer) => producer.slug))).toEqual([])
    expect(duplicates(products.map((product) => product.slug))).toEqual([])
    expect(duplicates(products.map((product) => `${product.producerSlug}/${product.sku}`))).toEqual([])
    const generatedProducers = new Set(producers.map((producer) => producer.slug))
    for (const product of products) {
      expect(product.slug).toMatch(KEBAB)
      expect(generatedProducers.has(product.producerSlug)).toBe(true)
      expect(subgroupGroup.get(product.subgroupCode), product.subgroupCode).toBe(product.groupCode)
      expect(product.nameVi).not.toMatch(/[{}]/)
      expect(product.nameEn).not.toMatch(/[{}]/)
      expect(Number.isInteger(product.priceVnd) && product.priceVnd > 0).toBe(true)
      expect(product.weightGrams).toBeGreaterThan(0)
    }
    for (const producer of producers) {
      expect(producer.email).toMatch(/\.example\.vn$/)
      if (producer.villageSlug) expect(villageBySlug.get(producer.villageSlug)?.communeCode).toBe(producer.communeCode)
    }
  })

  it('spreads over places, groups and star levels', () => {
    const { products } = build()
    expect(new Set(products.map((product) => product.groupCode)).size).toBe(6)
    const stars = new Set(products.flatMap((product) => product.certificates.map((c) => c.stars)))
    expect(stars).toEqual(new Set([3, 4, 5]))
  })

  it('slugifies Vietnamese text', () => {
    expect(slugify('Mật ong hoa nhãn Đan Phượng 500 ml')).toBe('mat-ong-hoa-nhan-dan-phuong-500-ml')
  })
})
