import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PillLinks, Section } from '#app/components/section.tsx'
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
        <Section title={t.village.producers}>
          <PillLinks
            items={village.producers.map((producer) => ({
              key: producer.slug,
              to: localePath(locale, `/producers/${producer.slug}`),
              label: (
                <>
                  {producer.name} <span className="text-stone-600">· {t.producerKinds[producer.kind]}</span>
                </>
              ),
            }))}
          />
        </Section>
      ) : null}
      <Section
        title={t.village.products}
        action={{ to: localePath(locale, `/products?village=${village.slug}`), label: t.home.heroCta }}
      >
        <ProductGrid products={products} />
      </Section>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
