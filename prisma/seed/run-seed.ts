/**
 * Writes the demo data into the database: the reference seed (groups, places, villages, the real
 * producers and products of reference-data.ts) and, on demand, a large generated catalogue for
 * benchmarks. The reference seed uses createMany in one transaction; the generated catalogue uses
 * `INSERT … SELECT FROM unnest(…)` batches (about 5× faster for 20,000 products). Ids are generated
 * here so that products, certificates and images can be linked without reading anything back.
 */
import { randomBytes } from 'node:crypto'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { OCOP_GROUPS } from '#app/modules/catalog/ocop-groups.ts'
import { addMonths, startOfUtcDay, VALIDITY_MONTHS } from '#app/modules/certification/certificate-status.ts'
import {
  generateProducers,
  generateProducts,
  type GeneratedProducer,
  type PlaceRef,
  type VillageRef,
} from './generate-catalogue.ts'
import { COMMUNES, PRODUCERS, PRODUCTS, PROVINCES, REGIONS, VILLAGES } from './reference-data.ts'
import type { CertificateSeed, ProducerSeed, ProductSeed } from './types.ts'

const DAY_MS = 86_400_000

// ───────────── Images hook ─────────────

/** What an image provider is told about each product it should illustrate. */
export type SeedImageSubject = {
  id: string
  slug: string
  groupCode: string
  subgroupCode: string
  nameVi: string
  nameEn: string
  /** Position of the product in this seed run (0-based), handy to vary placeholder designs. */
  index: number
}

export type SeedImage = { url: string; altVi: string; altEn: string; width: number; height: number }

/** Returns the images of one product (first = cover). May be async. */
export type SeedImagesProvider = (product: SeedImageSubject) => SeedImage[] | Promise<SeedImage[]>

// ───────────── Ids ─────────────

let idSequence = 0

/** A cuid-like id (25 characters, starts with "c"), unique across processes. */
export function createId(): string {
  idSequence = (idSequence + 1) % 1_679_616 // 36^4
  const time = Date.now().toString(36).padStart(8, '0').slice(-8)
  const count = idSequence.toString(36).padStart(4, '0')
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(36)
    .padStart(13, '0')
    .slice(-12)
  return `c${time}${count}${random}`
}

// ───────────── Shared row builders ─────────────

/** A product row as inserted: the seed's fields, ids resolved, days turned into dates. */
type ProductRow = Omit<ProductSeed, 'producerSlug' | 'publishedDaysAgo' | 'certificates'> & {
  id: string
  producerId: string
  publishedAt: Date | null
  createdAt: Date
}

type CertificateRow = {
  id: string
  productId: string
  stars: number
  score: number | null
  level: CertificateSeed['level']
  issuer: string
  decisionNumber: string
  decisionDate: Date
  issuedOn: Date
  expiresOn: Date
  legalBasis: string
  potentialFiveStar: boolean
  revokedAt: Date | null
  revokedReason: string | null
  createdAt: Date
}

type ImageRow = SeedImage & { id: string; productId: string; position: number }

type ProducerRow = {
  id: string
  slug: string
  name: string
  kind: ProducerSeed['kind']
  womenLed: boolean
  ethnicMinority: boolean
  status: 'VERIFIED' | 'PENDING'
  verifiedAt: Date | null
  registrationNumber: string | null
  communeCode: string
  villageId: string | null
  storyVi: string
  storyEn: string
  phone: string | null
  email: string | null
  address: string | null
  createdAt: Date
}

function daysBefore(day: Date, days: number): Date {
  return new Date(day.getTime() - days * DAY_MS)
}

