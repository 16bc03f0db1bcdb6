/**
 * A producer's own listings: every query and change takes the producer's id and looks the product up
 * within it, so another producer's product id behaves exactly like an unknown one ("not-found").
 * The storefront's read model (CatalogEntry) follows every write through database triggers.
 */
import { Prisma, type ProductStatus } from '#app/generated/prisma/client.ts'
import { COMMUNE_ORIGIN_SELECT, VILLAGE_STORY_SELECT } from '#app/modules/catalog/places.server.ts'
import { certificateStatus, daysUntil, showsStars } from '#app/modules/certification/certificate-status.ts'
import {
  PHOTO_LIMITS,
  removeProductPhotoFiles,
  storeProductPhoto,
  type ProcessedPhoto,
} from '#app/modules/media/uploads.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { isKnownSubgroup, LISTING_LIMITS, LISTING_TRANSITIONS, type ListingStatus } from './listing-rules.ts'
import { LISTING_STATUS_FILTERS, type ListingInput, type ListingStatusFilter } from './listing-schema.ts'
import { uniqueProductSlug } from './product-slug.server.ts'

type Tx = Prisma.TransactionClient

export const LISTINGS_PAGE_SIZE = 50

const COVER_IMAGE = {
  orderBy: [{ position: 'asc' }, { id: 'asc' }],
  take: 1,
  select: { url: true, altVi: true, altEn: true, width: true, height: true },
} satisfies Prisma.Product$imagesArgs

/**
 * Ids of the producer's products whose name or SKU contains the text, folded as the storefront search
 * folds it (ocop_fold: no tone marks, đ → d), so "mat ong" finds "Mật ong".
 */
