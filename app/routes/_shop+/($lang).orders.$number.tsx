import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SubmitButton } from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { getUser } from '#app/modules/accounts/session.server.ts'
import { grantOrderAccess, hasOrderAccess, unlockOrder } from '#app/modules/checkout/order-access.server.ts'
import { PAY_BY_CARD_INTENT, UNLOCK_INTENT, UnlockOrderSchema } from '#app/modules/checkout/order-lookup-schema.ts'
import { orderForPayment } from '#app/modules/checkout/order-mail.server.ts'
import { findOrderRef, getBuyerOrder, type BuyerOrder } from '#app/modules/checkout/order-view.server.ts'
import { parseOrderNumber } from '#app/modules/orders/order-number.ts'
import { vietnamDay, vietnamTime } from '#app/modules/orders/vietnam-time.ts'
import { type PaymentInstructions } from '#app/modules/payments/payment-port.ts'
import { createStripeCheckout, paymentInstructions } from '#app/modules/payments/payments.server.ts'
import { formatVnd } from '#app/utils/money.ts'
import { setToast } from '#app/utils/toast.server.ts'
import { OrderLookupForm } from './__order-lookup.tsx'
import { readFormData } from '#app/utils/form-data.server.ts'

/** An order is one person's: never kept by any cache. */
const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store' } as const
/** How often a page waiting for Stripe's webhook asks again. */
const CARD_POLL_MS = 3_000

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  const title = page ? t.orders.detail.title(page.number) : t.orders.lookup.title
  return [{ title: `${title} | ${t.siteName}` }, { name: 'robots', content: 'noindex' }]
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS

/** The canonical number of the URL (a typed-in variant redirects to it); 404 for anything else. */
function requireOrderNumber(locale: Locale, raw: string | undefined): string {
  const number = parseOrderNumber(raw ?? '')
  if (!number) throw new Response('Not found', { status: 404 })
  if (number !== raw) throw redirect(localePath(locale, `/orders/${number}`))
  return number
}

/** The order, when this request may see it; null looks the same whether it exists or not. */
async function visibleOrder(request: Request, number: string) {
  const [user, ref] = await Promise.all([getUser(request), findOrderRef(number)])
  const visible = ref !== null && (await hasOrderAccess(request, ref, user?.id ?? null))
  return { user, ref: visible ? ref : null }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const number = requireOrderNumber(locale, params.number)
  const { user, ref } = await visibleOrder(request, number)
  if (!ref) {
    return data({ locale, number, locked: true as const, signedIn: user !== null }, { headers: PRIVATE_HEADERS })
  }
  const [order, forPayment] = await Promise.all([getBuyerOrder(ref.id), orderForPayment(ref.id)])
  if (!order || !forPayment) throw new Response('Not found', { status: 404 })
  const payment = await paymentInstructions(forPayment)
  return data({ locale, number, locked: false as const, order, payment }, { headers: PRIVATE_HEADERS })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const number = requireOrderNumber(locale, params.number)
  const formData = await readFormData(request)
  switch (formData.get('intent')) {
    case UNLOCK_INTENT:
      return unlock(request, locale, number, formData)
    case PAY_BY_CARD_INTENT:
      return payByCard(request, locale, number)
    default:
      throw new Response('Bad request', { status: 400 })
  }
}

async function unlock(request: Request, locale: Locale, number: string, formData: FormData) {
  const t = messagesFor(locale).orders.lookup
  const submission = parseWithZod(formData, { schema: UnlockOrderSchema(t) })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400, headers: PRIVATE_HEADERS })
  }
  const outcome = await unlockOrder(request, number, submission.value.phone)
  if (outcome.kind === 'blocked') {
    return data(
      { result: submission.reply({ formErrors: [t.blocked(outcome.minutes)] }) },
      { status: 429, headers: PRIVATE_HEADERS },
    )
  }
  if (outcome.kind === 'no-match') {
    return data({ result: submission.reply({ formErrors: [t.noMatch] }) }, { status: 400, headers: PRIVATE_HEADERS })
  }
  const headers = new Headers(PRIVATE_HEADERS)
  headers.append('Set-Cookie', await grantOrderAccess(request, number))
  return redirect(localePath(locale, `/orders/${number}`), { headers })
}

