import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CertificateCard } from '#app/components/certificate-card.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { OriginTrail } from '#app/components/origin-trail.tsx'
import { ProductGallery } from '#app/components/product-gallery.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { getListingPreview } from '#app/modules/producer/listings.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { formatVnd } from '#app/utils/money.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'read:listing:own')
  const product = await getListingPreview(producer.id, params.productId ?? '', now())
  if (!product) throw new Response('Not found', { status: 404 })
  return { title: `${messagesFor(locale).listings.preview.banner}: ${product.nameVi}`, product }
}

/** The product page as buyers would see it, for the producer only, whatever the listing's status. */
export default function ListingPreviewPage() {
  const { product } = useLoaderData<typeof loader>()
  const t = useMessages()
  const locale = useLocale()
  const v = t.listings.preview
  const name = pick(locale, product.nameVi, product.nameEn)
  const { producer } = product
  return (
    <div className="space-y-6">
      <div role="status" className="rounded-lg border-2 border-dashed border-brand-400 bg-brand-50 px-4 py-3 text-sm">
        <p className="text-base font-bold text-brand-900">{v.banner}</p>
        <p className="mt-1 text-stone-800">{v.bannerText}</p>
        <p className="mt-1 font-medium text-stone-900">{product.visible ? v.visible : v.notVisible[product.status]}</p>
        <div className="mt-2 flex flex-wrap gap-4">
          <Link
            to={localePath(locale, `/seller/listings/${product.id}`)}
            className="font-medium text-brand-800 underline"
          >
            {v.backToEdit}
          </Link>
          {product.visible ? (
            <Link to={localePath(locale, `/products/${product.slug}`)} className="font-medium text-brand-800 underline">
              {v.openLive}
            </Link>
          ) : null}
        </div>
      </div>

      <article>
        <OriginTrail commune={producer.commune} />
        <div className="mt-4 grid gap-8 lg:grid-cols-2">
          <ProductGallery images={product.images} name={name} />
          <div className="flex flex-col gap-4">
            <div>
              <p className="text-sm text-stone-600">
                {pick(locale, product.group.nameVi, product.group.nameEn)} ›{' '}
                {pick(locale, product.subgroup.nameVi, product.subgroup.nameEn)}
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
              <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-stone-600">{t.product.unit}</dt>
                <dd>{pick(locale, product.unitVi, product.unitEn)}</dd>
                <dt className="text-stone-600">{t.product.weight}</dt>
                <dd>{t.product.grams(product.weightGrams)}</dd>
              </dl>
            </div>
            <CertificateCard certificate={product.certificate} />
            <section aria-labelledby="producer-heading" className="rounded-xl border border-stone-200 bg-white p-4">
              <h2 id="producer-heading" className="text-sm font-semibold text-stone-600">
                {t.product.producer}
              </h2>
              <p className="mt-1 text-lg font-semibold">{producer.name}</p>
              <p className="text-sm text-stone-700">
                {t.producerKinds[producer.kind]}
                {producer.status === 'VERIFIED' ? (
                  <span className="ml-2 text-leaf-700">✓ {t.product.verified}</span>
                ) : null}
                {producer.womenLed ? <span className="ml-2">· {t.producer.womenLed}</span> : null}
                {producer.ethnicMinority ? <span className="ml-2">· {t.producer.ethnicMinority}</span> : null}
              </p>
              {pick(locale, producer.storyVi, producer.storyEn) ? (
                <p className="mt-2 text-sm text-stone-700">{pick(locale, producer.storyVi, producer.storyEn)}</p>
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
              {t.product.village}: {pick(locale, producer.village.name, producer.village.nameEn)}
            </h2>
            <p className="mt-1 text-sm text-stone-600">
              {pick(locale, producer.village.craftVi, producer.village.craftEn)}
            </p>
            <p className="mt-2 text-stone-800">{pick(locale, producer.village.storyVi, producer.village.storyEn)}</p>
          </section>
        ) : null}
      </article>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
