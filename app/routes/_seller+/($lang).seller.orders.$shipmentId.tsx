import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormError, SelectField, SubmitButton, TextareaField, TextField } from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { can } from '#app/modules/accounts/permissions.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { CARRIERS, carrierName } from '#app/modules/orders/carriers.ts'
import {
  findShipmentRef,
  getShipment,
  transitionShipment,
  type TransitionInput,
} from '#app/modules/orders/fulfilment.server.ts'
import {
  CANCEL_INTENT,
  CONFIRM_INTENT,
  ConfirmSchema,
  createCancelSchema,
  createShipSchema,
  DELIVER_INTENT,
  DeliverSchema,
  INTENT_FOR_STATUS,
  SHIP_INTENT,
  type ShipmentIntent,
} from '#app/modules/orders/shipment-forms.ts'
import { allowedTransitions, type ShipmentStatus } from '#app/modules/orders/shipment-state.ts'
import { vietnamDay, vietnamTime } from '#app/modules/orders/vietnam-time.ts'
import { formatVnd } from '#app/utils/money.ts'
import { setToast, type Toast } from '#app/utils/toast.server.ts'
import { ShipmentStatusBadge } from './__shipment-status-badge.tsx'
import { readFormData } from '#app/utils/form-data.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user, producer } = await requireSeller(request, 'read:shipment:own')
  const shipment = await getShipment(producer.id, params.shipmentId ?? '')
  if (!shipment) throw new Response('Not found', { status: 404 })
  return {
    title: `${messagesFor(locale).fulfilment.detail.title(shipment.order.number)} · ${producer.name}`,
    shipment,
    canUpdate: can(user, 'update:shipment:own'),
  }
}

type ActionContext = {
  locale: Locale
  t: Messages['fulfilment']
  producerId: string
  userId: string
  shipment: { id: string; status: ShipmentStatus; orderNumber: string }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { user, producer } = await requireSeller(request, 'update:shipment:own')
  const shipment = await findShipmentRef(producer.id, params.shipmentId ?? '')
  if (!shipment) throw new Response('Not found', { status: 404 })
  const ctx: ActionContext = {
    locale,
    t: messagesFor(locale).fulfilment,
    producerId: producer.id,
    userId: user.id,
    shipment,
  }
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  switch (intent) {
    case CONFIRM_INTENT:
      return confirm(ctx, formData)
    case SHIP_INTENT:
      return ship(ctx, formData)
    case DELIVER_INTENT:
      return deliver(ctx, formData)
    case CANCEL_INTENT:
      return cancel(ctx, formData)
    default:
      throw new Response('Bad request', { status: 400 })
  }
}

function invalid(intent: ShipmentIntent, result: SubmissionResult<string[]>) {
  return data({ intent, result }, { status: 400 })
}

async function backWithToast(ctx: ActionContext, toast: Toast) {
  return redirect(localePath(ctx.locale, `/seller/orders/${ctx.shipment.id}`), {
    headers: { 'Set-Cookie': await setToast(toast) },
  })
}

/** Applies the move and answers the browser: a redirect with a message, or the form with an error. */
async function apply(
  ctx: ActionContext,
  intent: ShipmentIntent,
  input: TransitionInput,
  replyWithError: (field: string, message: string) => SubmissionResult<string[]>,
) {
  const result = await transitionShipment(ctx.producerId, ctx.shipment.id, ctx.userId, input)
  const number = ctx.shipment.orderNumber
  switch (result.kind) {
    case 'ok':
      return backWithToast(ctx, {
        kind: 'success',
        message: ctx.t.toasts[result.to as Exclude<ShipmentStatus, 'PENDING'>](number),
      })
    case 'not-found':
      throw new Response('Not found', { status: 404 })
    case 'stale':
      return backWithToast(ctx, { kind: 'error', message: ctx.t.toasts.stale(number) })
    case 'invalid-transition': {
      const errors = ctx.t.forms.errors
      if (result.missing === 'carrier') return invalid(intent, replyWithError('carrier', errors.carrierRequired))
      if (result.missing === 'trackingCode')
        return invalid(intent, replyWithError('trackingCode', errors.trackingCodeRequired))
      if (result.missing === 'reason') return invalid(intent, replyWithError('reason', errors.reasonRequired))
      return backWithToast(ctx, { kind: 'error', message: ctx.t.toasts.invalid(number) })
    }
  }
}

