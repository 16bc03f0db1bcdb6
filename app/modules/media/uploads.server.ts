/**
 * Product photos uploaded by producers: decoded with sharp (the bytes decide the type, never the file
 * name or the browser's MIME type), turned upright from EXIF, stripped of metadata (GPS included) and
 * stored as WebP at the responsive widths of image-variants.ts, never upscaled.
 *
 * HEIC: the prebuilt libvips that ships with sharp reads the HEIF container but has no HEVC decoder
 * (it carries AV1 only, for AVIF), so iPhone HEIC photos are refused with their own message. A server
 * with a libvips built with libde265 would decode them and this code would accept them unchanged.
 */
import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import sharp, { type Metadata, type OutputInfo, type SharpOptions } from 'sharp'
import { IMAGE_WIDTHS, imageVariantUrl, type ImageWidth } from './image-variants.ts'
import { getMediaDir, MEDIA_URL_PREFIX, writeMediaFile } from './storage.server.ts'

export const PHOTO_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxPerProduct: 12,
  /** 100 megapixels: above any phone camera in use, below what would exhaust the server's memory. */
  maxInputPixels: 100_000_000,
} as const

export const PHOTO_MAX_MEGABYTES = PHOTO_LIMITS.maxBytes / (1024 * 1024)

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif'])
const LARGEST_WIDTH: number = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]
const WEBP_QUALITY = 82

export type PhotoProblem =
  'not-an-image' | 'unsupported' | 'heic-unsupported' | 'corrupt' | 'too-many-pixels' | 'too-big'

export type ProcessedPhoto = {
  /** Size of the largest stored variant (the one the url names). */
  width: number
  height: number
  variants: { width: ImageWidth; data: Buffer }[]
}

export type PhotoResult = { ok: true; photo: ProcessedPhoto } | { ok: false; problem: PhotoProblem }

function isHevcHeif(metadata: Metadata): boolean {
  return metadata.format === 'heif' && metadata.compression === 'hevc'
}

/** Decodes an uploaded file and renders the WebP variants, or says why it cannot. */
export async function processPhoto(data: Buffer): Promise<PhotoResult> {
  if (data.byteLength > PHOTO_LIMITS.maxBytes) return { ok: false, problem: 'too-big' }
  const options: SharpOptions = { limitInputPixels: PHOTO_LIMITS.maxInputPixels, failOn: 'error' }
  let metadata: Metadata
  try {
    metadata = await sharp(data, options).metadata()
  } catch {
    return { ok: false, problem: 'not-an-image' }
  }
  if (!ACCEPTED_FORMATS.has(metadata.format)) return { ok: false, problem: 'unsupported' }
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > PHOTO_LIMITS.maxInputPixels) {
    return { ok: false, problem: 'too-many-pixels' }
  }

  let upright: { data: Buffer; info: OutputInfo }
  try {
    // Decode once, upright and at most as wide as the largest variant; every variant comes from these
    // pixels. The raw buffer carries no metadata, so nothing of the original (EXIF, GPS) survives.
    upright = await sharp(data, options)
      .rotate()
      .resize({ width: LARGEST_WIDTH, withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true })
  } catch {
    return { ok: false, problem: isHevcHeif(metadata) ? 'heic-unsupported' : 'corrupt' }
  }

  const raw = { width: upright.info.width, height: upright.info.height, channels: upright.info.channels }
  const variants: ProcessedPhoto['variants'] = []
  let largest = { width: raw.width, height: raw.height }
  for (const width of IMAGE_WIDTHS) {
    const { data: webp, info } = await sharp(upright.data, { raw })
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: WEBP_QUALITY })
      .toBuffer({ resolveWithObject: true })
    variants.push({ width, data: webp })
    if (width === LARGEST_WIDTH) largest = { width: info.width, height: info.height }
  }
  return { ok: true, photo: { width: largest.width, height: largest.height, variants } }
}

/** Where a product's photos live under the media directory. */
export function productPhotoFolder(productId: string): string {
  return `products/${productId}`
}

/**
 * Writes the variants under `products/<productId>/<random>.webp` (`-320`, `-640` beside it) and
 * returns the url of the largest, as ProductImage.url stores it.
 */
export async function storeProductPhoto(productId: string, photo: ProcessedPhoto): Promise<string> {
  const name = randomBytes(12).toString('hex')
  const url = `${MEDIA_URL_PREFIX}/${productPhotoFolder(productId)}/${name}.webp`
  for (const variant of photo.variants) {
    await writeMediaFile(mediaRelativePath(imageVariantUrl(url, variant.width)), variant.data)
  }
  return url
}

function mediaRelativePath(url: string): string {
  return url.slice(MEDIA_URL_PREFIX.length + 1)
}

/**
 * Removes a stored photo's files. Only files this module wrote (under the product's own folder) are
 * touched: seeded products point at shared placeholder artwork, which must stay.
 */
export async function removeProductPhotoFiles(productId: string, url: string): Promise<void> {
  const prefix = `${MEDIA_URL_PREFIX}/${productPhotoFolder(productId)}/`
  if (!url.startsWith(prefix) || !/^[a-z0-9]+\.webp$/.test(url.slice(prefix.length))) return
  const mediaDir = getMediaDir()
  for (const width of IMAGE_WIDTHS) {
    const file = path.resolve(mediaDir, mediaRelativePath(imageVariantUrl(url, width)))
    if (!file.startsWith(mediaDir + path.sep)) continue
    await rm(file, { force: true })
  }
}
