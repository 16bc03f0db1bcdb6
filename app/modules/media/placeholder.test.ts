import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { OCOP_GROUPS } from '#app/modules/catalog/ocop-groups.ts'
import { IMAGE_WIDTHS, imageVariants } from './image-variants.ts'
import {
  PLACEHOLDER_HEIGHT,
  PLACEHOLDER_VARIANT_COUNT,
  PLACEHOLDER_WIDTH,
  ensurePlaceholderImages,
  placeholderImages,
  placeholderRelativePath,
  renderPlaceholderSvg,
} from './placeholder.server.ts'
import { MEDIA_URL_PREFIX, getMediaDir } from './storage.server.ts'

const SUBGROUPS = OCOP_GROUPS.flatMap((group) =>
  group.subgroups.map((subgroup) => ({ groupCode: group.code, subgroupCode: subgroup.code })),
)
const VARIANTS = Array.from({ length: PLACEHOLDER_VARIANT_COUNT }, (_, variant) => variant)

let mediaDir = ''
const previousMediaDir = process.env.MEDIA_DIR

function mediaPathOf(url: string): string {
  expect(url.startsWith(`${MEDIA_URL_PREFIX}/`)).toBe(true)
  return path.join(getMediaDir(), url.slice(MEDIA_URL_PREFIX.length + 1))
}

function sha1(data: Buffer): string {
  return createHash('sha1').update(data).digest('hex')
}

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'ocop-media-'))
  process.env.MEDIA_DIR = mediaDir
  await ensurePlaceholderImages()
}, 120_000)

afterAll(async () => {
  if (previousMediaDir === undefined) delete process.env.MEDIA_DIR
  else process.env.MEDIA_DIR = previousMediaDir
  await rm(mediaDir, { recursive: true, force: true })
})

describe('placeholder artwork', () => {
  test('every OCOP subgroup has WebP files of the right size for every variant and width', async () => {
    for (const { groupCode, subgroupCode } of SUBGROUPS) {
      for (const variant of VARIANTS) {
        for (const width of IMAGE_WIDTHS) {
          const file = path.join(mediaDir, placeholderRelativePath(groupCode, subgroupCode, variant, width))
          const metadata = await sharp(file).metadata()
          expect(metadata.format, file).toBe('webp')
          expect(metadata.width, file).toBe(width)
          expect(metadata.height, file).toBe((width * PLACEHOLDER_HEIGHT) / PLACEHOLDER_WIDTH)
        }
      }
    }
  })

  test("a subgroup's six variants are six different pictures, and subgroups differ from each other", async () => {
    const seen = new Set<string>()
    for (const { groupCode, subgroupCode } of SUBGROUPS) {
      const hashes = new Set<string>()
      for (const variant of VARIANTS) {
        const data = await readFile(path.join(mediaDir, placeholderRelativePath(groupCode, subgroupCode, variant)))
        hashes.add(sha1(data))
        seen.add(sha1(data))
      }
      expect(hashes.size, subgroupCode).toBe(PLACEHOLDER_VARIANT_COUNT)
    }
    expect(seen.size).toBe(SUBGROUPS.length * PLACEHOLDER_VARIANT_COUNT)
  })

  test('the pictures are real artwork, not a flat colour', async () => {
    for (const { groupCode, subgroupCode } of SUBGROUPS) {
      const stats = await sharp(path.join(mediaDir, placeholderRelativePath(groupCode, subgroupCode, 0, 320))).stats()
      const spread = Math.max(...stats.channels.map((channel) => channel.stdev))
      expect(spread, subgroupCode).toBeGreaterThan(12)
    }
  })

  test('the SVG is deterministic and uses no text, since the server may have no fonts', () => {
    for (const { subgroupCode } of SUBGROUPS) {
      const svg = renderPlaceholderSvg(subgroupCode, 3)
      expect(renderPlaceholderSvg(subgroupCode, 3)).toBe(svg)
      expect(svg).not.toMatch(/<text/)
      expect(svg).toMatch(/^<svg [^>]*width="960" height="720"/)
    }
  })

  test('an unknown subgroup gets the neutral design instead of an error', async () => {
    expect(() => renderPlaceholderSvg('khong-ton-tai', 99)).not.toThrow()
    const [image] = placeholderImages({
      slug: 'san-pham-la',
      groupCode: 'khac',
      subgroupCode: 'khong-ton-tai',
      nameVi: 'Sản phẩm lạ',
      nameEn: 'Odd product',
    })
    expect(image.url).toMatch(/^\/media\/placeholders\/neutral\/neutral-\d\.webp$/)
    expect((await sharp(mediaPathOf(image.url)).metadata()).width).toBe(960)
  })

  test('ensurePlaceholderImages keeps existing files and restores missing ones', async () => {
    const kept = path.join(mediaDir, placeholderRelativePath('thuc-pham', 'che', 2))
    const removed = path.join(mediaDir, placeholderRelativePath('du-lich', 'du-lich-cong-dong', 4, 320))
    const keptMtime = (await stat(kept)).mtimeMs
    await rm(removed)
    await ensurePlaceholderImages()
    expect((await stat(kept)).mtimeMs).toBe(keptMtime)
    expect((await sharp(removed).metadata()).width).toBe(320)
  })
})

