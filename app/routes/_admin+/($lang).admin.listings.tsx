import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { SubmitButton, TextareaField } from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import {
  hideListing,
  liftListingHiding,
  searchListingsForModeration,
  type ModerationResult,
} from '#app/modules/office/moderation.server.ts'
import { vietnamDay, vietnamTime } from '#app/modules/orders/vietnam-time.ts'
import { formatDate } from '#app/utils/dates.ts'
import { setToast } from '#app/utils/toast.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

const HIDE_INTENT = 'hide'
const LIFT_INTENT = 'lift'
const REASON_MAX = 1_000

function HideSchema(m: Messages['office']['moderation']) {
  return z.object({
    productId: z.string().min(1),
    reason: z
      .string({ error: m.reasonRequired })
      .trim()
      .min(1, m.reasonRequired)
      .max(REASON_MAX, m.reasonTooLong(REASON_MAX)),
  })
}

type Filters = { q: string; hidden: boolean; page: number }

function readFilters(search: URLSearchParams): Filters {
  return {
    q: search.get('q')?.trim().slice(0, 100) ?? '',
    hidden: search.get('hidden') === '1',
    page: Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1),
  }
}

/** The list's address with the same filters (after an action, the office lands where it was). */
function listPath(locale: Locale, filters: Filters): string {
  const params = new URLSearchParams()
  if (filters.q) params.set('q', filters.q)
  if (filters.hidden) params.set('hidden', '1')
  if (filters.page > 1) params.set('page', String(filters.page))
  const query = params.toString()
  return localePath(locale, '/admin/listings') + (query ? `?${query}` : '')
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireUserWithPermission(request, 'moderate:listing:any')
  const filters = readFilters(new URL(request.url).searchParams)
  const listings = await searchListingsForModeration({ q: filters.q, hiddenOnly: filters.hidden, page: filters.page })
  return { title: messagesFor(locale).office.moderation.title, filters, ...listings }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const m = messagesFor(locale).office.moderation
  const user = await requireUserWithPermission(request, 'moderate:listing:any')
  const formData = await readFormData(request)
  const back = listPath(locale, readFilters(new URL(request.url).searchParams))
  const actor = { id: user.id, email: user.email }
  const origin = new URL(request.url).origin
  const productId = String(formData.get('productId') ?? '')
  switch (formData.get('intent')) {
    case HIDE_INTENT: {
      const submission = parseWithZod(formData, { schema: HideSchema(m) })
      if (submission.status !== 'success') {
        return data({ productId, result: submission.reply(), error: null }, { status: 400 })
      }
      const result = await hideListing(actor, submission.value.productId, submission.value.reason, { origin })
      return afterModeration(back, result, m.alreadyHidden, locale)
    }
    case LIFT_INTENT: {
      const result = await liftListingHiding(actor, productId, { origin })
      return afterModeration(back, result, m.notHidden, locale)
    }
    default:
      return data({ productId, result: null, error: m.unknownIntent }, { status: 400 })
  }
}

async function afterModeration(
  back: string,
  result: ModerationResult,
  conflict: (name: string) => string,
  locale: Locale,
) {
  if (!result.ok && result.reason === 'not-found') throw new Response('Not found', { status: 404 })
  const t = messagesFor(locale)
  const toast = !result.ok
    ? { kind: 'error' as const, message: conflict(result.name) }
    : {
        kind: 'success' as const,
        message:
          result.status === 'HIDDEN'
            ? t.office.moderation.hidden(result.name)
            : t.office.moderation.lifted(result.name, t.listings.statusLabel[result.status]),
      }
  return redirect(back, { headers: { 'Set-Cookie': await setToast(toast) } })
}

function dateTime(value: Date | string, locale: Locale): string {
  const instant = new Date(value)
  return `${vietnamTime(instant)} ${formatDate(vietnamDay(instant), locale)}`
}