async function searchOwnListings(producerId: string, q: string): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT id FROM "Product"
    WHERE "producerId" = ${producerId}
      AND (strpos(ocop_fold("nameVi"), ocop_fold(${q})) > 0
        OR strpos(ocop_fold("nameEn"), ocop_fold(${q})) > 0
        OR strpos(lower(sku), lower(${q})) > 0)`
  return rows.map((row) => row.id)
}

/** One page of the producer's listings, newest change first, with the count per status. */
export async function listListings(
  producerId: string,
  options: { status?: ListingStatusFilter | null; q?: string; page?: number } = {},
) {
  const db = getDb()
  const q = options.q?.trim().slice(0, 100) ?? ''
  const where: Prisma.ProductWhereInput = {
    producerId,
    ...(options.status ? { status: LISTING_STATUS_FILTERS[options.status] } : {}),
    ...(q ? { id: { in: await searchOwnListings(producerId, q) } } : {}),
  }
  const [total, grouped] = await Promise.all([
    db.product.count({ where }),
    db.product.groupBy({ by: ['status'], where: { producerId }, _count: { _all: true } }),
  ])
  const pageCount = Math.max(1, Math.ceil(total / LISTINGS_PAGE_SIZE))
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pageCount)
  const items = await db.product.findMany({
    where,
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    skip: (page - 1) * LISTINGS_PAGE_SIZE,
    take: LISTINGS_PAGE_SIZE,
    select: {
      id: true,
      sku: true,
      slug: true,
      nameVi: true,
      nameEn: true,
      status: true,
      priceVnd: true,
      stock: true,
      unitVi: true,
      unitEn: true,
      updatedAt: true,
      images: COVER_IMAGE,
      _count: { select: { images: true } },
    },
  })
  const counts: Record<ListingStatus, number> = { DRAFT: 0, PUBLISHED: 0, ARCHIVED: 0, HIDDEN: 0 }
  for (const row of grouped) counts[row.status] = row._count._all
  return {
    items: items.map(({ images, _count, ...item }) => ({
      ...item,
      image: images[0] ?? null,
      imageCount: _count.images,
    })),
    total,
    page,
    pageCount,
    counts,
  }
}

/** What the editor shows, or null when the producer has no such product. */
export function getListingForEdit(producerId: string, productId: string) {
  return getDb().product.findFirst({
    where: { id: productId, producerId },
    select: {
      id: true,
      sku: true,
      slug: true,
      nameVi: true,
      nameEn: true,
      groupCode: true,
      subgroupCode: true,
      priceVnd: true,
      unitVi: true,
      unitEn: true,
      weightGrams: true,
      stock: true,
      descriptionVi: true,
      descriptionEn: true,
      status: true,
      moderationNote: true,
      hiddenAt: true,
      publishedAt: true,
      updatedAt: true,
      images: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: { id: true, url: true, altVi: true, altEn: true, width: true, height: true, position: true },
      },
    },
  })
}

/** Just enough to know the product is this producer's (and its name, for messages). */
export function findListing(producerId: string, productId: string) {
  return getDb().product.findFirst({
    where: { id: productId, producerId },
    select: { id: true, nameVi: true, nameEn: true, status: true, _count: { select: { images: true } } },
  })
}

/**
 * The product as its page would show it to buyers, whatever its status: the producer's preview.
 * `visible` says whether buyers can see it now.
 */
export async function getListingPreview(producerId: string, productId: string, today: Date) {
  const product = await getDb().product.findFirst({
    where: { id: productId, producerId },
    select: {
      id: true,
      slug: true,
      sku: true,
      nameVi: true,
      nameEn: true,
      descriptionVi: true,
      descriptionEn: true,
      priceVnd: true,
      unitVi: true,
      unitEn: true,
      weightGrams: true,
      stock: true,
      status: true,
      group: { select: { code: true, nameVi: true, nameEn: true } },
      subgroup: { select: { code: true, nameVi: true, nameEn: true } },
      images: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: { id: true, url: true, altVi: true, altEn: true, width: true, height: true },
      },
      certificates: {
        orderBy: { issuedOn: 'desc' },
        select: {
          id: true,
          stars: true,
          score: true,
          level: true,
          issuer: true,
          decisionNumber: true,
          issuedOn: true,
          expiresOn: true,
          legalBasis: true,
          potentialFiveStar: true,
          revokedAt: true,
        },
      },
      catalogEntry: { select: { visible: true } },
      producer: {
        select: {
          slug: true,
          name: true,
          kind: true,
          status: true,
          womenLed: true,
          ethnicMinority: true,
          storyVi: true,
          storyEn: true,
          village: { select: VILLAGE_STORY_SELECT },
          commune: { select: COMMUNE_ORIGIN_SELECT },
        },
      },
    },
  })
  if (!product) return null
  const { certificates, catalogEntry, ...rest } = product
  const withStatus = certificates.map((c) => ({ ...c, status: certificateStatus(c, today) }))
  const current = withStatus.find((c) => showsStars(c.status)) ?? withStatus.find((c) => c.status !== 'pending') ?? null
  return {
    ...rest,
    visible: catalogEntry?.visible ?? false,
    certificate: current ? { ...current, daysLeft: daysUntil(current.expiresOn, today) } : null,
  }
}

export async function isSkuTaken(producerId: string, sku: string, exceptProductId?: string): Promise<boolean> {
  const found = await getDb().product.findFirst({
    where: { producerId, sku, ...(exceptProductId ? { id: { not: exceptProductId } } : {}) },
    select: { id: true },
  })
  return found !== null
}

// ─────────── Status ───────────

export type MissingForPublishing = 'name' | 'price' | 'stock' | 'group' | 'unit'

/** What a listing still lacks before it can go on sale (empty when it can). */
export function publishProblems(product: {
  nameVi: string
  priceVnd: number
  stock: number
  groupCode: string
  subgroupCode: string
  unitVi: string
}): MissingForPublishing[] {
  const missing: MissingForPublishing[] = []
  if (product.nameVi.trim() === '') missing.push('name')
  if (!Number.isInteger(product.priceVnd) || product.priceVnd < LISTING_LIMITS.minPriceVnd) missing.push('price')
  if (!Number.isInteger(product.stock) || product.stock < 0) missing.push('stock')
  if (!isKnownSubgroup(product.groupCode, product.subgroupCode)) missing.push('group')
  if (product.unitVi.trim() === '') missing.push('unit')
  return missing
}

export function canTransition(from: ListingStatus, to: ListingStatus): boolean {
  return from === to || LISTING_TRANSITIONS[from].includes(to)
}

/** The status columns to write: publishing (again) stamps publishedAt, so it counts as new on the shelf. */
function statusData(from: ListingStatus | null, to: ListingStatus, at: Date) {
  return to === 'PUBLISHED' && from !== 'PUBLISHED' ? { status: to, publishedAt: at } : { status: to }
}

/** Locks the product row for the rest of the transaction; false when the producer has no such product. */
async function lockListing(tx: Tx, producerId: string, productId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Product" WHERE id = ${productId} AND "producerId" = ${producerId} FOR UPDATE`
  return rows.length === 1
}

export type StatusChangeResult =
  | { ok: true; name: string; status: ProductStatus; producerVerified: boolean }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'transition'; from: ProductStatus }
  | { ok: false; reason: 'incomplete'; missing: MissingForPublishing[] }

