/** /seller/listings driven as a browser would: real Requests, with a producer member's session. */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { imageVariantUrl } from '#app/modules/media/image-variants.ts'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { makeHeicContainer, makeJpeg, makePng } from '#tests/factories/images.ts'
import { callRoute, formResult, toastOf } from '#tests/route-call.ts'
import * as edit from './($lang).seller.listings.$productId.tsx'
import * as preview from './($lang).seller.listings.$productId_.preview.tsx'
import * as index from './($lang).seller.listings._index.tsx'
import * as create from './($lang).seller.listings.new.tsx'

let mediaDir = ''
const previousMediaDir = process.env.MEDIA_DIR
let honeyId = ''
let honeyOwner: TestUser // member of HTX Ong Tuấn Minh (verified)
let silkOwner: TestUser // member of HTX Dệt lụa Vạn Phúc (verified)
let customer: TestUser

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'ocop-listing-routes-'))
  process.env.MEDIA_DIR = mediaDir
  const db = getDb()
  const [honey, silk] = await Promise.all([
    db.producer.findUniqueOrThrow({ where: { slug: 'htx-ong-tuan-minh' }, select: { id: true } }),
    db.producer.findUniqueOrThrow({ where: { slug: 'htx-det-lua-van-phuc' }, select: { id: true } }),
  ])
  honeyId = honey.id
  ;[honeyOwner, silkOwner, customer] = await Promise.all([
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: honey.id }] }),
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: silk.id }] }),
    createTestUser({ roles: ['CUSTOMER'] }),
  ])
})

afterAll(async () => {
  if (previousMediaDir === undefined) delete process.env.MEDIA_DIR
  else process.env.MEDIA_DIR = previousMediaDir
  await rm(mediaDir, { recursive: true, force: true })
})

let counter = 0
function listingForm(overrides: Record<string, string> = {}): Record<string, string> {
  counter += 1
  return {
    intent: 'save-listing',
    sku: `ONG-${counter}`,
    nameVi: `Mật ong hoa cà phê ${counter}`,
    nameEn: `Coffee blossom honey ${counter}`,
    groupCode: 'thuc-pham',
    subgroupCode: 'mat-ong-nong-san-khac',
    priceVnd: '150.000',
    unitVi: 'chai 500 ml',
    unitEn: '500 ml bottle',
    weightGrams: '700',
    stock: '40',
    descriptionVi: 'Mật ong hoa cà phê Buôn Ma Thuột.',
    descriptionEn: '',
    status: 'DRAFT',
    ...overrides,
  }
}

async function createListing(user: TestUser, overrides: Record<string, string> = {}): Promise<string> {
  const outcome = await callRoute(
    create.action,
    appRequest('/seller/listings/new', { cookie: user.cookie, form: listingForm(overrides) }),
  )
  expect(outcome.status, JSON.stringify(outcome.body)).toBe(302)
  const id = /^\/seller\/listings\/([^/]+)$/.exec(outcome.location ?? '')?.[1]
  if (!id) throw new Error(`unexpected redirect ${outcome.location}`)
  return id
}

function product(id: string) {
  return getDb().product.findUniqueOrThrow({
    where: { id },
    select: {
      sku: true,
      priceVnd: true,
      stock: true,
      status: true,
      nameVi: true,
      catalogEntry: { select: { visible: true, priceVnd: true } },
      images: { orderBy: { position: 'asc' }, select: { id: true, url: true, width: true, height: true, altVi: true } },
    },
  })
}

function editAction(user: TestUser, productId: string, form: Record<string, string> | FormData) {
  return callRoute(edit.action, appRequest(`/seller/listings/${productId}`, { cookie: user.cookie, form }), {
    productId,
  })
}

function upload(user: TestUser, productId: string, files: File[]) {
  const form = new FormData()
  form.append('intent', 'upload-photos')
  for (const file of files) form.append('photos', file)
  return editAction(user, productId, form)
}

/** A file as a browser uploads it (File wants an ArrayBuffer-backed view, not a pooled Buffer). */
function photoFile(data: Buffer | string, name: string, options: { type?: string } = {}): File {
  return new File([typeof data === 'string' ? data : new Uint8Array(data)], name, options)
}

