import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AddToCart } from '#app/components/add-to-cart.tsx'
import { CertificateCard } from '#app/components/certificate-card.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { OriginTrail } from '#app/components/origin-trail.tsx'
import { ProductGrid } from '#app/components/product-card.tsx'
import { ProductGallery } from '#app/components/product-gallery.tsx'
import { Section } from '#app/components/section.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { daysUntil } from '#app/modules/certification/certificate-status.ts'
import { getPublishedProduct } from '#app/modules/catalog/product.server.ts'
import { productJsonLd } from '#app/modules/catalog/structured-data.ts'
import { now } from '#app/utils/clock.server.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'
import { formatVnd } from '#app/utils/money.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const today = now()
  const product = await getPublishedProduct(params.slug ?? '', today)
  if (!product) throw new Response('Not found', { status: 404 })
  const origin = new URL(request.url).origin
  const current = product.currentCertificate
  return data(
    {
      locale,
      origin,
      product,
      certificate: current ? { ...current, daysLeft: daysUntil(current.expiresOn, today) } : null,
    },
    { headers: cacheHeaders('page') },
  )
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: messagesFor('vi').errors.notFoundTitle }]
  const { product, locale, origin } = page
  const t = messagesFor(locale)
  const name = pick(locale, product.nameVi, product.nameEn)
  const description = pick(locale, product.descriptionVi, product.descriptionEn).slice(0, 200)
  const image = product.images[0]
  const url = `${origin}${localePath(locale, `/products/${product.slug}`)}`
  return [
    { title: `${name} | ${t.siteName}` },
    { name: 'description', content: description },
    { tagName: 'link', rel: 'canonical', href: url },
    { property: 'og:type', content: 'product' },
    { property: 'og:title', content: name },
    { property: 'og:description', content: description },
    { property: 'og:url', content: url },
    { property: 'og:locale', content: locale === 'vi' ? 'vi_VN' : 'en_US' },
    ...(image ? [{ property: 'og:image', content: `${origin}${image.url}` }] : []),
    { property: 'product:price:amount', content: String(product.priceVnd) },
    { property: 'product:price:currency', content: 'VND' },
  ]
}

export default function ProductPage() {
  const { product, certificate, origin } = useLoaderData<typeof loader>()
  const t = useMessages()
  const locale = useLocale()
  const name = pick(locale, product.nameVi, product.nameEn)
  const { producer } = product
  const jsonLd = productJsonLd(product, locale, origin)
  return (
    <article>
      <OriginTrail commune={producer.commune} />
      <div className="mt-4 grid gap-8 lg:grid-cols-2">
        <ProductGallery images={product.images} name={name} />
        <div className="flex flex-col gap-4">
          <div>
            <p className="text-sm text-stone-600">
              <Link className="hover:underline" to={localePath(locale, `/products?group=${product.group.code}`)}>
                {pick(locale, product.group.nameVi, product.group.nameEn)}
              </Link>{' '}
              ›{' '}
              <Link className="hover:underline" to={localePath(locale, `/products?subgroup=${product.subgroup.code}`)}>
                {pick(locale, product.subgroup.nameVi, product.subgroup.nameEn)}
              </Link>
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
            <div className="mt-4">
              <AddToCart productId={product.id} stock={product.stock} />
            </div>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-stone-600">{t.product.unit}</dt>
              <dd>{pick(locale, product.unitVi, product.unitEn)}</dd>
              <dt className="text-stone-600">{t.product.weight}</dt>
              <dd>{t.product.grams(product.weightGrams)}</dd>
            </dl>
          </div>
          <CertificateCard certificate={certificate} />
          <section aria-labelledby="producer-heading" className="rounded-xl border border-stone-200 bg-white p-4">
            <h2 id="producer-heading" className="text-sm font-semibold text-stone-600">
              {t.product.producer}
            </h2>
            <p className="mt-1 text-lg font-semibold">
              <Link className="hover:underline" to={localePath(locale, `/producers/${producer.slug}`)}>
                {producer.name}
              </Link>
            </p>
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
            <Link
              to={localePath(locale, `/producers/${producer.slug}`)}
              className="mt-3 inline-block text-sm font-medium text-brand-800 underline"
            >
              {t.product.viewProducer}
            </Link>
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
            <Link className="hover:underline" to={localePath(locale, `/villages/${producer.village.slug}`)}>
              {pick(locale, producer.village.name, producer.village.nameEn)}
            </Link>
          </h2>
          <p className="mt-1 text-sm text-stone-600">
            {pick(locale, producer.village.craftVi, producer.village.craftEn)}
          </p>
          <p className="mt-2 text-stone-800">{pick(locale, producer.village.storyVi, producer.village.storyEn)}</p>
        </section>
      ) : null}
      {product.moreFromProducer.length > 0 ? (
        <Section title={t.product.moreFromProducer} className="mt-10">
          <ProductGrid products={product.moreFromProducer} />
        </Section>
      ) : null}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
