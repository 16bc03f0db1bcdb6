import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { AddToCart } from '#app/components/add-to-cart.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ProductGrid } from '#app/components/product-card.tsx'
import { ProductDetail } from '#app/components/product-detail.tsx'
import { Section } from '#app/components/section.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { daysUntil } from '#app/modules/certification/certificate-status.ts'
import { getPublishedProduct } from '#app/modules/catalog/product.server.ts'
import { productJsonLd } from '#app/modules/catalog/structured-data.ts'
import { now } from '#app/utils/clock.server.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'

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
  const jsonLd = productJsonLd(product, locale, origin)
  return (
    <ProductDetail
      product={product}
      certificate={certificate}
      live
      buy={<AddToCart productId={product.id} stock={product.stock} />}
    >
      {product.moreFromProducer.length > 0 ? (
        <Section title={t.product.moreFromProducer} className="mt-10">
          <ProductGrid products={product.moreFromProducer} />
        </Section>
      ) : null}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
    </ProductDetail>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
