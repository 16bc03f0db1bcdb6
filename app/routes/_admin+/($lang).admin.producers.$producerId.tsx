import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, pick, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import { getProducerForReview } from '#app/modules/office/producer-review.server.ts'
import { vietnamDay, vietnamTime } from '#app/modules/orders/vietnam-time.ts'
import { formatDate } from '#app/utils/dates.ts'
import { handleReviewAction } from './__producer-review.server.ts'
import { ReviewActions } from './__producer-review.tsx'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireUserWithPermission(request, 'read:producer:any')
  const producer = await getProducerForReview(params.producerId ?? '')
  if (!producer) throw new Response('Not found', { status: 404 })
  return { title: `${producer.name} · ${messagesFor(locale).office.producers.title}`, producer }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const producerId = params.producerId ?? ''
  return handleReviewAction(request, locale, () => ({
    producerId,
    back: localePath(locale, `/admin/producers/${producerId}`),
  }))
}

function dateTime(value: Date | string, locale: Locale): string {
  const instant = new Date(value)
  return `${vietnamTime(instant)} ${formatDate(vietnamDay(instant), locale)}`
}

export default function OfficeProducerPage() {
  const { producer } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages()
  const locale = useLocale()
  const o = t.office.producers
  const d = o.detail
  const flags = [producer.womenLed ? o.womenLed : null, producer.ethnicMinority ? o.ethnicMinority : null]
    .filter(Boolean)
    .join(', ')
  const rows: [string, React.ReactNode][] = [
    [o.fields.status, o.status[producer.status]],
    [o.fields.kind, t.producerKinds[producer.kind]],
    [o.fields.registrationNumber, producer.registrationNumber ?? o.none],
    [
      o.fields.place,
      `${producer.commune.kind} ${producer.commune.name}, ${pick(locale, producer.commune.province.nameVi, producer.commune.province.nameEn)}`,
    ],
    [o.fields.address, producer.address ?? o.none],
    [o.fields.village, producer.village ? pick(locale, producer.village.name, producer.village.nameEn) : o.none],
    [o.fields.flags, flags || o.none],
    [o.fields.contact, [producer.phone, producer.email].filter(Boolean).join(' · ') || o.none],
    [o.fields.website, producer.website ?? o.none],
    [o.fields.appliedAt, producer.appliedAt ? formatDate(producer.appliedAt, locale) : o.notApplied],
  ]
  if (producer.verifiedAt) rows.push([o.fields.verifiedAt, formatDate(producer.verifiedAt, locale)])
  if (producer.reviewNote) rows.push([o.fields.reviewNote, producer.reviewNote])
  const cell = 'px-3 py-2 align-top'
  return (
    <article aria-labelledby="producer-heading" className="space-y-8">
      <div>
        <Link to={localePath(locale, '/admin/producers')} className="text-sm text-brand-800 underline">
          {d.back}
        </Link>
        <h1 id="producer-heading" className="mt-2 text-2xl font-bold">
          {producer.name}
        </h1>
        <p className="mt-1 text-sm text-stone-600">{o.status[producer.status]}</p>
      </div>

      <section aria-labelledby="decisions-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="decisions-heading" className="mb-3 text-lg font-semibold">
          {d.decisions}
        </h2>
        {actionData?.error ? (
          <p role="alert" className="mb-3 text-sm text-red-700">
            {actionData.error}
          </p>
        ) : null}
        {producer.actions.length > 0 ? (
          <ReviewActions
            producerId={producer.id}
            name={producer.name}
            actions={producer.actions}
            actionData={actionData}
          />
        ) : (
          <p className="text-sm text-stone-600">{d.noDecisions(o.status[producer.status])}</p>
        )}
      </section>

      <section aria-labelledby="application-heading" className="space-y-3">
        <h2 id="application-heading" className="text-lg font-semibold">
          {d.application}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-stone-600">{label}</dt>
              <dd className="text-stone-900">{value}</dd>
            </div>
          ))}
        </dl>
        <h3 className="text-sm font-medium text-stone-600">{o.fields.story}</h3>
        <p className="text-sm whitespace-pre-line text-stone-800">{producer.storyVi || o.none}</p>
        {producer.storyEn ? (
          <>
            <h3 className="text-sm font-medium text-stone-600">{o.fields.storyEn}</h3>
            <p lang="en" className="text-sm whitespace-pre-line text-stone-800">
              {producer.storyEn}
            </p>
          </>
        ) : null}
      </section>

      <section aria-labelledby="owners-heading" className="space-y-2">
        <h2 id="owners-heading" className="text-lg font-semibold">
          {d.owners}
        </h2>
        {producer.members.length === 0 ? (
          <p className="text-sm text-stone-600">{o.noOwner}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {producer.members.map((member) => (
              <li key={member.user.id}>
                <span className="font-medium">{member.user.name}</span> · {member.user.email}
                {member.user.phone ? ` · ${member.user.phone}` : ''} · {d.memberRole[member.role]}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="documents-heading" className="space-y-2">
        <h2 id="documents-heading" className="text-lg font-semibold">
          {d.documents}
        </h2>
        {producer.documents.length === 0 ? (
          <p className="text-sm text-stone-600">{d.noDocuments}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-stone-50 text-stone-600">
                <tr>
                  <th scope="col" className={cell}>
                    {d.documentColumns.kind}
                  </th>
                  <th scope="col" className={cell}>
                    {d.documentColumns.name}
                  </th>
                  <th scope="col" className={`${cell} text-right`}>
                    {d.documentColumns.size}
                  </th>
                  <th scope="col" className={cell}>
                    {d.documentColumns.uploadedAt}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {producer.documents.map((document) => (
                  <tr key={document.id}>
                    <td className={cell}>{t.office.documentKinds[document.kind]}</td>
                    <td className={`${cell} break-all`}>
                      {/* A plain link: the browser opens the PDF or image itself. */}
                      <a
                        href={localePath(locale, `/admin/producers/${producer.id}/documents/${document.id}`)}
                        target="_blank"
                        rel="noreferrer"
                        aria-label={d.openDocumentLabel(document.fileName)}
                        className="text-brand-800 underline"
                      >
                        {document.fileName}
                      </a>
                    </td>
                    <td className={`${cell} text-right whitespace-nowrap`}>{t.office.fileSize(document.sizeBytes)}</td>
                    <td className={`${cell} whitespace-nowrap`}>{dateTime(document.createdAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="products-heading" className="space-y-1 text-sm">
        <h2 id="products-heading" className="text-lg font-semibold">
          {d.products}
        </h2>
        <p>{d.productsByStatus(producer.productCounts)}</p>
        <p>{d.certifiedProducts(producer.certifiedProducts)}</p>
        <p>
          <Link
            to={`${localePath(locale, '/admin/listings')}?q=${encodeURIComponent(producer.name)}`}
            className="text-brand-800 underline"
          >
            {d.viewListings}
          </Link>
        </p>
      </section>

      <section aria-labelledby="history-heading" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="history-heading" className="text-lg font-semibold">
            {d.history}
          </h2>
          <Link
            to={`${localePath(locale, '/admin/audit')}?entity=${encodeURIComponent(producer.id)}`}
            className="text-sm text-brand-800 underline"
          >
            {d.fullLog}
          </Link>
        </div>
        {producer.history.length === 0 ? (
          <p className="text-sm text-stone-600">{d.noHistory}</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {producer.history.map((event) => (
              <li key={event.id} className="rounded-md border border-stone-200 bg-white px-3 py-2">
                <p className="text-stone-600">
                  <time dateTime={new Date(event.createdAt).toISOString()}>{dateTime(event.createdAt, locale)}</time>
                  {' · '}
                  {t.office.audit.actions[event.action] ?? event.action} · {event.actorEmail}
                </p>
                <p className="text-stone-900">{event.summary}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
