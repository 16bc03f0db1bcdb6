import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useId } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Notices } from '#app/components/notices.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { ProductGrid } from '#app/components/product-card.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import {
  listingSearchParams,
  withFilter,
  type FilterKey,
  type ListingFilters,
  PRODUCER_KINDS,
  SORTS,
} from '#app/modules/catalog/listing-filters.ts'
import { loadListingPage } from '#app/modules/catalog/listing-page.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const url = new URL(request.url)
  const page = await loadListingPage(url.searchParams, now())
  return data({ locale, ...page }, { headers: cacheHeaders('listing') })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = messagesFor(data?.locale ?? 'vi')
  return [{ title: `${t.listing.title} | ${t.siteName}` }, { name: 'description', content: t.tagline }]
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

function FacetLink({
  filters,
  filterKey,
  value,
  label,
  count,
}: {
  filters: ListingFilters
  filterKey: FilterKey
  value: ListingFilters[FilterKey] | undefined
  label: string
  count?: number
}) {
  const selected = filters[filterKey] === value
  const params = withFilter(filters, filterKey, selected ? undefined : value)
  const search = params.toString()
  const disabled = !selected && count === 0
  const className = `flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm ${
    selected ? 'bg-brand-100 font-semibold text-brand-900' : 'text-stone-800 hover:bg-stone-100'
  }`
  const content = (
    <>
      <span>
        {selected ? <span aria-hidden="true">✓ </span> : null}
        {label}
      </span>
      {count !== undefined ? (
        <span className="text-xs text-stone-600 tabular-nums">{count.toLocaleString('vi-VN')}</span>
      ) : null}
    </>
  )
  if (disabled) return <span className={`${className} text-stone-400`}>{content}</span>
  return (
    <Link
      to={{ search: search ? `?${search}` : '' }}
      className={className}
      aria-current={selected ? 'true' : undefined}
      preventScrollReset
    >
      {content}
    </Link>
  )
}

function FacetGroup({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId()
  return (
    <div className="border-b border-stone-200 py-3">
      <h3 id={id} className="mb-1 text-sm font-semibold text-stone-900">
        {title}
      </h3>
      <ul aria-labelledby={id} className="space-y-0.5">
        {children}
      </ul>
    </div>
  )
}

function Filters({ data }: { data: LoaderData }) {
  const t = useMessages()
  const locale = useLocale()
  const { filters, result, labels } = data
  const { facets } = result
  const visibleProvinces = labels.provinces.filter(
    (p) =>
      (filters.region ? p.regionSlug === filters.region : true) &&
      (facets.province[p.code] || filters.province === p.code),
  )
  const visibleSubgroups = labels.subgroups.filter((s) => filters.group && s.groupCode === filters.group)
  const hidden = (except: FilterKey[]) =>
    [...listingSearchParams({ ...filters, page: 1 }).entries()]
      .filter(([key]) => !except.includes(key as FilterKey))
      .map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />)
  return (
    <div>
      <FacetGroup title={t.listing.group}>
        {labels.groups.map((g) => (
          <li key={g.code}>
            <FacetLink
              filters={filters}
              filterKey="group"
              value={g.code}
              label={pick(locale, g.nameVi, g.nameEn)}
              count={facets.group[g.code] ?? 0}
            />
          </li>
        ))}
      </FacetGroup>
      {visibleSubgroups.length > 0 ? (
        <FacetGroup title={t.listing.subgroup}>
          {visibleSubgroups.map((s) => (
            <li key={s.code}>
              <FacetLink
                filters={filters}
                filterKey="subgroup"
                value={s.code}
                label={pick(locale, s.nameVi, s.nameEn)}
                count={facets.subgroup[s.code] ?? 0}
              />
            </li>
          ))}
        </FacetGroup>
      ) : null}
      <FacetGroup title={t.listing.stars}>
        {([5, 4, 3] as const).map((n) => (
          <li key={n}>
            <FacetLink
              filters={filters}
              filterKey="stars"
              value={n}
              label={`${'★'.repeat(n)} ${t.listing.starsAtLeast(n)}`}
              count={facets.stars[String(n) as '3' | '4' | '5']}
            />
          </li>
        ))}
      </FacetGroup>
      <FacetGroup title={t.listing.region}>
        {labels.regions.map((r) => (
          <li key={r.slug}>
            <FacetLink
              filters={filters}
              filterKey="region"
              value={r.slug}
              label={pick(locale, r.nameVi, r.nameEn)}
              count={facets.region[r.slug] ?? 0}
            />
          </li>
        ))}
      </FacetGroup>
      {visibleProvinces.length > 0 ? (
        <FacetGroup title={t.listing.province}>
          {visibleProvinces.map((p) => (
            <li key={p.code}>
              <FacetLink
                filters={filters}
                filterKey="province"
                value={p.code}
                label={pick(locale, p.nameVi, p.nameEn)}
                count={facets.province[p.code] ?? 0}
              />
            </li>
          ))}
        </FacetGroup>
      ) : null}
      {labels.villages.length > 0 ? (
        <FacetGroup title={t.listing.village}>
          {labels.villages.map((v) => (
            <li key={v.slug}>
              <FacetLink
                filters={filters}
                filterKey="village"
                value={v.slug}
                label={pick(locale, v.name, v.nameEn)}
                count={facets.village[v.id] ?? 0}
              />
            </li>
          ))}
        </FacetGroup>
      ) : null}
      <FacetGroup title={t.listing.producerKind}>
        {PRODUCER_KINDS.map((kind) => (
          <li key={kind}>
            <FacetLink
              filters={filters}
              filterKey="kind"
              value={kind}
              label={t.producerKinds[kind]}
              count={facets.kind[kind] ?? 0}
            />
          </li>
        ))}
      </FacetGroup>
      <FacetGroup title={t.listing.filters}>
        <li>
          <FacetLink filters={filters} filterKey="women" value={true} label={t.listing.womenLed} count={facets.women} />
        </li>
        <li>
          <FacetLink
            filters={filters}
            filterKey="instock"
            value={true}
            label={t.listing.inStock}
            count={facets.instock}
          />
        </li>
      </FacetGroup>
      <Form method="get" className="py-3" preventScrollReset>
        {hidden(['minPrice', 'maxPrice'])}
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">{t.listing.price}</legend>
          <div className="flex items-end gap-2">
            <label className="flex-1 text-xs text-stone-700">
              {t.listing.minPrice}
              <input
                name="minPrice"
                inputMode="numeric"
                defaultValue={filters.minPrice ?? ''}
                className="mt-1 w-full rounded-md border border-stone-300 px-2 py-1.5 text-sm"
              />
            </label>
            <label className="flex-1 text-xs text-stone-700">
              {t.listing.maxPrice}
              <input
                name="maxPrice"
                inputMode="numeric"
                defaultValue={filters.maxPrice ?? ''}
                className="mt-1 w-full rounded-md border border-stone-300 px-2 py-1.5 text-sm"
              />
            </label>
          </div>
          <button
            type="submit"
            className="mt-2 w-full rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800"
          >
            {t.listing.apply}
          </button>
        </fieldset>
      </Form>
    </div>
  )
}

