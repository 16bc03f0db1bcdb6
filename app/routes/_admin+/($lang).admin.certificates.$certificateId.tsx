import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CertificateStatusBadge } from '#app/components/certificate-status-badge.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, SubmitButton, TextareaField } from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { can } from '#app/modules/accounts/permissions.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import {
  DECISION_FILE_FIELD,
  decisionFileMessage,
  RevokeSchema,
} from '#app/modules/certification/certificate-schema.ts'
import {
  DECISION_FILE_MAX_MEGABYTES,
  getOfficeCertificate,
  readDecisionUpload,
  revokeCertificate,
  setPotentialFiveStar,
  updateDecisionFile,
  type CertificateConflict,
} from '#app/modules/certification/certificates.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { setToast } from '#app/utils/toast.server.ts'

const REVOKE_INTENT = 'revoke'
const POTENTIAL_INTENT = 'potential'
const FILE_INTENT = 'decision-file'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUserWithPermission(request, 'read:certificate:any')
  const certificate = await getOfficeCertificate(params.certificateId ?? '', now())
  if (!certificate) throw new Response('Not found', { status: 404 })
  return {
    title: messagesFor(locale).certificates.detail.title(certificate.decisionNumber),
    certificate,
    canUpdate: can(user, 'update:certificate:any'),
    maxMegabytes: DECISION_FILE_MAX_MEGABYTES,
  }
}

type ActionReply = { intent: string; result?: SubmissionResult<string[]>; error?: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale).certificates
  const user = await requireUserWithPermission(request, 'update:certificate:any')
  const actor = { id: user.id, email: user.email }
  const id = params.certificateId ?? ''
  const back = localePath(locale, `/admin/certificates/${id}`)
  const upload = await readDecisionUpload(request)
  const form = upload.form ?? new FormData()
  const intent = String(form.get('intent') ?? (upload.form ? '' : FILE_INTENT))

  const refused = (reason: CertificateConflict, extra: Partial<ActionReply> = {}) => {
    if (reason === 'not-found') throw new Response('Not found', { status: 404 })
    return data<ActionReply>({ intent, error: t.conflicts[reason], ...extra }, { status: 409 })
  }
  const done = async (message: string) =>
    redirect(back, { headers: { 'Set-Cookie': await setToast({ kind: 'success', message }) } })

  switch (intent) {
    case REVOKE_INTENT: {
      const submission = parseWithZod(form, { schema: RevokeSchema(t) })
      if (submission.status !== 'success')
        return data<ActionReply>({ intent, result: submission.reply() }, { status: 400 })
      const outcome = await revokeCertificate(actor, id, submission.value.reason)
      if (!outcome.ok) return refused(outcome.reason === 'invalid' ? 'unchanged' : outcome.reason)
      return done(t.detail.revoked(outcome.decisionNumber))
    }
    case POTENTIAL_INTENT: {
      const value = form.get('value') === 'on'
      const outcome = await setPotentialFiveStar(actor, id, value)
      if (!outcome.ok) return refused(outcome.reason === 'invalid' ? 'unchanged' : outcome.reason)
      return done(value ? t.detail.marked : t.detail.unmarked)
    }
    case FILE_INTENT: {
      if (!upload.ok) {
        return data<ActionReply>(
          { intent: FILE_INTENT, error: decisionFileMessage(t, upload.problem, DECISION_FILE_MAX_MEGABYTES) },
          { status: 400 },
        )
      }
      if (!upload.file) return data<ActionReply>({ intent, error: t.errors.fileRequired }, { status: 400 })
      const outcome = await updateDecisionFile(actor, id, upload.file)
      if (!outcome.ok) return refused(outcome.reason === 'invalid' ? 'unchanged' : outcome.reason)
      return done(t.detail.fileSaved)
    }
    default:
      return data<ActionReply>({ intent, error: t.detail.unknownIntent }, { status: 400 })
  }
}

type Certificate = Awaited<ReturnType<typeof loader>>['certificate']

function Alert({ intent }: { intent: string }) {
  const actionData = useActionData<typeof action>()
  if (!actionData || actionData.intent !== intent || !actionData.error) return null
  return (
    <p role="alert" className="text-sm text-red-700">
      {actionData.error}
    </p>
  )
}