describe('placeholderImages', () => {
  const honey = {
    slug: 'mat-ong-hoa-nhan-hung-yen',
    groupCode: 'thuc-pham',
    subgroupCode: 'mat-ong-nong-san-khac',
    nameVi: 'Mật ong hoa nhãn Hưng Yên',
    nameEn: 'Hưng Yên longan flower honey',
  }

  test('gives one image with bilingual alt text, pointing at existing files for every width', async () => {
    const images = placeholderImages(honey)
    expect(images).toHaveLength(1)
    const [image] = images
    expect(image).toMatchObject({
      altVi: 'Hình minh họa: Mật ong hoa nhãn Hưng Yên',
      altEn: 'Illustration: Hưng Yên longan flower honey',
      width: 960,
      height: 720,
    })
    expect(image.url).toMatch(/^\/media\/placeholders\/thuc-pham\/mat-ong-nong-san-khac-[0-5]\.webp$/)
    const urls = [
      image.url,
      ...imageVariants(image.url)
        .srcSet.split(', ')
        .map((entry) => entry.split(' ')[0]),
    ]
    for (const url of urls) await expect(stat(mediaPathOf(url))).resolves.toBeTruthy()
  })

  test('is deterministic: the same product always gets the same picture', () => {
    expect(placeholderImages(honey)).toEqual(placeholderImages({ ...honey }))
  })

  test('a page of products from one subgroup does not repeat a single picture', () => {
    const urls = Array.from(
      { length: 12 },
      (_, index) => placeholderImages({ ...honey, slug: `mat-ong-${index + 1}` })[0].url,
    )
    expect(new Set(urls).size).toBeGreaterThanOrEqual(4)
  })
})

describe('imageVariants', () => {
  test('lists the 320, 640 and 960 files of a stored image', () => {
    expect(imageVariants('/media/placeholders/thuc-pham/mat-ong-nong-san-khac-2.webp')).toEqual({
      src: '/media/placeholders/thuc-pham/mat-ong-nong-san-khac-2.webp',
      srcSet:
        '/media/placeholders/thuc-pham/mat-ong-nong-san-khac-2-320.webp 320w, /media/placeholders/thuc-pham/mat-ong-nong-san-khac-2-640.webp 640w, /media/placeholders/thuc-pham/mat-ong-nong-san-khac-2.webp 960w',
    })
  })

  test('leaves an external image alone', () => {
    expect(imageVariants('https://cdn.example.com/ocop/che-thai.webp')).toEqual({
      src: 'https://cdn.example.com/ocop/che-thai.webp',
      srcSet: '',
    })
  })
})
