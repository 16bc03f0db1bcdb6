import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
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
      <section aria-labelledby="provinces-heading" className="mt-6">
        <h2 id="provinces-heading" className="text-xl font-semibold">
          {t.region.provinces}
        </h2>
        <ul className="mt-3 flex flex-wrap gap-2">
          {region.provinces.map((province) => (
            <li key={province.code}>
              <Link
                to={localePath(locale, `/provinces/${province.code}`)}
                className="inline-block rounded-full border border-brand-200 bg-white px-3 py-1.5 text-sm hover:bg-brand-50"
              >
                {pick(locale, province.nameVi, province.nameEn)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="products-heading" className="mt-8">
        <h2 id="products-heading" className="mb-3 text-xl font-semibold">
          {t.region.products}
        </h2>
        <ProductGrid products={products} />
        <Link
          to={localePath(locale, `/products?region=${region.slug}`)}
          className="mt-4 inline-block font-medium text-brand-800 underline"
        >
          {t.region.allProducts}
        </Link>
      </section>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
