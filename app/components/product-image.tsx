import { imageVariants } from '#app/modules/media/image-variants.ts'

export type ProductImageData = { url: string; alt: string; width: number; height: number }

// React 18 warns about the camelCase `fetchPriority` prop (it is only known from React 19 on); the
// lowercase attribute is passed through to the DOM unchanged and without a warning.
const HIGH_FETCH_PRIORITY = { fetchpriority: 'high' }

function cx(...classes: (string | undefined | false)[]): string {
  return classes.filter(Boolean).join(' ')
}

export function ProductImage({
  image,
  sizes,
  className,
  priority = false,
  fallbackLabel,
}: {
  image: ProductImageData | null
  sizes: string
  className?: string
  priority?: boolean
  fallbackLabel: string
}) {
  if (!image) {
    return (
      <div
        role="img"
        aria-label={fallbackLabel}
        className={cx('flex items-center justify-center bg-stone-100 text-stone-400', className)}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-10"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        >
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <circle cx="9" cy="10" r="1.5" />
          <path d="m4 17 5-5 3 3 3-3 5 5" strokeLinejoin="round" />
        </svg>
      </div>
    )
  }
  const { src, srcSet } = imageVariants(image.url)
  return (
    <img
      src={src}
      srcSet={srcSet || undefined}
      sizes={srcSet ? sizes : undefined}
      width={image.width}
      height={image.height}
      alt={image.alt}
      loading={priority ? 'eager' : 'lazy'}
      decoding="async"
      className={cx('object-cover', className)}
      {...(priority ? HIGH_FETCH_PRIORITY : {})}
    />
  )
}
