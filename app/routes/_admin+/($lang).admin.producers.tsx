import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SubmitButton, TextareaField } from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import {
  approveProducer,
  listProducersForReview,
  rejectProducer,
  type ReviewResult,
} from '#app/modules/producer/applications.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { setToast } from '#app/utils/toast.server.ts'

const APPROVE_INTENT = 'approve'
const REJECT_INTENT = 'reject'
const REASON_MAX = 1_000

const REVIEW_STATUSES = ['PENDING', 'VERIFIED', 'REJECTED', 'SUSPENDED'] as const
type ReviewStatus = (typeof REVIEW_STATUSES)[number]

function RejectSchema(o: Messages['office']['producers']) {
  return z.object({
    reason: z
      .string({ error: o.reasonRequired })
      .trim()
      .min(1, o.reasonRequired)
      .max(REASON_MAX, o.reasonTooLong(REASON_MAX)),
  })
}

function parseStatus(value: string | null): ReviewStatus {
  const upper = value?.toUpperCase()
  return REVIEW_STATUSES.find((status) => status === upper) ?? 'PENDING'
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireUserWithPermission(request, 'verify:producer:any')
  const status = parseStatus(new URL(request.url).searchParams.get('status'))
  const { producers, counts } = await listProducersForReview(status)
  return { title: messagesFor(locale).office.producers.title, status, producers, counts }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale)
  await requireUserWithPermission(request, 'verify:producer:any')
  const formData = await request.formData()
  const producerId = String(formData.get('producerId') ?? '')
  const back = localePath(locale, '/admin/producers') + backQuery(formData.get('status'))
  switch (formData.get('intent')) {
    case APPROVE_INTENT:
      return approve(t, producerId, back)
    case REJECT_INTENT:
      return reject(t, formData, producerId, back)
    default:
      return data({ producerId, result: null, error: t.office.producers.unknownIntent }, { status: 400 })
  }
}

function backQuery(status: FormDataEntryValue | null): string {
  return typeof status === 'string' && status !== '' ? `?status=${parseStatus(status).toLowerCase()}` : ''
}

async function reviewRedirect(back: string, result: ReviewResult, done: string, conflict: string) {
  if (!result.ok && result.reason === 'not-found') throw new Response('Not found', { status: 404 })
  const toast = result.ok ? { kind: 'success' as const, message: done } : { kind: 'error' as const, message: conflict }
  return redirect(back, { headers: { 'Set-Cookie': await setToast(toast) } })
}

async function approve(t: Messages, producerId: string, back: string) {
  const o = t.office.producers
  const result = await approveProducer(producerId)
  const name = result.ok ? result.name : (result.name ?? '')
  return reviewRedirect(back, result, o.approved(name), o.cannotApprove(name))
}

async function reject(t: Messages, formData: FormData, producerId: string, back: string) {
  const o = t.office.producers
  const submission = parseWithZod(formData, { schema: RejectSchema(o) })
  if (submission.status !== 'success') {
    return data({ producerId, result: submission.reply(), error: null }, { status: 400 })
  }
  const result = await rejectProducer(producerId, submission.value.reason)
  const name = result.ok ? result.name : (result.name ?? '')
  return reviewRedirect(back, result, o.rejected(name), o.cannotReject(name))
}

function RejectForm({
  producerId,
  name,
  status,
  lastResult,
}: {
  producerId: string
  name: string
  status: ReviewStatus
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const t = useMessages()
  const o = t.office.producers
  const schema = RejectSchema(o)
  const [form, fields] = useForm({
    id: `reject-${producerId}`,
    constraint: getZodConstraint(schema),
    lastResult,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="producerId" value={producerId} />
      <input type="hidden" name="status" value={status} />
      <TextareaField meta={fields.reason} label={o.rejectReason} rows={3} />
      <SubmitButton name="intent" value={REJECT_INTENT} variant="danger" aria-label={o.rejectLabel(name)}>
        {o.reject}
      </SubmitButton>
    </Form>
  )
}

export default function OfficeProducersPage() {
  const { status, producers, counts } = useLoaderData<typeof loader>()
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
          {REVIEW_STATUSES.map((value) => (
            <li key={value}>
              <Link
                to={`?status=${value.toLowerCase()}`}
                aria-current={value === status ? 'page' : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-sm ${value === status ? 'border-brand-700 bg-brand-700 text-white' : 'border-stone-300 hover:bg-stone-100'}`}
              >
                {o.status[value]} ({counts[value]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
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
              [o.fields.products, o.productCount(producer._count.products)],
            ]
            if (producer.verifiedAt) rows.push([o.fields.verifiedAt, date(producer.verifiedAt)])
            if (producer.reviewNote) rows.push([o.fields.reviewNote, producer.reviewNote])
            const canApprove = producer.status === 'PENDING' || producer.status === 'REJECTED'
            return (
              <li key={producer.id} className="rounded-lg border border-stone-200 bg-white p-4">
                <article aria-labelledby={`producer-${producer.id}`}>
                  <h2 id={`producer-${producer.id}`} className="text-lg font-semibold">
                    {producer.name}
                  </h2>
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
                    <p className="whitespace-pre-line text-stone-800">{producer.storyVi || o.none}</p>
                    {producer.storyEn ? (
                      <>
                        <h3 className="font-medium text-stone-600">{o.fields.storyEn}</h3>
                        <p lang="en" className="whitespace-pre-line text-stone-800">
                          {producer.storyEn}
                        </p>
                      </>
                    ) : null}
                  </div>
                  {canApprove || producer.status === 'PENDING' ? (
                    <div className="mt-4 grid gap-4 border-t border-stone-100 pt-4 sm:grid-cols-[auto_1fr]">
                      {canApprove ? (
                        <Form method="post">
                          <input type="hidden" name="producerId" value={producer.id} />
                          <input type="hidden" name="status" value={status} />
                          <SubmitButton name="intent" value={APPROVE_INTENT} aria-label={o.approveLabel(producer.name)}>
                            {o.approve}
                          </SubmitButton>
                        </Form>
                      ) : null}
                      {producer.status === 'PENDING' ? (
                        <RejectForm
                          producerId={producer.id}
                          name={producer.name}
                          status={status}
                          lastResult={actionData?.producerId === producer.id ? actionData.result : undefined}
                        />
                      ) : null}
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