export function changeListingStatus(
  producerId: string,
  productId: string,
  to: ListingStatus,
): Promise<StatusChangeResult> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockListing(tx, producerId, productId))) return { ok: false, reason: 'not-found' }
    const product = await tx.product.findUniqueOrThrow({
      where: { id: productId },
      select: {
        nameVi: true,
        priceVnd: true,
        stock: true,
        groupCode: true,
        subgroupCode: true,
        unitVi: true,
        status: true,
        producer: { select: { status: true } },
      },
    })
    const producerVerified = product.producer.status === 'VERIFIED'
    if (!canTransition(product.status, to)) return { ok: false, reason: 'transition', from: product.status }
    if (to === 'PUBLISHED') {
      const missing = publishProblems(product)
      if (missing.length > 0) return { ok: false, reason: 'incomplete', missing }
    }
    if (product.status !== to) {
      await tx.product.update({ where: { id: productId }, data: statusData(product.status, to, new Date()) })
    }
    return { ok: true, name: product.nameVi, status: to, producerVerified }
  })
}

// ─────────── Create and edit ───────────

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

function listingData(input: ListingInput) {
  return {
    sku: input.sku,
    nameVi: input.nameVi,
    nameEn: input.nameEn,
    groupCode: input.groupCode,
    subgroupCode: input.subgroupCode,
    priceVnd: input.priceVnd,
    unitVi: input.unitVi,
    unitEn: input.unitEn,
    weightGrams: input.weightGrams,
    stock: input.stock,
    descriptionVi: input.descriptionVi,
    descriptionEn: input.descriptionEn,
  }
}

export type SaveListingResult =
  | { ok: true; id: string; name: string; status: ProductStatus; producerVerified: boolean }
  | { ok: false; reason: 'not-found' | 'sku-taken' }
  | { ok: false; reason: 'transition'; from: ProductStatus }
  | { ok: false; reason: 'incomplete'; missing: MissingForPublishing[] }

/** A new listing (draft or on sale) with a storefront slug made from its Vietnamese name. */
export async function createListing(
  producer: { id: string; slug: string },
  input: ListingInput,
): Promise<SaveListingResult> {
  if (!canTransition('DRAFT', input.status)) return { ok: false, reason: 'transition', from: 'DRAFT' }
  if (input.status === 'PUBLISHED') {
    const missing = publishProblems(input)
    if (missing.length > 0) return { ok: false, reason: 'incomplete', missing }
  }
  try {
    return await getDb().$transaction(async (tx) => {
      const owner = await tx.producer.findUniqueOrThrow({ where: { id: producer.id }, select: { status: true } })
      const slug = await uniqueProductSlug(tx, input.nameVi, producer.slug)
      const created = await tx.product.create({
        data: { ...listingData(input), producerId: producer.id, slug, ...statusData(null, input.status, new Date()) },
        select: { id: true, nameVi: true, status: true },
      })
      return {
        ok: true as const,
        id: created.id,
        name: created.nameVi,
        status: created.status,
        producerVerified: owner.status === 'VERIFIED',
      }
    })
  } catch (error) {
    if (isUniqueViolation(error) && (await isSkuTaken(producer.id, input.sku)))
      return { ok: false, reason: 'sku-taken' }
    throw error
  }
}

