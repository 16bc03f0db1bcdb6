import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ProductGrid } from '#app/components/product-card.tsx'
import { Section } from '#app/components/section.tsx'
import { VillageGrid } from '#app/components/village-card.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { loadHomePage } from '#app/modules/catalog/home-page.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const home = await loadHomePage(now())
  return data({ locale, ...home }, { headers: cacheHeaders('listing') })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [
    { title: `${t.siteName}: ${t.tagline}` },
    { name: 'description', content: t.home.heroText },
    { property: 'og:title', content: t.siteName },
    { property: 'og:description', content: t.home.heroText },
  ]
}

export default function HomePage() {
  const { featured, newest, regions, villages } = useLoaderData<typeof loader>()
  const t = useMessages()
  const locale = useLocale()
  return (
    <div className="space-y-12">
      <section className="rounded-2xl bg-gradient-to-br from-brand-100 via-brand-50 to-white px-6 py-10 sm:px-10 sm:py-14">
        <h1 className="max-w-3xl text-3xl font-bold tracking-tight text-brand-900 sm:text-5xl">{t.home.heroTitle}</h1>
        <p className="mt-4 max-w-2xl text-lg text-stone-800">{t.home.heroText}</p>
        <Link
          to={localePath(locale, '/products')}
          className="mt-6 inline-block rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800"
        >
          {t.home.heroCta}
        </Link>
      </section>

      <Section
        title={t.home.featured}
        className=""
        action={{ to: localePath(locale, '/products?stars=5'), label: t.home.featuredMore }}
      >
        <ProductGrid products={featured} priorityCount={2} />
      </Section>

      <Section title={t.home.byRegion} className="">
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {regions.map((region) => (
            <li key={region.slug}>
              <Link
                to={localePath(locale, `/regions/${region.slug}`)}
                className="flex h-full flex-col rounded-xl border border-brand-200 bg-white p-4 hover:border-brand-400 hover:shadow-sm"
              >
                <span className="font-semibold text-brand-900">{pick(locale, region.nameVi, region.nameEn)}</span>
                <span className="mt-1 text-sm text-stone-700">{t.home.productCount(region.productCount)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Section>

      <Section
        title={t.home.villages}
        className=""
        action={{ to: localePath(locale, '/villages'), label: t.home.allVillages }}
      >
        <VillageGrid villages={villages} />
      </Section>

      <Section title={t.home.newest} className="">
        <ProductGrid products={newest} />
      </Section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
