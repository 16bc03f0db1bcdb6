import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { Pagination } from '#app/components/pagination.tsx'
import { ProductImage } from '#app/components/product-image.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, pick, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { LISTING_TRANSITIONS, type ListingStatus } from '#app/modules/producer/listing-rules.ts'
import {
  LISTING_STATUS_FILTERS,
  parseStatusFilter,
  type ListingStatusFilter,
} from '#app/modules/producer/listing-schema.ts'
import { changeListingStatus, listListings } from '#app/modules/producer/listings.server.ts'
import { formatVnd } from '#app/utils/money.ts'
import { setToast } from '#app/utils/toast.server.ts'
import { missingText } from './__listing-editor.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

const PUBLISH_INTENT = 'publish'
const UNPUBLISH_INTENT = 'unpublish'
const ARCHIVE_INTENT = 'archive'
const RESTORE_INTENT = 'restore'

/** Each button's intent, the status it moves to, and the status it starts from. */
const STATUS_ACTIONS = [
  { intent: PUBLISH_INTENT, from: 'DRAFT', to: 'PUBLISHED' },
  { intent: UNPUBLISH_INTENT, from: 'PUBLISHED', to: 'DRAFT' },
  { intent: ARCHIVE_INTENT, from: null, to: 'ARCHIVED' },
  { intent: RESTORE_INTENT, from: 'ARCHIVED', to: 'DRAFT' },
] as const satisfies { intent: string; from: ListingStatus | null; to: ListingStatus }[]

type StatusIntent = (typeof STATUS_ACTIONS)[number]['intent']

function actionsFor(status: ListingStatus) {
  return STATUS_ACTIONS.filter(
    (a) => (a.from === null || a.from === status) && LISTING_TRANSITIONS[status].includes(a.to),
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'read:listing:own')
  const url = new URL(request.url)
  const status = parseStatusFilter(url.searchParams.get('status'))
  const q = url.searchParams.get('q')?.trim() ?? ''
  const page = Number(url.searchParams.get('page') ?? '1')
  const listings = await listListings(producer.id, { status, q, page: Number.isFinite(page) ? page : 1 })
  return {
    title: messagesFor(locale).listings.title,
    status,
    q,
    producerVerified: producer.status === 'VERIFIED',
    ...listings,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale)
  const { producer } = await requireSeller(request, 'update:listing:own')
  const formData = await readFormData(request)
  const productId = String(formData.get('productId') ?? '')
  const back = safeListPath(locale, formData.get('back'))
  const intent = formData.get('intent')
  switch (intent) {
    case PUBLISH_INTENT:
      return publish(t, producer.id, productId, back)
    case UNPUBLISH_INTENT:
    case ARCHIVE_INTENT:
    case RESTORE_INTENT:
      return changeStatus(t, producer.id, productId, intent, back)
    default:
      return data({ error: t.listings.errors.unknownIntent }, { status: 400 })
  }
}

/** Back to the list as it was filtered; anything but a listings URL falls back to the plain list. */
function safeListPath(locale: Locale, value: FormDataEntryValue | null): string {
  const base = localePath(locale, '/seller/listings')
  if (typeof value !== 'string' || !value.startsWith('?') || value.length > 300) return base
  return base + value
}

async function statusReply(
  t: Messages,
  result: Awaited<ReturnType<typeof changeListingStatus>>,
  to: ListingStatus,
  back: string,
  done: (name: string) => string,
) {
  if (!result.ok) {
    switch (result.reason) {
      case 'not-found':
        throw new Response('Not found', { status: 404 })
      case 'incomplete':
        return data({ error: missingText(t, result.missing) }, { status: 400 })
      case 'transition':
        return data(
          {
            error: t.listings.errors.transitionNotAllowed(
              t.listings.statusLabel[result.from],
              t.listings.statusLabel[to],
            ),
          },
          { status: 400 },
        )
    }
  }
  return redirect(back, { headers: { 'Set-Cookie': await setToast({ kind: 'success', message: done(result.name) }) } })
}

async function publish(t: Messages, producerId: string, productId: string, back: string) {
  const result = await changeListingStatus(producerId, productId, 'PUBLISHED')
  const toasts = t.listings.toasts
  const verified = result.ok && result.producerVerified
  return statusReply(t, result, 'PUBLISHED', back, verified ? toasts.published : toasts.publishedHidden)
}

async function changeStatus(
  t: Messages,
  producerId: string,
  productId: string,
  intent: Exclude<StatusIntent, typeof PUBLISH_INTENT>,
  back: string,
) {
  const toasts = t.listings.toasts
  const changes: Record<typeof intent, { to: ListingStatus; done: (name: string) => string }> = {
    [UNPUBLISH_INTENT]: { to: 'DRAFT', done: toasts.unpublished },
    [ARCHIVE_INTENT]: { to: 'ARCHIVED', done: toasts.archived },
    [RESTORE_INTENT]: { to: 'DRAFT', done: toasts.restored },
  }
  const { to, done } = changes[intent]
  return statusReply(t, await changeListingStatus(producerId, productId, to), to, back, done)
}

function filterHref(status: ListingStatusFilter | null, q: string): string {
  const params = new URLSearchParams()
  if (status) params.set('status', status)
  if (q) params.set('q', q)
  const query = params.toString()
  return query ? `?${query}` : '?'
}

const STATUS_BADGE: Record<ListingStatus, string> = {
  DRAFT: 'bg-stone-100 text-stone-800',
  PUBLISHED: 'bg-green-100 text-green-900',
  ARCHIVED: 'bg-amber-100 text-amber-900',
  HIDDEN: 'bg-red-100 text-red-900',
}

