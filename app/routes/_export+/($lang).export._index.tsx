import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FileDownload } from '#app/components/file-download.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { ProductImage } from '#app/components/product-image.tsx'
import { StarBadge } from '#app/components/star-badge.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { OCOP_GROUPS } from '#app/modules/catalog/ocop-groups.ts'
import { certificationName, formatUsdCents, fromPriceCents } from '#app/modules/export/export-catalogue-format.ts'
import {
  appliedFilters,
  EXPORT_CERTIFICATION_KINDS,
  EXPORT_DOWNLOAD_LIMIT,
  EXPORT_PDF_LIMIT,
  EXPORT_INCOTERMS,
  EXPORT_PRODUCER_KINDS,
  EXPORT_SORTS,
  exportSearchParams,
  withoutFilter,
} from '#app/modules/export/export-catalogue-query.ts'
import { loadExportCatalogue } from '#app/modules/export/export-catalogue.server.ts'
import { MAX_QUERY_LENGTH } from '#app/modules/search/search-index.ts'
import { formatDate } from '#app/utils/dates.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const page = await loadExportCatalogue(new URL(request.url))
  return data({ locale, ...page }, { headers: cacheHeaders('listing') })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [
    { title: `${t.exportCatalogue.title} | ${t.siteName}` },
    { name: 'description', content: t.exportCatalogue.metaDescription },
  ]
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type Sheet = LoaderData['sheets'][number]

const inputClass =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm text-stone-900 focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none'
const labelClass = 'block text-sm font-medium text-stone-800'

/** The search params of the current selection without its page (downloads, sorting, the filter form). */
function selectionParams(filters: LoaderData['filters']) {
  return exportSearchParams({ ...filters, page: 1 })
}

function HiddenParams({ params, except }: { params: URLSearchParams; except: string[] }) {
  return (
    <>
      {[...params.entries()]
        .filter(([key]) => !except.includes(key))
        .map(([key, value], i) => (
          <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
        ))}
    </>
  )
}

/** A filter that picks one value, each option with the number of products it would give. */
function FacetSelect({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string
  name: string
  label: string
  value: string | number
  options: { value: string; label: string; count: number | undefined }[]
}) {
  const f = useMessages().exportCatalogue.filters
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={inputClass}>
        <option value="">{f.any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label} {f.count(option.count ?? 0)}
          </option>
        ))}
      </select>
    </div>
  )
}