function mediaFile(url: string, width: 320 | 640 | 960): string {
  return path.join(mediaDir, imageVariantUrl(url, width).replace(/^\/media\//, ''))
}

describe('creating, editing and publishing a listing', () => {
  test('a new listing is created from a Vietnamese price "150.000", then published and visible in the catalogue', async () => {
    const id = await createListing(honeyOwner)
    expect(await product(id)).toMatchObject({ priceVnd: 150_000, stock: 40, status: 'DRAFT' })
    expect((await product(id)).catalogEntry?.visible).toBe(false)

    const page = await callRoute(
      index.loader,
      appRequest('/seller/listings?status=draft', { cookie: honeyOwner.cookie }),
    )
    expect((page.body as { items: { id: string }[] }).items.map((item) => item.id)).toContain(id)

    const published = await callRoute(
      index.action,
      appRequest('/seller/listings', {
        cookie: honeyOwner.cookie,
        form: { intent: 'publish', productId: id, back: '?status=draft' },
      }),
    )
    expect(published.status).toBe(302)
    expect(published.location).toBe('/seller/listings?status=draft')
    expect(await toastOf(published)).toMatch(/^Đã đăng bán “Mật ong hoa cà phê \d+”\.$/)
    expect((await product(id)).catalogEntry).toEqual({ visible: true, priceVnd: 150_000 })
  })

  test('a producer waiting for verification may publish; the message says the listing stays hidden', async () => {
    const pending = await getDb().producer.findUniqueOrThrow({
      where: { slug: 'nam-kms-minh-phu' },
      select: { id: true },
    })
    const member = await createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: pending.id }] })
    const page = await callRoute(index.loader, appRequest('/seller/listings', { cookie: member.cookie }))
    expect(page.body).toMatchObject({ producerVerified: false })
    const id = await createListing(member)
    const published = await callRoute(
      index.action,
      appRequest('/seller/listings', { cookie: member.cookie, form: { intent: 'publish', productId: id } }),
    )
    expect(published.status).toBe(302)
    expect(await toastOf(published)).toContain('sẽ hiển thị trên chợ khi chủ thể được Văn phòng OCOP xác minh')
    expect(await product(id)).toMatchObject({ status: 'PUBLISHED', catalogEntry: { visible: false } })
  })

  test('the editor saves price and stock with the status, and the catalogue follows', async () => {
    const id = await createListing(honeyOwner)
    const outcome = await editAction(
      honeyOwner,
      id,
      listingForm({ sku: (await product(id)).sku, priceVnd: '175000', stock: '12', status: 'PUBLISHED' }),
    )
    expect(outcome.status).toBe(302)
    expect(await product(id)).toMatchObject({
      priceVnd: 175_000,
      stock: 12,
      status: 'PUBLISHED',
      catalogEntry: { visible: true, priceVnd: 175_000 },
    })
  })

  test('unpublish, archive and restore follow the allowed transitions', async () => {
    const id = await createListing(honeyOwner, { status: 'PUBLISHED' })
    const act = (intent: string) =>
      callRoute(
        index.action,
        appRequest('/seller/listings', { cookie: honeyOwner.cookie, form: { intent, productId: id } }),
      )
    expect((await act('unpublish')).status).toBe(302)
    expect((await product(id)).status).toBe('DRAFT')
    expect((await act('archive')).status).toBe(302)
    expect((await product(id)).status).toBe('ARCHIVED')
    const refused = await act('publish')
    expect(refused.status).toBe(400)
    expect((refused.body as { error: string }).error).toContain('Không thể chuyển sản phẩm từ “Lưu trữ”')
    expect((await act('restore')).status).toBe(302)
    expect((await product(id)).status).toBe('DRAFT')
    expect((await act('bogus')).status).toBe(400)
  })

  test('a duplicate SKU within the producer is a field error, in Vietnamese', async () => {
    const id = await createListing(honeyOwner)
    const { sku } = await product(id)
    const outcome = await callRoute(
      create.action,
      appRequest('/seller/listings/new', { cookie: honeyOwner.cookie, form: listingForm({ sku }) }),
    )
    expect(outcome.status).toBe(400)
    expect(formResult(outcome).error?.sku).toEqual(['Mã SKU này đã được dùng cho một sản phẩm khác của bạn.'])
    // The seeded SKU of the same producer is caught on edit too.
    const edited = await editAction(honeyOwner, id, listingForm({ sku: 'TM-NHAN-500' }))
    expect(formResult(edited).error?.sku).toEqual(['Mã SKU này đã được dùng cho một sản phẩm khác của bạn.'])
  })

  test.each([
    ['-150000', 'Giá bán không được là số âm.'],
    ['99.999.999.999', 'Giá bán cao nhất là 1.000.000.000\u00a0₫.'],
    ['150000,5', 'Giá bán phải là số đồng chẵn, không có phần lẻ (ví dụ 150.000).'],
    ['150.5', 'Giá bán phải là số đồng chẵn, không có phần lẻ (ví dụ 150.000).'],
    ['500', 'Giá bán thấp nhất là 1.000\u00a0₫.'],
    ['một trăm nghìn', 'Giá bán phải là một số tiền, ví dụ 150.000 hoặc 150000.'],
  ])('price %s is refused with a Vietnamese message and nothing changes', async (price, message) => {
    const id = await createListing(honeyOwner)
    const before = await product(id)
    const outcome = await editAction(honeyOwner, id, listingForm({ sku: before.sku, priceVnd: price, stock: '1' }))
    expect(outcome.status).toBe(400)
    expect(formResult(outcome).error?.priceVnd).toEqual([message])
    expect(await product(id)).toEqual(before)
  })

  test('a subgroup of another group, a fractional stock and a missing name are refused', async () => {
    const outcome = await callRoute(
      create.action,
      appRequest('/seller/listings/new', {
        cookie: honeyOwner.cookie,
        form: listingForm({ subgroupCode: 'hoa', stock: '2.5', nameVi: '' }),
      }),
    )
    expect(outcome.status).toBe(400)
    const errors = formResult(outcome).error
    expect(errors?.nameVi).toEqual(['Hãy nhập tên sản phẩm.'])
    expect(errors?.stock).toEqual(['Tồn kho phải là số nguyên từ 0 đến 1.000.000.'])
  })

  test('the English pages answer in English', async () => {
    const outcome = await callRoute(
      create.action,
      appRequest('/en/seller/listings/new', { cookie: honeyOwner.cookie, form: listingForm({ priceVnd: '-1' }) }),
      { lang: 'en' },
    )
    expect(formResult(outcome).error?.priceVnd).toEqual(['The price cannot be negative.'])
  })

  test('the preview shows a draft as buyers would see it, only to its producer', async () => {
    const id = await createListing(honeyOwner)
    const outcome = await callRoute(
      preview.loader,
      appRequest(`/seller/listings/${id}/preview`, { cookie: honeyOwner.cookie }),
      { productId: id },
    )
    expect(outcome.status).toBe(200)
    expect(outcome.body).toMatchObject({
      product: { id, status: 'DRAFT', visible: false, producer: { slug: 'htx-ong-tuan-minh' } },
    })
  })

  test('a producer account without a producer is sent to apply; a customer is refused', async () => {
    const orphan = await createTestUser({ roles: ['CUSTOMER', 'PRODUCER'] })
    const outcome = await callRoute(index.loader, appRequest('/seller/listings', { cookie: orphan.cookie }))
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe('/seller/apply')
    const refused = await callRoute(
      create.action,
      appRequest('/seller/listings/new', { cookie: customer.cookie, form: listingForm() }),
    )
    expect(refused.status).toBe(403)
  })
})

