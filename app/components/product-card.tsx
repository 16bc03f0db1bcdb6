import { Link } from '@remix-run/react'
import { localePath, pick } from '#app/i18n/locale.ts'
import { useLocale, useMessages } from '#app/i18n/messages.ts'
import type { ListingCard } from '#app/modules/catalog/listing.server.ts'
import { highlightParts } from '#app/modules/search/query.ts'
import type { SearchHit } from '#app/modules/search/search-index.ts'
import { formatVnd } from '#app/utils/money.ts'
import { ProductImage } from './product-image.tsx'
import { StarBadge } from './star-badge.tsx'

export type ProductCardData = Partial<Pick<SearchHit, 'highlightVi' | 'highlightEn'>> &
  Pick<
    ListingCard,
    | 'slug'
    | 'nameVi'
    | 'nameEn'
    | 'priceVnd'
    | 'unitVi'
    | 'unitEn'
    | 'stock'
    | 'stars'
    | 'producerName'
    | 'provinceVi'
    | 'provinceEn'
    | 'imageUrl'
    | 'imageAltVi'
    | 'imageAltEn'
  >

export function ProductCard({ product, priority = false }: { product: ProductCardData; priority?: boolean }) {
  const locale = useLocale()
  const t = useMessages()
  const name = pick(locale, product.nameVi, product.nameEn)
  const marked = locale === 'en' && product.nameEn ? product.highlightEn : product.highlightVi
  return (
    <article className="group relative flex flex-col overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm transition hover:shadow-md">
      <div className="relative aspect-[4/3] overflow-hidden bg-brand-50">
        <ProductImage
          image={
            product.imageUrl
              ? {
                  url: product.imageUrl,
                  alt: pick(locale, product.imageAltVi ?? '', product.imageAltEn ?? ''),
                  width: 960,
                  height: 720,
                }
              : null
          }
          fallbackLabel={name}
          sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
          className="size-full object-cover transition group-hover:scale-[1.02]"
          priority={priority}
        />
        {product.stars ? (
          <div className="absolute top-2 left-2">
            <StarBadge stars={product.stars} />
          </div>
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h3 className="line-clamp-2 text-sm font-semibold sm:text-base">
          <Link
            to={localePath(locale, `/products/${product.slug}`)}
            className="after:absolute after:inset-0"
            prefetch="intent"
          >
            {marked ? <Highlighted marked={marked} /> : name}
          </Link>
        </h3>
        <p className="line-clamp-1 text-xs text-stone-600">
          {product.producerName} · {pick(locale, product.provinceVi, product.provinceEn)}
        </p>
        <p className="mt-auto pt-1 font-bold text-brand-800">
          {formatVnd(product.priceVnd)}
          <span className="ml-1 text-xs font-normal text-stone-600">
            / {pick(locale, product.unitVi, product.unitEn)}
          </span>
        </p>
        {product.stock <= 0 ? <p className="text-xs font-medium text-red-700">{t.product.outOfStock}</p> : null}
      </div>
    </article>
  )
}

/** Text with «…» markers rendered as <mark>. */
export function Highlighted({ marked }: { marked: string }) {
  return (
    <>
      {highlightParts(marked).map((part, i) =>
        part.match ? (
          <mark key={i} className="rounded-sm bg-brand-100 px-0.5 text-inherit">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  )
}

export function ProductGrid({ products, priorityCount = 0 }: { products: ProductCardData[]; priorityCount?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.slug} className="flex">
          <div className="flex w-full">
            <ProductCard product={product} priority={index < priorityCount} />
          </div>
        </li>
      ))}
    </ul>
  )
}
