import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useState } from 'react'
import { useHydrated } from '#app/components/add-to-cart.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, FormError, SubmitButton, TextareaField, TextField } from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { getUser } from '#app/modules/accounts/session.server.ts'
import { type PricedCart, type PricedLine } from '#app/modules/cart/cart-pricing.server.ts'
import { getCartId } from '#app/modules/cart/cart.server.ts'
import {
  CheckoutSchema,
  PAYMENT_FIELD,
  PROVINCE_FIELD,
  type CheckoutPaymentMethod,
} from '#app/modules/checkout/checkout-schema.ts'
import {
  checkoutServerChecks,
  hasStockProblems,
  lastDeliveryOf,
  priceCheckoutCart,
} from '#app/modules/checkout/checkout-page.server.ts'
import { grantOrderAccess } from '#app/modules/checkout/order-access.server.ts'
import { sendOrderConfirmation } from '#app/modules/checkout/order-mail.server.ts'
import { HOLD_MINUTES } from '#app/modules/checkout/payment-hold.ts'
import { placeOrder, type SoldOutItem } from '#app/modules/checkout/place-order.server.ts'
import { listCommunes, listProvinces, type CommuneOption } from '#app/modules/checkout/places.server.ts'
import { COD_FEE_VND } from '#app/modules/checkout/shipping.ts'
import { availablePaymentMethods, createStripeCheckout } from '#app/modules/payments/payments.server.ts'
import { formatVnd } from '#app/utils/money.ts'
import { setToast, type Toast } from '#app/utils/toast.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

/** A checkout is one person's: never kept by any cache. */
const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store' } as const

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [{ title: `${t.checkout.title} | ${t.siteName}` }, { name: 'robots', content: 'noindex' }]
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS

function isOffered(methods: readonly string[], value: string | null): value is CheckoutPaymentMethod {
  return value !== null && methods.includes(value)
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const query = new URL(request.url).searchParams
  const [user, cartId, provinces] = await Promise.all([getUser(request), getCartId(request), listProvinces()])
  const offered = availablePaymentMethods()
  const paymentAsked = query.get(PAYMENT_FIELD)
  const paymentMethod: CheckoutPaymentMethod = isOffered(offered, paymentAsked) ? paymentAsked : 'COD'
  const previous = user ? await lastDeliveryOf(user.id) : null
  const provinceAsked = query.get(PROVINCE_FIELD) ?? previous?.order?.provinceCode ?? ''
  const province = provinces.some((p) => p.code === provinceAsked) ? provinceAsked : null
  const [cart, communes] = await Promise.all([
    priceCheckoutCart(cartId, { provinceCode: province, paymentMethod }),
    province ? listCommunes(province) : Promise.resolve([] as CommuneOption[]),
  ])
  if (cart.itemCount === 0) return data({ locale, empty: true as const }, { headers: PRIVATE_HEADERS })

  // Values typed before a no-JavaScript "Chọn" reload come back in the query; otherwise the
  // buyer's last delivery and account start the form.
  const asked = (name: string) => query.get(name)?.slice(0, 500) ?? undefined
  const sameProvince = previous?.order?.provinceCode === province
  const communeAsked = asked('communeCode') ?? (sameProvince ? previous?.order?.communeCode : undefined)
  return data(
    {
      locale,
      empty: false as const,
      user: user ? { name: user.name } : null,
      checkoutKey: crypto.randomUUID(),
      provinces: provinces
        .map((p) => ({ code: p.code, name: pick(locale, p.nameVi, p.nameEn) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
      province,
      communes,
      paymentMethods: offered as CheckoutPaymentMethod[],
      paymentMethod,
      cart,
      blocked: hasStockProblems(cart),
      defaults: {
        name: asked('name') ?? previous?.order?.contactName ?? user?.name ?? '',
        phone: asked('phone') ?? previous?.phone ?? '',
        email: asked('email') ?? user?.email ?? '',
        communeCode: communes.some((c) => c.code === communeAsked) ? communeAsked! : '',
        street: asked('street') ?? (sameProvince ? previous?.order?.street : undefined) ?? '',
        note: asked('note') ?? '',
      },
    },
    { headers: PRIVATE_HEADERS },
  )
}

function soldOutText(locale: Locale, items: SoldOutItem[]): string {
  const t = messagesFor(locale).checkout.errors
  return t.soldOut(
    items.map((i) => t.soldOutItem(pick(locale, i.nameVi, i.nameEn), i.requested, i.available)).join(', '),
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale).checkout
  const formData = await readFormData(request)
  const offered = availablePaymentMethods()
  const submission = await parseWithZod(formData, {
    schema: CheckoutSchema(t.errors, checkoutServerChecks(t.errors, offered)),
    async: true,
  })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400, headers: PRIVATE_HEADERS })
  }
  const value = submission.value
  const [user, cartId] = await Promise.all([getUser(request), getCartId(request)])
  const placed = await placeOrder({
    // No cart at all: a replayed post still finds its order by the key; otherwise "empty".
    cartId: cartId ?? '',
    userId: user?.id ?? null,
    contact: { name: value.name, phone: value.phone, email: value.email ?? null },
    delivery: { communeCode: value.communeCode, street: value.street, note: value.note ?? null },
    paymentMethod: value.paymentMethod,
    checkoutKey: value.checkoutKey,
    locale,
  })
  if (!placed.ok) {
    const reply =
      placed.reason === 'sold-out'
        ? submission.reply({ formErrors: [soldOutText(locale, placed.soldOut)] })
        : placed.reason === 'empty-cart'
          ? submission.reply({ formErrors: [t.errors.emptyCart] })
          : submission.reply({ fieldErrors: { communeCode: [t.errors.communeUnknown] } })
    return data(
      { result: reply },
      { status: placed.reason === 'unknown-commune' ? 400 : 409, headers: PRIVATE_HEADERS },
    )
  }

  const { order } = placed
  const origin = new URL(request.url).origin
  const headers = new Headers(PRIVATE_HEADERS)
  headers.append('Set-Cookie', await grantOrderAccess(request, order.number))
  if (!placed.replayed) await sendOrderConfirmation(order.id, { origin, locale })
  const orderPage = localePath(locale, `/orders/${order.number}`)
  let toast: Toast =
    value.paymentMethod === 'VIETQR'
      ? { kind: 'success', message: t.toasts.awaitingTransfer(order.number) }
      : { kind: 'success', message: t.toasts.placed(order.number) }
  if (value.paymentMethod === 'STRIPE') {
    const stripe = await createStripeCheckout(order.id, { origin, locale })
    if (stripe.ok) return redirect(stripe.url, { headers })
    // Paid already (a replay after paying) shows the order; anything else says to try again there.
    if (stripe.reason !== 'already-paid') toast = { kind: 'error', message: t.errors.stripeUnavailable }
  }
  headers.append('Set-Cookie', await setToast(toast))
  return redirect(orderPage, { headers })
}

// ───────────── Page ─────────────

type CheckoutData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { empty: false }>

export default function CheckoutRoute() {
  const page = useLoaderData<typeof loader>()
  return page.empty ? <EmptyCheckout /> : <Checkout page={page} />
}

function EmptyCheckout() {
  const t = useMessages().checkout
  const locale = useLocale()
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-bold text-stone-900">{t.empty.heading}</h1>
      <p className="mt-4 text-stone-700">{t.empty.text}</p>
      <Link
        to={localePath(locale, '/products')}
        className="mt-8 inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
      >
        {t.empty.browse}
      </Link>
    </section>
  )
}

const selectClass =
  'block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none aria-[invalid]:border-red-500'