describe("another producer's listing", () => {
  test('answers 404 to the loaders and to every action intent, and nothing changes', async () => {
    const id = await createListing(honeyOwner, { status: 'PUBLISHED' })
    const uploaded = await upload(honeyOwner, id, [photoFile(await makeJpeg(800, 600), 'a.jpg')])
    expect(uploaded.status).toBe(302)
    const before = await product(id)
    const imageId = before.images[0]!.id
    const params = { productId: id }
    const asSilk = (route: string) => appRequest(route, { cookie: silkOwner.cookie })

    expect((await callRoute(edit.loader, asSilk(`/seller/listings/${id}`), params)).status).toBe(404)
    expect((await callRoute(preview.loader, asSilk(`/seller/listings/${id}/preview`), params)).status).toBe(404)
    expect((await editAction(silkOwner, id, listingForm({ priceVnd: '1.000' }))).status).toBe(404)
    expect((await editAction(silkOwner, id, { intent: 'move-photo', imageId, direction: 'down' })).status).toBe(404)
    expect((await editAction(silkOwner, id, { intent: 'delete-photo', imageId })).status).toBe(404)
    expect((await editAction(silkOwner, id, { intent: 'photo-alt', imageId, altVi: 'x', altEn: 'x' })).status).toBe(404)
    expect((await editAction(silkOwner, id, { intent: 'no-such-intent' })).status).toBe(404)
    expect((await upload(silkOwner, id, [photoFile(await makeJpeg(400, 300), 'b.jpg')])).status).toBe(404)
    for (const intent of ['publish', 'unpublish', 'archive', 'restore']) {
      const outcome = await callRoute(
        index.action,
        appRequest('/seller/listings', { cookie: silkOwner.cookie, form: { intent, productId: id } }),
      )
      expect(outcome.status, intent).toBe(404)
    }
    expect(await product(id)).toEqual(before)
    expect(await getDb().productImage.count({ where: { productId: id } })).toBe(1)
  })

  test('a made-up id is a 404 as well', async () => {
    const outcome = await callRoute(
      edit.loader,
      appRequest('/seller/listings/cl000000000000000000000', { cookie: honeyOwner.cookie }),
      { productId: 'cl000000000000000000000' },
    )
    expect(outcome.status).toBe(404)
  })
})

