import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, FormError, SubmitButton } from '#app/components/ui/form.tsx'
import { localePath, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { DOCUMENT_MAX_MEGABYTES, readUploadForm } from '#app/modules/media/documents.server.ts'
import { resubmitApplication } from '#app/modules/office/producer-review.server.ts'
import { vietnamDay } from '#app/modules/orders/vietnam-time.ts'
import {
  DOCUMENT_FIELD,
  DocumentFileSchema,
  DocumentKindSchema,
  documentProblemText,
  PRODUCER_DOCUMENT_KINDS,
} from '#app/modules/producer/producer-document-form.ts'
import {
  addProducerDocument,
  deleteProducerDocument,
  documentsEditable,
  listProducerDocuments,
  storeProducerDocumentFile,
} from '#app/modules/producer/producer-documents.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { getDb } from '#app/utils/db.server.ts'
import { setToast } from '#app/utils/toast.server.ts'

const UPLOAD_INTENT = 'upload-document'
const DELETE_INTENT = 'delete-document'
const RESUBMIT_INTENT = 'resubmit'

function UploadSchema(m: Messages['office']['producerDocuments']) {
  return z.object({ kind: DocumentKindSchema(m), [DOCUMENT_FIELD]: DocumentFileSchema(m) })
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

/** Reachable while the application waits (requireSeller lets members of any producer status in). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'read:producer:own')
  const [documents, review] = await Promise.all([
    listProducerDocuments(producer.id),
    getDb().producer.findUniqueOrThrow({ where: { id: producer.id }, select: { status: true, reviewNote: true } }),
  ])
  return {
    title: messagesFor(locale).office.producerDocuments.title,
    documents,
    status: review.status,
    reviewNote: review.reviewNote,
    editable: documentsEditable(review.status),
    maxMegabytes: DOCUMENT_MAX_MEGABYTES,
  }
}

type ActionReply = { form: 'upload' | 'error'; result: SubmissionResult<string[]> | null; error: string | null }

function reply(body: ActionReply) {
  return data(body, { status: 400 })
}

async function back(locale: Locale, kind: 'success' | 'error', message: string) {
  return redirect(localePath(locale, '/seller/documents'), {
    headers: { 'Set-Cookie': await setToast({ kind, message }) },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const m = messagesFor(locale).office.producerDocuments
  const { user, producer } = await requireSeller(request, 'update:producer:own')
  const upload = await readUploadForm(request, { maxFiles: 1 })
  if (!upload.ok) {
    const text = documentProblemText(m, upload.problem, DOCUMENT_MAX_MEGABYTES)
    return reply({ form: 'upload', result: { status: 'error', error: { [DOCUMENT_FIELD]: [text] } }, error: null })
  }
  const form = upload.form
  switch (form.get('intent')) {
    case UPLOAD_INTENT:
      return uploadDocument(locale, producer, form)
    case DELETE_INTENT: {
      const result = await deleteProducerDocument(producer.id, String(form.get('documentId') ?? ''))
      if (!result.ok && result.reason === 'not-found') throw new Response('Not found', { status: 404 })
      return result.ok ? back(locale, 'success', m.deleted(result.fileName)) : back(locale, 'error', m.locked)
    }
    case RESUBMIT_INTENT: {
      const result = await resubmitApplication({ id: user.id, email: user.email }, producer.id)
      return result.ok ? back(locale, 'success', m.resubmitted) : back(locale, 'error', m.cannotResubmit)
    }
    default:
      return reply({ form: 'error', result: null, error: m.errors.unknownIntent })
  }
}

async function uploadDocument(locale: Locale, producer: { id: string }, form: FormData) {
  const m = messagesFor(locale).office.producerDocuments
  const submission = parseWithZod(form, { schema: UploadSchema(m) })
  if (submission.status !== 'success') return reply({ form: 'upload', result: submission.reply(), error: null })
  const stored = await storeProducerDocumentFile(submission.value.document)
  if (!stored.ok) {
    const text = documentProblemText(m, stored.problem, DOCUMENT_MAX_MEGABYTES)
    return reply({
      form: 'upload',
      result: submission.reply({ fieldErrors: { [DOCUMENT_FIELD]: [text] } }),
      error: null,
    })
  }
  const result = await addProducerDocument(producer.id, submission.value.kind, stored.stored)
  if (!result.ok) return reply({ form: 'upload', result: submission.reply({ formErrors: [m.locked] }), error: null })
  return back(locale, 'success', m.uploaded(result.fileName))
}

function UploadForm({
  maxMegabytes,
  lastResult,
}: {
  maxMegabytes: number
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const t = useMessages()
  const m = t.office.producerDocuments
  const schema = UploadSchema(m)
  const [form, fields] = useForm({
    id: 'upload-document',
    constraint: getZodConstraint(schema),
    lastResult,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const file = fields[DOCUMENT_FIELD]
  const { key: kindKey, ...kindProps } = getSelectProps(fields.kind)
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="max-w-xl space-y-4">
      <FormError errors={form.errors} />
      <div>
        <label htmlFor={fields.kind.id} className="mb-1 block text-sm font-medium text-stone-800">
          {m.kind}
        </label>
        <select
          key={kindKey}
          {...kindProps}
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 aria-[invalid]:border-red-500"
        >
          <option value="">{m.choose}</option>
          {PRODUCER_DOCUMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t.office.documentKinds[kind]}
            </option>
          ))}
        </select>
        <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
      </div>
      <div>
        <label htmlFor={file.id} className="mb-1 block text-sm font-medium text-stone-800">
          {m.file}
        </label>
        <input
          id={file.id}
          name={file.name}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-invalid={file.errors ? true : undefined}
          aria-describedby={`${file.id}-hint${file.errors ? ` ${file.errorId}` : ''}`}
          className="block w-full text-sm"
        />
        <p id={`${file.id}-hint`} className="mt-1 text-xs text-stone-500">
          {m.fileHint(maxMegabytes)}
        </p>
        <ErrorList id={file.errorId} errors={file.errors} />
      </div>
      <SubmitButton name="intent" value={UPLOAD_INTENT} pendingText={m.uploading}>
        {m.upload}
      </SubmitButton>
    </Form>
  )
}

export default function SellerDocumentsPage() {
  const { documents, status, reviewNote, editable, maxMegabytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages()
  const locale = useLocale()
  const m = t.office.producerDocuments
  const cell = 'px-3 py-2 align-top'
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{m.title}</h1>
        <p className="max-w-3xl text-sm text-stone-700">{m.intro}</p>
      </div>
      {actionData?.form === 'error' ? (
        <p role="alert" className="text-sm text-red-700">
          {actionData.error}
        </p>
      ) : null}

      {status === 'MORE_INFO' ? (
        <section
          aria-labelledby="resubmit-heading"
          className="space-y-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          <h2 id="resubmit-heading" className="text-base font-semibold">
            {m.resubmitHeading}
          </h2>
          {reviewNote ? (
            <p>
              {m.officeNote} <span className="whitespace-pre-line">{reviewNote}</span>
            </p>
          ) : null}
          <p>{m.resubmitHint}</p>
          <Form method="post">
            <SubmitButton name="intent" value={RESUBMIT_INTENT}>
              {m.resubmit}
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="documents-heading" className="space-y-3">
        <h2 id="documents-heading" className="text-lg font-semibold">
          {m.listHeading}
        </h2>
        {documents.length === 0 ? (
          <p className="text-sm text-stone-600">{m.empty}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-stone-50 text-stone-600">
                <tr>
                  <th scope="col" className={cell}>
                    {m.columns.kind}
                  </th>
                  <th scope="col" className={cell}>
                    {m.columns.name}
                  </th>
                  <th scope="col" className={`${cell} text-right`}>
                    {m.columns.size}
                  </th>
                  <th scope="col" className={cell}>
                    {m.columns.uploadedAt}
                  </th>
                  {editable ? (
                    <th scope="col" className={cell}>
                      <span className="sr-only">{m.columns.actions}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {documents.map((document) => (
                  <tr key={document.id}>
                    <td className={cell}>{t.office.documentKinds[document.kind]}</td>
                    <td className={`${cell} break-all`}>{document.fileName}</td>
                    <td className={`${cell} text-right whitespace-nowrap`}>{t.office.fileSize(document.sizeBytes)}</td>
                    <td className={`${cell} whitespace-nowrap`}>
                      {formatDate(vietnamDay(new Date(document.createdAt)), locale)}
                    </td>
                    {editable ? (
                      <td className={cell}>
                        <Form method="post">
                          <input type="hidden" name="documentId" value={document.id} />
                          <SubmitButton
                            name="intent"
                            value={DELETE_INTENT}
                            variant="secondary"
                            aria-label={m.deleteLabel(document.fileName)}
                          >
                            {m.delete}
                          </SubmitButton>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="upload-heading" className="space-y-3">
        <h2 id="upload-heading" className="text-lg font-semibold">
          {m.uploadHeading}
        </h2>
        {editable ? (
          <UploadForm
            maxMegabytes={maxMegabytes}
            lastResult={actionData?.form === 'upload' ? actionData.result : undefined}
          />
        ) : (
          <p className="text-sm text-stone-700">{m.locked}</p>
        )}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
