/**
 * One export-ready product as the export catalogue shows it, and as the CSV and PDF downloads write
 * it: the one shape between the catalogue query (export-catalogue.server.ts) and the renderers
 * (export-csv.server.ts, export-pdf.server.ts).
 */
import { type ExportCertificationKind, type Incoterm, type ProducerKind } from '#app/generated/prisma/enums.ts'

export type ExportSheetCertification = {
  kind: ExportCertificationKind
  /** The name when kind is OTHER. */
  otherName: string | null
  number: string
  issuer: string
  expiresOn: Date
  /** Past its expiry date: shown as expired and left out of certification filters. */
  expired: boolean
}

export type ExportSheet = {
  productId: string
  slug: string
  nameEn: string
  nameVi: string
  descriptionEn: string
  groupCode: string
  groupNameEn: string
  subgroupNameEn: string
  /** Active OCOP stars (null when none or expired/revoked). */
  ocopStars: number | null
  hsCode: string
  /** The heading's description, e.g. "Natural honey". */
  hsDescription: string | null
  moqQuantity: number
  moqUnitEn: string
  monthlyCapacity: number | null
  capacityUnitEn: string | null
  sampleLeadDays: number | null
  orderLeadDays: number
  incoterms: Incoterm[]
  loadingPlace: string | null
  tierBasis: 'FOB' | 'EXW'
  /** Ascending by minQuantity; each price holds up to the next tier's minimum. */
  tiers: { minQuantity: number; priceUsdCents: number }[]
  packagingEn: string
  shelfLifeMonths: number | null
  certifications: ExportSheetCertification[]
  producer: {
    id: string
    slug: string
    name: string
    kind: ProducerKind
    provinceEn: string
    provinceVi: string
    regionSlug: string
    exportProfileEn: string
    exportMarkets: string[]
    womenLed: boolean
    ethnicMinority: boolean
  }
  /** Absolute path of the cover image file on this server's disk (the 640 px WebP), or null. */
  imageFile: string | null
  /** URL of the cover image for web pages. */
  imageUrl: string | null
}