/** Saves the editor's fields, price and stock included, and the status change in one transaction. */
export async function updateListing(
  producerId: string,
  productId: string,
  input: ListingInput,
): Promise<SaveListingResult> {
  try {
    return await getDb().$transaction(async (tx): Promise<SaveListingResult> => {
      if (!(await lockListing(tx, producerId, productId))) return { ok: false, reason: 'not-found' }
      const current = await tx.product.findUniqueOrThrow({
        where: { id: productId },
        select: { status: true, producer: { select: { status: true } } },
      })
      if (!canTransition(current.status, input.status)) {
        return { ok: false, reason: 'transition', from: current.status }
      }
      if (input.status === 'PUBLISHED') {
        const missing = publishProblems(input)
        if (missing.length > 0) return { ok: false, reason: 'incomplete', missing }
      }
      if (
        await tx.product.findFirst({
          where: { producerId, sku: input.sku, id: { not: productId } },
          select: { id: true },
        })
      ) {
        return { ok: false, reason: 'sku-taken' }
      }
      const updated = await tx.product.update({
        where: { id: productId },
        data: { ...listingData(input), ...statusData(current.status, input.status, new Date()) },
        select: { id: true, nameVi: true, status: true },
      })
      return {
        ok: true,
        id: updated.id,
        name: updated.nameVi,
        status: updated.status,
        producerVerified: current.producer.status === 'VERIFIED',
      }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'sku-taken' }
    throw error
  }
}

// ─────────── Photos ───────────

export type AddPhotosResult = { ok: true; added: number } | { ok: false; reason: 'not-found' | 'too-many' }

/**
 * Stores the processed photos and appends them after the existing ones. The files are written first;
 * when the rows cannot be added (the product vanished, or a concurrent upload filled it) they are
 * removed again.
 */
export async function addListingPhotos(
  producerId: string,
  productId: string,
  photos: ProcessedPhoto[],
  alt: { altVi: string; altEn: string },
): Promise<AddPhotosResult> {
  if (photos.length === 0) return { ok: true, added: 0 }
  const urls: string[] = []
  try {
    for (const photo of photos) urls.push(await storeProductPhoto(productId, photo))
    const result = await getDb().$transaction(async (tx): Promise<AddPhotosResult> => {
      if (!(await lockListing(tx, producerId, productId))) return { ok: false, reason: 'not-found' }
      const existing = await tx.productImage.aggregate({
        where: { productId },
        _count: { _all: true },
        _max: { position: true },
      })
      if (existing._count._all + photos.length > PHOTO_LIMITS.maxPerProduct) return { ok: false, reason: 'too-many' }
      const start = existing._count._all === 0 ? 0 : (existing._max.position ?? 0) + 1
      await tx.productImage.createMany({
        data: photos.map((photo, index) => ({
          productId,
          url: urls[index]!,
          altVi: alt.altVi,
          altEn: alt.altEn,
          width: photo.width,
          height: photo.height,
          position: start + index,
        })),
      })
      return { ok: true, added: photos.length }
    })
    if (!result.ok) await Promise.all(urls.map((url) => removeProductPhotoFiles(productId, url)))
    return result
  } catch (error) {
    await Promise.all(urls.map((url) => removeProductPhotoFiles(productId, url)))
    throw error
  }
}

/** Numbers the photos 0, 1, 2… in the given order, writing only the rows whose position changes. */
async function renumberPhotos(tx: Tx, productId: string, ordered: { id: string; position: number }[]) {
  for (const [index, image] of ordered.entries()) {
    if (image.position !== index) {
      await tx.productImage.update({ where: { id: image.id, productId }, data: { position: index } })
    }
  }
}

function orderedPhotos(tx: Tx, productId: string) {
  return tx.productImage.findMany({
    where: { productId },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { id: true, position: true, url: true },
  })
}

export type PhotoChangeResult = { ok: true } | { ok: false; reason: 'not-found' }

/** Moves a photo one place earlier or later (the first photo is the cover). */
export function moveListingPhoto(
  producerId: string,
  productId: string,
  imageId: string,
  direction: 'up' | 'down',
): Promise<PhotoChangeResult> {
  return getDb().$transaction(async (tx): Promise<PhotoChangeResult> => {
    if (!(await lockListing(tx, producerId, productId))) return { ok: false, reason: 'not-found' }
    const photos = await orderedPhotos(tx, productId)
    const index = photos.findIndex((photo) => photo.id === imageId)
    if (index === -1) return { ok: false, reason: 'not-found' }
    const target = direction === 'up' ? index - 1 : index + 1
    const order = [...photos]
    if (target >= 0 && target < order.length) [order[index], order[target]] = [order[target]!, order[index]!]
    await renumberPhotos(tx, productId, order)
    return { ok: true }
  })
}

/** Deletes the photo's row (closing the gap in the order), then its files. */
export async function deleteListingPhoto(
  producerId: string,
  productId: string,
  imageId: string,
): Promise<PhotoChangeResult> {
  const result = await getDb().$transaction(async (tx) => {
    if (!(await lockListing(tx, producerId, productId))) return null
    const photos = await orderedPhotos(tx, productId)
    const photo = photos.find((candidate) => candidate.id === imageId)
    if (!photo) return null
    await tx.productImage.delete({ where: { id: imageId } })
    await renumberPhotos(
      tx,
      productId,
      photos.filter((candidate) => candidate.id !== imageId),
    )
    return photo.url
  })
  if (result === null) return { ok: false, reason: 'not-found' }
  await removeProductPhotoFiles(productId, result)
  return { ok: true }
}

export async function updateListingPhotoAlt(
  producerId: string,
  productId: string,
  imageId: string,
  alt: { altVi: string; altEn: string },
): Promise<PhotoChangeResult> {
  const { count } = await getDb().productImage.updateMany({
    where: { id: imageId, productId, product: { producerId } },
    data: { altVi: alt.altVi, altEn: alt.altEn },
  })
  return count === 1 ? { ok: true } : { ok: false, reason: 'not-found' }
}