export default function ListingsPage() {
  const { items, counts, total, page, pageCount, status, q, producerVerified } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const t = useMessages()
  const locale = useLocale()
  const l = t.listings
  const all = counts.DRAFT + counts.PUBLISHED + counts.ARCHIVED
  const tabs: { value: ListingStatusFilter | null; label: string; count: number }[] = [
    { value: null, label: l.index.all, count: all },
    ...(Object.keys(LISTING_STATUS_FILTERS) as ListingStatusFilter[]).map((value) => ({
      value,
      label: l.statusLabel[LISTING_STATUS_FILTERS[value]],
      count: counts[LISTING_STATUS_FILTERS[value]],
    })),
  ]
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{l.title}</h1>
        <Link
          to={localePath(locale, '/seller/listings/new')}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {l.newListing}
        </Link>
      </div>

      {!producerVerified ? (
        <p className="rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950">
          {l.index.hiddenNotice}
        </p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {actionData.error}
        </p>
      ) : null}

      <nav aria-label={l.index.filterLabel}>
        <ul className="flex flex-wrap gap-2">
          {tabs.map((tab) => (
            <li key={tab.value ?? 'all'}>
              <Link
                to={filterHref(tab.value, q)}
                aria-current={tab.value === status ? 'page' : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-sm ${tab.value === status ? 'border-brand-700 bg-brand-700 text-white' : 'border-stone-300 hover:bg-stone-100'}`}
              >
                {tab.label} ({tab.count})
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <div className="grow sm:max-w-sm">
          <label htmlFor="listings-q" className="mb-1 block text-sm font-medium text-stone-800">
            {l.index.searchLabel}
          </label>
          <input
            id="listings-q"
            type="search"
            name="q"
            defaultValue={q}
            placeholder={l.index.searchPlaceholder}
            className="block w-full rounded-md border border-stone-300 px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-semibold">
          {l.index.search}
        </button>
        {q ? (
          <Link to={filterHref(status, '')} className="px-2 py-2 text-sm text-brand-800 underline">
            {l.index.clearSearch}
          </Link>
        ) : null}
      </Form>

      <p className="text-sm text-stone-600">{l.index.count(total)}</p>

      {items.length === 0 ? (
        <p className="rounded-md border border-stone-200 bg-white px-4 py-6 text-center text-stone-700">
          {all === 0 ? l.index.empty : l.index.emptyFiltered}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{l.index.tableCaption}</caption>
            <thead className="bg-stone-50 text-xs tracking-wide text-stone-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{l.index.columns.photo}</span>
                </th>
                <th scope="col" className="px-3 py-2">
                  {l.index.columns.product}
                </th>
                <th scope="col" className="px-3 py-2">
                  {l.index.columns.status}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {l.index.columns.price}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {l.index.columns.stock}
                </th>
                <th scope="col" className="px-3 py-2">
                  {l.index.columns.actions}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {items.map((item) => {
                const name = pick(locale, item.nameVi, item.nameEn)
                return (
                  <tr key={item.id} className="align-top">
                    <td className="w-20 px-3 py-2">
                      <ProductImage
                        image={
                          item.image
                            ? {
                                url: item.image.url,
                                alt: '',
                                width: item.image.width,
                                height: item.image.height,
                              }
                            : null
                        }
                        fallbackLabel={l.index.photoCount(0)}
                        sizes="64px"
                        className="size-16 rounded-md"
                      />
                    </td>
                    <td className="px-3 py-2">
                      <Link
                        to={localePath(locale, `/seller/listings/${item.id}`)}
                        className="font-semibold text-stone-900 hover:underline"
                      >
                        {name}
                      </Link>
                      <p className="text-xs text-stone-600">{l.index.sku(item.sku)}</p>
                      <p className="text-xs text-stone-500">{l.index.photoCount(item.imageCount)}</p>
                    </td>
                    <td className="px-3 py-2">
                      <span
                        className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_BADGE[item.status]}`}
                      >
                        {l.statusLabel[item.status]}
                      </span>
                    </td>
                    <td className="px-3 py-2 text-right whitespace-nowrap">
                      {formatVnd(item.priceVnd)}
                      <span className="block text-xs text-stone-500">/ {pick(locale, item.unitVi, item.unitEn)}</span>
                    </td>
                    <td className={`px-3 py-2 text-right ${item.stock === 0 ? 'font-semibold text-red-700' : ''}`}>
                      {item.stock.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')}
                    </td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap gap-2">
                        <Link
                          to={localePath(locale, `/seller/listings/${item.id}`)}
                          aria-label={l.index.editNamed(name)}
                          className="rounded-md border border-stone-300 px-2.5 py-1 text-sm hover:bg-stone-50"
                        >
                          {l.index.edit}
                        </Link>
                        <Link
                          to={localePath(locale, `/seller/listings/${item.id}/preview`)}
                          className="rounded-md border border-stone-300 px-2.5 py-1 text-sm hover:bg-stone-50"
                        >
                          {l.index.preview}
                        </Link>
                        {actionsFor(item.status).map((a) => {
                          const label = l.actions[a.intent]
                          return (
                            <Form method="post" key={a.intent}>
                              <input type="hidden" name="productId" value={item.id} />
                              <input type="hidden" name="back" value={location.search} />
                              <button
                                type="submit"
                                name="intent"
                                value={a.intent}
                                aria-label={l.actions.forProduct(label, name)}
                                className={`rounded-md px-2.5 py-1 text-sm font-medium ${a.intent === PUBLISH_INTENT ? 'bg-brand-700 text-white hover:bg-brand-800' : 'border border-stone-300 hover:bg-stone-50'}`}
                              >
                                {label}
                              </button>
                            </Form>
                          )
                        })}
                      </div>
                    </td>
                  </tr>
                )
              })}
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
