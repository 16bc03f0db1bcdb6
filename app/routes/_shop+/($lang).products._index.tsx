import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useId } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Notices } from '#app/components/notices.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { ProductGrid } from '#app/components/product-card.tsx'
import { PillLinks } from '#app/components/section.tsx'
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

type FacetOption = { value: ListingFilters[FilterKey]; label: string; count: number }

function Filters({ data }: { data: LoaderData }) {
  const t = useMessages()
  const locale = useLocale()
  const { filters, result, labels } = data
  const { facets } = result
  const option = (value: FacetOption['value'], label: string, count: number | undefined): FacetOption => ({
    value,
    label,
    count: count ?? 0,
  })
  const groups: { key: FilterKey; title: string; options: FacetOption[] }[] = [
    {
      key: 'group',
      title: t.listing.group,
      options: labels.groups.map((g) => option(g.code, pick(locale, g.nameVi, g.nameEn), facets.group[g.code])),
    },
    {
      key: 'subgroup',
      title: t.listing.subgroup,
      options: labels.subgroups
        .filter((s) => filters.group && s.groupCode === filters.group)
        .map((s) => option(s.code, pick(locale, s.nameVi, s.nameEn), facets.subgroup[s.code])),
    },
    {
      key: 'stars',
      title: t.listing.stars,
      options: ([5, 4, 3] as const).map((n) =>
        option(n, `${'★'.repeat(n)} ${t.listing.starsAtLeast(n)}`, facets.stars[String(n) as '3' | '4' | '5']),
      ),
    },
    {
      key: 'region',
      title: t.listing.region,
      options: labels.regions.map((r) => option(r.slug, pick(locale, r.nameVi, r.nameEn), facets.region[r.slug])),
    },
    {
      key: 'province',
      title: t.listing.province,
      options: labels.provinces
        .filter(
          (p) =>
            (!filters.region || p.regionSlug === filters.region) &&
            (facets.province[p.code] || filters.province === p.code),
        )
        .map((p) => option(p.code, pick(locale, p.nameVi, p.nameEn), facets.province[p.code])),
    },
    {
      key: 'village',
      title: t.listing.village,
      options: labels.villages.map((v) => option(v.slug, pick(locale, v.name, v.nameEn), facets.village[v.id])),
    },
    {
      key: 'kind',
      title: t.listing.producerKind,
      options: PRODUCER_KINDS.map((kind) => option(kind, t.producerKinds[kind], facets.kind[kind])),
    },
  ]
  const hidden = (except: FilterKey[]) =>
    [...listingSearchParams({ ...filters, page: 1 }).entries()]
      .filter(([key]) => !except.includes(key as FilterKey))
      .map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />)
  return (
    <div>
      {groups
        .filter((group) => group.options.length > 0)
        .map((group) => (
          <FacetGroup key={group.key} title={group.title}>
            {group.options.map((o) => (
              <li key={String(o.value)}>
                <FacetLink filters={filters} filterKey={group.key} value={o.value} label={o.label} count={o.count} />
              </li>
            ))}
          </FacetGroup>
        ))}
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
    relevance: t.search.sortRelevance,
    newest: t.listing.sortNewest,
    'price-asc': t.listing.sortPriceAsc,
    'price-desc': t.listing.sortPriceDesc,
    stars: t.listing.sortStars,
  }
  return (
    <nav aria-label={t.listing.sort} className="flex flex-wrap items-center gap-1 text-sm">
      <span className="mr-1 text-stone-600">{t.listing.sort}:</span>
      {SORTS.filter((sort) => sort !== 'relevance' || filters.q).map((sort) => {
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

function EmptyResults({ data }: { data: LoaderData }) {
  const t = useMessages()
  const locale = useLocale()
  const { filters, result, labels } = data
  return (
    <div className="rounded-lg border border-dashed border-stone-300 p-8 text-center">
      <p className="font-semibold">{filters.q ? t.search.noResults(filters.q) : t.listing.empty}</p>
      {result.didYouMean ? (
        <p className="mt-2">
          {t.search.didYouMean}{' '}
          <Link
            className="font-semibold text-brand-800 underline"
            to={`${localePath(locale, '/products')}?${new URLSearchParams({ q: result.didYouMean })}`}
          >
            {result.didYouMean}
          </Link>
        </p>
      ) : null}
      <p className="mt-2 text-stone-700">{filters.q ? t.search.tryCategories : t.listing.emptyHint}</p>
      <div className="mt-3 flex justify-center">
        <PillLinks
          items={labels.groups.map((g) => ({
            key: g.code,
            to: localePath(locale, `/products?group=${g.code}`),
            label: pick(locale, g.nameVi, g.nameEn),
          }))}
        />
      </div>
      <Link
        to={localePath(locale, '/products')}
        className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 text-white"
      >
        {t.listing.clearAll}
      </Link>
    </div>
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
          <h1 className="text-2xl font-bold sm:text-3xl">
            {filters.q ? t.search.resultsFor(filters.q) : t.listing.title}
          </h1>
          <p className="mt-1 text-stone-700" role="status">
            {t.listing.results(result.total)}
          </p>
        </div>
        <SortForm filters={filters} />
      </div>
      <Notices notices={data.notices} />
      {result.matchMode === 'words' || result.matchMode === 'fuzzy' ? (
        <p role="status" className="mt-3 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">
          {result.matchMode === 'words' ? t.search.approximate : t.search.fuzzy}
        </p>
      ) : null}
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
          {result.hits.length === 0 ? (
            <EmptyResults data={data} />
          ) : (
            <ProductGrid products={result.hits} priorityCount={4} />
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
