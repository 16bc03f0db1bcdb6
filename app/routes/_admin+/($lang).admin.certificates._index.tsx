import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CertificateStatusBadge } from '#app/components/certificate-status-badge.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import {
  CERTIFICATE_VIEWS,
  listCertificates,
  parseCertificateView,
  type CertificateView,
} from '#app/modules/certification/certificates.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { formatDate } from '#app/utils/dates.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireUserWithPermission(request, 'read:certificate:any')
  const url = new URL(request.url)
  const view = parseCertificateView(url.searchParams.get('view'))
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100)
  const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10)
  const list = await listCertificates({ view, q, page: Number.isFinite(page) ? page : 1 }, now())
  return { title: messagesFor(locale).certificates.office.title, q, views: CERTIFICATE_VIEWS, ...list }
}

function listQuery(view: CertificateView, q: string, page = 1): string {
  const params = new URLSearchParams()
  if (view !== 'all') params.set('view', view)
  if (q) params.set('q', q)
  if (page > 1) params.set('page', String(page))
  const text = params.toString()
  return text ? `?${text}` : '?'
}

export default function OfficeCertificatesPage() {
  const { views, view, q, items, total, page, pageCount, counts } = useLoaderData<typeof loader>()
  const t = useMessages().certificates
  const o = t.office
  const locale = useLocale()
  const date = (value: string | Date) => formatDate(value, locale)
  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{o.title}</h1>
          <p className="mt-1 text-sm text-stone-600">{o.intro}</p>
        </div>
        <Link
          to={localePath(locale, '/admin/certificates/new')}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {o.newCertificate}
        </Link>
      </header>

      <nav aria-label={o.viewsLabel}>
        <ul className="flex flex-wrap gap-2">
          {views.map((value) => (
            <li key={value}>
              <Link
                to={listQuery(value, q)}
                aria-current={value === view ? 'page' : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-sm ${value === view ? 'border-brand-700 bg-brand-700 text-white' : 'border-stone-300 hover:bg-stone-100'}`}
              >
                {o.views[value]} ({counts[value]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
        {view !== 'all' ? <input type="hidden" name="view" value={view} /> : null}
        <div className="min-w-64 flex-1">
          <label htmlFor="certificate-q" className="mb-1 block text-sm font-medium text-stone-800">
            {o.searchLabel}
          </label>
          <input
            id="certificate-q"
            type="search"
            name="q"
            defaultValue={q}
            placeholder={o.searchPlaceholder}
            className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium">
          {o.search}
        </button>
        {q ? (
          <Link to={listQuery(view, '')} className="px-2 py-2 text-sm text-brand-800 underline">
            {o.clearSearch}
          </Link>
        ) : null}
      </Form>

      <p className="text-sm text-stone-600" role="status">
        {o.count(total)}
      </p>

      {items.length === 0 ? (
        <p className="rounded-md border border-stone-200 bg-white px-4 py-6 text-center text-stone-700">{o.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{o.tableCaption}</caption>
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.product}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.producer}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.stars}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.level}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.decision}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.validity}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.status}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.daysLeft}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {items.map((item) => (
                <tr key={item.id} className="align-top">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link
                      to={localePath(locale, `/admin/certificates/${item.id}`)}
                      className="font-medium text-brand-800 underline"
                    >
                      {pick(locale, item.product.nameVi, item.product.nameEn)}
                    </Link>
                    <span className="block text-xs text-stone-500">{item.product.sku}</span>
                  </th>
                  <td className="px-3 py-2">{item.product.producer.name}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <span aria-hidden="true">{'★'.repeat(item.stars)}</span>
                    <span className="sr-only">{t.stars(item.stars)}</span>
                    {item.potentialFiveStar ? (
                      <span className="block text-xs text-brand-800">{t.potentialFiveStar}</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">{t.levels[item.level]}</td>
                  <td className="px-3 py-2">
                    {item.decisionNumber}
                    <span className="block text-xs text-stone-500">{item.issuer}</span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                    {date(item.issuedOn)}
                    <span className="block">{date(item.expiresOn)}</span>
                  </td>
                  <td className="px-3 py-2">
                    <CertificateStatusBadge status={item.status} />
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {item.status === 'revoked' || item.status === 'superseded' ? t.none : t.daysLeft(item.daysLeft)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pageCount > 1 ? (
        <nav aria-label={o.pagination.label} className="flex items-center justify-between gap-3 text-sm">
          {page > 1 ? (
            <Link to={listQuery(view, q, page - 1)} rel="prev" className="text-brand-800 underline">
              {o.pagination.previous}
            </Link>
          ) : (
            <span />
          )}
          <span>{o.pagination.page(page, pageCount)}</span>
          {page < pageCount ? (
            <Link to={listQuery(view, q, page + 1)} rel="next" className="text-brand-800 underline">
              {o.pagination.next}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
