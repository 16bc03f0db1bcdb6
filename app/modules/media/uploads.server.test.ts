import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeHeicContainer, makeJpeg, makePng } from '#tests/factories/images.ts'
import { imageVariantUrl } from './image-variants.ts'
import { PHOTO_LIMITS, processPhoto, removeProductPhotoFiles, storeProductPhoto } from './uploads.server.ts'

let mediaDir = ''
const previousMediaDir = process.env.MEDIA_DIR

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'ocop-uploads-'))
  process.env.MEDIA_DIR = mediaDir
})

afterAll(async () => {
  if (previousMediaDir === undefined) delete process.env.MEDIA_DIR
  else process.env.MEDIA_DIR = previousMediaDir
  await rm(mediaDir, { recursive: true, force: true })
})

async function processed(data: Buffer) {
  const result = await processPhoto(data)
  if (!result.ok) throw new Error(`expected a photo, got ${result.problem}`)
  return result.photo
}

describe('processPhoto', () => {
  test('a JPEG becomes WebP variants 320, 640 and 960 wide, keeping the aspect ratio', async () => {
    const photo = await processed(await makeJpeg(1600, 1200))
    expect(photo).toMatchObject({ width: 960, height: 720 })
    const sizes = await Promise.all(photo.variants.map((v) => sharp(v.data).metadata()))
    expect(sizes.map((m) => [m.format, m.width, m.height])).toEqual([
      ['webp', 320, 240],
      ['webp', 640, 480],
      ['webp', 960, 720],
    ])
  })

  test('a small PNG is never upscaled, and keeps its transparency', async () => {
    const photo = await processed(await makePng(500, 400, { alpha: true }))
    expect(photo).toMatchObject({ width: 500, height: 400 })
    const sizes = await Promise.all(photo.variants.map((v) => sharp(v.data).metadata()))
    expect(sizes.map((m) => [m.width, m.height])).toEqual([
      [320, 256],
      [500, 400],
      [500, 400],
    ])
    expect(sizes[0]!.hasAlpha).toBe(true)
  })

  test('a sideways phone photo is turned upright from its EXIF orientation, and no metadata survives', async () => {
    // Stored 1200×800 with "rotate 90°" (orientation 6): it is a portrait photo 800 wide.
    const jpeg = await makeJpeg(1200, 800, { orientation: 6, exif: { Copyright: 'Nhà vườn Tư Lộc', Artist: 'Tư' } })
    expect((await sharp(jpeg).metadata()).orientation).toBe(6)
    const photo = await processed(jpeg)
    expect(photo).toMatchObject({ width: 800, height: 1200 })
    for (const variant of photo.variants) {
      const metadata = await sharp(variant.data).metadata()
      expect(metadata.exif).toBeUndefined()
      expect(metadata.orientation).toBeUndefined()
      expect(variant.data.includes(Buffer.from('Tư Lộc'))).toBe(false)
    }
  })

  test('WebP input is accepted', async () => {
    const webp = await sharp(await makeJpeg(700, 700))
      .webp()
      .toBuffer()
    expect((await processed(webp)).width).toBe(700)
  })

  test('a text file is not an image, whatever its name', async () => {
    expect(await processPhoto(Buffer.from('Đây không phải là ảnh, chỉ là chữ.\n'))).toEqual({
      ok: false,
      problem: 'not-an-image',
    })
    expect(await processPhoto(Buffer.alloc(0))).toEqual({ ok: false, problem: 'not-an-image' })
  })

  test('a truncated JPEG is reported as damaged', async () => {
    const jpeg = await makeJpeg(800, 600)
    expect(await processPhoto(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toEqual({ ok: false, problem: 'corrupt' })
  })

  test('GIF and SVG are refused as unsupported formats', async () => {
    const gif = await sharp(await makePng(40, 40))
      .gif()
      .toBuffer()
    expect(await processPhoto(gif)).toEqual({ ok: false, problem: 'unsupported' })
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    )
    expect(await processPhoto(svg)).toEqual({ ok: false, problem: 'unsupported' })
  })

  test('HEIC: the container is recognised but this sharp build has no HEVC decoder, so it gets its own message', async () => {
    const heic = makeHeicContainer(64, 48)
    const metadata = await sharp(heic).metadata()
    expect([metadata.format, metadata.compression]).toEqual(['heif', 'hevc'])
    expect(await processPhoto(heic)).toEqual({ ok: false, problem: 'heic-unsupported' })
  })

  test('more than the size limit is refused before decoding', async () => {
    expect(await processPhoto(Buffer.alloc(PHOTO_LIMITS.maxBytes + 1))).toEqual({ ok: false, problem: 'too-big' })
  })
})

describe('storing and removing', () => {
  test('the three variants are written under products/<id>/ and removed again', async () => {
    const photo = await processed(await makeJpeg(1000, 750))
    const url = await storeProductPhoto('prod-1', photo)
    expect(url).toMatch(/^\/media\/products\/prod-1\/[a-f0-9]{24}\.webp$/)
    const files = [320, 640, 960].map((w) =>
      path.join(mediaDir, imageVariantUrl(url, w as 320 | 640 | 960).replace(/^\/media\//, '')),
    )
    const widths = await Promise.all(files.map(async (file) => (await sharp(file).metadata()).width))
    expect(widths).toEqual([320, 640, 960])
    await removeProductPhotoFiles('prod-1', url)
    expect(files.map((file) => existsSync(file))).toEqual([false, false, false])
  })

  test('shared placeholder artwork and other products’ folders are never removed', async () => {
    const photo = await processed(await makeJpeg(400, 300))
    const url = await storeProductPhoto('prod-2', photo)
    const file = path.join(mediaDir, url.replace(/^\/media\//, ''))
    await removeProductPhotoFiles('prod-3', url)
    await removeProductPhotoFiles('prod-2', '/media/placeholders/thuc-pham/che-1.webp')
    await removeProductPhotoFiles('prod-2', '/media/products/prod-2/../prod-9/x.webp')
    expect(existsSync(file)).toBe(true)
  })
})
