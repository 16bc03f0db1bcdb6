/** Widths of the responsive variants stored next to every image; the largest is the stored url itself. */
export const IMAGE_WIDTHS = [320, 640, 960] as const

export type ImageWidth = (typeof IMAGE_WIDTHS)[number]

const LARGEST_WIDTH = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]

/** `/media/a/b.webp` at width 640 → `/media/a/b-640.webp`; the largest width is the url unchanged. */
export function imageVariantUrl(url: string, width: ImageWidth): string {
  if (width === LARGEST_WIDTH) return url
  return url.replace(/\.webp$/, `-${width}.webp`)
}

export function imageVariants(url: string): { src: string; srcSet: string } {
  if (!url.startsWith('/media/') || !url.endsWith('.webp')) return { src: url, srcSet: '' }
  const srcSet = IMAGE_WIDTHS.map((width) => `${imageVariantUrl(url, width)} ${width}w`).join(', ')
  return { src: url, srcSet }
}
