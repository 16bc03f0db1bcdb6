import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useFetchers, useLoaderData, useSubmit } from '@remix-run/react'
import { useState } from 'react'
import { FetchFlag, useHydrated } from '#app/components/add-to-cart.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ProductImage } from '#app/components/product-image.tsx'
import { ErrorList } from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { type Messages } from '#app/i18n/vi.ts'
import {
  ADD_INTENT,
  AddToCartSchema,
  DEFAULT_DESTINATION,
  DESTINATION_FIELD,
  FETCH_FIELD,
  isValidQuantity,
  MAX_QUANTITY,
  REMOVE_INTENT,
  RemoveLineSchema,
  SET_QUANTITY_INTENT,
  SetQuantitySchema,
  type CartActionData,
} from '#app/modules/cart/cart-forms.ts'
import type { CartProblem, PricedLine } from '#app/modules/cart/cart-pricing.server.ts'
import {
  addToCart,
  readCart,
  removeLine,
  setQuantity,
  type CartChange,
  type CartError,
} from '#app/modules/cart/cart.server.ts'
import { getReferenceData } from '#app/modules/catalog/reference.server.ts'
import { formatVnd } from '#app/utils/money.ts'
import { setToast } from '#app/utils/toast.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

/** A cart is one person's: never kept by any cache. */
const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store' } as const

