import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Section } from '#app/components/section.tsx'
import { formerNameText } from '#app/components/origin-trail.tsx'
import { ProductGrid } from '#app/components/product-card.tsx'
import { VillageGrid } from '#app/components/village-card.tsx'
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
        <Section title={t.region.communes} className="mt-6">
          <ul className="grid gap-1 text-sm sm:grid-cols-2">
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
        </Section>
      ) : null}
      {villages.length > 0 ? (
        <Section title={t.region.villages}>
          <VillageGrid villages={villages} />
        </Section>
      ) : null}
      <Section
        title={t.region.products}
        action={{ to: localePath(locale, `/products?province=${province.code}`), label: t.region.allProvinceProducts }}
      >
        <ProductGrid products={products} />
      </Section>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
