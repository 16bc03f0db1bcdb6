import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SubmitButton } from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { OCOP_GROUPS } from '#app/modules/catalog/ocop-groups.ts'
import { createImportJob, listImportJobs } from '#app/modules/catalog-import/import-jobs.server.ts'
import { IMPORT_LIMITS } from '#app/modules/catalog-import/run-import.server.ts'
import { uploadProblem } from '#app/modules/catalog-import/upload-check.server.ts'
import { setToast } from '#app/utils/toast.server.ts'
import { ImportStatusBadge } from './__import-status-badge.tsx'
import { hasNulCharacter } from '#app/utils/form-data.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'import:listing:own')
  return { title: messagesFor(locale).catalogImport.title, jobs: await listImportJobs(producer.id) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale).catalogImport
  const { user, producer } = await requireSeller(request, 'import:listing:own')
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_LIMITS.maxBytes }),
    )
  } catch (error) {
    const message = error instanceof MaxPartSizeExceededError ? t.errors.tooLarge : t.errors.unreadable
    return data({ error: message }, { status: 400 })
  }
  if (hasNulCharacter(form)) return data({ error: t.errors.unreadable }, { status: 400 })
  const file = form.get('file')
  const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : null
  const problem = uploadProblem(file, bytes)
  if (problem || !(file instanceof File) || !bytes)
    return data({ error: t.errors[problem ?? 'noFile'] }, { status: 400 })

  let jobId: string
  try {
    jobId = await createImportJob(producer.id, user.id, file.name, bytes)
  } catch (error) {
    console.error('catalog import: could not start the job:', error)
    return data({ error: t.errors.queueFailed }, { status: 503 })
  }
  return redirect(localePath(locale, `/seller/import/${jobId}`), {
    headers: { 'Set-Cookie': await setToast({ kind: 'info', message: t.started(file.name.slice(0, 200)) }) },
  })
}

function formatTime(value: Date | string, locale: Locale): string {
  return new Date(value).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  })
}

export default function ImportPage() {
  const { jobs } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages().catalogImport
  const locale = useLocale()
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="mt-2 max-w-3xl text-stone-700">{t.intro}</p>
      </div>

      <section aria-labelledby="import-format" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="import-format" className="text-lg font-semibold">
          {t.format.title}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-stone-700">
          {t.format.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p className="mt-3">
          <a
            href={localePath(locale, '/seller/import/example.csv')}
            download
            className="text-sm font-medium text-brand-800 underline hover:text-brand-900"
          >
            {t.example}
          </a>
        </p>
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium text-stone-800">{t.format.codesTitle}</summary>
          <table className="mt-2 w-full text-left">
            <thead>
              <tr className="border-b border-stone-200 text-stone-600">
                <th scope="col" className="py-1 pr-4 font-medium">
                  {t.format.groupColumn}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {t.format.subgroupColumn}
                </th>
              </tr>
            </thead>
            <tbody>
              {OCOP_GROUPS.map((group) => (
                <tr key={group.code} className="border-b border-stone-100 align-top">
                  <td className="py-1 pr-4">
                    <code>{group.code}</code>
                    <span className="block text-xs text-stone-600">{pick(locale, group.nameVi, group.nameEn)}</span>
                  </td>
                  <td className="py-1">
                    <ul>
                      {group.subgroups.map((subgroup) => (
                        <li key={subgroup.code}>
                          <code>{subgroup.code}</code>{' '}
                          <span className="text-xs text-stone-600">
                            {pick(locale, subgroup.nameVi, subgroup.nameEn)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <Form method="post" encType="multipart/form-data" className="space-y-3">
        {actionData?.error ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
            {actionData.error}
          </p>
        ) : null}
        <div>
          <label htmlFor="import-file" className="mb-1 block text-sm font-medium text-stone-800">
            {t.fileLabel}
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby="import-file-hint"
            aria-invalid={actionData?.error ? true : undefined}
            className="block w-full text-sm text-stone-800 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium"
          />
          <p id="import-file-hint" className="mt-1 text-xs text-stone-500">
            {t.fileHint}
          </p>
        </div>
        <SubmitButton pendingText={t.submitting}>{t.submit}</SubmitButton>
      </Form>

      <section aria-labelledby="import-history">
        <h2 id="import-history" className="text-lg font-semibold">
          {t.history.title}
        </h2>
        {jobs.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t.history.empty}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-stone-200 text-stone-600">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t.history.file}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t.history.date}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t.history.status}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    {t.history.result}
                  </th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((job) => (
                  <tr key={job.id} className="border-b border-stone-100">
                    <td className="py-2 pr-4">
                      <Link
                        to={localePath(locale, `/seller/import/${job.id}`)}
                        className="font-medium text-brand-800 underline hover:text-brand-900"
                      >
                        {job.fileName}
                      </Link>
                    </td>
                    <td className="py-2 pr-4 whitespace-nowrap text-stone-700">{formatTime(job.createdAt, locale)}</td>
                    <td className="py-2 pr-4">
                      <ImportStatusBadge status={job.status} />
                    </td>
                    <td className="py-2 text-stone-700">
                      {job.status === 'QUEUED' ? null : t.counts(job.createdCount, job.updatedCount, job.rejectedCount)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