type CartMessages = Messages['cart']

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [{ title: `${t.cart.title} | ${t.siteName}` }, { name: 'robots', content: 'noindex' }]
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const reference = await getReferenceData()
  const asked = new URL(request.url).searchParams.get(DESTINATION_FIELD) ?? ''
  const destination = reference.provinceByCode.get(asked) ?? reference.provinceByCode.get(DEFAULT_DESTINATION)
  if (!destination) throw new Error(`Province ${DEFAULT_DESTINATION} is missing from the reference data`)
  const { priced } = await readCart(request, {
    to: { provinceCode: destination.code, regionSlug: destination.regionSlug },
  })
  const problems = priced.groups.flatMap((g) => g.lines.flatMap((l) => l.problems))
  return data(
    {
      locale,
      destination: destination.code,
      provinces: reference.provinces
        .map((p) => ({ code: p.code, name: pick(locale, p.nameVi, p.nameEn) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
      cart: priced,
      /** Problems other than a price change stop checkout; a price change is accepted by going on. */
      blocked: problems.some((p) => p !== 'price-changed'),
      pricesChanged: problems.includes('price-changed'),
    },
    { headers: PRIVATE_HEADERS },
  )
}

type ActionContext = {
  request: Request
  locale: Locale
  t: CartMessages
  formData: FormData
  /** Sent by a fetcher (JavaScript): answer with data; a plain form post is redirected. */
  fetched: boolean
  /** Where a plain form post goes back to: the cart, with its shipping estimate. */
  back: string
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale).cart
  const formData = await readFormData(request)
  const to = formData.get(DESTINATION_FIELD)
  const context: ActionContext = {
    request,
    locale,
    t,
    formData,
    fetched: formData.get(FETCH_FIELD) === '1',
    back:
      localePath(locale, '/cart') +
      (typeof to === 'string' && /^\d{2}$/.test(to) && to !== DEFAULT_DESTINATION ? `?${DESTINATION_FIELD}=${to}` : ''),
  }
  switch (formData.get('intent')) {
    case ADD_INTENT:
      return add(context)
    case SET_QUANTITY_INTENT:
      return changeQuantity(context)
    case REMOVE_INTENT:
      return remove(context)
    default:
      return refuse(t.errors.unknownIntent, null)
  }
}

async function add(context: ActionContext) {
  const { request, locale, t, formData } = context
  const submission = parseWithZod(formData, { schema: AddToCartSchema(t) })
  if (submission.status !== 'success') return refuse(firstError(submission.error), submission.reply())
  const { productId, quantity } = submission.value
  const change = await addToCart(request, productId, quantity)
  if (!change.ok) {
    const message = errorText(t, change.error)
    return refuse(message, submission.reply({ formErrors: [message] }))
  }
  const name = change.product ? pick(locale, change.product.nameVi, change.product.nameEn) : ''
  const message = change.capped ? t.done.capped(name, MAX_QUANTITY) : t.done.added(name, quantity)
  return done(context, change, message, submission.reply())
}

async function changeQuantity(context: ActionContext) {
  const { request, t, formData } = context
  const submission = parseWithZod(formData, { schema: SetQuantitySchema(t) })
  // The rejected quantity is not echoed back: the form shows the cart's own again.
  const hideFields = ['quantity']
  if (submission.status !== 'success') return refuse(firstError(submission.error), submission.reply({ hideFields }))
  const { productId, quantity } = submission.value
  const change = await setQuantity(request, productId, quantity)
  if (!change.ok) {
    const message = errorText(t, change.error)
    return refuse(message, submission.reply({ formErrors: [message], hideFields }))
  }
  return done(context, change, quantity === 0 ? t.done.removed : t.done.updated, submission.reply())
}

async function remove(context: ActionContext) {
  const { request, t, formData } = context
  const submission = parseWithZod(formData, { schema: RemoveLineSchema(t) })
  if (submission.status !== 'success') return refuse(firstError(submission.error), submission.reply())
  const change = await removeLine(request, submission.value.productId)
  if (!change.ok) {
    const message = errorText(t, change.error)
    return refuse(message, submission.reply({ formErrors: [message] }))
  }
  return done(context, change, t.done.removed, submission.reply())
}

/** Nothing changed: 400 with the reason, in the user's language. */
function refuse(message: string, result: SubmissionResult<string[]> | null) {
  return data<CartActionData>({ ok: false, message, result }, { status: 400, headers: PRIVATE_HEADERS })
}

async function done(
  context: ActionContext,
  change: Extract<CartChange, { ok: true }>,
  message: string,
  result: SubmissionResult<string[]>,
) {
  const headers = new Headers(PRIVATE_HEADERS)
  if (change.setCookie) headers.append('Set-Cookie', change.setCookie)
  if (context.fetched) return data<CartActionData>({ ok: true, message, result }, { headers })
  headers.append('Set-Cookie', await setToast({ kind: 'success', message }))
  return redirect(context.back, { headers })
}

function firstError(errors: Record<string, string[] | null> | null | undefined): string {
  return Object.values(errors ?? {}).find((list) => list?.length)?.[0] ?? ''
}

function errorText(t: CartMessages, error: CartError): string {
  switch (error.code) {
    case 'invalid-quantity':
      return t.errors.quantity(MAX_QUANTITY)
    case 'unavailable':
      return t.errors.unavailable
    case 'sold-out':
      return t.errors.soldOut
    case 'not-enough-stock':
      return t.errors.notEnoughStock(error.stock, error.inCart)
    case 'not-in-cart':
      return t.errors.notInCart
  }
}

function problemText(t: CartMessages, line: PricedLine, problem: CartProblem): string {
  switch (problem) {
    case 'unavailable':
      return t.problems.unavailable
    case 'sold-out':
      return t.problems.soldOut
    case 'not-enough-stock':
      return t.problems.notEnoughStock(line.stock)
    case 'price-changed':
      return t.problems.priceChanged(formatVnd(line.seenPriceVnd ?? line.priceVnd), formatVnd(line.priceVnd))
  }
}

const LINE_FETCHER_PREFIX = 'cart-line-'

export default function CartPage() {
  const { cart, destination, provinces, blocked, pricesChanged } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages().cart
  const locale = useLocale()
  const busy = useFetchers().some((f) => f.key.startsWith(LINE_FETCHER_PREFIX) && f.state !== 'idle')
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]))
  return (
    <section aria-labelledby="cart-heading" className="mx-auto max-w-5xl">
      <h1 id="cart-heading" className="text-2xl font-bold sm:text-3xl">
        {t.heading}
      </h1>
      {actionData && !actionData.ok && actionData.message ? (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {actionData.message}
        </p>
      ) : null}
      {cart.groups.length === 0 ? (
        <div className="mt-8 rounded-xl border border-dashed border-stone-300 bg-white p-10 text-center">
          <p className="text-lg font-medium">{t.empty}</p>
          <p className="mt-1 text-stone-600">{t.emptyHint}</p>
          <Link
            to={localePath(locale, '/products')}
            className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {t.browse}
          </Link>
        </div>
      ) : (
        <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
          <div className="space-y-6">
            {cart.groups.map((group) => (
              <section
                key={group.producerId}
                aria-labelledby={`group-${group.producerId}`}
                className="rounded-xl border border-stone-200 bg-white"
              >
                <header className="border-b border-stone-100 px-4 py-3">
                  <h2 id={`group-${group.producerId}`} className="font-semibold">
                    <Link to={localePath(locale, `/producers/${group.producerSlug}`)} className="hover:underline">
                      {t.shipsFrom(group.producerName, provinceName.get(group.from.provinceCode) ?? '')}
                    </Link>
                  </h2>
                  <p className="text-xs text-stone-500">{t.groupNote}</p>
                </header>
                <ul className="divide-y divide-stone-100">
                  {group.lines.map((line) => (
                    <CartLineRow key={line.productId} line={line} destination={destination} />
                  ))}
                </ul>
                <dl
                  aria-busy={busy}
                  className={`grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t border-stone-100 px-4 py-3 text-sm ${busy ? 'opacity-60' : ''}`}
                >
                  <dt className="text-stone-600">{t.groupSubtotal}</dt>
                  <dd className="text-right font-medium">{formatVnd(group.subtotalVnd)}</dd>
                  {group.shipping ? (
                    <>
                      <dt className="text-stone-600">
                        {t.shipping.fee} · {t.shipping.zones[group.shipping.zone]}
                      </dt>
                      <dd className="text-right font-medium">{formatVnd(group.shipping.shippingFeeVnd)}</dd>
                    </>
                  ) : null}
                </dl>
              </section>
            ))}
          </div>
          <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start">
            <DestinationForm destination={destination} provinces={provinces} />
            <section aria-labelledby="summary-heading" className="rounded-xl border border-stone-200 bg-white p-4">
              <h2 id="summary-heading" className="font-semibold">
                {t.summary}
              </h2>
              <dl
                aria-busy={busy}
                className={`mt-3 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm ${busy ? 'opacity-60' : ''}`}
              >
                <dt className="text-stone-600">
                  {t.subtotal} ({t.itemCount(cart.itemCount)})
                </dt>
                <dd className="text-right">{formatVnd(cart.subtotalVnd)}</dd>
                <dt className="text-stone-600">{t.shippingTotal}</dt>
                <dd className="text-right">{formatVnd(cart.shippingVnd)}</dd>
                <dt className="mt-2 border-t border-stone-200 pt-2 font-semibold">{t.total}</dt>
                <dd className="mt-2 border-t border-stone-200 pt-2 text-right text-lg font-bold text-brand-800">
                  {formatVnd(cart.totalVnd)}
                </dd>
              </dl>
              <p className="mt-3 text-xs text-stone-600">{t.shipping.estimateNote}</p>
              {pricesChanged ? <p className="mt-3 text-sm text-amber-800">{t.priceChangedNote}</p> : null}
              {blocked ? (
                <>
                  <p id="checkout-blocked" className="mt-3 text-sm font-medium text-red-800">
                    {t.checkoutBlocked}
                  </p>
                  <span
                    role="link"
                    aria-disabled="true"
                    aria-describedby="checkout-blocked"
                    className="mt-3 block w-full cursor-not-allowed rounded-md bg-stone-300 px-4 py-2.5 text-center font-semibold text-stone-600"
                  >
                    {t.checkout}
                  </span>
                </>
              ) : (
                <Link
                  to={localePath(locale, '/checkout')}
                  className="mt-3 block w-full rounded-md bg-brand-700 px-4 py-2.5 text-center font-semibold text-white hover:bg-brand-800"
                >
                  {t.checkout}
                </Link>
              )}
            </section>
          </aside>
        </div>
      )}
    </section>
  )
}

