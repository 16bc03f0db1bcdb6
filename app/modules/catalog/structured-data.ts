import { localePath, pick, type Locale } from '#app/i18n/locale.ts'

type ProductForJsonLd = {
  slug: string
  sku: string
  nameVi: string
  nameEn: string
  descriptionVi: string
  descriptionEn: string
  priceVnd: number
  stock: number
  images: { url: string }[]
  producer: { name: string }
}

/** schema.org Product as JSON-LD, safe to inline in a <script> element. */
export function productJsonLd(product: ProductForJsonLd, locale: Locale, origin: string): string {
  const json = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: pick(locale, product.nameVi, product.nameEn),
    description: pick(locale, product.descriptionVi, product.descriptionEn),
    sku: product.sku,
    image: product.images.map((image) => `${origin}${image.url}`),
    brand: { '@type': 'Brand', name: product.producer.name },
    offers: {
      '@type': 'Offer',
      url: `${origin}${localePath(locale, `/products/${product.slug}`)}`,
      price: product.priceVnd,
      priceCurrency: 'VND',
      availability: product.stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
    },
  }
  return JSON.stringify(json).replace(/</g, '\\u003c')
}
