import { pick } from '#app/i18n/locale.ts'
import { useLocale, useMessages } from '#app/i18n/messages.ts'
import { ProductImage } from './product-image.tsx'

type GalleryImage = { id: string; url: string; altVi: string; altEn: string; width: number; height: number }

/** A product's main photo and its other photos as thumbnails: the product page and the seller's preview. */
export function ProductGallery({ images, name }: { images: GalleryImage[]; name: string }) {
  const t = useMessages()
  const locale = useLocale()
  const [mainImage, ...otherImages] = images
  return (
    <div>
      <div className="overflow-hidden rounded-xl bg-brand-50">
        <ProductImage
          image={
            mainImage
              ? {
                  url: mainImage.url,
                  alt: pick(locale, mainImage.altVi, mainImage.altEn),
                  width: mainImage.width,
                  height: mainImage.height,
                }
              : null
          }
          fallbackLabel={name}
          sizes="(min-width: 1024px) 50vw, 100vw"
          className="aspect-[4/3] w-full object-cover"
          priority
        />
      </div>
      {otherImages.length > 0 ? (
        <ul aria-label={t.product.images} className="mt-3 grid grid-cols-4 gap-2">
          {otherImages.map((image) => (
            <li key={image.id} className="overflow-hidden rounded-lg">
              <ProductImage
                image={{
                  url: image.url,
                  alt: pick(locale, image.altVi, image.altEn),
                  width: image.width,
                  height: image.height,
                }}
                fallbackLabel={name}
                sizes="25vw"
                className="aspect-square w-full object-cover"
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
