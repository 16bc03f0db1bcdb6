import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PillLinks, Section } from '#app/components/section.tsx'
import { ProductGrid } from '#app/components/product-card.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { findProductCards } from '#app/modules/catalog/listing.server.ts'
import { getRegion } from '#app/modules/catalog/places.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const region = await getRegion(params.slug ?? '')
  if (!region) throw new Response('Not found', { status: 404 })
  const products = await findProductCards({ region: region.slug, sort: 'stars' }, now(), 12)
  return data({ locale, region, products }, { headers: cacheHeaders('page') })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: messagesFor('vi').errors.notFoundTitle }]
  const t = messagesFor(page.locale)
  return [{ title: `${pick(page.locale, page.region.nameVi, page.region.nameEn)} | ${t.siteName}` }]
}

export default function RegionPage() {
  const { region, products } = useLoaderData<typeof loader>()
  const t = useMessages()
  const locale = useLocale()
  return (
    <article>
      <h1 className="text-2xl font-bold sm:text-3xl">{pick(locale, region.nameVi, region.nameEn)}</h1>
      <Section title={t.region.provinces} className="mt-6">
        <PillLinks
          items={region.provinces.map((province) => ({
            key: province.code,
            to: localePath(locale, `/provinces/${province.code}`),
            label: pick(locale, province.nameVi, province.nameEn),
          }))}
        />
      </Section>
      <Section
        title={t.region.products}
        action={{ to: localePath(locale, `/products?region=${region.slug}`), label: t.region.allProducts }}
      >
        <ProductGrid products={products} />
      </Section>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
