import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireUser } from '#app/modules/accounts/session.server.ts'
import { listUserOrders } from '#app/modules/checkout/order-view.server.ts'
import { vietnamDay } from '#app/modules/orders/vietnam-time.ts'
import { formatVnd } from '#app/utils/money.ts'

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store' } as const

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [{ title: `${t.orders.history.title} | ${t.siteName}` }, { name: 'robots', content: 'noindex' }]
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUser(request)
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1')
  const history = await listUserOrders(user.id, Number.isFinite(page) ? page : 1)
  return data({ locale, history }, { headers: PRIVATE_HEADERS })
}

export default function AccountOrders() {
  const { history } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const messages = useMessages()
  const t = messages.orders
  const h = t.history
  const locale = useLocale()
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link to={localePath(locale, '/account')} className="text-sm text-brand-800 underline">
          ‹ {messages.account.page.title}
        </Link>
        <h1 className="mt-2 text-3xl font-bold text-stone-900">{h.title}</h1>
      </div>
      {history.total === 0 ? (
        <div className="rounded-lg border border-stone-200 bg-white p-6 text-center">
          <p className="text-stone-700">{h.empty}</p>
          <Link to={localePath(locale, '/products')} className="mt-3 inline-block font-medium text-brand-800 underline">
            {h.browse}
          </Link>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{h.caption(history.total)}</caption>
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {h.number}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {h.date}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {h.status}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {h.items}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {h.total}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {history.items.map((order) => (
                <tr key={order.number}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link
                      to={localePath(locale, `/orders/${order.number}`)}
                      aria-label={h.view(order.number)}
                      className="font-mono font-medium text-brand-800 underline"
                    >
                      {order.number}
                    </Link>
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap">{t.day(vietnamDay(new Date(order.placedAt)))}</td>
                  <td className="px-3 py-2">{t.status[order.status]}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{t.detail.count(order.itemCount)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatVnd(order.totalVnd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={history.page} pageCount={history.pageCount} search={searchParams} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
