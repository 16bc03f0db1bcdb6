/** Shapes of the deterministic demo data in prisma/seed/reference-data.ts. */
export type RegionSeed = { slug: string; nameVi: string; nameEn: string; sortOrder: number }

export type ProvinceSeed = {
  /** Official two-digit code after 1 July 2025 (Hà Nội "01"). */
  code: string
  slug: string
  nameVi: string
  nameEn: string
  kind: 'thành phố' | 'tỉnh'
  regionSlug: string
}

export type FormerNameSeed = { formerCommune?: string; formerDistrict?: string }

export type CommuneSeed = {
  /** Official five-digit code (Decision 19/2025). */
  code: string
  provinceCode: string
  /** Name without its kind, e.g. "Hà Đông". */
  name: string
  kind: 'xã' | 'phường' | 'đặc khu'
  formerNames: FormerNameSeed[]
}

export type VillageSeed = {
  slug: string
  name: string
  nameEn: string
  craftVi: string
  craftEn: string
  storyVi: string
  storyEn: string
  since?: number
  communeCode: string
}

export type ProducerSeed = {
  slug: string
  name: string
  kind: 'HOP_TAC_XA' | 'DOANH_NGHIEP' | 'HO_KINH_DOANH' | 'TO_HOP_TAC'
  womenLed: boolean
  ethnicMinority: boolean
  verified: boolean
  registrationNumber?: string
  communeCode: string
  villageSlug?: string
  storyVi: string
  storyEn: string
  phone?: string
  email?: string
  address?: string
}

export type CertificateSeed = {
  stars: 3 | 4 | 5
  score?: number
  level: 'PROVINCIAL' | 'NATIONAL'
  issuer: string
  decisionNumber: string
  /** Days before the day the seed runs; expiry is 36 months after issue. ~1085 → expiring soon, > 1096 → expired. */
  issuedDaysAgo: number
  legalBasis: string
  potentialFiveStar?: boolean
  revoked?: { daysAgo: number; reason: string }
}

export type ProductSeed = {
  producerSlug: string
  sku: string
  slug: string
  groupCode: string
  subgroupCode: string
  nameVi: string
  nameEn: string
  descriptionVi: string
  descriptionEn: string
  priceVnd: number
  unitVi: string
  unitEn: string
  weightGrams: number
  stock: number
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED'
  /** Days before the seed day when it was published (orders "newest"). */
  publishedDaysAgo: number
  certificates: CertificateSeed[]
}