function HideForm({
  productId,
  name,
  lastResult,
}: {
  productId: string
  name: string
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const m = useMessages().office.moderation
  const schema = HideSchema(m)
  const [form, fields] = useForm({
    id: `hide-${productId}`,
    constraint: getZodConstraint(schema),
    lastResult,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <details open={lastResult ? true : undefined} className="group">
      <summary className="cursor-pointer text-sm font-medium text-red-800 underline">{m.hide}</summary>
      <Form method="post" {...getFormProps(form)} className="mt-2 space-y-2">
        <input type="hidden" name="productId" value={productId} />
        <TextareaField meta={fields.reason} label={m.hideReason} rows={2} />
        <SubmitButton name="intent" value={HIDE_INTENT} variant="danger" aria-label={m.hideLabel(name)}>
          {m.hide}
        </SubmitButton>
      </Form>
    </details>
  )
}

export default function ListingModerationPage() {
  const { filters, items, total, page, pageCount } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages()
  const locale = useLocale()
  const { search } = useLocation()
  const m = t.office.moderation
  const cell = 'px-3 py-2 align-top'
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{m.title}</h1>
        <p className="max-w-3xl text-sm text-stone-700">{m.intro}</p>
      </div>
      <Form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 sm:max-w-md">
          <label htmlFor="listing-search" className="mb-1 block text-sm font-medium text-stone-800">
            {m.searchLabel}
          </label>
          <input
            id="listing-search"
            type="search"
            name="q"
            defaultValue={filters.q}
            placeholder={m.searchPlaceholder}
            className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2"
          />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm text-stone-800">
          <input
            type="checkbox"
            name="hidden"
            value="1"
            defaultChecked={filters.hidden}
            className="size-4 rounded border-stone-300"
          />
          {m.hiddenOnly}
        </label>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-semibold">
          {m.search}
        </button>
      </Form>
      {actionData?.error ? (
        <p role="alert" className="text-sm text-red-700">
          {actionData.error}
        </p>
      ) : null}
      <p className="text-sm text-stone-600">{m.count(total)}</p>
      {items.length === 0 ? (
        <p className="rounded-md border border-stone-200 bg-white px-4 py-6 text-center text-stone-700">{m.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{m.tableCaption}</caption>
            <thead className="bg-stone-50 text-stone-600">
              <tr>
                <th scope="col" className={cell}>
                  {m.columns.product}
                </th>
                <th scope="col" className={cell}>
                  {m.columns.producer}
                </th>
                <th scope="col" className={cell}>
                  {m.columns.status}
                </th>
                <th scope="col" className={`${cell} min-w-64`}>
                  {m.columns.moderation}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {items.map((item) => {
                const name = pick(locale, item.nameVi, item.nameEn)
                return (
                  <tr key={item.id}>
                    <th scope="row" className={`${cell} font-normal`}>
                      <div className="font-medium text-stone-900">{name}</div>
                      <div className="text-xs text-stone-600">{m.sku(item.sku)}</div>
                      {item.visible ? (
                        <Link
                          to={localePath(locale, `/products/${item.slug}`)}
                          className="text-xs text-brand-800 underline"
                        >
                          {m.viewOnStore}
                        </Link>
                      ) : null}
                    </th>
                    <td className={cell}>
                      <Link
                        to={localePath(locale, `/admin/producers/${item.producer.id}`)}
                        className="text-brand-800 underline"
                      >
                        {item.producer.name}
                      </Link>
                      <div className="text-xs text-stone-600">{t.office.producers.status[item.producer.status]}</div>
                    </td>
                    <td className={cell}>
                      <div className={item.status === 'HIDDEN' ? 'font-semibold text-red-800' : ''}>
                        {t.listings.statusLabel[item.status]}
                      </div>
                      <div className="text-xs text-stone-600">{item.visible ? m.onStore : m.offStore}</div>
                    </td>
                    <td className={cell}>
                      {item.status === 'HIDDEN' ? (
                        <div className="space-y-2">
                          {item.moderationNote ? <p className="text-stone-800">{item.moderationNote}</p> : null}
                          {item.hiddenAt ? (
                            <p className="text-xs text-stone-600">{m.hiddenSince(dateTime(item.hiddenAt, locale))}</p>
                          ) : null}
                          <Form method="post">
                            <input type="hidden" name="productId" value={item.id} />
                            <SubmitButton
                              name="intent"
                              value={LIFT_INTENT}
                              variant="secondary"
                              aria-label={m.liftLabel(name)}
                            >
                              {m.lift}
                            </SubmitButton>
                          </Form>
                        </div>
                      ) : (
                        <HideForm
                          productId={item.id}
                          name={name}
                          lastResult={actionData?.productId === item.id ? actionData.result : undefined}
                        />
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} search={new URLSearchParams(search)} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
