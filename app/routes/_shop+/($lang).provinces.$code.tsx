import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formerNameText } from '#app/components/origin-trail.tsx'
import { ProductGrid } from '#app/components/product-card.tsx'
import { VillageCard } from '#app/components/village-card.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { findProductCards } from '#app/modules/catalog/listing.server.ts'
import { getProvince, listVillages } from '#app/modules/catalog/places.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const code = params.code ?? ''
  const province = /^\d{2}$/.test(code) ? await getProvince(code) : null
  if (!province) throw new Response('Not found', { status: 404 })
  const [products, villages] = await Promise.all([
    findProductCards({ province: province.code, sort: 'stars' }, now(), 12),
    listVillages({ provinceCode: province.code }),
  ])
  return data({ locale, province, products, villages }, { headers: cacheHeaders('page') })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: messagesFor('vi').errors.notFoundTitle }]
  const t = messagesFor(page.locale)
  return [{ title: `${pick(page.locale, page.province.nameVi, page.province.nameEn)} | ${t.siteName}` }]
}

export default function ProvincePage() {
  const { province, products, villages } = useLoaderData<typeof loader>()
  const t = useMessages()
  const locale = useLocale()
  return (
    <article>
      <nav aria-label={t.nav.breadcrumb} className="text-sm text-stone-700">
        <Link className="hover:underline" to={localePath(locale, `/regions/${province.region.slug}`)}>
          {pick(locale, province.region.nameVi, province.region.nameEn)}
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{pick(locale, province.nameVi, province.nameEn)}</h1>
      {province.communes.length > 0 ? (
        <section aria-labelledby="communes-heading" className="mt-6">
          <h2 id="communes-heading" className="text-xl font-semibold">
            {t.region.communes}
          </h2>
          <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
            {province.communes.map((commune) => {
              const formerly = commune.formerNames.map(formerNameText).filter(Boolean)
              return (
                <li key={commune.code}>
                  <span className="font-medium">
                    {commune.kind} {commune.name}
                  </span>
                  {formerly.length > 0 ? (
                    <span className="text-stone-600">
                      {' '}
                      ({t.product.formerly}: {formerly.join('; ')})
                    </span>
                  ) : null}
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
      {villages.length > 0 ? (
        <section aria-labelledby="villages-heading" className="mt-8">
          <h2 id="villages-heading" className="mb-3 text-xl font-semibold">
            {t.region.villages}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {villages.map((village) => (
              <li key={village.slug} className="flex">
                <VillageCard village={village} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="products-heading" className="mt-8">
        <h2 id="products-heading" className="mb-3 text-xl font-semibold">
          {t.region.products}
        </h2>
        <ProductGrid products={products} />
        <Link
          to={localePath(locale, `/products?province=${province.code}`)}
          className="mt-4 inline-block font-medium text-brand-800 underline"
        >
          {t.region.allProvinceProducts}
        </Link>
      </section>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
