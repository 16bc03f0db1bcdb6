import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SalesChart, type ChartPoint } from '#app/components/sales-chart.tsx'
import { Section } from '#app/components/section.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import {
  DASHBOARD_PERIODS,
  LOW_STOCK_THRESHOLD,
  parseDashboardPeriod,
} from '#app/modules/producer/dashboard-settings.ts'
import { listNotifications } from '#app/modules/notifications/notifications.server.ts'
import { getProducerDashboard, type SalesDay, type TopProduct } from '#app/modules/producer/dashboard.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { formatVnd } from '#app/utils/money.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'read:shipment:own')
  const period = parseDashboardPeriod(new URL(request.url).searchParams.get('days'))
  const [dashboard, notices] = await Promise.all([
    getProducerDashboard(producer.id, { period }),
    listNotifications({ producerId: producer.id }, 5),
  ])
  return { title: `${messagesFor(locale).fulfilment.dashboard.title} · ${producer.name}`, dashboard, notices }
}

function chartSummary(
  days: SalesDay[],
  key: 'revenueVnd' | 'orders',
  total: string,
  format: (n: number) => string,
  t: ReturnType<typeof useMessages>['fulfilment'],
): string {
  const best = days.reduce<SalesDay | null>((top, d) => (d[key] > 0 && (!top || d[key] > top[key]) ? d : top), null)
  return t.dashboard.chart.summary(total, best ? format(best[key]) : null, best ? t.longDay(best.day) : null)
}

