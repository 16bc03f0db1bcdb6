import { Link } from '@remix-run/react'
import { localePath, pick } from '#app/i18n/locale.ts'
import { useLocale, useMessages } from '#app/i18n/messages.ts'
import { formatVnd } from '#app/utils/money.ts'
import { CertificateCard, type CertificateView } from './certificate-card.tsx'
import { OriginTrail, type OriginCommune } from './origin-trail.tsx'
import { ProductGallery } from './product-gallery.tsx'

type Named = { code: string; nameVi: string; nameEn: string }

export type ProductDetailData = {
  nameVi: string
  nameEn: string
  descriptionVi: string
  descriptionEn: string
  priceVnd: number
  unitVi: string
  unitEn: string
  weightGrams: number
  stock: number
  group: Named
  subgroup: Named
  images: { id: string; url: string; altVi: string; altEn: string; width: number; height: number }[]
  producer: {
    slug: string
    name: string
    kind: string
    status: string
    womenLed: boolean
    ethnicMinority: boolean
    storyVi: string
    storyEn: string
    commune: OriginCommune
    village: {
      slug: string
      name: string
      nameEn: string
      craftVi: string
      craftEn: string
      storyVi: string
      storyEn: string
    } | null
  }
}

/**
 * The body of a product page: the storefront's (`live`, with links and the cart form in `buy`) and
 * the producer's preview of a listing (no links: the pages they lead to may not show it yet).
 */
export function ProductDetail({
  product,
  certificate,
  live,
  buy,
  children,
}: {
  product: ProductDetailData
  certificate: CertificateView | null
  live: boolean
  buy?: React.ReactNode
  children?: React.ReactNode
}) {
  const t = useMessages()
  const locale = useLocale()
  const name = pick(locale, product.nameVi, product.nameEn)
  const { producer } = product
  const linkTo = (path: string, text: string) =>
    live ? (
      <Link className="hover:underline" to={localePath(locale, path)}>
        {text}
      </Link>
    ) : (
      text
    )
  return (
    <article>
      <OriginTrail commune={producer.commune} />
      <div className="mt-4 grid gap-8 lg:grid-cols-2">
        <ProductGallery images={product.images} name={name} />
        <div className="flex flex-col gap-4">
          <div>
            <p className="text-sm text-stone-600">
              {linkTo(
                `/products?group=${product.group.code}`,
                pick(locale, product.group.nameVi, product.group.nameEn),
              )}{' '}
              ›{' '}
              {linkTo(
                `/products?subgroup=${product.subgroup.code}`,
                pick(locale, product.subgroup.nameVi, product.subgroup.nameEn),
              )}
            </p>
            <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{name}</h1>
            <p className="mt-3 text-3xl font-bold text-brand-800">
              {formatVnd(product.priceVnd)}
              <span className="ml-2 text-base font-normal text-stone-600">
                / {pick(locale, product.unitVi, product.unitEn)}
              </span>
            </p>
            <p className={`mt-1 text-sm font-medium ${product.stock > 0 ? 'text-leaf-700' : 'text-red-700'}`}>
              {product.stock > 0 ? t.product.stock(product.stock) : t.product.outOfStock}
            </p>
            {buy ? <div className="mt-4">{buy}</div> : null}
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-stone-600">{t.product.unit}</dt>
              <dd>{pick(locale, product.unitVi, product.unitEn)}</dd>
              <dt className="text-stone-600">{t.product.weight}</dt>
              <dd>{t.product.grams(product.weightGrams)}</dd>
            </dl>
          </div>
          <CertificateCard certificate={certificate} linked={live} />
          <section aria-labelledby="producer-heading" className="rounded-xl border border-stone-200 bg-white p-4">
            <h2 id="producer-heading" className="text-sm font-semibold text-stone-600">
              {t.product.producer}
            </h2>
            <p className="mt-1 text-lg font-semibold">{linkTo(`/producers/${producer.slug}`, producer.name)}</p>
            <p className="text-sm text-stone-700">
              {t.producerKinds[producer.kind as keyof typeof t.producerKinds]}
              {producer.status === 'VERIFIED' ? (
                <span className="ml-2 text-leaf-700">✓ {t.product.verified}</span>
              ) : null}
              {producer.womenLed ? <span className="ml-2">· {t.producer.womenLed}</span> : null}
              {producer.ethnicMinority ? <span className="ml-2">· {t.producer.ethnicMinority}</span> : null}
            </p>
            {pick(locale, producer.storyVi, producer.storyEn) ? (
              <p className="mt-2 text-sm text-stone-700">{pick(locale, producer.storyVi, producer.storyEn)}</p>
            ) : null}
            {live ? (
              <Link
                to={localePath(locale, `/producers/${producer.slug}`)}
                className="mt-3 inline-block text-sm font-medium text-brand-800 underline"
              >
                {t.product.viewProducer}
              </Link>
            ) : null}
          </section>
        </div>
      </div>
      <section aria-labelledby="description-heading" className="mt-8 max-w-3xl">
        <h2 id="description-heading" className="text-xl font-semibold">
          {t.product.description}
        </h2>
        <p className="mt-2 whitespace-pre-line text-stone-800">
          {pick(locale, product.descriptionVi, product.descriptionEn)}
        </p>
      </section>
      {producer.village ? (
        <section aria-labelledby="village-heading" className="mt-8 max-w-3xl rounded-xl bg-brand-50 p-5">
          <h2 id="village-heading" className="text-xl font-semibold">
            {t.product.village}:{' '}
            {linkTo(`/villages/${producer.village.slug}`, pick(locale, producer.village.name, producer.village.nameEn))}
          </h2>
          <p className="mt-1 text-sm text-stone-600">
            {pick(locale, producer.village.craftVi, producer.village.craftEn)}
          </p>
          <p className="mt-2 text-stone-800">{pick(locale, producer.village.storyVi, producer.village.storyEn)}</p>
        </section>
      ) : null}
      {children}
    </article>
  )
}