function RevokeForm({ certificate }: { certificate: Certificate }) {
  const actionData = useActionData<typeof action>()
  const t = useMessages().certificates
  const schema = RevokeSchema(t)
  const [form, fields] = useForm({
    id: `revoke-${certificate.id}`,
    constraint: getZodConstraint(schema),
    lastResult: actionData?.intent === REVOKE_INTENT ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <section aria-labelledby="revoke-heading" className="space-y-2 rounded-lg border border-red-200 bg-red-50/40 p-4">
      <h3 id="revoke-heading" className="font-semibold text-red-900">
        {t.detail.revokeHeading}
      </h3>
      <p className="text-sm text-stone-700">{t.detail.revokeHint}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-2">
        <TextareaField meta={fields.reason} label={t.detail.revokeReason} rows={3} />
        <ErrorList errors={form.errors} />
        <Alert intent={REVOKE_INTENT} />
        <SubmitButton name="intent" value={REVOKE_INTENT} variant="danger">
          {t.detail.revoke}
        </SubmitButton>
      </Form>
    </section>
  )
}

function Details({ certificate, locale }: { certificate: Certificate; locale: Locale }) {
  const t = useMessages().certificates
  const date = (value: Date | string | null) => (value ? formatDate(value, locale) : t.none)
  const rows: [string, React.ReactNode][] = [
    [t.fields.product, pick(locale, certificate.product.nameVi, certificate.product.nameEn)],
    [t.fields.sku, certificate.product.sku],
    [t.fields.producer, certificate.product.producer.name],
    [t.fields.stars, t.stars(certificate.stars)],
    [t.fields.score, certificate.score === null ? t.none : `${certificate.score}/100`],
    [t.fields.level, t.levels[certificate.level]],
    [t.fields.issuer, certificate.issuer],
    [t.fields.decisionNumber, certificate.decisionNumber],
    [t.fields.decisionDate, date(certificate.decisionDate)],
    [t.fields.issuedOn, date(certificate.issuedOn)],
    [t.fields.expiresOn, date(certificate.expiresOn)],
    [t.fields.legalBasis, certificate.legalBasis],
    [t.fields.potentialFiveStar, certificate.potentialFiveStar ? t.potentialFiveStar : t.none],
    [t.fields.recordedAt, date(certificate.createdAt)],
  ]
  if (certificate.revokedAt) {
    rows.push(
      [t.fields.revokedAt, date(certificate.revokedAt)],
      [t.fields.revokedReason, certificate.revokedReason ?? t.none],
    )
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-stone-200 bg-white p-4 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-stone-600">{label}</dt>
          <dd className="text-stone-900">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

export default function OfficeCertificatePage() {
  const { certificate, canUpdate, maxMegabytes } = useLoaderData<typeof loader>()
  const t = useMessages().certificates
  const d = t.detail
  const locale = useLocale()
  const path = (p: string) => localePath(locale, p)
  const open = certificate.status !== 'revoked'
  const current = open && certificate.status !== 'superseded'
  return (
    <div className="space-y-6">
      <p>
        <Link to={path('/admin/certificates')} className="text-sm text-brand-800 underline">
          {d.back}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{d.title(certificate.decisionNumber)}</h1>
        <p className="flex flex-wrap items-center gap-2 text-stone-700">
          <span>{pick(locale, certificate.product.nameVi, certificate.product.nameEn)}</span>
          <span aria-hidden="true">{'★'.repeat(certificate.stars)}</span>
          <CertificateStatusBadge status={certificate.status} />
          {open && certificate.status !== 'superseded' ? (
            <span className="text-sm">{t.daysLeft(certificate.daysLeft)}</span>
          ) : null}
        </p>
        {certificate.revokedAt ? (
          <p role="status" className="font-medium text-red-800">
            {d.revokedNote(formatDate(certificate.revokedAt, locale))}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="details-heading" className="space-y-2">
        <h2 id="details-heading" className="text-lg font-semibold">
          {d.details}
        </h2>
        <Details certificate={certificate} locale={locale} />
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <li>
            <Link to={path(`/certificates/${certificate.id}`)} className="text-brand-800 underline">
              {d.publicPage}
            </Link>
          </li>
          <li>
            <a href={path(`/certificates/${certificate.id}/qr.svg`)} className="text-brand-800 underline">
              {d.qr}
            </a>
          </li>
          {certificate.supersedes ? (
            <li>
              {d.supersedes}{' '}
              <Link to={path(`/admin/certificates/${certificate.supersedes.id}`)} className="text-brand-800 underline">
                {certificate.supersedes.decisionNumber}
              </Link>
            </li>
          ) : null}
          {certificate.supersededBy ? (
            <li>
              {d.supersededBy}{' '}
              <Link
                to={path(`/admin/certificates/${certificate.supersededBy.id}`)}
                className="text-brand-800 underline"
              >
                {certificate.supersededBy.decisionNumber}
              </Link>
            </li>
          ) : null}
        </ul>
      </section>

      {certificate.history.length > 1 ? (
        <section aria-labelledby="history-heading" className="space-y-2">
          <h2 id="history-heading" className="text-lg font-semibold">
            {d.history}
          </h2>
          <p className="text-sm text-stone-600">{d.historyHint}</p>
          <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {certificate.history.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-center gap-3 px-4 py-2 text-sm">
                {entry.id === certificate.id ? (
                  <span className="font-semibold">
                    {entry.decisionNumber} {d.thisOne}
                  </span>
                ) : (
                  <Link to={path(`/admin/certificates/${entry.id}`)} className="font-medium text-brand-800 underline">
                    {entry.decisionNumber}
                  </Link>
                )}
                <span>{t.stars(entry.stars)}</span>
                <span className="tabular-nums">
                  {formatDate(entry.issuedOn, locale)} – {formatDate(entry.expiresOn, locale)}
                </span>
                <CertificateStatusBadge status={entry.status} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {canUpdate && open ? (
        <section aria-labelledby="actions-heading" className="space-y-4">
          <h2 id="actions-heading" className="text-lg font-semibold">
            {d.actions}
          </h2>
          {current ? (
            <p>
              <Link
                to={path(`/admin/certificates/new?supersedes=${certificate.id}`)}
                className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
              >
                {d.reEvaluate}
              </Link>
            </p>
          ) : null}

          {current && certificate.stars === 4 ? (
            <section
              aria-labelledby="potential-heading"
              className="space-y-2 rounded-lg border border-stone-200 bg-white p-4"
            >
              <h3 id="potential-heading" className="font-semibold">
                {d.potentialHeading}
              </h3>
              <p className="text-sm text-stone-700">{certificate.potentialFiveStar ? d.potentialOn : d.potentialOff}</p>
              <Form method="post">
                <input type="hidden" name="value" value={certificate.potentialFiveStar ? 'off' : 'on'} />
                <SubmitButton name="intent" value={POTENTIAL_INTENT} variant="secondary">
                  {certificate.potentialFiveStar ? d.unmarkPotential : d.markPotential}
                </SubmitButton>
              </Form>
              <Alert intent={POTENTIAL_INTENT} />
            </section>
          ) : null}

          <section aria-labelledby="file-heading" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
            <h3 id="file-heading" className="font-semibold">
              {d.fileHeading}
            </h3>
            {certificate.hasDecisionFile ? (
              <p className="text-sm">
                <a href={path(`/certificates/${certificate.id}/decision`)} className="text-brand-800 underline">
                  {d.viewFile}
                </a>
              </p>
            ) : (
              <p className="text-sm text-stone-700">{d.noFile}</p>
            )}
            <Form method="post" encType="multipart/form-data" className="space-y-2">
              <label htmlFor="decision-file" className="block text-sm font-medium text-stone-800">
                {certificate.hasDecisionFile ? d.replaceFile : d.uploadFile}
              </label>
              <input
                id="decision-file"
                type="file"
                name={DECISION_FILE_FIELD}
                required
                accept="application/pdf,image/jpeg,image/png"
                aria-describedby="decision-file-hint"
                className="block w-full text-sm"
              />
              <p id="decision-file-hint" className="text-xs text-stone-500">
                {t.form.decisionFileHint(maxMegabytes)}
              </p>
              <Alert intent={FILE_INTENT} />
              <SubmitButton name="intent" value={FILE_INTENT} variant="secondary">
                {certificate.hasDecisionFile ? d.replaceFile : d.uploadFile}
              </SubmitButton>
            </Form>
          </section>

          <RevokeForm certificate={certificate} />
        </section>
      ) : null}

      <section aria-labelledby="audit-heading" className="space-y-2">
        <h2 id="audit-heading" className="text-lg font-semibold">
          {d.auditHeading}
        </h2>
        {certificate.auditEvents.length === 0 ? (
          <p className="text-sm text-stone-600">{d.noAudit}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm">
            {certificate.auditEvents.map((event) => (
              <li key={event.id} className="px-4 py-2">
                <p>{event.summary}</p>
                <p className="text-xs text-stone-500">
                  {formatDate(event.createdAt, locale)} · {event.actorEmail}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