/** The province to estimate shipping to: a GET form (a select that submits itself with JavaScript). */
function DestinationForm({
  destination,
  provinces,
}: {
  destination: string
  provinces: { code: string; name: string }[]
}) {
  const t = useMessages().cart
  const submit = useSubmit()
  const hydrated = useHydrated()
  return (
    <Form method="get" className="rounded-xl border border-stone-200 bg-white p-4" preventScrollReset>
      <label htmlFor="cart-destination" className="mb-1 block text-sm font-medium text-stone-800">
        {t.shipping.destination}
      </label>
      <div className="flex gap-2">
        <select
          key={destination}
          id="cart-destination"
          name={DESTINATION_FIELD}
          defaultValue={destination}
          onChange={(event) => submit(event.currentTarget.form, { replace: true, preventScrollReset: true })}
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900"
        >
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
        {hydrated ? null : (
          <button
            type="submit"
            className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-semibold text-stone-800 hover:bg-stone-50"
          >
            {t.shipping.submit}
          </button>
        )}
      </div>
    </Form>
  )
}

/**
 * One line. With JavaScript its forms go through one fetcher: while a change is in flight the row
 * shows it (a removed row disappears); afterwards it shows what the server answered, so a refused
 * change falls back to the cart's own quantity, with the reason.
 */