function Checkout({ page }: { page: CheckoutData }) {
  const actionData = useActionData<typeof action>()
  const messages = useMessages()
  const t = messages.checkout
  const locale = useLocale()
  const hydrated = useHydrated()
  const navigation = useNavigation()
  const [, setSearchParams] = useSearchParams()
  const [fetched, setFetched] = useState<{ province: string; communes: CommuneOption[] } | null>(null)
  const [loadingProvince, setLoadingProvince] = useState<string | null>(null)
  const [province, setProvince] = useState(page.province ?? '')
  const [payment, setPayment] = useState<CheckoutPaymentMethod>(page.paymentMethod)
  const [commune, setCommune] = useState(page.defaults.communeCode)
  const schema = CheckoutSchema(t.errors)
  const [form, fields] = useForm({
    id: 'checkout',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: { ...page.defaults, province: page.province ?? '', paymentMethod: page.paymentMethod },
  })

  const communes: CommuneOption[] =
    province === (page.province ?? '') ? page.communes : fetched?.province === province ? fetched.communes : []
  const loadingCommunes = province !== '' && communes.length === 0 && loadingProvince === province
  const selectedCommune = communes.find((c) => c.code === commune)

  /** With JavaScript the summary follows the choices: the page's loader runs again for them. */
  function requote(next: { province: string; payment: CheckoutPaymentMethod }) {
    setSearchParams(
      () => {
        const params = new URLSearchParams()
        if (next.province) params.set(PROVINCE_FIELD, next.province)
        params.set(PAYMENT_FIELD, next.payment)
        return params
      },
      { replace: true, preventScrollReset: true },
    )
  }
  function chooseProvince(code: string) {
    setProvince(code)
    setCommune('')
    // A plain JSON request, not a Remix fetcher: it must not race the summary's reload below.
    if (code) {
      setLoadingProvince(code)
      fetch(`/api/communes?province=${encodeURIComponent(code)}`)
        .then((response) =>
          response.ok ? (response.json() as Promise<{ province: string; communes: CommuneOption[] }>) : null,
        )
        .then((data) => data && setFetched(data))
        .catch(() => undefined)
        .finally(() => setLoadingProvince((current) => (current === code ? null : current)))
    }
    requote({ province: code, payment })
  }
  function choosePayment(method: CheckoutPaymentMethod) {
    setPayment(method)
    requote({ province, payment: method })
  }

  const requoting = navigation.state === 'loading' && navigation.location.pathname === localePath(locale, '/checkout')
  const hintId = (name: string) => `checkout-${name}-hint`

  return (
    <div className="space-y-6">
      <div>
        <Link to={localePath(locale, '/cart')} className="text-sm text-brand-800 underline">
          ‹ {t.backToCart}
        </Link>
        <h1 className="mt-2 text-3xl font-bold text-stone-900">{t.heading}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {page.user ? (
            t.contact.signedInAs(page.user.name)
          ) : (
            <>
              {t.contact.guestHint}{' '}
              <Link
                to={`${localePath(locale, '/account/login')}?redirectTo=${encodeURIComponent(localePath(locale, '/checkout'))}`}
                className="text-brand-800 underline"
              >
                {t.contact.login}
              </Link>
            </>
          )}
        </p>
      </div>

      <div className="grid gap-8 lg:grid-cols-[1fr_24rem]">
        <Form method="post" {...getFormProps(form)} className="min-w-0 space-y-6">
          <input type="hidden" name="checkoutKey" value={page.checkoutKey} />
          <FormError errors={form.errors} />
          <ErrorList errors={fields.checkoutKey.errors} />

          <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
            <legend className="px-1 text-lg font-semibold">{t.contact.legend}</legend>
            <TextField meta={fields.name} label={t.contact.name} autoComplete="name" />
            <TextField
              meta={fields.phone}
              type="tel"
              label={t.contact.phone}
              hint={t.contact.phoneHint}
              autoComplete="tel"
              inputMode="tel"
            />
            <TextField
              meta={fields.email}
              type="email"
              label={t.contact.email}
              hint={page.user ? t.contact.emailHintUser : t.contact.emailHintGuest}
              autoComplete="email"
            />
          </fieldset>

          <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
            <legend className="px-1 text-lg font-semibold">{t.delivery.legend}</legend>
            <p className="text-sm text-stone-600">{t.delivery.structureHint}</p>
            <div>
              <label htmlFor={fields.province.id} className="mb-1 block text-sm font-medium text-stone-800">
                {t.delivery.province}
              </label>
              <div className="flex gap-2">
                <select
                  {...getSelectProps(fields.province, { ariaDescribedBy: hydrated ? undefined : hintId('province') })}
                  className={selectClass}
                  autoComplete="address-level1"
                  onChange={(event) => chooseProvince(event.currentTarget.value)}
                >
                  <option value="">{t.delivery.provincePlaceholder}</option>
                  {page.provinces.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.name}
                    </option>
                  ))}
                </select>
                {hydrated ? null : (
                  <button
                    type="submit"
                    formMethod="get"
                    formNoValidate
                    className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-semibold text-stone-800 hover:bg-stone-50"
                  >
                    {t.delivery.chooseProvince}
                  </button>
                )}
              </div>
              {hydrated ? null : (
                <p id={hintId('province')} className="mt-1 text-xs text-stone-500">
                  {t.delivery.chooseProvinceHint}
                </p>
              )}
              <ErrorList id={fields.province.errorId} errors={fields.province.errors} />
            </div>

            <div key={`commune-${province}`}>
              <label htmlFor={fields.communeCode.id} className="mb-1 block text-sm font-medium text-stone-800">
                {t.delivery.commune}
              </label>
              <select
                {...getSelectProps(fields.communeCode, {
                  ariaDescribedBy: selectedCommune?.formerNames ? hintId('commune') : undefined,
                })}
                className={selectClass}
                disabled={communes.length === 0}
                onChange={(event) => setCommune(event.currentTarget.value)}
              >
                <option value="">
                  {province === ''
                    ? t.delivery.communeNeedsProvince
                    : loadingCommunes
                      ? t.delivery.loadingCommunes
                      : t.delivery.communePlaceholder}
                </option>
                {communes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {`${c.kind} ${c.name}`}
                  </option>
                ))}
              </select>
              {selectedCommune?.formerNames ? (
                <p id={hintId('commune')} className="mt-1 text-xs text-stone-600">
                  {t.delivery.formerNames(selectedCommune.formerNames)}
                </p>
              ) : null}
              <ErrorList id={fields.communeCode.errorId} errors={fields.communeCode.errors} />
            </div>

            <TextField
              meta={fields.street}
              label={t.delivery.street}
              hint={t.delivery.streetHint}
              autoComplete="street-address"
            />
            <TextareaField meta={fields.note} label={t.delivery.note} hint={t.delivery.noteHint} rows={2} />
          </fieldset>

          <fieldset className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <legend className="px-1 text-lg font-semibold">{t.payment.legend}</legend>
            <p className="text-sm text-stone-600">{t.payment.currencyNote}</p>
            {page.paymentMethods.map((method) => (
              <div
                key={method}
                className="flex gap-3 rounded-md border border-stone-200 p-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
              >
                <input
                  id={`${fields.paymentMethod.id}-${method}`}
                  type="radio"
                  name={fields.paymentMethod.name}
                  value={method}
                  defaultChecked={method === page.paymentMethod}
                  onChange={() => choosePayment(method)}
                  aria-describedby={hintId(`payment-${method}`)}
                  className="mt-1 size-4"
                />
                <div>
                  <label htmlFor={`${fields.paymentMethod.id}-${method}`} className="block font-medium text-stone-900">
                    {t.payment.methods[method].label}
                  </label>
                  <p id={hintId(`payment-${method}`)} className="text-sm text-stone-600">
                    {method === 'COD'
                      ? t.payment.methods.COD.hint(formatVnd(COD_FEE_VND))
                      : method === 'VIETQR'
                        ? t.payment.methods.VIETQR.hint(HOLD_MINUTES.VIETQR / 60)
                        : t.payment.methods.STRIPE.hint(HOLD_MINUTES.STRIPE)}
                  </p>
                </div>
              </div>
            ))}
            <ErrorList id={fields.paymentMethod.errorId} errors={fields.paymentMethod.errors} />
            {hydrated ? null : (
              <button
                type="submit"
                formMethod="get"
                formNoValidate
                className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-semibold text-stone-800 hover:bg-stone-50"
              >
                {t.payment.update}
              </button>
            )}
          </fieldset>

          <div className="space-y-3">
            <FormError errors={form.errors} />
            <p className="text-sm text-stone-600">{t.agreement}</p>
            <SubmitButton pendingText={t.pending} className="w-full sm:w-auto">
              {payment === 'STRIPE' ? t.submitCard : t.submit}
            </SubmitButton>
          </div>
        </Form>

        <aside aria-labelledby="summary-heading" className="lg:sticky lg:top-4 lg:self-start">
          <OrderSummary
            cart={page.cart}
            blocked={page.blocked}
            provinceChosen={page.province !== null}
            updating={requoting}
          />
        </aside>
      </div>
    </div>
  )
}

