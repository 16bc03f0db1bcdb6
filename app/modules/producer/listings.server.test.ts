import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { processPhoto, type ProcessedPhoto } from '#app/modules/media/uploads.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { makeJpeg } from '#tests/factories/images.ts'
import { type ListingInput } from './listing-schema.ts'
import {
  addListingPhotos,
  canTransition,
  changeListingStatus,
  createListing,
  deleteListingPhoto,
  getListingForEdit,
  getListingPreview,
  isSkuTaken,
  listListings,
  moveListingPhoto,
  publishProblems,
  updateListing,
  updateListingPhotoAlt,
} from './listings.server.ts'

let mediaDir = ''
const previousMediaDir = process.env.MEDIA_DIR
let honey: { id: string; slug: string } // HTX Ong Tuấn Minh, verified
let silk: { id: string; slug: string } // HTX Dệt lụa Vạn Phúc, verified
let pending: { id: string; slug: string } // Cơ sở nấm KMS Minh Phú, waiting for the office
let photo: ProcessedPhoto

function producer(slug: string) {
  return getDb().producer.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true } })
}

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'ocop-listings-'))
  process.env.MEDIA_DIR = mediaDir
  ;[honey, silk, pending] = await Promise.all([
    producer('htx-ong-tuan-minh'),
    producer('htx-det-lua-van-phuc'),
    producer('nam-kms-minh-phu'),
  ])
  const processed = await processPhoto(await makeJpeg(1200, 900))
  if (!processed.ok) throw new Error(processed.problem)
  photo = processed.photo
})

afterAll(async () => {
  if (previousMediaDir === undefined) delete process.env.MEDIA_DIR
  else process.env.MEDIA_DIR = previousMediaDir
  await rm(mediaDir, { recursive: true, force: true })
})

let skuCounter = 0
function input(overrides: Partial<ListingInput> = {}): ListingInput {
  skuCounter += 1
  return {
    sku: `TEST-${skuCounter}`,
    nameVi: `Mật ong bạc hà thử nghiệm ${skuCounter}`,
    nameEn: `Test mint honey ${skuCounter}`,
    groupCode: 'thuc-pham',
    subgroupCode: 'mat-ong-nong-san-khac',
    priceVnd: 180_000,
    unitVi: 'chai 500 ml',
    unitEn: '500 ml bottle',
    weightGrams: 700,
    stock: 25,
    descriptionVi: 'Mật ong hoa bạc hà Hà Giang.',
    descriptionEn: '',
    status: 'DRAFT',
    ...overrides,
  }
}

async function created(owner: { id: string; slug: string }, overrides: Partial<ListingInput> = {}) {
  const result = await createListing(owner, input(overrides))
  if (!result.ok) throw new Error(`create failed: ${result.reason}`)
  return result.id
}

function catalogEntry(productId: string) {
  return getDb().catalogEntry.findUnique({
    where: { productId },
    select: { visible: true, priceVnd: true, stock: true, imageUrl: true },
  })
}