async function confirm(ctx: ActionContext, formData: FormData) {
  const submission = parseWithZod(formData, { schema: ConfirmSchema })
  if (submission.status !== 'success') return invalid(CONFIRM_INTENT, submission.reply())
  return apply(ctx, CONFIRM_INTENT, { to: 'CONFIRMED', from: submission.value.from }, (field, message) =>
    submission.reply({ fieldErrors: { [field]: [message] } }),
  )
}

async function ship(ctx: ActionContext, formData: FormData) {
  const submission = parseWithZod(formData, { schema: createShipSchema(ctx.t.forms.errors) })
  if (submission.status !== 'success') return invalid(SHIP_INTENT, submission.reply())
  const { from, carrier, carrierName: otherName, trackingCode } = submission.value
  return apply(
    ctx,
    SHIP_INTENT,
    { to: 'SHIPPED', from, carrier: carrierName(carrier, otherName), trackingCode },
    (field, message) => submission.reply({ fieldErrors: { [field]: [message] } }),
  )
}

async function deliver(ctx: ActionContext, formData: FormData) {
  const submission = parseWithZod(formData, { schema: DeliverSchema })
  if (submission.status !== 'success') return invalid(DELIVER_INTENT, submission.reply())
  return apply(ctx, DELIVER_INTENT, { to: 'DELIVERED', from: submission.value.from }, (field, message) =>
    submission.reply({ fieldErrors: { [field]: [message] } }),
  )
}

async function cancel(ctx: ActionContext, formData: FormData) {
  const submission = parseWithZod(formData, { schema: createCancelSchema(ctx.t.forms.errors) })
  if (submission.status !== 'success') return invalid(CANCEL_INTENT, submission.reply())
  const { from, reason } = submission.value
  return apply(ctx, CANCEL_INTENT, { to: 'CANCELLED', from, reason }, (field, message) =>
    submission.reply({ fieldErrors: { [field]: [message] } }),
  )
}

// ───────────── Page ─────────────