function SortForm({ filters }: { filters: ListingFilters }) {
  const t = useMessages()
  const labels: Record<(typeof SORTS)[number], string> = {
    newest: t.listing.sortNewest,
    'price-asc': t.listing.sortPriceAsc,
    'price-desc': t.listing.sortPriceDesc,
    stars: t.listing.sortStars,
  }
  return (
    <nav aria-label={t.listing.sort} className="flex flex-wrap items-center gap-1 text-sm">
      <span className="mr-1 text-stone-600">{t.listing.sort}:</span>
      {SORTS.map((sort) => {
        const selected = filters.sort === sort
        const search = withFilter(filters, 'sort', sort).toString()
        return (
          <Link
            key={sort}
            to={{ search: search ? `?${search}` : '' }}
            aria-current={selected ? 'true' : undefined}
            preventScrollReset
            className={`rounded-full px-3 py-1 ${selected ? 'bg-brand-700 text-white' : 'bg-stone-100 text-stone-800 hover:bg-stone-200'}`}
          >
            {labels[sort]}
          </Link>
        )
      })}
    </nav>
  )
}

export default function ProductsPage() {
  const data = useLoaderData<typeof loader>()
  const t = useMessages()
  const locale = useLocale()
  const { filters, result } = data
  const hasFilters = [...listingSearchParams({ ...filters, sort: 'newest', page: 1 }).keys()].length > 0
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">{t.listing.title}</h1>
          <p className="mt-1 text-stone-700" role="status">
            {t.listing.results(result.total)}
          </p>
        </div>
        <SortForm filters={filters} />
      </div>
      <Notices notices={data.notices} />
      <div className="mt-4 grid gap-6 lg:grid-cols-[16rem_1fr]">
        <aside aria-label={t.listing.filters}>
          {/* One panel for every screen: folded on phones, always open from lg up (tailwind.css). */}
          <details className="filters-panel rounded-lg border border-stone-200 bg-white p-3 lg:border-0 lg:bg-transparent lg:p-0">
            <summary className="cursor-pointer font-semibold lg:hidden">{t.listing.showFilters}</summary>
            <h2 className="hidden text-lg font-semibold lg:block">{t.listing.filters}</h2>
            {hasFilters ? (
              <Link to={localePath(locale, '/products')} className="text-sm text-brand-800 underline">
                {t.listing.clearAll}
              </Link>
            ) : null}
            <Filters data={data} />
          </details>
        </aside>
        <section aria-label={t.listing.title}>
          {result.items.length === 0 ? (
            <div className="rounded-lg border border-dashed border-stone-300 p-8 text-center">
              <p className="font-semibold">{t.listing.empty}</p>
              <p className="mt-1 text-stone-700">{t.listing.emptyHint}</p>
              <Link
                to={localePath(locale, '/products')}
                className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 text-white"
              >
                {t.listing.clearAll}
              </Link>
            </div>
          ) : (
            <ProductGrid products={result.items} priorityCount={4} />
          )}
          <Pagination page={result.page} pageCount={result.pageCount} search={listingSearchParams(filters)} />
        </section>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