describe('creating, editing and publishing', () => {
  test('a published listing of a verified producer becomes visible in the catalogue; a draft does not', async () => {
    const id = await created(honey)
    expect(await catalogEntry(id)).toMatchObject({ visible: false, priceVnd: 180_000, stock: 25 })
    const published = await changeListingStatus(honey.id, id, 'PUBLISHED')
    expect(published).toMatchObject({ ok: true, status: 'PUBLISHED', producerVerified: true })
    expect(await catalogEntry(id)).toMatchObject({ visible: true })
    const product = await getDb().product.findUniqueOrThrow({
      where: { id },
      select: { publishedAt: true, slug: true },
    })
    expect(product.publishedAt).not.toBeNull()
    expect(product.slug).toMatch(/^mat-ong-bac-ha-thu-nghiem-\d+$/)

    expect(await changeListingStatus(honey.id, id, 'DRAFT')).toMatchObject({ ok: true })
    expect(await catalogEntry(id)).toMatchObject({ visible: false })
  })

  test('a pending producer may publish, but the listing stays hidden until verified', async () => {
    const id = await created(pending, { status: 'PUBLISHED' })
    expect(await catalogEntry(id)).toMatchObject({ visible: false })
    expect((await getListingPreview(pending.id, id, new Date()))?.visible).toBe(false)
    await getDb().producer.update({ where: { id: pending.id }, data: { status: 'VERIFIED' } })
    expect(await catalogEntry(id)).toMatchObject({ visible: true })
    await getDb().producer.update({ where: { id: pending.id }, data: { status: 'PENDING' } })
  })

  test('price and stock change together with the rest of the form', async () => {
    const id = await created(honey, { status: 'PUBLISHED' })
    const result = await updateListing(honey.id, id, input({ priceVnd: 210_000, stock: 3, status: 'PUBLISHED' }))
    expect(result).toMatchObject({ ok: true })
    expect(await catalogEntry(id)).toMatchObject({ visible: true, priceVnd: 210_000, stock: 3 })
  })

  test('status changes follow LISTING_TRANSITIONS: an archived listing is restored to draft before it is sold', async () => {
    expect(canTransition('ARCHIVED', 'PUBLISHED')).toBe(false)
    expect(canTransition('ARCHIVED', 'DRAFT')).toBe(true)
    const id = await created(honey)
    expect(await changeListingStatus(honey.id, id, 'ARCHIVED')).toMatchObject({ ok: true })
    expect(await changeListingStatus(honey.id, id, 'PUBLISHED')).toEqual({
      ok: false,
      reason: 'transition',
      from: 'ARCHIVED',
    })
    expect(await updateListing(honey.id, id, input({ status: 'PUBLISHED' }))).toMatchObject({ reason: 'transition' })
    expect(await changeListingStatus(honey.id, id, 'DRAFT')).toMatchObject({ ok: true, status: 'DRAFT' })
  })

  test('publishing needs a name, a price, stock, a known group and a unit', async () => {
    expect(publishProblems(input())).toEqual([])
    expect(
      publishProblems({ ...input(), nameVi: ' ', priceVnd: 0, stock: -1, subgroupCode: 'hoa', unitVi: '' }),
    ).toEqual(['name', 'price', 'stock', 'group', 'unit'])
    // A listing left below the limits by another path (an old import) cannot be published from the list.
    const id = await created(honey)
    await getDb().product.update({ where: { id }, data: { priceVnd: 500 } })
    expect(await changeListingStatus(honey.id, id, 'PUBLISHED')).toEqual({
      ok: false,
      reason: 'incomplete',
      missing: ['price'],
    })
  })

  test('a SKU is unique within a producer, not across producers', async () => {
    const first = input()
    await createListing(honey, first)
    expect(await isSkuTaken(honey.id, first.sku)).toBe(true)
    expect(await createListing(honey, { ...input(), sku: first.sku })).toEqual({ ok: false, reason: 'sku-taken' })
    expect(await createListing(silk, { ...input(), sku: first.sku })).toMatchObject({ ok: true })
    const other = await created(honey)
    expect(await updateListing(honey.id, other, { ...input(), sku: first.sku })).toEqual({
      ok: false,
      reason: 'sku-taken',
    })
  })
})

describe("another producer's listing is not found", () => {
  test('reading, editing and changing status answer not-found and change nothing', async () => {
    const id = await created(honey)
    expect(await getListingForEdit(silk.id, id)).toBeNull()
    expect(await getListingPreview(silk.id, id, new Date())).toBeNull()
    expect(await updateListing(silk.id, id, input({ priceVnd: 1_000 }))).toEqual({ ok: false, reason: 'not-found' })
    expect(await changeListingStatus(silk.id, id, 'PUBLISHED')).toEqual({ ok: false, reason: 'not-found' })
    expect(await addListingPhotos(silk.id, id, [photo], { altVi: 'x', altEn: 'x' })).toEqual({
      ok: false,
      reason: 'not-found',
    })
    const product = await getDb().product.findUniqueOrThrow({
      where: { id },
      select: { priceVnd: true, status: true, _count: { select: { images: true } } },
    })
    expect(product).toEqual({ priceVnd: 180_000, status: 'DRAFT', _count: { images: 0 } })
    // The files written before the ownership check in the transaction are removed again.
    const folder = path.join(mediaDir, 'products', id)
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([])
  })
})

