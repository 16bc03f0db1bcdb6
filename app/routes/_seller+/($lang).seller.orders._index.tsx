import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { StatusTabs } from '#app/components/status-tabs.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { listShipments } from '#app/modules/orders/fulfilment.server.ts'
import { isShipmentStatus, SHIPMENT_STATUSES } from '#app/modules/orders/shipment-state.ts'
import { vietnamDay, vietnamTime } from '#app/modules/orders/vietnam-time.ts'
import { formatVnd } from '#app/utils/money.ts'
import { ShipmentStatusBadge } from './__shipment-status-badge.tsx'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'read:shipment:own')
  const url = new URL(request.url)
  const rawStatus = url.searchParams.get('status')
  const status = isShipmentStatus(rawStatus) ? rawStatus : null
  const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10)
  const list = await listShipments(producer.id, { status, page: Number.isFinite(page) ? page : 1 })
  return { title: `${messagesFor(locale).fulfilment.list.title} · ${producer.name}`, status, ...list }
}

export default function SellerOrders() {
  const { status, items, page, pageCount, counts } = useLoaderData<typeof loader>()
  const t = useMessages().fulfilment
  const l = t.list
  const locale = useLocale()
  const location = useLocation()
  const tabs = [
    { status: null, label: l.all, count: counts.ALL },
    ...SHIPMENT_STATUSES.map((s) => ({ status: s, label: t.status[s], count: counts[s] })),
  ]
  const current = tabs.find((tab) => tab.status === status)!

  return (
    <div>
      <h1 className="text-2xl font-bold text-stone-900">{l.title}</h1>
      <StatusTabs tabs={tabs} current={status} label={l.tabs} tabText={l.tab} />

      {items.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-stone-300 px-4 py-8 text-center text-stone-600">
          {status ? l.emptyStatus : l.empty}
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{l.caption(current.label, current.count)}</caption>
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {l.number}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {l.placedAt}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {l.buyer}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {l.province}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {l.lines}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {l.subtotal}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {l.status}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {items.map((item) => (
                <tr key={item.id} className="hover:bg-stone-50">
                  <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                    <Link
                      to={localePath(locale, `/seller/orders/${item.id}`)}
                      aria-label={l.open(item.orderNumber)}
                      className="font-mono text-brand-800 underline"
                    >
                      {item.orderNumber}
                    </Link>
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {t.dateTime(vietnamDay(item.placedAt), vietnamTime(item.placedAt))}
                  </td>
                  <td className="px-3 py-2">{item.buyerName}</td>
                  <td className="px-3 py-2">
                    {item.province ? pick(locale, item.province.nameVi, item.province.nameEn) : '—'}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{l.lineCount(item.lineCount)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatVnd(item.subtotalVnd)}</td>
                  <td className="px-3 py-2">
                    <ShipmentStatusBadge status={item.status} />
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