/** "Pay by card" again: a new Stripe Checkout for a card order still awaiting payment. */
async function payByCard(request: Request, locale: Locale, number: string) {
  const { ref } = await visibleOrder(request, number)
  if (!ref) throw new Response('Not found', { status: 404 })
  const t = messagesFor(locale).orders.payment.stripe
  const stripe = await createStripeCheckout(ref.id, { origin: new URL(request.url).origin, locale })
  if (stripe.ok) return redirect(stripe.url, { headers: PRIVATE_HEADERS })
  const message =
    stripe.reason === 'already-paid' ? t.alreadyPaid : stripe.reason === 'provider-error' ? t.unavailable : t.notPayable
  const headers = new Headers(PRIVATE_HEADERS)
  headers.append('Set-Cookie', await setToast({ kind: stripe.reason === 'already-paid' ? 'info' : 'error', message }))
  return redirect(localePath(locale, `/orders/${number}`), { headers })
}

// ───────────── Page ─────────────

export default function OrderPage() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages().orders
  if (page.locked) {
    return (
      <div className="mx-auto max-w-md space-y-4 py-6">
        <h1 className="font-mono text-2xl font-bold text-stone-900">{t.lookup.lockedTitle(page.number)}</h1>
        <p className="text-stone-700">{t.lookup.lockedIntro}</p>
        <OrderLookupForm number={page.number} lastResult={actionData?.result} signedIn={page.signedIn} />
      </div>
    )
  }
  return <OrderDetail order={page.order} payment={page.payment} />
}

function useWhen() {
  const t = useMessages().orders
  return (date: Date | string) => {
    const instant = new Date(date)
    return t.dateTime(vietnamDay(instant), vietnamTime(instant))
  }
}