function CartLineRow({ line, destination }: { line: PricedLine; destination: string }) {
  const t = useMessages().cart
  const locale = useLocale()
  const fetcher = useFetcher<CartActionData>({ key: `${LINE_FETCHER_PREFIX}${line.productId}` })
  const schema = SetQuantitySchema(t)
  const [form, fields] = useForm({
    id: `${LINE_FETCHER_PREFIX}${line.productId}`,
    lastResult: fetcher.state === 'idle' ? fetcher.data?.result : undefined,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const [draft, setDraft] = useState<string | null>(null)
  const pendingIntent = fetcher.formData?.get('intent')
  const pendingQuantity =
    pendingIntent === SET_QUANTITY_INTENT ? Number(fetcher.formData?.get('quantity') ?? Number.NaN) : null
  if (pendingIntent === REMOVE_INTENT || pendingQuantity === 0) return null
  const quantity =
    pendingQuantity !== null && isValidQuantity(pendingQuantity, { allowZero: true }) ? pendingQuantity : line.quantity
  const name = pick(locale, line.nameVi, line.nameEn)
  const cartPath = localePath(locale, '/cart')
  const refused = fetcher.state === 'idle' && fetcher.data && !fetcher.data.ok ? fetcher.data.message : null
  // The browser's own check of the field, or the server's answer (often the same words: said once).
  const errors = [...new Set([...(fields.quantity.errors ?? []), ...(refused ? [refused] : [])])]
  const formProps = getFormProps(form)
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="productId" value={line.productId} />
      <input type="hidden" name={DESTINATION_FIELD} value={destination} />
      <FetchFlag />
    </>
  )
  return (
    <li className="flex gap-4 px-4 py-4">
      <Link to={localePath(locale, `/products/${line.slug}`)} className="shrink-0" tabIndex={-1} aria-hidden="true">
        <ProductImage
          image={line.imageUrl ? { url: line.imageUrl, alt: '', width: 96, height: 96 } : null}
          fallbackLabel={name}
          sizes="96px"
          className="size-20 rounded-lg object-cover sm:size-24"
        />
      </Link>
      <div className="flex min-w-0 flex-1 flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h3 className="font-medium">
            <Link to={localePath(locale, `/products/${line.slug}`)} className="hover:underline">
              {name}
            </Link>
          </h3>
          <p className="text-sm text-stone-600">
            {pick(locale, line.unitVi, line.unitEn)} · {t.unitPrice}: {formatVnd(line.priceVnd)}
          </p>
          {line.problems.length > 0 ? (
            <ul className="mt-1 space-y-0.5 text-sm font-medium">
              {line.problems.map((problem) => (
                <li key={problem} className={problem === 'price-changed' ? 'text-amber-800' : 'text-red-700'}>
                  {problemText(t, line, problem)}
                </li>
              ))}
            </ul>
          ) : null}
          {errors.length > 0 ? (
            <div role="alert">
              <ErrorList id={fields.quantity.errorId} errors={errors} />
            </div>
          ) : null}
        </div>
        <div className="flex flex-wrap items-start gap-3 sm:flex-col sm:items-end">
          <fetcher.Form
            method="post"
            action={cartPath}
            {...formProps}
            onSubmit={(event) => {
              formProps.onSubmit(event)
              if (!event.defaultPrevented) setDraft(null)
            }}
            className="flex items-start gap-2"
          >
            {hidden(SET_QUANTITY_INTENT)}
            <div>
              <label htmlFor={fields.quantity.id} className="sr-only">
                {t.quantityOf(name)}
              </label>
              <input
                {...getInputProps(fields.quantity, { type: 'number', value: false })}
                value={draft ?? String(quantity)}
                onChange={(event) => setDraft(event.currentTarget.value)}
                min={0}
                max={MAX_QUANTITY}
                step={1}
                inputMode="numeric"
                className="w-20 rounded-md border border-stone-300 bg-white px-2 py-1.5 text-stone-900 aria-[invalid]:border-red-500"
              />
            </div>
            <button
              type="submit"
              className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-semibold text-stone-800 hover:bg-stone-50"
            >
              {pendingQuantity !== null ? t.updating : t.update}
            </button>
          </fetcher.Form>
          <p className="font-semibold sm:text-right">
            <span className="sr-only">{t.lineTotal}: </span>
            {formatVnd(line.priceVnd * quantity)}
          </p>
          <fetcher.Form method="post" action={cartPath}>
            {hidden(REMOVE_INTENT)}
            <button
              type="submit"
              aria-label={t.removeLabel(name)}
              className="text-sm font-medium text-red-700 underline hover:text-red-900"
            >
              {t.remove}
            </button>
          </fetcher.Form>
        </div>
      </div>
    </li>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
