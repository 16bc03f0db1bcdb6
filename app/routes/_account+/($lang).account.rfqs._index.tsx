import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { PartStatusBadge, useDateTime } from '#app/components/rfq-thread.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import { countryName } from '#app/modules/export/countries.ts'
import { listBuyerRfqs } from '#app/modules/rfq/rfqs.server.ts'
import { formatDate } from '#app/utils/dates.ts'

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store' } as const

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [{ title: `${t.rfq.buyer.listTitle} | ${t.siteName}` }, { name: 'robots', content: 'noindex' }]
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUserWithPermission(request, 'read:rfq:own')
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1')
  const list = await listBuyerRfqs(user.id, { page: Number.isFinite(page) ? page : 1 })
  return data(
    {
      locale,
      ...list,
      items: list.items.map((rfq) => ({
        ...rfq,
        destination: [rfq.destinationPort, countryName(rfq.destinationCountry, locale)].filter(Boolean).join(', '),
      })),
    },
    { headers: PRIVATE_HEADERS },
  )
}

export default function BuyerRfqs() {
  const { items, total, page, pageCount } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const messages = useMessages()
  const t = messages.rfq.buyer
  const locale = useLocale()
  const at = useDateTime()
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <Link to={localePath(locale, '/account')} className="text-sm text-brand-800 underline">
          ‹ {t.back}
        </Link>
        <h1 className="mt-2 text-3xl font-bold text-stone-900">{t.listTitle}</h1>
      </div>
      {total === 0 ? (
        <div className="rounded-lg border border-stone-200 bg-white p-6 text-center">
          <p className="text-stone-700">{t.empty}</p>
          <Link to={localePath(locale, '/export')} className="mt-3 inline-block font-medium text-brand-800 underline">
            {t.browse}
          </Link>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t.caption(total)}</caption>
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.number}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.sentAt}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.producers}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.destination}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.neededBy}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.status}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {items.map((rfq) => (
                <tr key={rfq.id} className="hover:bg-stone-50">
                  <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                    <Link
                      to={localePath(locale, `/account/rfqs/${rfq.id}`)}
                      aria-label={t.open(rfq.number)}
                      className="font-mono text-brand-800 underline"
                    >
                      {rfq.number}
                    </Link>
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <time dateTime={rfq.createdAt.toISOString()}>{at(rfq.createdAt)}</time>
                  </td>
                  <td className="px-3 py-2">
                    <ul>
                      {rfq.parts.map((part) => (
                        <li key={part.producer.name} className="flex flex-wrap items-center gap-2">
                          <span>{part.producer.name}</span>
                          <PartStatusBadge status={part.status} />
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="px-3 py-2">{rfq.destination}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDate(rfq.neededBy, locale)}</td>
                  <td className="px-3 py-2">
                    <PartStatusBadge status={rfq.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
