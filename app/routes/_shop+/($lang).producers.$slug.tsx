import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { OriginTrail } from '#app/components/origin-trail.tsx'
import { ProductGrid } from '#app/components/product-card.tsx'
import { Section } from '#app/components/section.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { findProductCards } from '#app/modules/catalog/listing.server.ts'
import { getProducer } from '#app/modules/catalog/places.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const producer = await getProducer(params.slug ?? '')
  if (!producer) throw new Response('Not found', { status: 404 })
  const products = await findProductCards({ producerId: producer.id, sort: 'newest' }, now(), 48)
  return data({ locale, producer, products }, { headers: cacheHeaders('page') })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: messagesFor('vi').errors.notFoundTitle }]
  const t = messagesFor(page.locale)
  return [
    { title: `${page.producer.name} | ${t.siteName}` },
    { name: 'description', content: pick(page.locale, page.producer.storyVi, page.producer.storyEn).slice(0, 200) },
  ]
}

export default function ProducerPage() {
  const { producer, products } = useLoaderData<typeof loader>()
  const t = useMessages()
  const locale = useLocale()
  return (
    <article>
      <OriginTrail commune={producer.commune} />
      <h1 className="mt-3 text-2xl font-bold sm:text-3xl">{producer.name}</h1>
      <p className="mt-1 flex flex-wrap gap-x-3 text-stone-700">
        <span>{t.producerKinds[producer.kind]}</span>
        {/* getProducer finds VERIFIED producers only: every producer page carries the office's badge. */}
        <span className="inline-flex items-center gap-1 rounded-full border border-leaf-600 bg-white px-2 text-sm font-medium text-leaf-700">
          <span aria-hidden="true">✓</span> {t.office.verifiedBadge}
        </span>
        {producer.womenLed ? <span>{t.producer.womenLed}</span> : null}
        {producer.ethnicMinority ? <span>{t.producer.ethnicMinority}</span> : null}
        {producer.village ? (
          <Link className="underline" to={localePath(locale, `/villages/${producer.village.slug}`)}>
            {pick(locale, producer.village.name, producer.village.nameEn)}
          </Link>
        ) : null}
      </p>
      <div className="mt-4 grid gap-6 md:grid-cols-[1fr_18rem]">
        <p className="max-w-3xl text-lg text-stone-800">{pick(locale, producer.storyVi, producer.storyEn)}</p>
        <section aria-labelledby="contact-heading" className="rounded-xl border border-stone-200 bg-white p-4 text-sm">
          <h2 id="contact-heading" className="font-semibold">
            {t.producer.contact}
          </h2>
          <dl className="mt-2 space-y-1">
            {producer.address ? (
              <div>
                <dt className="text-stone-600">{t.producer.address}</dt>
                <dd>{producer.address}</dd>
              </div>
            ) : null}
            {producer.phone ? (
              <div>
                <dt className="text-stone-600">{t.producer.phone}</dt>
                <dd>
                  <a className="underline" href={`tel:${producer.phone.replace(/\s/g, '')}`}>
                    {producer.phone}
                  </a>
                </dd>
              </div>
            ) : null}
            {producer.email ? (
              <div>
                <dt className="text-stone-600">{t.producer.email}</dt>
                <dd>{producer.email}</dd>
              </div>
            ) : null}
          </dl>
        </section>
      </div>
      <Section title={`${t.producer.products} (${producer._count.products})`}>
        <ProductGrid products={products} />
      </Section>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
