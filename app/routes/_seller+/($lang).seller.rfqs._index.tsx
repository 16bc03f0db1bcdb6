import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { StatusTabs } from '#app/components/status-tabs.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { PartStatusBadge, useDateTime } from '#app/components/rfq-thread.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { countryName } from '#app/modules/export/countries.ts'
import { isPartStatus, PART_STATUSES } from '#app/modules/rfq/rfq-status.ts'
import { listProducerParts } from '#app/modules/rfq/rfqs.server.ts'
import { formatDate } from '#app/utils/dates.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'read:rfq-part:own')
  const url = new URL(request.url)
  const rawStatus = url.searchParams.get('status')
  const status = isPartStatus(rawStatus) ? rawStatus : null
  const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10)
  const list = await listProducerParts(producer.id, { status, page: Number.isFinite(page) ? page : 1 })
  return {
    title: `${messagesFor(locale).rfq.seller.inboxTitle} · ${producer.name}`,
    status,
    ...list,
    items: list.items.map((part) => ({ ...part, buyerCountry: countryName(part.rfq.buyerCountry, locale) })),
  }
}

const SHOWN_PRODUCTS = 2

export default function SellerRfqs() {
  const { status, items, page, pageCount, counts } = useLoaderData<typeof loader>()
  const all = useMessages().rfq
  const t = all.seller
  const locale = useLocale()
  const location = useLocation()
  const at = useDateTime()
  const tabs = [
    { status: null, label: t.all, count: counts.ALL },
    ...PART_STATUSES.map((s) => ({ status: s, label: all.status[s], count: counts[s] })),
  ]
  const current = tabs.find((tab) => tab.status === status)!

  return (
    <div>
      <h1 className="text-2xl font-bold text-stone-900">{t.inboxTitle}</h1>
      <StatusTabs tabs={tabs} current={status} label={t.tabs} tabText={t.tab} />

      {items.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-stone-300 px-4 py-8 text-center text-stone-600">
          {status ? t.emptyStatus : t.empty}
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t.caption(current.label, current.count)}</caption>
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.number}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.receivedAt}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.buyer}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.products}
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
              {items.map((part) => (
                <tr key={part.id} className="hover:bg-stone-50">
                  <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                    <Link
                      to={localePath(locale, `/seller/rfqs/${part.id}`)}
                      aria-label={t.open(part.rfq.number)}
                      className="font-mono text-brand-800 underline"
                    >
                      {part.rfq.number}
                    </Link>
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <time dateTime={part.rfq.createdAt.toISOString()}>{at(part.rfq.createdAt)}</time>
                  </td>
                  <td className="px-3 py-2">
                    {part.rfq.company}
                    <span className="block text-xs text-stone-500">{part.buyerCountry}</span>
                  </td>
                  <td className="px-3 py-2">
                    {part.items
                      .slice(0, SHOWN_PRODUCTS)
                      .map((item) => pick(locale, item.product.nameVi, item.product.nameEn))
                      .join('; ')}
                    {part.items.length > SHOWN_PRODUCTS ? ` ${t.more(part.items.length - SHOWN_PRODUCTS)}` : null}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDate(part.rfq.neededBy, locale)}</td>
                  <td className="px-3 py-2">
                    <PartStatusBadge status={part.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} search={new URLSearchParams(location.search)} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