function FilterForm({ page }: { page: LoaderData }) {
  const t = useMessages()
  const f = t.exportCatalogue.filters
  const locale = useLocale()
  const { filters, facets, labels } = page
  const count = (n: number | undefined) => ` ${f.count(n ?? 0)}`
  const provinces = labels.provinces.filter((p) => (facets.province[p.code] ?? 0) > 0 || p.code === filters.province)
  const defaultSort = filters.q ? 'relevance' : 'newest'
  return (
    <Form method="get" action={localePath(locale, '/export')} className="space-y-4 pt-3">
      {filters.sort !== defaultSort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      <div>
        <label htmlFor="export-q" className={labelClass}>
          {f.q}
        </label>
        <input
          id="export-q"
          type="search"
          name="q"
          defaultValue={filters.q ?? ''}
          placeholder={f.qPlaceholder}
          maxLength={200}
          className={inputClass}
        />
      </div>
      <FacetSelect
        id="export-group"
        name="group"
        label={f.group}
        value={filters.group ?? ''}
        options={OCOP_GROUPS.map((g) => ({
          value: g.code,
          label: pick(locale, g.nameVi, g.nameEn),
          count: facets.group[g.code],
        }))}
      />
      <fieldset aria-describedby="export-cert-hint">
        <legend className={labelClass}>{f.cert}</legend>
        <p id="export-cert-hint" className="text-xs text-stone-600">
          {f.certHint}
        </p>
        <div className="mt-1 grid grid-cols-2 gap-x-2 gap-y-1">
          {EXPORT_CERTIFICATION_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="cert"
                value={kind}
                defaultChecked={filters.cert.includes(kind)}
                className="size-4 accent-brand-700"
              />
              <span>
                {t.exportTerms.certificationKinds[kind]}
                <span className="text-xs text-stone-600">{count(facets.cert[kind])}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset aria-describedby="export-incoterm-hint">
        <legend className={labelClass}>{f.incoterm}</legend>
        <p id="export-incoterm-hint" className="text-xs text-stone-600">
          {f.incotermHint}
        </p>
        <div className="mt-1 grid grid-cols-3 gap-x-2 gap-y-1">
          {EXPORT_INCOTERMS.map((incoterm) => (
            <label key={incoterm} className="flex items-center gap-2 text-sm" title={t.exportTerms.incoterms[incoterm]}>
              <input
                type="checkbox"
                name="incoterm"
                value={incoterm}
                defaultChecked={filters.incoterm.includes(incoterm)}
                className="size-4 accent-brand-700"
              />
              <span>
                {incoterm}
                <span className="sr-only">: {t.exportTerms.incoterms[incoterm]}</span>
                <span className="text-xs text-stone-600">{count(facets.incoterm[incoterm])}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor="export-moq" className={labelClass}>
            {f.moqMax}
          </label>
          <input
            id="export-moq"
            type="number"
            name="moqMax"
            min={1}
            inputMode="numeric"
            defaultValue={filters.moqMax ?? ''}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="export-lead" className={labelClass}>
            {f.leadMax}
          </label>
          <input
            id="export-lead"
            type="number"
            name="leadMax"
            min={1}
            inputMode="numeric"
            defaultValue={filters.leadMax ?? ''}
            className={inputClass}
          />
        </div>
      </div>
      <FacetSelect
        id="export-region"
        name="region"
        label={f.region}
        value={filters.region ?? ''}
        options={labels.regions.map((r) => ({
          value: r.slug,
          label: pick(locale, r.nameVi, r.nameEn),
          count: facets.region[r.slug],
        }))}
      />
      <FacetSelect
        id="export-province"
        name="province"
        label={f.province}
        value={filters.province ?? ''}
        options={provinces.map((p) => ({
          value: p.code,
          label: pick(locale, p.nameVi, p.nameEn),
          count: facets.province[p.code],
        }))}
      />
      <FacetSelect
        id="export-stars"
        name="stars"
        label={f.stars}
        value={filters.stars ?? ''}
        options={([5, 4, 3] as const).map((n) => ({
          value: String(n),
          label: f.starsAtLeast(n),
          count: facets.stars[String(n) as '3' | '4' | '5'],
        }))}
      />
      <FacetSelect
        id="export-kind"
        name="kind"
        label={f.kind}
        value={filters.kind ?? ''}
        options={EXPORT_PRODUCER_KINDS.map((kind) => ({
          value: kind,
          label: t.producerKinds[kind],
          count: facets.kind[kind],
        }))}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {f.apply}
        </button>
        <Link to={localePath(locale, '/export')} className="text-sm text-brand-800 underline">
          {f.clear}
        </Link>
      </div>
    </Form>
  )
}

function SortForm({ filters }: { filters: LoaderData['filters'] }) {
  const t = useMessages().exportCatalogue.sort
  const locale = useLocale()
  const sorts = EXPORT_SORTS.filter((sort) => sort !== 'relevance' || filters.q)
  return (
    <Form method="get" action={localePath(locale, '/export')} className="flex items-center gap-2 text-sm">
      <HiddenParams params={selectionParams(filters)} except={['sort', 'page']} />
      <label htmlFor="export-sort" className="text-stone-700">
        {t.label}
      </label>
      <select
        id="export-sort"
        name="sort"
        defaultValue={filters.sort}
        // Without JavaScript the button below sorts; with it, choosing is enough.
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm"
      >
        {sorts.map((sort) => (
          <option key={sort} value={sort}>
            {t[sort]}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100">
        {t.submit}
      </button>
    </Form>
  )
}

function Notices({ page }: { page: LoaderData }) {
  const t = useMessages().exportCatalogue.notices
  const { filters } = page
  const notices = [
    ...filters.ignored.map((i) => t.ignored(i.param, i.value)),
    ...(filters.queryTruncated ? [t.queryTruncated(MAX_QUERY_LENGTH)] : []),
    ...(page.pageTooLarge ? [t.pageTooLarge(page.pageCount)] : []),
  ]
  return (
    <>
      {notices.length > 0 ? (
        <div
          role="status"
          className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          <ul className="list-inside list-disc">
            {notices.map((notice, i) => (
              <li key={i}>{notice}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {page.matchMode === 'words' || page.matchMode === 'fuzzy' ? (
        <p role="status" className="mt-3 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">
          {page.matchMode === 'words' ? t.approximate : t.fuzzy}
        </p>
      ) : null}
    </>
  )
}

function AppliedFilters({ page }: { page: LoaderData }) {
  const t = useMessages()
  const locale = useLocale()
  const applied = appliedFilters(page.filters, t, locale, page.labels)
  if (applied.length === 0) return <p className="mt-2 text-sm text-stone-600">{t.exportCatalogue.noFilters}</p>
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-stone-700">{t.exportCatalogue.applied}</span>
      <ul className="flex flex-wrap gap-2">
        {applied.map((filter) => {
          const search = withoutFilter(page.filters, filter.key, filter.value).toString()
          return (
            <li key={`${filter.key}-${filter.value ?? ''}`}>
              <Link
                to={{ search: search ? `?${search}` : '' }}
                aria-label={t.exportCatalogue.removeFilter(filter.label)}
                className="inline-flex items-center gap-1 rounded-full bg-brand-100 px-3 py-1 text-brand-900 hover:bg-brand-200"
              >
                {filter.label}
                <span aria-hidden="true">×</span>
              </Link>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

function DownloadBar({ page }: { page: LoaderData }) {
  const t = useMessages().exportCatalogue.download
  const locale = useLocale()
  const query = selectionParams(page.filters).toString()
  const suffix = query ? `?${query}` : ''
  return (
    <section
      aria-labelledby="export-download"
      className="mt-4 flex flex-wrap items-start gap-3 rounded-md border border-stone-200 bg-white p-3"
    >
      <div className="min-w-48 flex-1">
        <h2 id="export-download" className="text-sm font-semibold">
          {t.title}
        </h2>
        <p className="text-xs text-stone-600">{t.limit(EXPORT_DOWNLOAD_LIMIT, EXPORT_PDF_LIMIT)}</p>
      </div>
      <a
        href={`${localePath(locale, '/export/catalogue.csv')}${suffix}`}
        download
        className="inline-flex items-center rounded-md border border-brand-700 px-4 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50"
      >
        {t.csv}
      </a>
      <FileDownload
        href={`${localePath(locale, '/export/catalogue.pdf')}${suffix}`}
        label={t.pdf}
        busyLabel={t.pdfBusy}
        errorLabel={t.error}
      />
    </section>
  )
}

function CertificationChips({ certifications }: { certifications: Sheet['certifications'] }) {
  const t = useMessages()
  const locale = useLocale()
  const c = t.exportCatalogue.card
  if (certifications.length === 0) return null
  return (
    <ul aria-label={c.certifications} className="flex flex-wrap gap-1">
      {certifications.map((cert) => {
        const name = certificationName(cert, t)
        const date = formatDate(cert.expiresOn, locale)
        return (
          <li
            key={`${cert.kind}-${cert.number}`}
            title={`${cert.number} · ${cert.issuer}`}
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${
              cert.expired ? 'bg-stone-100 text-stone-600' : 'bg-leaf-600/10 text-leaf-700'
            }`}
          >
            <span className={cert.expired ? 'line-through' : undefined}>{name}</span>
            <span className="sr-only">: {cert.expired ? c.expiredOn(date) : c.validUntil(date)}</span>
            {cert.expired ? (
              <span className="ml-1" aria-hidden="true">
                ({c.expired})
              </span>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}

function SheetCard({ sheet }: { sheet: Sheet }) {
  const t = useMessages()
  const c = t.exportCatalogue.card
  const locale = useLocale()
  const name = pick(locale, sheet.nameVi, sheet.nameEn)
  const from = fromPriceCents(sheet.tiers)
  const href = localePath(locale, `/export/products/${sheet.slug}`)
  const checkboxId = `select-${sheet.productId}`
  return (
    <article className="flex h-full flex-col gap-3 rounded-md border border-stone-200 bg-white p-3 shadow-sm sm:flex-row">
      <Link to={href} tabIndex={-1} aria-hidden="true" className="shrink-0">
        <ProductImage
          image={sheet.imageUrl ? { url: sheet.imageUrl, alt: '', width: 960, height: 720 } : null}
          fallbackLabel={name}
          sizes="(min-width: 640px) 10rem, 100vw"
          className="aspect-[4/3] w-full rounded-md object-cover sm:w-40"
        />
      </Link>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 className="font-semibold">
            <Link to={href} className="hover:underline">
              {name}
            </Link>
          </h3>
          <StarBadge stars={sheet.ocopStars} />
        </div>
        <p className="text-sm text-stone-700">
          {sheet.producer.name} · {pick(locale, sheet.producer.provinceVi, sheet.producer.provinceEn)}
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
          <dt className="text-stone-600">{c.moq}</dt>
          <dd>
            {sheet.moqQuantity.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US')} {sheet.moqUnitEn}
          </dd>
          <dt className="text-stone-600">{c.lead}</dt>
          <dd>{c.leadDays(sheet.orderLeadDays)}</dd>
          <dt className="text-stone-600">{c.incoterms}</dt>
          <dd>{sheet.incoterms.join(', ')}</dd>
          <dt className="text-stone-600">{c.price}</dt>
          <dd className="font-semibold text-brand-800">
            {from === null ? c.noPrice : c.fromPrice(formatUsdCents(from), sheet.tierBasis)}
          </dd>
        </dl>
        <CertificationChips certifications={sheet.certifications} />
        <div className="mt-auto flex items-center gap-2 pt-1">
          <input
            id={checkboxId}
            type="checkbox"
            name="product"
            value={sheet.productId}
            aria-label={c.select(name)}
            className="size-5 accent-brand-700"
          />
          <label htmlFor={checkboxId} aria-hidden="true" className="text-sm text-stone-700">
            {c.selectShort}
          </label>
        </div>
      </div>
    </article>
  )
}

export default function ExportCataloguePage() {
  const page = useLoaderData<typeof loader>()
  const t = useMessages()
  const e = t.exportCatalogue
  const locale = useLocale()
  const { filters, sheets } = page
  return (
    <div>
      <h1 className="text-2xl font-bold sm:text-3xl">{filters.q ? e.resultsFor(filters.q) : e.title}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{e.intro}</p>
      <Notices page={page} />
      <div className="mt-4 grid gap-6 lg:grid-cols-[18rem_1fr]">
        <aside aria-label={e.filters.title}>
          {/* Folded on phones, always open from lg up (tailwind.css). */}
          <details className="filters-panel rounded-md border border-stone-200 bg-white p-3 lg:border-0 lg:bg-transparent lg:p-0">
            <summary className="cursor-pointer font-semibold lg:hidden">{e.filters.show}</summary>
            <h2 className="hidden text-lg font-semibold lg:block">{e.filters.title}</h2>
            <FilterForm page={page} />
          </details>
        </aside>
        <section aria-labelledby="export-results" className="min-w-0">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="export-results" className="text-lg font-semibold">
              {e.results(page.total)}
            </h2>
            <SortForm filters={filters} />
          </div>
          <AppliedFilters page={page} />
          <DownloadBar page={page} />
          {sheets.length === 0 ? (
            <div className="mt-4 rounded-md border border-dashed border-stone-300 p-8 text-center">
              <p className="font-semibold">{e.empty}</p>
              <p className="mt-2 text-stone-700">{e.emptyHint}</p>
              <Link
                to={localePath(locale, '/export')}
                className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 text-white"
              >
                {e.filters.clear}
              </Link>
            </div>
          ) : (
            <Form method="get" action={localePath(locale, '/export/rfq/new')} className="mt-4">
              <p className="mb-3 text-sm text-stone-700">{e.rfq.hint}</p>
              <ul className="grid gap-3 xl:grid-cols-2">
                {sheets.map((sheet) => (
                  <li key={sheet.productId}>
                    <SheetCard sheet={sheet} />
                  </li>
                ))}
              </ul>
              <div className="sticky bottom-0 mt-4 flex justify-end border-t border-stone-200 bg-[#fffdf8]/95 py-3">
                <button
                  type="submit"
                  className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
                >
                  {e.rfq.submit}
                </button>
              </div>
            </Form>
          )}
          <Pagination page={page.page} pageCount={page.pageCount} search={exportSearchParams(filters)} />
        </section>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