describe('photos', () => {
  test('a JPEG and a PNG from a phone are stored as three WebP variants each, never upscaled', async () => {
    const id = await createListing(honeyOwner)
    const outcome = await upload(honeyOwner, id, [
      photoFile(await makeJpeg(1600, 1200), 'IMG_0001.JPG', { type: 'image/jpeg' }),
      photoFile(await makePng(500, 400), 'anh-chup.png', { type: 'image/png' }),
    ])
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(302)
    expect(outcome.location).toBe(`/seller/listings/${id}#photos`)
    expect(await toastOf(outcome)).toBe('Đã thêm 2 ảnh.')
    const { images, nameVi } = await product(id)
    expect(images.map((image) => [image.width, image.height, image.altVi])).toEqual([
      [960, 720, nameVi],
      [500, 400, nameVi],
    ])
    const widths = async (url: string) =>
      Promise.all(([320, 640, 960] as const).map(async (w) => (await sharp(mediaFile(url, w)).metadata()).width))
    expect(images[0]!.url).toMatch(new RegExp(`^/media/products/${id}/[a-f0-9]+\\.webp$`))
    expect(await widths(images[0]!.url)).toEqual([320, 640, 960])
    expect(await widths(images[1]!.url)).toEqual([320, 500, 500])
    expect((await sharp(mediaFile(images[0]!.url, 960)).metadata()).format).toBe('webp')
  })

  test('a text file renamed .jpg and a truncated JPEG are refused with a message; nothing is stored', async () => {
    const id = await createListing(honeyOwner)
    const jpeg = await makeJpeg(800, 600)
    const outcome = await upload(honeyOwner, id, [
      photoFile('Đây là ghi chú, không phải ảnh', 'ghi-chu.jpg', { type: 'image/jpeg' }),
      photoFile(jpeg.subarray(0, jpeg.length / 2), 'dang-do.jpg', { type: 'image/jpeg' }),
    ])
    expect(outcome.status).toBe(400)
    expect(outcome.body).toEqual({
      form: 'photos',
      added: 0,
      problems: [
        '“ghi-chu.jpg” không phải là ảnh JPEG, PNG hoặc WebP.',
        '“dang-do.jpg” bị hỏng hoặc không đầy đủ, không đọc được ảnh.',
      ],
    })
    expect((await product(id)).images).toEqual([])
    expect(existsSync(path.join(mediaDir, 'products', id))).toBe(false)
  })

  test('good photos are kept when others in the same upload are refused', async () => {
    const id = await createListing(honeyOwner)
    const outcome = await upload(honeyOwner, id, [
      photoFile(await makeJpeg(640, 480), 'tot.jpg'),
      photoFile(makeHeicContainer(64, 48), 'IMG_0002.HEIC', { type: 'image/heic' }),
    ])
    expect(outcome.status).toBe(200)
    expect(outcome.body).toEqual({
      form: 'photos',
      added: 1,
      problems: [
        '“IMG_0002.HEIC” là ảnh HEIC: máy chủ hiện không đọc được định dạng này. Hãy chuyển ảnh sang JPEG rồi tải lại.',
      ],
    })
    expect((await product(id)).images).toHaveLength(1)
  })

  test('a photo over 10 MB is refused with a message, not an error page', async () => {
    const id = await createListing(honeyOwner)
    const big = photoFile(Buffer.alloc(10 * 1024 * 1024 + 1, 0xff), 'qua-lon.jpg', { type: 'image/jpeg' })
    const outcome = await upload(honeyOwner, id, [big])
    expect(outcome.status).toBe(400)
    expect(outcome.body).toEqual({
      form: 'photos',
      added: 0,
      problems: ['Có ảnh lớn hơn 10 MB. Hãy chọn ảnh nhỏ hơn hoặc giảm độ phân giải.'],
    })
    expect((await product(id)).images).toEqual([])
  })

  test('no file chosen, and more photos than the product can hold, are refused', async () => {
    const id = await createListing(honeyOwner)
    const empty = new FormData()
    empty.append('intent', 'upload-photos')
    empty.append('photos', new File([], ''))
    const none = await editAction(honeyOwner, id, empty)
    expect(none.body).toMatchObject({ problems: ['Hãy chọn ít nhất một ảnh.'] })
    const photo = await makeJpeg(200, 150)
    const tooMany = await upload(
      honeyOwner,
      id,
      Array.from({ length: 13 }, (_, i) => photoFile(photo, `${i}.jpg`)),
    )
    expect(tooMany.status).toBe(400)
    expect(tooMany.body).toMatchObject({ problems: ['Chỉ có thể thêm 12 ảnh nữa cho sản phẩm này.'] })
    expect((await product(id)).images).toEqual([])
  })

  test('photos are reordered with up/down and deleted with their files', async () => {
    const id = await createListing(honeyOwner)
    await upload(honeyOwner, id, [
      photoFile(await makeJpeg(400, 300), '1.jpg'),
      photoFile(await makeJpeg(401, 300), '2.jpg'),
      photoFile(await makeJpeg(402, 300), '3.jpg'),
    ])
    const [first, second, third] = (await product(id)).images
    const moved = await editAction(honeyOwner, id, { intent: 'move-photo', imageId: third!.id, direction: 'up' })
    expect(moved.status).toBe(302)
    expect((await product(id)).images.map((i) => i.id)).toEqual([first!.id, third!.id, second!.id])
    await editAction(honeyOwner, id, { intent: 'move-photo', imageId: first!.id, direction: 'down' })
    expect((await product(id)).images.map((i) => i.id)).toEqual([third!.id, first!.id, second!.id])
    expect(
      (await editAction(honeyOwner, id, { intent: 'move-photo', imageId: first!.id, direction: 'sideways' })).status,
    ).toBe(400)

    const deleted = await editAction(honeyOwner, id, { intent: 'delete-photo', imageId: third!.id })
    expect(deleted.status).toBe(302)
    expect(await toastOf(deleted)).toBe('Đã xóa ảnh.')
    expect((await product(id)).images.map((i) => i.id)).toEqual([first!.id, second!.id])
    expect(([320, 640, 960] as const).map((w) => existsSync(mediaFile(third!.url, w)))).toEqual([false, false, false])
    expect(existsSync(mediaFile(first!.url, 960))).toBe(true)

    const described = await editAction(honeyOwner, id, {
      intent: 'photo-alt',
      imageId: first!.id,
      altVi: 'Hũ mật ong trên bàn gỗ',
      altEn: '',
    })
    expect(described.status).toBe(302)
    expect((await product(id)).images[0]!.altVi).toBe('Hũ mật ong trên bàn gỗ')
    const blank = await editAction(honeyOwner, id, { intent: 'photo-alt', imageId: first!.id, altVi: ' ' })
    expect(formResult(blank).error?.altVi).toEqual(['Hãy nhập mô tả ảnh.'])
  })

  test("deleting a seeded product's photo removes the row but leaves the shared placeholder artwork", async () => {
    const seeded = await getDb().product.findFirstOrThrow({
      where: { producerId: honeyId, images: { some: { url: { startsWith: '/media/placeholders/' } } } },
      select: { id: true, images: { take: 1, select: { id: true, url: true } } },
    })
    const artwork = path.join(mediaDir, seeded.images[0]!.url.replace(/^\/media\//, ''))
    await mkdir(path.dirname(artwork), { recursive: true })
    await writeFile(artwork, 'shared placeholder')
    const outcome = await editAction(honeyOwner, seeded.id, { intent: 'delete-photo', imageId: seeded.images[0]!.id })
    expect(outcome.status).toBe(302)
    expect(await getDb().productImage.count({ where: { id: seeded.images[0]!.id } })).toBe(0)
    expect(existsSync(artwork)).toBe(true)
  })
})