export default function SellerDashboard() {
  const { dashboard, notices } = useLoaderData<typeof loader>()
  const t = useMessages().fulfilment
  const d = t.dashboard
  const locale = useLocale()
  const path = (p: string) => localePath(locale, p)
  const revenuePoints: ChartPoint[] = dashboard.days.map((day) => ({
    key: day.day,
    label: t.shortDay(day.day),
    fullLabel: t.longDay(day.day),
    value: day.revenueVnd,
    display: formatVnd(day.revenueVnd),
  }))
  const orderPoints: ChartPoint[] = dashboard.days.map((day) => ({
    key: day.day,
    label: t.shortDay(day.day),
    fullLabel: t.longDay(day.day),
    value: day.orders,
    display: t.count(day.orders),
  }))
  const previousRange = d.versusPrevious(t.longDay(dashboard.previousFrom), t.longDay(dashboard.previousTo))

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-stone-900">{d.title}</h1>
          <p className="mt-1 text-sm text-stone-600">{d.range(t.longDay(dashboard.from), t.longDay(dashboard.to))}</p>
        </div>
        <nav aria-label={d.periodLabel}>
          <ul className="flex gap-1 rounded-lg border border-stone-200 bg-white p-1">
            {DASHBOARD_PERIODS.map((days) => (
              <li key={days}>
                <Link
                  to={{ search: days === 30 ? '' : `?days=${days}` }}
                  aria-current={dashboard.period === days ? 'page' : undefined}
                  className={`block rounded-md px-3 py-1.5 text-sm font-medium ${
                    dashboard.period === days ? 'bg-brand-700 text-white' : 'text-stone-700 hover:bg-stone-100'
                  }`}
                >
                  {d.period(days)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <Notices notices={notices} />

      <Section title={d.pending.title} className="">
        {dashboard.pending.toConfirm + dashboard.pending.toShip + dashboard.pending.inTransit === 0 ? (
          <p className="text-sm text-stone-600">{d.pending.nothing}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-3">
            {(
              [
                ['PENDING', d.pending.toConfirm(dashboard.pending.toConfirm), dashboard.pending.toConfirm],
                ['CONFIRMED', d.pending.toShip(dashboard.pending.toShip), dashboard.pending.toShip],
                ['SHIPPED', d.pending.inTransit(dashboard.pending.inTransit), dashboard.pending.inTransit],
              ] as const
            ).map(([status, label, count]) => (
              <li key={status}>
                <Link
                  to={path(`/seller/orders?status=${status}`)}
                  className={`block rounded-lg border px-4 py-3 text-sm font-medium hover:bg-stone-50 ${
                    count > 0 && status !== 'SHIPPED'
                      ? 'border-amber-300 bg-amber-50 text-amber-950'
                      : 'border-stone-200 bg-white text-stone-800'
                  }`}
                >
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <section aria-label={d.period(dashboard.period)} className="grid gap-3 sm:grid-cols-2">
        <Figure
          label={d.revenue}
          value={formatVnd(dashboard.totals.revenueVnd)}
          change={dashboard.change.revenue}
          previous={formatVnd(dashboard.previous.revenueVnd)}
          note={d.revenueHint}
        />
        <Figure
          label={d.orders}
          value={t.count(dashboard.totals.orders)}
          change={dashboard.change.orders}
          previous={t.count(dashboard.previous.orders)}
          note={previousRange}
        />
      </section>

      <div className="grid gap-4 xl:grid-cols-2">
        <SalesChart
          title={d.chart.revenueTitle(dashboard.period)}
          summary={chartSummary(dashboard.days, 'revenueVnd', formatVnd(dashboard.totals.revenueVnd), formatVnd, t)}
          points={revenuePoints}
          xAxisLabel={d.chart.dayAxis}
          yAxisLabel={d.chart.revenueAxis}
          formatTick={t.compactVnd}
          tableCaption={d.chart.tableCaption}
          valueHeader={d.revenue}
          headingLevel={2}
        />
        <SalesChart
          kind="line"
          title={d.chart.ordersTitle(dashboard.period)}
          summary={chartSummary(dashboard.days, 'orders', t.count(dashboard.totals.orders), t.count, t)}
          points={orderPoints}
          xAxisLabel={d.chart.dayAxis}
          yAxisLabel={d.chart.ordersAxis}
          formatTick={t.count}
          tableCaption={d.chart.tableCaption}
          valueHeader={d.orders}
          headingLevel={2}
        />
      </div>

      <Section title={d.top.title} className="">
        {dashboard.topProducts.byQuantity.length === 0 ? (
          <p className="text-sm text-stone-600">{d.top.empty}</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <TopTable caption={d.top.byQuantity} rows={dashboard.topProducts.byQuantity} />
            <TopTable caption={d.top.byRevenue} rows={dashboard.topProducts.byRevenue} />
          </div>
        )}
      </Section>

      <div className="grid gap-8 lg:grid-cols-2">
        <Section title={d.lowStock.title} className="">
          <p className="mb-2 text-sm text-stone-600">{d.lowStock.hint(LOW_STOCK_THRESHOLD)}</p>
          {dashboard.lowStock.length === 0 ? (
            <p className="text-sm text-stone-600">{d.lowStock.empty}</p>
          ) : (
            <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
              {dashboard.lowStock.map((product) => {
                const name = pick(locale, product.nameVi, product.nameEn)
                return (
                  <li key={product.id} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
                    <Link
                      to={path(`/seller/listings/${product.id}`)}
                      aria-label={d.lowStock.update(name)}
                      className="font-medium text-brand-800 underline"
                    >
                      {name}
                    </Link>
                    <span
                      className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${
                        product.stock === 0 ? 'bg-red-100 text-red-900' : 'bg-amber-100 text-amber-900'
                      }`}
                    >
                      {d.lowStock.left(product.stock)}
                    </span>
                  </li>
                )
              })}
            </ul>
          )}
        </Section>

        <Section title={d.certificates.title} className="">
          <p className="mb-2 text-sm text-stone-600">{d.certificates.hint}</p>
          {dashboard.certificates.length === 0 ? (
            <p className="text-sm text-stone-600">{d.certificates.empty}</p>
          ) : (
            <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
              {dashboard.certificates.map((c) => (
                <li key={c.id} className="px-4 py-2 text-sm">
                  <div className="flex items-start justify-between gap-3">
                    <Link to={path(`/seller/listings/${c.productId}`)} className="font-medium text-brand-800 underline">
                      {pick(locale, c.productNameVi, c.productNameEn)}
                    </Link>
                    <span
                      className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${
                        c.daysLeft < 0
                          ? 'bg-red-100 text-red-900'
                          : c.daysLeft <= 30
                            ? 'bg-amber-100 text-amber-900'
                            : 'bg-stone-100 text-stone-800'
                      }`}
                    >
                      {d.certificates.expiresIn(c.daysLeft)}
                    </span>
                  </div>
                  <p className="text-stone-600">
                    {d.certificates.decision(c.decisionNumber, c.stars)} ·{' '}
                    {d.certificates.expiresOn(t.longDay(c.expiresOn.toISOString().slice(0, 10)))}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </div>
  )
}

/** The workspace's latest in-app notices (a certificate about to expire, a new RFQ…). */
function Notices({ notices }: { notices: ReturnType<typeof useLoaderData<typeof loader>>['notices'] }) {
  const n = useMessages().certificates.notices
  const locale = useLocale()
  return (
    <Section title={n.title} className="">
      {notices.unread > 0 ? <p className="mb-2 text-sm text-stone-600">{n.unread(notices.unread)}</p> : null}
      {notices.items.length === 0 ? (
        <p className="text-sm text-stone-600">{n.empty}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {notices.items.map((notice) => (
            <li key={notice.id} className={`px-4 py-2 text-sm ${notice.readAt ? '' : 'bg-amber-50/60'}`}>
              <div className="flex items-start justify-between gap-3">
                <p className="font-medium text-stone-900">{notice.title}</p>
                <span className="shrink-0 text-xs text-stone-500">{formatDate(notice.createdAt, locale)}</span>
              </div>
              {notice.body ? <p className="text-stone-700">{notice.body}</p> : null}
              {notice.link ? (
                <Link to={localePath(locale, notice.link)} className="text-brand-800 underline">
                  {n.open}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

function Figure({
  label,
  value,
  change,
  previous,
  note,
}: {
  label: string
  value: string
  change: number | null
  previous: string
  note: string
}) {
  const d = useMessages().fulfilment.dashboard
  const tone =
    change === null || Math.round(change * 100) === 0
      ? 'text-stone-700'
      : change > 0
        ? 'text-green-800'
        : 'text-red-800'
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 className="text-sm font-medium text-stone-600">{label}</h2>
      <p className="mt-1 text-2xl font-bold text-stone-900">{value}</p>
      <p className={`mt-1 text-sm font-medium ${tone}`}>
        {change === null ? d.noPrevious : `${d.change(change)} · ${d.previousValue(previous)}`}
      </p>
      <p className="mt-1 text-xs text-stone-500">{note}</p>
    </div>
  )
}

function TopTable({ caption, rows }: { caption: string; rows: TopProduct[] }) {
  const t = useMessages().fulfilment
  const locale = useLocale()
  return (
    <table className="w-full overflow-hidden rounded-lg border border-stone-200 bg-white text-sm">
      <caption className="px-1 pb-2 text-left font-medium text-stone-800">{caption}</caption>
      <thead className="bg-stone-50 text-left text-stone-600">
        <tr>
          <th scope="col" className="px-3 py-2 font-medium">
            {t.dashboard.top.product}
          </th>
          <th scope="col" className="px-3 py-2 text-right font-medium">
            {t.dashboard.top.quantity}
          </th>
          <th scope="col" className="px-3 py-2 text-right font-medium">
            {t.dashboard.top.revenue}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-200">
        {rows.map((row) => (
          <tr key={row.productId}>
            <th scope="row" className="px-3 py-2 text-left font-normal">
              {pick(locale, row.nameVi, row.nameEn)}
            </th>
            <td className="px-3 py-2 text-right tabular-nums">{t.count(row.quantity)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatVnd(row.revenueVnd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