export default function SellerShipment() {
  const { shipment, canUpdate } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages().fulfilment
  const d = t.detail
  const locale = useLocale()
  const { order } = shipment
  const at = (date: Date) => t.dateTime(vietnamDay(date), vietnamTime(date))
  const resultFor = (intent: ShipmentIntent) => (actionData?.intent === intent ? actionData.result : undefined)
  const moves = allowedTransitions(shipment.status)
  const label = (scope: 'shipment' | 'order', status: string | null) =>
    status === null
      ? null
      : scope === 'shipment'
        ? (t.status[status as ShipmentStatus] ?? status)
        : (t.orderStatus[status as keyof typeof t.orderStatus] ?? status)

  return (
    <article className="space-y-6">
      <div>
        <Link to={localePath(locale, '/seller/orders')} className="text-sm text-brand-800 underline">
          ‹ {d.back}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-bold text-stone-900">{d.title(order.number)}</h1>
          <ShipmentStatusBadge status={shipment.status} />
        </div>
        <p className="mt-1 text-sm text-stone-600">{d.placedAt(at(order.placedAt))}</p>
      </div>

      <dl className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-stone-500">{d.shipmentStatus}</dt>
          <dd className="font-medium">{t.status[shipment.status]}</dd>
        </div>
        <div>
          <dt className="text-stone-500">{d.orderStatus}</dt>
          <dd className="font-medium">{t.orderStatus[order.status]}</dd>
        </div>
        <div>
          <dt className="text-stone-500">{d.payment}</dt>
          <dd className="font-medium">{t.paymentMethod[order.paymentMethod]}</dd>
        </div>
      </dl>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="items-heading">
            <h2 id="items-heading" className="mb-2 text-lg font-semibold">
              {d.items}
            </h2>
            <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="w-full text-sm">
                <thead className="bg-stone-50 text-left text-stone-600">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {d.product}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {d.sku}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      {d.price}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      {d.quantity}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      {d.lineTotal}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-200">
                  {shipment.lines.map((line) => (
                    <tr key={line.id}>
                      <th scope="row" className="px-3 py-2 text-left font-normal">
                        {pick(locale, line.nameVi, line.nameEn)}
                        <span className="block text-xs text-stone-500">{line.unitVi}</span>
                      </th>
                      <td className="px-3 py-2 font-mono text-xs">{line.sku}</td>
                      <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                        {formatVnd(line.priceVnd)}
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums">{t.count(line.quantity)}</td>
                      <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                        {formatVnd(line.lineTotalVnd)}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot className="border-t border-stone-300 text-stone-700">
                  {(
                    [
                      [d.subtotal, shipment.subtotalVnd],
                      [d.shippingFee, shipment.shippingFeeVnd],
                      ...(shipment.codFeeVnd > 0 ? [[d.codFee, shipment.codFeeVnd] as const] : []),
                    ] as const
                  ).map(([name, amount]) => (
                    <tr key={name}>
                      <th scope="row" colSpan={4} className="px-3 py-1 text-right font-normal">
                        {name}
                      </th>
                      <td className="px-3 py-1 text-right whitespace-nowrap tabular-nums">{formatVnd(amount)}</td>
                    </tr>
                  ))}
                  <tr className="font-semibold text-stone-900">
                    <th scope="row" colSpan={4} className="px-3 py-2 text-right">
                      {d.total}
                    </th>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                      {formatVnd(shipment.subtotalVnd + shipment.shippingFeeVnd + shipment.codFeeVnd)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>

          {shipment.carrier || shipment.cancelReason ? (
            <section aria-labelledby="shipping-heading" className="rounded-lg border border-stone-200 bg-white p-4">
              <h2 id="shipping-heading" className="mb-2 text-lg font-semibold">
                {d.shipping}
              </h2>
              <dl className="grid gap-2 text-sm sm:grid-cols-2">
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
                    <dd className="font-medium">{shipment.cancelReason}</dd>
                  </div>
                ) : null}
              </dl>
            </section>
          ) : null}

          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-2 text-lg font-semibold">
              {d.history}
            </h2>
            <ol className="space-y-2 border-l-2 border-stone-200 pl-4 text-sm">
              {shipment.events.map((event) => (
                <li key={event.id}>
                  <p className="font-medium text-stone-900">
                    {event.scope === 'order' ? `${d.orderEvent}: ` : null}
                    {d.historyEntry(label(event.scope, event.fromStatus), label(event.scope, event.toStatus)!)}
                  </p>
                  <p className="text-stone-600">
                    <time dateTime={event.createdAt.toISOString()}>{at(event.createdAt)}</time>
                    {event.actorName ? ` · ${d.byActor(event.actorName)}` : null}
                  </p>
                  {event.note ? <p className="text-stone-700">{event.note}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside className="space-y-6">
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
                <dd>
                  <a href={`tel:${order.phone}`} className="text-brand-800 underline">
                    {order.phone}
                  </a>
                </dd>
              </div>
              {order.email ? (
                <div>
                  <dt className="text-stone-500">{d.email}</dt>
                  <dd className="break-all">{order.email}</dd>
                </div>
              ) : null}
              <div>
                <dt className="text-stone-500">{d.address}</dt>
                <dd>
                  {[
                    order.street,
                    order.commune ? `${order.commune.kind} ${order.commune.name}` : null,
                    order.province ? pick(locale, order.province.nameVi, order.province.nameEn) : null,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </dd>
              </div>
              {order.note ? (
                <div>
                  <dt className="text-stone-500">{d.note}</dt>
                  <dd>{order.note}</dd>
                </div>
              ) : null}
            </dl>
          </section>

          <section aria-labelledby="actions-heading" className="space-y-4">
            <h2 id="actions-heading" className="text-lg font-semibold">
              {d.actions}
            </h2>
            {moves.length === 0 ? (
              <p className="text-sm text-stone-600">{d.finished}</p>
            ) : !canUpdate ? (
              <p className="text-sm text-stone-600">{d.readOnly}</p>
            ) : (
              moves.map((to) => {
                const intent = INTENT_FOR_STATUS[to as keyof typeof INTENT_FOR_STATUS]
                const props = { from: shipment.status, lastResult: resultFor(intent) }
                switch (intent) {
                  case CONFIRM_INTENT:
                    return <OneClickForm key={intent} intent={intent} {...props} />
                  case SHIP_INTENT:
                    return <ShipForm key={intent} {...props} />
                  case DELIVER_INTENT:
                    return <OneClickForm key={intent} intent={intent} {...props} />
                  case CANCEL_INTENT:
                    return <CancelForm key={intent} {...props} />
                }
              })
            )}
          </section>
        </aside>
      </div>
    </article>
  )
}

type FormProps = { from: ShipmentStatus; lastResult: SubmissionResult<string[]> | undefined }

function ActionCard({
  title,
  hint,
  danger,
  children,
}: {
  title: string
  hint: string
  danger?: boolean
  children: React.ReactNode
}) {
  return (
    <div className={`rounded-lg border p-4 ${danger ? 'border-red-200 bg-red-50/40' : 'border-stone-200 bg-white'}`}>
      <h3 className="font-semibold text-stone-900">{title}</h3>
      <p className="mt-1 mb-3 text-sm text-stone-600">{hint}</p>
      {children}
    </div>
  )
}

/** Confirm and deliver: one button, nothing to fill in. */
function OneClickForm({
  from,
  lastResult,
  intent,
}: FormProps & { intent: typeof CONFIRM_INTENT | typeof DELIVER_INTENT }) {
  const forms = useMessages().fulfilment.forms
  const f = intent === CONFIRM_INTENT ? forms.confirm : forms.deliver
  const [form] = useForm({
    id: `${intent}-shipment`,
    lastResult,
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: intent === CONFIRM_INTENT ? ConfirmSchema : DeliverSchema }),
  })
  return (
    <ActionCard title={f.title} hint={f.hint}>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="from" value={from} />
        <FormError errors={form.errors} />
        <SubmitButton name="intent" value={intent} pendingText={f.pending} className="w-full">
          {f.submit}
        </SubmitButton>
      </Form>
    </ActionCard>
  )
}

function ShipForm({ from, lastResult }: FormProps) {
  const t = useMessages().fulfilment.forms
  const f = t.ship
  const schema = createShipSchema(t.errors)
  const [form, fields] = useForm({
    id: 'ship-shipment',
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <ActionCard title={f.title} hint={f.hint}>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="from" value={from} />
        <SelectField
          meta={fields.carrier}
          label={f.carrier}
          placeholder={f.carrierPlaceholder}
          options={CARRIERS.map((c) => ({ value: c.code, label: c.code === 'OTHER' ? f.other : c.name }))}
        />
        <TextField meta={fields.carrierName} label={f.carrierName} hint={f.carrierNameHint} />
        <TextField meta={fields.trackingCode} label={f.trackingCode} hint={f.trackingCodeHint} autoComplete="off" />
        <FormError errors={form.errors} />
        <SubmitButton name="intent" value={SHIP_INTENT} pendingText={f.pending} className="w-full">
          {f.submit}
        </SubmitButton>
      </Form>
    </ActionCard>
  )
}

function CancelForm({ from, lastResult }: FormProps) {
  const t = useMessages().fulfilment.forms
  const f = t.cancel
  const schema = createCancelSchema(t.errors)
  const [form, fields] = useForm({
    id: 'cancel-shipment',
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <ActionCard title={f.title} hint={f.hint} danger>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="from" value={from} />
        <TextareaField meta={fields.reason} label={f.reason} rows={3} />
        <FormError errors={form.errors} />
        <SubmitButton name="intent" value={CANCEL_INTENT} pendingText={f.pending} variant="danger" className="w-full">
          {f.submit}
        </SubmitButton>
      </Form>
    </ActionCard>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