function producerRow(
  seed: ProducerSeed,
  villageIds: Map<string, string>,
  verifiedDaysAgo: number,
  now: Date,
): ProducerRow {
  const villageId = seed.villageSlug ? villageIds.get(seed.villageSlug) : undefined
  if (seed.villageSlug && !villageId) throw new Error(`Producer ${seed.slug}: unknown village ${seed.villageSlug}`)
  const verifiedAt = seed.verified ? daysBefore(now, verifiedDaysAgo) : null
  return {
    id: createId(),
    slug: seed.slug,
    name: seed.name,
    kind: seed.kind,
    womenLed: seed.womenLed,
    ethnicMinority: seed.ethnicMinority,
    status: seed.verified ? 'VERIFIED' : 'PENDING',
    verifiedAt,
    registrationNumber: seed.registrationNumber ?? null,
    communeCode: seed.communeCode,
    villageId: villageId ?? null,
    storyVi: seed.storyVi,
    storyEn: seed.storyEn,
    phone: seed.phone ?? null,
    email: seed.email ?? null,
    address: seed.address ?? null,
    createdAt: verifiedAt ? daysBefore(verifiedAt, 12) : daysBefore(now, 3),
  }
}

/**
 * Turns one product seed into rows. Certificate dates are calendar days (UTC): issued
 * `issuedDaysAgo` days before today, valid 36 calendar months.
 */
function productRows(
  seed: ProductSeed,
  producerId: string,
  index: number,
  now: Date,
): { product: ProductRow; certificates: CertificateRow[] } {
  const today = startOfUtcDay(now)
  // A few seconds apart so that "newest first" is stable among products published the same day.
  const offsetMs = (index % 3_600) * 1_000
  const publishedAt =
    seed.status === 'DRAFT' ? null : new Date(now.getTime() - seed.publishedDaysAgo * DAY_MS - offsetMs)
  const product: ProductRow = {
    id: createId(),
    producerId,
    sku: seed.sku,
    slug: seed.slug,
    groupCode: seed.groupCode,
    subgroupCode: seed.subgroupCode,
    nameVi: seed.nameVi,
    nameEn: seed.nameEn,
    descriptionVi: seed.descriptionVi,
    descriptionEn: seed.descriptionEn,
    priceVnd: seed.priceVnd,
    unitVi: seed.unitVi,
    unitEn: seed.unitEn,
    weightGrams: seed.weightGrams,
    stock: seed.stock,
    status: seed.status,
    publishedAt,
    createdAt: publishedAt ?? daysBefore(now, seed.publishedDaysAgo),
  }
  const certificates = seed.certificates.map((certificate): CertificateRow => {
    const issuedOn = daysBefore(today, certificate.issuedDaysAgo)
    return {
      id: createId(),
      productId: product.id,
      stars: certificate.stars,
      score: certificate.score ?? null,
      level: certificate.level,
      issuer: certificate.issuer,
      decisionNumber: certificate.decisionNumber,
      decisionDate: issuedOn,
      issuedOn,
      expiresOn: addMonths(issuedOn, VALIDITY_MONTHS),
      legalBasis: certificate.legalBasis,
      potentialFiveStar: certificate.potentialFiveStar ?? false,
      revokedAt: certificate.revoked ? daysBefore(now, certificate.revoked.daysAgo) : null,
      revokedReason: certificate.revoked?.reason ?? null,
      createdAt: issuedOn,
    }
  })
  return { product, certificates }
}

async function imageRows(
  products: ProductRow[],
  firstIndex: number,
  images: SeedImagesProvider | undefined,
): Promise<ImageRow[]> {
  if (!images) return []
  const lists = await Promise.all(
    products.map((product, i) =>
      images({
        id: product.id,
        slug: product.slug,
        groupCode: product.groupCode,
        subgroupCode: product.subgroupCode,
        nameVi: product.nameVi,
        nameEn: product.nameEn,
        index: firstIndex + i,
      }),
    ),
  )
  return lists.flatMap((list, i) =>
    list.map((image, position) => ({
      id: createId(),
      productId: products[i].id,
      url: image.url,
      altVi: image.altVi,
      altEn: image.altEn,
      width: image.width,
      height: image.height,
      position,
    })),
  )
}

// ───────────── Bulk insert ─────────────

type Executor = Pick<PrismaClient, '$executeRawUnsafe'>
type Column<Row> = readonly [name: keyof Row & string, sqlType: string]

