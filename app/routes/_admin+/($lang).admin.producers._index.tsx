import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import {
  listProducersForReview,
  REVIEW_STATUSES,
  reviewActionsFor,
} from '#app/modules/office/producer-review.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { handleReviewAction } from './__producer-review.server.ts'
import { ReviewActions } from './__producer-review.tsx'

type ReviewStatus = (typeof REVIEW_STATUSES)[number]

function parseStatus(value: FormDataEntryValue | string | null): ReviewStatus {
  const upper = typeof value === 'string' ? value.toUpperCase().replace('-', '_') : ''
  return REVIEW_STATUSES.find((status) => status === upper) ?? 'PENDING'
}

function statusParam(status: ReviewStatus): string {
  return status.toLowerCase().replace('_', '-')
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireUserWithPermission(request, 'verify:producer:any')
  const url = new URL(request.url)
  const status = parseStatus(url.searchParams.get('status'))
  const q = url.searchParams.get('q')?.trim().slice(0, 100) ?? ''
  const { producers, counts } = await listProducersForReview(status, { q })
  return {
    title: messagesFor(locale).office.producers.title,
    status,
    statuses: REVIEW_STATUSES,
    q,
    producers: producers.map((producer) => ({ ...producer, actions: reviewActionsFor(producer.status) })),
    counts,
  }
}

/** Decisions taken from the queue come back to the same tab. */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  return handleReviewAction(request, locale, (formData) => {
    const status = formData.get('status')
    const query = typeof status === 'string' && status !== '' ? `?status=${statusParam(parseStatus(status))}` : ''
    return {
      producerId: String(formData.get('producerId') ?? ''),
      back: localePath(locale, '/admin/producers') + query,
    }
  })
}

export default function OfficeProducersPage() {
  const { status, statuses, q, producers, counts } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages()
  const locale = useLocale()
  const o = t.office.producers
  const date = (value: Date | string | null) => (value ? formatDate(value, locale) : o.none)
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{o.title}</h1>
      <nav aria-label={o.filterLabel}>
        <ul className="flex flex-wrap gap-2">
          {statuses.map((value) => (
            <li key={value}>
              <Link
                to={`?status=${statusParam(value)}`}
                aria-current={value === status ? 'page' : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-sm ${value === status ? 'border-brand-700 bg-brand-700 text-white' : 'border-stone-300 hover:bg-stone-100'}`}
              >
                {o.status[value]} ({counts[value]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" role="search" className="flex max-w-xl flex-wrap items-end gap-2">
        <input type="hidden" name="status" value={statusParam(status)} />
        <div className="min-w-0 flex-1">
          <label htmlFor="producer-search" className="mb-1 block text-sm font-medium text-stone-800">
            {o.searchLabel}
          </label>
          <input
            id="producer-search"
            type="search"
            name="q"
            defaultValue={q}
            placeholder={o.searchPlaceholder}
            className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-semibold">
          {o.search}
        </button>
      </Form>
      {actionData?.error ? (
        <p role="alert" className="text-sm text-red-700">
          {actionData.error}
        </p>
      ) : null}
      <p className="text-sm text-stone-600">{o.count(producers.length)}</p>
      {producers.length === 0 ? (
        <p className="rounded-md border border-stone-200 bg-white px-4 py-6 text-center text-stone-700">{o.empty}</p>
      ) : (
        <ul aria-label={o.listLabel} className="space-y-4">
          {producers.map((producer) => {
            const flags = [producer.womenLed ? o.womenLed : null, producer.ethnicMinority ? o.ethnicMinority : null]
              .filter(Boolean)
              .join(', ')
            const rows: [string, React.ReactNode][] = [
              [o.fields.kind, t.producerKinds[producer.kind]],
              [o.fields.registrationNumber, producer.registrationNumber ?? o.none],
              [
                o.fields.place,
                `${producer.commune.kind} ${producer.commune.name}, ${pick(locale, producer.commune.province.nameVi, producer.commune.province.nameEn)}`,
              ],
              [
                o.fields.village,
                producer.village ? pick(locale, producer.village.name, producer.village.nameEn) : o.none,
              ],
              [o.fields.flags, flags || o.none],
              [o.fields.appliedAt, producer.appliedAt ? date(producer.appliedAt) : o.notApplied],
              [
                o.fields.owners,
                producer.members.length === 0
                  ? o.noOwner
                  : producer.members.map((m) => `${m.user.name} <${m.user.email}>`).join('; '),
              ],
              [o.fields.contact, [producer.phone, producer.email].filter(Boolean).join(' · ') || o.none],
              [o.fields.documents, o.documentCount(producer._count.documents)],
              [o.fields.products, o.productCount(producer._count.products)],
            ]
            if (producer.verifiedAt) rows.push([o.fields.verifiedAt, date(producer.verifiedAt)])
            if (producer.reviewNote) rows.push([o.fields.reviewNote, producer.reviewNote])
            return (
              <li key={producer.id} className="rounded-lg border border-stone-200 bg-white p-4">
                <article aria-labelledby={`producer-${producer.id}`}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 id={`producer-${producer.id}`} className="text-lg font-semibold">
                      {producer.name}
                    </h2>
                    <Link
                      to={localePath(locale, `/admin/producers/${producer.id}`)}
                      aria-label={o.viewDetailLabel(producer.name)}
                      className="text-sm font-medium text-brand-800 underline"
                    >
                      {o.viewDetail}
                    </Link>
                  </div>
                  <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
                    {rows.map(([label, value]) => (
                      <div key={label} className="contents">
                        <dt className="text-stone-600">{label}</dt>
                        <dd className="text-stone-900">{value}</dd>
                      </div>
                    ))}
                  </dl>
                  <div className="mt-3 space-y-2 text-sm">
                    <h3 className="font-medium text-stone-600">{o.fields.story}</h3>
                    <p className="line-clamp-4 whitespace-pre-line text-stone-800">{producer.storyVi || o.none}</p>
                  </div>
                  {producer.actions.length > 0 ? (
                    <div className="mt-4 border-t border-stone-100 pt-4">
                      <ReviewActions
                        producerId={producer.id}
                        name={producer.name}
                        actions={producer.actions}
                        hidden={{ producerId: producer.id, status: producer.status }}
                        actionData={actionData}
                      />
                    </div>
                  ) : null}
                </article>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
