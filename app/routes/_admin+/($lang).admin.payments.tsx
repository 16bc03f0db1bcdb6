import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SubmitButton } from '#app/components/ui/form.tsx'
import { localePath, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import { vietnamDay, vietnamTime } from '#app/modules/orders/vietnam-time.ts'
import { confirmTransfer, listAwaitingTransfers, listRecentTransfers } from '#app/modules/payments/transfers.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { formatVnd } from '#app/utils/money.ts'
import { setToast } from '#app/utils/toast.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

const CONFIRM_TRANSFER_INTENT = 'confirm-transfer'

const ConfirmTransferSchema = z.object({ orderId: z.string().trim().min(1).max(100) })

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireUserWithPermission(request, 'confirm:payment:any')
  const [awaiting, recent] = await Promise.all([listAwaitingTransfers(), listRecentTransfers()])
  return { title: messagesFor(locale).payments.office.title, awaiting, recent }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUserWithPermission(request, 'confirm:payment:any')
  const formData = await readFormData(request)
  switch (formData.get('intent')) {
    case CONFIRM_TRANSFER_INTENT:
      return confirm(request, locale, user.id, formData)
    default:
      return data({ error: messagesFor(locale).payments.office.unknownIntent }, { status: 400 })
  }
}

async function confirm(request: Request, locale: Locale, actorUserId: string, formData: FormData) {
  const o = messagesFor(locale).payments.office
  const submission = parseWithZod(formData, { schema: ConfirmTransferSchema })
  if (submission.status !== 'success') return data({ error: o.notFound }, { status: 400 })
  const result = await confirmTransfer(submission.value.orderId, actorUserId, { origin: new URL(request.url).origin })
  if (!result.ok && result.reason === 'not-found') throw new Response('Not found', { status: 404 })
  const toast = result.ok
    ? {
        kind: 'success' as const,
        message: result.changed ? o.confirmed(result.number) : o.alreadyConfirmed(result.number),
      }
    : { kind: 'error' as const, message: o.notAwaiting(result.number) }
  return redirect(localePath(locale, '/admin/payments'), { headers: { 'Set-Cookie': await setToast(toast) } })
}

function dateTime(value: Date | string, locale: Locale): string {
  const instant = new Date(value)
  return `${vietnamTime(instant)} ${formatDate(vietnamDay(instant), locale)}`
}

export default function OfficePaymentsPage() {
  const { awaiting, recent } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages()
  const locale = useLocale()
  const o = t.payments.office
  const cell = 'px-3 py-2 align-top'
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{o.title}</h1>
        <p className="max-w-3xl text-sm text-stone-700">{o.intro}</p>
      </div>
      {actionData?.error ? (
        <p role="alert" className="text-sm text-red-700">
          {actionData.error}
        </p>
      ) : null}

      <section aria-labelledby="awaiting-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline gap-3">
          <h2 id="awaiting-heading" className="text-lg font-semibold">
            {o.awaiting}
          </h2>
          <p className="text-sm text-stone-600">{o.awaitingCount(awaiting.total)}</p>
        </div>
        {awaiting.orders.length === 0 ? (
          <p className="rounded-md border border-stone-200 bg-white px-4 py-6 text-center text-stone-700">{o.empty}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-stone-50 text-stone-600">
                <tr>
                  <th scope="col" className={cell}>
                    {o.columns.number}
                  </th>
                  <th scope="col" className={cell}>
                    {o.columns.placedAt}
                  </th>
                  <th scope="col" className={cell}>
                    {o.columns.buyer}
                  </th>
                  <th scope="col" className={`${cell} text-right`}>
                    {o.columns.total}
                  </th>
                  <th scope="col" className={cell}>
                    {o.columns.transferNote}
                  </th>
                  <th scope="col" className={cell}>
                    {o.columns.holdUntil}
                  </th>
                  <th scope="col" className={cell}>
                    <span className="sr-only">{o.columns.action}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {awaiting.orders.map((order) => (
                  <tr key={order.id}>
                    <th scope="row" className={`${cell} font-mono font-semibold whitespace-nowrap`}>
                      {order.number}
                    </th>
                    <td className={`${cell} whitespace-nowrap`}>{dateTime(order.placedAt, locale)}</td>
                    <td className={cell}>
                      <div>{order.contactName}</div>
                      <div className="text-stone-600">
                        {[order.phone, order.email ?? order.user?.email].filter(Boolean).join(' · ')}
                      </div>
                      {order.user ? null : <div className="text-xs text-stone-500">{o.guest}</div>}
                    </td>
                    <td className={`${cell} text-right font-medium whitespace-nowrap`}>{formatVnd(order.totalVnd)}</td>
                    <td className={`${cell} font-mono`}>{order.transferNote}</td>
                    <td className={`${cell} whitespace-nowrap`}>
                      {order.holdExpiresAt ? dateTime(order.holdExpiresAt, locale) : o.none}
                    </td>
                    <td className={cell}>
                      <Form method="post">
                        <input type="hidden" name="orderId" value={order.id} />
                        <SubmitButton
                          name="intent"
                          value={CONFIRM_TRANSFER_INTENT}
                          aria-label={o.confirmLabel(order.number)}
                          className="whitespace-nowrap"
                        >
                          {o.confirm}
                        </SubmitButton>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-lg font-semibold">
          {o.recent}
        </h2>
        {recent.length === 0 ? (
          <p className="text-sm text-stone-600">{o.recentEmpty}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-stone-50 text-stone-600">
                <tr>
                  <th scope="col" className={cell}>
                    {o.recentColumns.number}
                  </th>
                  <th scope="col" className={`${cell} text-right`}>
                    {o.recentColumns.total}
                  </th>
                  <th scope="col" className={cell}>
                    {o.recentColumns.confirmedAt}
                  </th>
                  <th scope="col" className={cell}>
                    {o.recentColumns.confirmedBy}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {recent.map((payment) => (
                  <tr key={payment.id}>
                    <th scope="row" className={`${cell} font-mono font-semibold whitespace-nowrap`}>
                      {payment.order.number}
                    </th>
                    <td className={`${cell} text-right whitespace-nowrap`}>{formatVnd(payment.amount)}</td>
                    <td className={`${cell} whitespace-nowrap`}>
                      {payment.confirmedAt ? dateTime(payment.confirmedAt, locale) : o.none}
                    </td>
                    <td className={cell}>{payment.confirmedByName ?? o.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