describe('photos', () => {
  async function photoIds(productId: string) {
    const images = await getDb().productImage.findMany({
      where: { productId },
      orderBy: { position: 'asc' },
      select: { id: true, position: true, url: true, altVi: true },
    })
    return images
  }

  test('photos are appended in order, reordered and deleted; the first is the catalogue image', async () => {
    const id = await created(honey, { status: 'PUBLISHED' })
    expect(await addListingPhotos(honey.id, id, [photo, photo, photo], { altVi: 'Mật ong', altEn: 'Honey' })).toEqual({
      ok: true,
      added: 3,
    })
    const [a, b, c] = await photoIds(id)
    expect([a!.position, b!.position, c!.position]).toEqual([0, 1, 2])
    expect(a!.altVi).toBe('Mật ong')
    expect((await catalogEntry(id))?.imageUrl).toBe(a!.url)

    expect(await moveListingPhoto(honey.id, id, c!.id, 'up')).toEqual({ ok: true })
    expect((await photoIds(id)).map((p) => p.id)).toEqual([a!.id, c!.id, b!.id])
    expect(await moveListingPhoto(honey.id, id, c!.id, 'up')).toEqual({ ok: true })
    expect((await photoIds(id)).map((p) => p.id)).toEqual([c!.id, a!.id, b!.id])
    expect((await catalogEntry(id))?.imageUrl).toBe(c!.url)
    // Moving the first photo up leaves the order as it is.
    expect(await moveListingPhoto(honey.id, id, c!.id, 'up')).toEqual({ ok: true })
    expect((await photoIds(id)).map((p) => p.id)).toEqual([c!.id, a!.id, b!.id])

    const cFile = path.join(mediaDir, c!.url.replace(/^\/media\//, ''))
    expect(existsSync(cFile)).toBe(true)
    expect(await deleteListingPhoto(honey.id, id, c!.id)).toEqual({ ok: true })
    expect(existsSync(cFile)).toBe(false)
    expect(existsSync(cFile.replace(/\.webp$/, '-320.webp'))).toBe(false)
    const left = await photoIds(id)
    expect(left.map((p) => [p.id, p.position])).toEqual([
      [a!.id, 0],
      [b!.id, 1],
    ])
    expect((await catalogEntry(id))?.imageUrl).toBe(a!.url)

    expect(await updateListingPhotoAlt(honey.id, id, a!.id, { altVi: 'Chai mật ong', altEn: 'Honey jar' })).toEqual({
      ok: true,
    })
    expect((await photoIds(id))[0]!.altVi).toBe('Chai mật ong')
  })

  test("a producer cannot move, delete or describe another producer's photo", async () => {
    const id = await created(honey)
    await addListingPhotos(honey.id, id, [photo], { altVi: 'Mật ong', altEn: 'Honey' })
    const [image] = await photoIds(id)
    expect(await moveListingPhoto(silk.id, id, image!.id, 'down')).toEqual({ ok: false, reason: 'not-found' })
    expect(await deleteListingPhoto(silk.id, id, image!.id)).toEqual({ ok: false, reason: 'not-found' })
    expect(await updateListingPhotoAlt(silk.id, id, image!.id, { altVi: 'x', altEn: 'x' })).toEqual({
      ok: false,
      reason: 'not-found',
    })
    // An image id of another product, even of one's own producer, is not found either.
    const own = await created(silk)
    expect(await deleteListingPhoto(silk.id, own, image!.id)).toEqual({ ok: false, reason: 'not-found' })
    expect(await photoIds(id)).toHaveLength(1)
  })

  test('a product holds at most 12 photos', async () => {
    const id = await created(honey)
    expect(await addListingPhotos(honey.id, id, Array(10).fill(photo), { altVi: 'a', altEn: 'a' })).toMatchObject({
      ok: true,
    })
    const before = new Set(readdirSync(path.join(mediaDir, 'products', id)))
    expect(await addListingPhotos(honey.id, id, Array(3).fill(photo), { altVi: 'a', altEn: 'a' })).toEqual({
      ok: false,
      reason: 'too-many',
    })
    expect(await photoIds(id)).toHaveLength(10)
    const after = new Set(readdirSync(path.join(mediaDir, 'products', id)))
    expect(after).toEqual(before)
    expect(await addListingPhotos(honey.id, id, Array(2).fill(photo), { altVi: 'a', altEn: 'a' })).toMatchObject({
      ok: true,
      added: 2,
    })
  })
})

describe('listListings', () => {
  test("lists only the producer's own products, filters by status and searches name and SKU", async () => {
    const sku = `TIM-${Date.now()}`
    const id = await created(silk, { sku, nameVi: 'Khăn lụa tơ tằm thử', status: 'PUBLISHED' })
    const all = await listListings(silk.id)
    expect(all.items.every((item) => item.id !== undefined)).toBe(true)
    const ownIds = new Set(
      (await getDb().product.findMany({ where: { producerId: silk.id }, select: { id: true } })).map((p) => p.id),
    )
    expect(all.items.every((item) => ownIds.has(item.id))).toBe(true)
    expect(all.total).toBe(ownIds.size)

    expect((await listListings(silk.id, { q: sku.toLowerCase() })).items.map((i) => i.id)).toEqual([id])
    expect((await listListings(silk.id, { q: 'khăn lụa tơ tằm thử' })).items.map((i) => i.id)).toContain(id)
    // Without tone marks, as people type on a keyboard without Vietnamese input.
    expect((await listListings(silk.id, { q: 'KHAN LUA TO TAM THU' })).items.map((i) => i.id)).toContain(id)
    expect((await listListings(silk.id, { q: '100%_' })).items).toEqual([])
    expect((await listListings(honey.id, { q: sku })).items).toEqual([])
    expect((await listListings(silk.id, { status: 'draft', q: sku })).items).toEqual([])
    const published = await listListings(silk.id, { status: 'published' })
    expect(published.items.every((item) => item.status === 'PUBLISHED')).toBe(true)
    expect(published.counts.PUBLISHED).toBe(published.total)
  })
})