function OrderDetail({ order, payment }: { order: BuyerOrder; payment: PaymentInstructions }) {
  const t = useMessages().orders
  const d = t.detail
  const locale = useLocale()
  const when = useWhen()
  const address = [
    order.street,
    order.commune ? `${order.commune.kind} ${order.commune.name}` : null,
    order.province ? pick(locale, order.province.nameVi, order.province.nameEn) : null,
  ]
    .filter(Boolean)
    .join(', ')
  const codFees = order.shipments.reduce((sum, s) => sum + s.codFeeVnd, 0)

  return (
    <article className="space-y-6">
      <header>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-bold text-stone-900">{d.title(order.number)}</h1>
          <span className="rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-900">
            {t.status[order.status]}
          </span>
        </div>
        <p className="mt-1 text-sm text-stone-600">{d.placedAt(when(order.placedAt))}</p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <PaymentSection order={order} payment={payment} />

          <section aria-labelledby="parcels-heading" className="space-y-4">
            <h2 id="parcels-heading" className="text-lg font-semibold">
              {d.parcels}
            </h2>
            {order.shipments.map((shipment) => (
              <div key={shipment.id} className="rounded-lg border border-stone-200 bg-white">
                <div className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 px-4 py-3">
                  <h3 className="font-semibold text-stone-900">{d.parcelFrom(shipment.producerName)}</h3>
                  <span className="text-sm font-medium text-stone-700">{t.shipmentStatus[shipment.status]}</span>
                </div>
                {shipment.carrier || shipment.cancelReason ? (
                  <dl className="grid gap-2 border-b border-stone-200 px-4 py-3 text-sm sm:grid-cols-2">
                    {shipment.carrier ? (
                      <>
                        <div>
                          <dt className="text-stone-500">{d.carrier}</dt>
                          <dd className="font-medium">{shipment.carrier}</dd>
                        </div>
                        <div>
                          <dt className="text-stone-500">{d.trackingCode}</dt>
                          <dd className="font-mono font-medium">{shipment.trackingCode}</dd>
                        </div>
                      </>
                    ) : null}
                    {shipment.cancelReason ? (
                      <div className="sm:col-span-2">
                        <dt className="text-stone-500">{d.cancelReason}</dt>
                        <dd>{shipment.cancelReason}</dd>
                      </div>
                    ) : null}
                  </dl>
                ) : null}
                <div className="overflow-x-auto">
                  <table className="w-full text-sm">
                    <thead className="text-left text-stone-600">
                      <tr>
                        <th scope="col" className="px-4 py-2 font-medium">
                          {d.product}
                        </th>
                        <th scope="col" className="px-4 py-2 text-right font-medium">
                          {d.price}
                        </th>
                        <th scope="col" className="px-4 py-2 text-right font-medium">
                          {d.quantity}
                        </th>
                        <th scope="col" className="px-4 py-2 text-right font-medium">
                          {d.lineTotal}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-stone-100">
                      {shipment.lines.map((line) => (
                        <tr key={line.id}>
                          <th scope="row" className="px-4 py-2 text-left font-normal">
                            {pick(locale, line.nameVi, line.nameEn)}
                            <span className="block text-xs text-stone-500">{line.unitVi}</span>
                          </th>
                          <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
                            {formatVnd(line.priceVnd)}
                          </td>
                          <td className="px-4 py-2 text-right tabular-nums">{d.count(line.quantity)}</td>
                          <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
                            {formatVnd(line.lineTotalVnd)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                    <tfoot className="border-t border-stone-200 text-stone-700">
                      {[
                        [d.goods, shipment.subtotalVnd] as const,
                        [d.shippingFee, shipment.shippingFeeVnd] as const,
                        ...(shipment.codFeeVnd > 0 ? [[d.codFee, shipment.codFeeVnd] as const] : []),
                      ].map(([name, amount]) => (
                        <tr key={name}>
                          <th scope="row" colSpan={3} className="px-4 py-1 text-right font-normal">
                            {name}
                          </th>
                          <td className="px-4 py-1 text-right whitespace-nowrap tabular-nums">{formatVnd(amount)}</td>
                        </tr>
                      ))}
                    </tfoot>
                  </table>
                </div>
              </div>
            ))}
          </section>

          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">
              {d.timeline}
            </h2>
            <ol className="space-y-2 border-l-2 border-stone-200 pl-4 text-sm">
              {order.events.map((event) => (
                <li key={event.id}>
                  <p className="font-medium text-stone-900">{eventLabel(t, event)}</p>
                  <p className="text-stone-600">
                    <time dateTime={new Date(event.createdAt).toISOString()}>{when(event.createdAt)}</time>
                  </p>
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside className="space-y-6">
          <section aria-labelledby="totals-heading" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="totals-heading" className="sr-only">
              {d.total}
            </h2>
            <dl className="space-y-1 text-sm">
              <div className="flex justify-between gap-3">
                <dt>{d.subtotal}</dt>
                <dd className="tabular-nums">{formatVnd(order.subtotalVnd)}</dd>
              </div>
              <div className="flex justify-between gap-3">
                <dt>{codFees > 0 ? d.shipping : d.shippingFee}</dt>
                <dd className="tabular-nums">{formatVnd(order.shippingVnd)}</dd>
              </div>
              <div className="flex justify-between gap-3 border-t border-stone-200 pt-2 text-base font-semibold">
                <dt>{d.total}</dt>
                <dd className="tabular-nums">{formatVnd(order.totalVnd)}</dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="delivery-heading" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="delivery-heading" className="mb-2 text-lg font-semibold">
              {d.delivery}
            </h2>
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="text-stone-500">{d.contact}</dt>
                <dd className="font-medium">{order.contactName}</dd>
              </div>
              <div>
                <dt className="text-stone-500">{d.phone}</dt>
                <dd>{order.phone}</dd>
              </div>
              {order.email ? (
                <div>
                  <dt className="text-stone-500">{d.email}</dt>
                  <dd className="break-all">{order.email}</dd>
                </div>
              ) : null}
              <div>
                <dt className="text-stone-500">{d.address}</dt>
                <dd>{address}</dd>
              </div>
              {order.note ? (
                <div>
                  <dt className="text-stone-500">{d.note}</dt>
                  <dd>{order.note}</dd>
                </div>
              ) : null}
              <div>
                <dt className="text-stone-500">{d.payment}</dt>
                <dd>{t.paymentMethod[order.paymentMethod]}</dd>
              </div>
            </dl>
          </section>
        </aside>
      </div>
    </article>
  )
}

function eventLabel(t: ReturnType<typeof useMessages>['orders'], event: BuyerOrder['events'][number]): string {
  if (event.producerName) {
    const status = t.shipmentStatus[event.toStatus as keyof typeof t.shipmentStatus] ?? event.toStatus
    return t.detail.shipmentEvent(event.producerName, status)
  }
  const status = t.status[event.toStatus as keyof typeof t.status] ?? event.toStatus
  return event.fromStatus === null ? `${t.detail.placedEvent} · ${status}` : t.detail.orderEvent(status)
}

/** While a card payment is on its way from Stripe's webhook, the page asks again every few seconds. */
function useRefreshWhile(waiting: boolean) {
  const revalidator = useRevalidator()
  useEffect(() => {
    if (!waiting) return
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && revalidator.state === 'idle') revalidator.revalidate()
    }, CARD_POLL_MS)
    return () => clearInterval(timer)
  }, [waiting, revalidator])
}

function PaymentSection({ order, payment }: { order: BuyerOrder; payment: PaymentInstructions }) {
  const t = useMessages().orders.payment
  const d = useMessages().orders.detail
  const when = useWhen()
  const awaiting = order.status === 'AWAITING_PAYMENT'
  const expired = order.status === 'CANCELLED' && payment.kind !== 'cod' && payment.status !== 'SUCCEEDED'
  useRefreshWhile(awaiting && payment.kind === 'stripe')

  let body: React.ReactNode
  if (expired) {
    body = <p>{t.expired}</p>
  } else if (payment.kind === 'cod') {
    body = <p>{t.cod(formatVnd(payment.amountVnd))}</p>
  } else if (payment.kind === 'vietqr') {
    body =
      payment.status === 'SUCCEEDED' || !awaiting ? (
        <p>{t.vietqr.received}</p>
      ) : (
        <div className="space-y-3">
          <h3 className="font-semibold">{t.vietqr.heading}</h3>
          {payment.demo ? (
            <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              {t.vietqr.demo}
            </p>
          ) : null}
          <p className="text-sm">{t.vietqr.scan}</p>
          <div className="flex flex-wrap items-start gap-6">
            <div
              role="img"
              aria-label={t.vietqr.qrLabel(formatVnd(payment.amountVnd))}
              className="size-48 shrink-0 bg-white [&>svg]:size-full"
              // The SVG is made on the server by the qrcode library from our own payload.
              dangerouslySetInnerHTML={{ __html: payment.qrSvg }}
            />
            <div className="min-w-0 text-sm">
              <p className="mb-2">{t.vietqr.orByHand}</p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                <dt className="text-stone-500">{t.vietqr.bank}</dt>
                <dd>{payment.bankName}</dd>
                <dt className="text-stone-500">{t.vietqr.account}</dt>
                <dd className="font-mono">{payment.accountNumber}</dd>
                <dt className="text-stone-500">{t.vietqr.accountName}</dt>
                <dd>{payment.accountName}</dd>
                <dt className="text-stone-500">{t.vietqr.amount}</dt>
                <dd className="font-semibold tabular-nums">{formatVnd(payment.amountVnd)}</dd>
                <dt className="text-stone-500">{t.vietqr.transferNote}</dt>
                <dd className="font-mono font-semibold">{payment.transferNote}</dd>
              </dl>
              <p className="mt-2 text-xs text-stone-600">{t.vietqr.transferNoteHint}</p>
            </div>
          </div>
          {payment.holdExpiresAt ? <p className="text-sm">{t.vietqr.deadline(when(payment.holdExpiresAt))}</p> : null}
          <p className="text-sm text-stone-600">{t.vietqr.waiting}</p>
        </div>
      )
  } else {
    const status = payment.status
    body = (
      <div className="space-y-3">
        {status === 'SUCCEEDED' || order.status === 'PAID' ? (
          <p>{t.stripe.paid}</p>
        ) : status === 'REFUNDED' ? (
          <p>{t.stripe.refunded}</p>
        ) : awaiting ? (
          <>
            <p role="status">{status === 'FAILED' ? t.stripe.failed : t.stripe.awaiting}</p>
            {payment.holdExpiresAt ? <p className="text-sm">{t.stripe.deadline(when(payment.holdExpiresAt))}</p> : null}
            <div className="flex flex-wrap items-center gap-4">
              {payment.canRetry ? (
                <Form method="post">
                  <SubmitButton name="intent" value={PAY_BY_CARD_INTENT} pendingText={t.stripe.pending}>
                    {status === 'FAILED' ? t.stripe.payAgain : t.stripe.payNow}
                  </SubmitButton>
                </Form>
              ) : null}
              {/* Without JavaScript nothing refreshes the page: a plain link does. */}
              <Link to="." reloadDocument className="text-sm text-brand-800 underline">
                {t.stripe.refresh}
              </Link>
            </div>
          </>
        ) : (
          <p>{status === 'CANCELLED' ? t.stripe.cancelled : t.stripe.failed}</p>
        )}
      </div>
    )
  }
  return (
    <section aria-labelledby="payment-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="payment-heading" className="mb-2 text-lg font-semibold">
        {d.payment}
      </h2>
      {body}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
