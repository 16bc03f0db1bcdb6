import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { OriginTrail } from '#app/components/origin-trail.tsx'
import { ProductGrid } from '#app/components/product-card.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { findProductCards } from '#app/modules/catalog/listing.server.ts'
import { getVillage } from '#app/modules/catalog/places.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const village = await getVillage(params.slug ?? '')
  if (!village) throw new Response('Not found', { status: 404 })
  const products = await findProductCards({ villageId: village.id, sort: 'stars' }, now(), 12)
  return data({ locale, village, products }, { headers: cacheHeaders('page') })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: messagesFor('vi').errors.notFoundTitle }]
  const t = messagesFor(page.locale)
  const name = pick(page.locale, page.village.name, page.village.nameEn)
  return [
    { title: `${name} | ${t.siteName}` },
    { name: 'description', content: pick(page.locale, page.village.storyVi, page.village.storyEn).slice(0, 200) },
  ]
}

export default function VillagePage() {
  const { village, products } = useLoaderData<typeof loader>()
  const t = useMessages()
  const locale = useLocale()
  return (
    <article>
      <OriginTrail commune={village.commune} />
      <h1 className="mt-3 text-2xl font-bold sm:text-3xl">{pick(locale, village.name, village.nameEn)}</h1>
      <p className="mt-1 text-stone-700">
        {t.village.craft}: {pick(locale, village.craftVi, village.craftEn)}
        {village.since ? ` · ${t.village.since(village.since)}` : ''}
      </p>
      <p className="mt-4 max-w-3xl text-lg text-stone-800">{pick(locale, village.storyVi, village.storyEn)}</p>
      {village.producers.length > 0 ? (
        <section aria-labelledby="producers-heading" className="mt-8">
          <h2 id="producers-heading" className="text-xl font-semibold">
            {t.village.producers}
          </h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {village.producers.map((producer) => (
              <li key={producer.slug}>
                <Link
                  to={localePath(locale, `/producers/${producer.slug}`)}
                  className="inline-block rounded-full border border-brand-200 bg-white px-3 py-1.5 text-sm hover:bg-brand-50"
                >
                  {producer.name} <span className="text-stone-600">· {t.producerKinds[producer.kind]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="products-heading" className="mt-8">
        <h2 id="products-heading" className="mb-3 text-xl font-semibold">
          {t.village.products}
        </h2>
        <ProductGrid products={products} />
        <Link
          to={localePath(locale, `/products?village=${village.slug}`)}
          className="mt-4 inline-block text-sm font-medium text-brand-800 underline"
        >
          {t.home.heroCta}
        </Link>
      </section>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