/**
 * `INSERT … SELECT * FROM unnest($1::type[], …)`: one parameter per column whatever the number of
 * rows, and an order of magnitude faster than createMany for tens of thousands of rows. Timestamps
 * are sent as ISO strings (stored as UTC, like Prisma does) and `date` columns as YYYY-MM-DD.
 */
async function bulkInsert<Row>(
  db: Executor,
  table: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return
  const params = columns.map(([name, sqlType]) =>
    rows.map((row) => {
      const value = row[name] as unknown
      if (value instanceof Date) return sqlType === 'date' ? value.toISOString().slice(0, 10) : value.toISOString()
      return value ?? null
    }),
  )
  const names = columns.map(([name]) => `"${name}"`).join(', ')
  const arrays = columns.map(([, sqlType], i) => `$${i + 1}::${sqlType}[]`).join(', ')
  await db.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`, ...params)
}

const PRODUCER_COLUMNS: Column<ProducerRow & { updatedAt: Date }>[] = [
  ['id', 'text'],
  ['slug', 'text'],
  ['name', 'text'],
  ['kind', '"ProducerKind"'],
  ['womenLed', 'boolean'],
  ['ethnicMinority', 'boolean'],
  ['status', '"ProducerStatus"'],
  ['verifiedAt', 'timestamp(3)'],
  ['registrationNumber', 'text'],
  ['communeCode', 'text'],
  ['villageId', 'text'],
  ['storyVi', 'text'],
  ['storyEn', 'text'],
  ['phone', 'text'],
  ['email', 'text'],
  ['address', 'text'],
  ['createdAt', 'timestamp(3)'],
  ['updatedAt', 'timestamp(3)'],
]

const PRODUCT_COLUMNS: Column<ProductRow & { updatedAt: Date }>[] = [
  ['id', 'text'],
  ['producerId', 'text'],
  ['sku', 'text'],
  ['slug', 'text'],
  ['groupCode', 'text'],
  ['subgroupCode', 'text'],
  ['nameVi', 'text'],
  ['nameEn', 'text'],
  ['descriptionVi', 'text'],
  ['descriptionEn', 'text'],
  ['priceVnd', 'integer'],
  ['unitVi', 'text'],
  ['unitEn', 'text'],
  ['weightGrams', 'integer'],
  ['stock', 'integer'],
  ['status', '"ProductStatus"'],
  ['publishedAt', 'timestamp(3)'],
  ['createdAt', 'timestamp(3)'],
  ['updatedAt', 'timestamp(3)'],
]

const CERTIFICATE_COLUMNS: Column<CertificateRow>[] = [
  ['id', 'text'],
  ['productId', 'text'],
  ['stars', 'integer'],
  ['score', 'integer'],
  ['level', '"CertificateLevel"'],
  ['issuer', 'text'],
  ['decisionNumber', 'text'],
  ['decisionDate', 'date'],
  ['issuedOn', 'date'],
  ['expiresOn', 'date'],
  ['legalBasis', 'text'],
  ['potentialFiveStar', 'boolean'],
  ['revokedAt', 'timestamp(3)'],
  ['revokedReason', 'text'],
  ['createdAt', 'timestamp(3)'],
]

const IMAGE_COLUMNS: Column<ImageRow>[] = [
  ['id', 'text'],
  ['productId', 'text'],
  ['url', 'text'],
  ['altVi', 'text'],
  ['altEn', 'text'],
  ['width', 'integer'],
  ['height', 'integer'],
  ['position', 'integer'],
]

// ───────────── Reference seed ─────────────

/** True when the places have not been seeded yet (no Region rows). */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.region.count()) === 0
}

export type ReferenceSeedSummary = {
  regions: number
  provinces: number
  communes: number
  villages: number
  producers: number
  products: number
  certificates: number
  images: number
}

/**
 * Inserts the OCOP groups, places, craft villages, producers, products and certificates of
 * reference-data.ts in one transaction. Only for an empty database: throws if places or products
 * already exist.
 */
export async function seedReferenceData(
  db: PrismaClient,
  options: { today?: Date; images?: SeedImagesProvider } = {},
): Promise<ReferenceSeedSummary> {
  const now = options.today ?? new Date()
  const [products, regions] = await Promise.all([db.product.count(), db.region.count()])
  if (products > 0 || regions > 0) {
    throw new Error(
      `seedReferenceData: the database is not empty (${products} products, ${regions} regions); ` +
        'the reference seed only runs on a freshly migrated database.',
    )
  }

  const villageIds = new Map(VILLAGES.map((village) => [village.slug, createId()]))
  const producerRows = PRODUCERS.map((producer, i) => producerRow(producer, villageIds, 420 + i * 7, now))
  const producerIds = new Map(producerRows.map((row) => [row.slug, row.id]))
  const productRowsList: ProductRow[] = []
  const certificateRows: CertificateRow[] = []
  PRODUCTS.forEach((seed, index) => {
    const producerId = producerIds.get(seed.producerSlug)
    if (!producerId) throw new Error(`Product ${seed.slug}: unknown producer ${seed.producerSlug}`)
    const rows = productRows(seed, producerId, index, now)
    productRowsList.push(rows.product)
    certificateRows.push(...rows.certificates)
  })
  // Images are computed outside the transaction: a provider may render files and take a while.
  const images = await imageRows(productRowsList, 0, options.images)

  await db.$transaction(
    async (tx) => {
      await tx.productGroup.createMany({
        data: OCOP_GROUPS.map((group, i) => ({
          code: group.code,
          nameVi: group.nameVi,
          nameEn: group.nameEn,
          sortOrder: i + 1,
        })),
      })
      await tx.productSubgroup.createMany({
        data: OCOP_GROUPS.flatMap((group) =>
          group.subgroups.map((subgroup, i) => ({
            code: subgroup.code,
            groupCode: group.code,
            nameVi: subgroup.nameVi,
            nameEn: subgroup.nameEn,
            sortOrder: i + 1,
          })),
        ),
      })
      await tx.region.createMany({ data: REGIONS })
      await tx.province.createMany({ data: PROVINCES })
      await tx.commune.createMany({
        data: COMMUNES.map(({ code, provinceCode, name, kind }) => ({ code, provinceCode, name, kind })),
      })
      await tx.communeFormerName.createMany({
        data: COMMUNES.flatMap((commune) =>
          commune.formerNames.map((former) => ({
            communeCode: commune.code,
            formerCommune: former.formerCommune ?? null,
            formerDistrict: former.formerDistrict ?? null,
          })),
        ),
      })
      await tx.craftVillage.createMany({
        data: VILLAGES.map((village) => ({
          id: villageIds.get(village.slug)!,
          slug: village.slug,
          name: village.name,
          nameEn: village.nameEn,
          craftVi: village.craftVi,
          craftEn: village.craftEn,
          storyVi: village.storyVi,
          storyEn: village.storyEn,
          since: village.since ?? null,
          communeCode: village.communeCode,
        })),
      })
      await tx.producer.createMany({ data: producerRows })
      await tx.product.createMany({ data: productRowsList })
      await tx.certificate.createMany({ data: certificateRows })
      if (images.length > 0) await tx.productImage.createMany({ data: images })
    },
    { maxWait: 10_000, timeout: 60_000 },
  )

  return {
    regions: REGIONS.length,
    provinces: PROVINCES.length,
    communes: COMMUNES.length,
    villages: VILLAGES.length,
    producers: producerRows.length,
    products: productRowsList.length,
    certificates: certificateRows.length,
    images: images.length,
  }
}

// ───────────── Generated catalogue ─────────────

export type GeneratedSeedOptions = {
  /** How many products to add. */
  products: number
  /** Called after each batch with the running total. */
  onProgress?: (done: number, total: number) => void
  images?: SeedImagesProvider
  today?: Date
  /** PRNG seed; defaults to one derived from the current row counts. */
  seed?: number
  /** Rows per createMany (default 2,000). */
  batchSize?: number
  /** About how many products each generated producer gets (default 25). */
  productsPerProducer?: number
}

export type GeneratedSeedSummary = {
  producers: number
  products: number
  certificates: number
  images: number
  tag: string
}

/**
 * Adds `products` generated products (with their producers, certificates and optional images)
 * spread over the communes and villages already in the database. Can run several times: slugs carry
 * a tag derived from the current row counts, so a second run never collides with the first.
 */
export async function seedGeneratedCatalogue(
  db: PrismaClient,
  options: GeneratedSeedOptions,
): Promise<GeneratedSeedSummary> {
  const total = Math.max(0, Math.floor(options.products))
  const batchSize = Math.max(1, options.batchSize ?? 2_000)
  const now = options.today ?? new Date()
  const [communes, villages, productCount, producerCount] = await Promise.all([
    db.commune.findMany({
      orderBy: { code: 'asc' },
      select: {
        code: true,
        name: true,
        kind: true,
        province: { select: { code: true, kind: true, nameVi: true, nameEn: true, regionSlug: true } },
      },
    }),
    db.craftVillage.findMany({ orderBy: { slug: 'asc' }, select: { id: true, slug: true, communeCode: true } }),
    db.product.count(),
    db.producer.count(),
  ])
  if (communes.length === 0)
    throw new Error('seedGeneratedCatalogue: no communes in the database; run the reference seed first.')
  const tag = `g${productCount.toString(36)}-${producerCount.toString(36)}`
  const summary: GeneratedSeedSummary = { producers: 0, products: 0, certificates: 0, images: 0, tag }
  if (total === 0) return summary

  const places: PlaceRef[] = communes.map((commune) => ({
    communeCode: commune.code,
    communeName: commune.name,
    communeKind: commune.kind,
    provinceCode: commune.province.code,
    provinceKind: commune.province.kind,
    provinceNameVi: commune.province.nameVi,
    provinceNameEn: commune.province.nameEn,
    regionSlug: commune.province.regionSlug,
  }))
  const villageRefs: VillageRef[] = villages.map(({ slug, communeCode }) => ({ slug, communeCode }))
  const villageIds = new Map(villages.map((village) => [village.slug, village.id]))
  const seed = options.seed ?? ((productCount + 1) * 2_654_435_761 + producerCount) >>> 0

  const producers: GeneratedProducer[] = generateProducers({
    count: Math.max(1, Math.ceil(total / Math.max(1, options.productsPerProducer ?? 25))),
    seed,
    places,
    villages: villageRefs,
    tag,
  })
  const producerIds = new Map<string, string>()
  for (let start = 0; start < producers.length; start += batchSize) {
    const rows = producers.slice(start, start + batchSize).map((producer, i) => ({
      ...producerRow(producer, villageIds, 30 + (((start + i) * 37) % 800), now),
      updatedAt: now,
    }))
    await bulkInsert(db, 'Producer', PRODUCER_COLUMNS, rows)
    for (const row of rows) producerIds.set(row.slug, row.id)
  }
  summary.producers = producers.length

  let products: ProductRow[] = []
  let certificates: CertificateRow[] = []
  const flush = async () => {
    if (products.length === 0) return
    const images = await imageRows(products, summary.products, options.images)
    const batch = { products, certificates, images }
    await db.$transaction(
      async (tx) => {
        await bulkInsert(
          tx,
          'Product',
          PRODUCT_COLUMNS,
          batch.products.map((row) => ({ ...row, updatedAt: now })),
        )
        await bulkInsert(tx, 'Certificate', CERTIFICATE_COLUMNS, batch.certificates)
        await bulkInsert(tx, 'ProductImage', IMAGE_COLUMNS, batch.images)
      },
      { maxWait: 10_000, timeout: 120_000 },
    )
    summary.products += batch.products.length
    summary.certificates += batch.certificates.length
    summary.images += batch.images.length
    products = []
    certificates = []
    options.onProgress?.(summary.products, total)
  }

  let index = 0
  for (const seedProduct of generateProducts({ count: total, seed, producers, tag, today: now })) {
    const rows = productRows(seedProduct, producerIds.get(seedProduct.producerSlug)!, index++, now)
    products.push(rows.product)
    certificates.push(...rows.certificates)
    if (products.length >= batchSize) await flush()
  }
  await flush()
  return summary
}