function problemText(t: ReturnType<typeof useMessages>, line: PricedLine): string[] {
  return line.problems.map((problem) => {
    switch (problem) {
      case 'sold-out':
        return t.cart.problems.soldOut
      case 'not-enough-stock':
        return t.cart.problems.notEnoughStock(line.stock)
      case 'unavailable':
        return t.cart.problems.unavailable
      case 'price-changed':
        return t.cart.problems.priceChanged(formatVnd(line.seenPriceVnd ?? line.priceVnd), formatVnd(line.priceVnd))
    }
  })
}

function OrderSummary({
  cart,
  blocked,
  provinceChosen,
  updating,
}: {
  cart: PricedCart
  blocked: boolean
  provinceChosen: boolean
  updating: boolean
}) {
  const messages = useMessages()
  const t = messages.checkout.summary
  const locale = useLocale()
  const row = 'flex justify-between gap-3'
  return (
    <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" aria-busy={updating}>
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="summary-heading" className="text-lg font-semibold">
          {t.heading}
        </h2>
        <span className="text-sm text-stone-600">{t.itemCount(cart.itemCount)}</span>
      </div>
      {blocked ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="font-semibold">{t.problemsHeading}</p>
          <p>{t.problemsText}</p>
          <Link to={localePath(locale, '/cart')} className="font-medium underline">
            {t.fixCart}
          </Link>
        </div>
      ) : null}
      <p className="text-xs text-stone-500">{t.parcelNote}</p>
      {cart.groups.map((group) => (
        <div key={group.producerId} className="space-y-1 border-t border-stone-200 pt-3 text-sm">
          <h3 className="font-medium text-stone-900">{t.parcelFrom(group.producerName)}</h3>
          <ul className="space-y-1">
            {group.lines.map((line) => (
              <li key={line.productId}>
                <div className={row}>
                  <span>
                    {pick(locale, line.nameVi, line.nameEn)}{' '}
                    <span className="text-stone-500">{t.quantity(line.quantity)}</span>
                  </span>
                  <span className="whitespace-nowrap tabular-nums">{formatVnd(line.lineTotalVnd)}</span>
                </div>
                {problemText(messages, line).map((text) => (
                  <p key={text} className="text-xs font-medium text-red-700">
                    {text}
                  </p>
                ))}
              </li>
            ))}
          </ul>
          <div className={`${row} text-stone-600`}>
            <span>{t.goods}</span>
            <span className="tabular-nums">{formatVnd(group.subtotalVnd)}</span>
          </div>
          {group.shipping ? (
            <>
              <div className={`${row} text-stone-600`}>
                <span>{t.shippingFee(messages.cart.shipping.zones[group.shipping.zone])}</span>
                <span className="tabular-nums">{formatVnd(group.shipping.shippingFeeVnd)}</span>
              </div>
              {group.shipping.codFeeVnd > 0 ? (
                <div className={`${row} text-stone-600`}>
                  <span>{t.codFee}</span>
                  <span className="tabular-nums">{formatVnd(group.shipping.codFeeVnd)}</span>
                </div>
              ) : null}
            </>
          ) : (
            <p className="text-stone-500">{t.shippingPending}</p>
          )}
        </div>
      ))}
      <dl className="space-y-1 border-t border-stone-300 pt-3 text-sm">
        <div className={row}>
          <dt>{t.subtotal}</dt>
          <dd className="tabular-nums">{formatVnd(cart.subtotalVnd)}</dd>
        </div>
        {provinceChosen ? (
          <div className={row}>
            <dt>{t.shippingTotal}</dt>
            <dd className="tabular-nums">{formatVnd(cart.shippingVnd)}</dd>
          </div>
        ) : null}
        {cart.codFeeVnd > 0 ? (
          <div className={row}>
            <dt>{t.codTotal}</dt>
            <dd className="tabular-nums">{formatVnd(cart.codFeeVnd)}</dd>
          </div>
        ) : null}
        <div className={`${row} pt-1 text-base font-semibold text-stone-900`}>
          <dt>{provinceChosen ? t.total : t.totalPending}</dt>
          <dd className="tabular-nums">{formatVnd(cart.totalVnd)}</dd>
        </div>
      </dl>
      <p aria-live="polite" className="text-xs text-stone-500">
        {updating ? t.updating : ''}
      </p>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
