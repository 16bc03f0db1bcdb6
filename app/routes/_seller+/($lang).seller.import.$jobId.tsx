import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { getImportJob } from '#app/modules/catalog-import/import-jobs.server.ts'
import { ImportStatusBadge } from './__import-status-badge.tsx'

const REFRESH_MS = 1_500

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'import:listing:own')
  // Looked up within the producer: another producer's import is "not found", never shown.
  const job = await getImportJob(producer.id, params.jobId ?? '')
  if (!job) throw new Response('Not found', { status: 404 })
  return { title: messagesFor(locale).catalogImport.job.title(job.fileName), job }
}

/** Reloads the page's data every REFRESH_MS while `active` (without JavaScript, <noscript> refreshes). */
function useRefreshWhile(active: boolean) {
  const { revalidate, state } = useRevalidator()
  const idle = useRef(true)
  idle.current = state === 'idle'
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => {
      if (idle.current) revalidate()
    }, REFRESH_MS)
    return () => clearInterval(timer)
  }, [active, revalidate])
}

export default function ImportJobPage() {
  const { job } = useLoaderData<typeof loader>()
  const t = useMessages().catalogImport
  const locale = useLocale()
  const active = job.status === 'QUEUED' || job.status === 'RUNNING'
  useRefreshWhile(active)
  const counting = job.totalRows > 0
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold break-all">{t.job.title(job.fileName)}</h1>
        <ImportStatusBadge status={job.status} />
      </div>

      {/* Present from the start, so that the end of the import is announced; quiet while it runs. */}
      <p role="status" className="sr-only">
        {job.status === 'DONE' ? t.job.done : job.status === 'FAILED' ? t.job.failedTitle : ''}
      </p>

      {active ? (
        <section aria-labelledby="import-progress" className="space-y-2">
          <noscript>
            <meta httpEquiv="refresh" content="3" />
          </noscript>
          <h2 id="import-progress" className="sr-only">
            {t.job.progressLabel}
          </h2>
          {counting ? (
            <progress
              value={job.processedRows}
              max={job.totalRows}
              aria-label={t.job.progressLabel}
              className="h-3 w-full max-w-xl accent-brand-700"
            />
          ) : (
            <progress aria-label={t.job.progressLabel} className="h-3 w-full max-w-xl accent-brand-700" />
          )}
          <p className="text-sm text-stone-800">
            {job.status === 'QUEUED'
              ? t.job.queued
              : counting
                ? t.job.progress(job.processedRows, job.totalRows)
                : t.job.checking}
          </p>
          {counting ? (
            <p className="text-sm text-stone-600">{t.counts(job.createdCount, job.updatedCount, job.rejectedCount)}</p>
          ) : null}
          <p className="text-xs text-stone-500">
            {t.job.autoRefresh}{' '}
            <Link to="." reloadDocument className="text-brand-800 underline">
              {t.job.refresh}
            </Link>
          </p>
        </section>
      ) : null}

      {job.status === 'FAILED' ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p className="font-semibold">{t.job.failedTitle}</p>
          <p className="mt-1">{job.error}</p>
          {job.createdCount + job.updatedCount > 0 ? (
            <p className="mt-1">{t.job.savedBeforeFailure(job.createdCount, job.updatedCount)}</p>
          ) : null}
        </div>
      ) : null}

      {job.status === 'DONE' ? (
        <section aria-labelledby="import-result">
          <h2 id="import-result" className="text-lg font-semibold">
            {t.job.done}
          </h2>
          <dl className="mt-3 grid max-w-xl grid-cols-3 gap-3 text-center">
            {(
              [
                [t.job.created, job.createdCount, 'text-green-800'],
                [t.job.updated, job.updatedCount, 'text-sky-800'],
                [t.job.rejected, job.rejectedCount, job.rejectedCount > 0 ? 'text-red-800' : 'text-stone-800'],
              ] as const
            ).map(([label, value, color]) => (
              <div key={label} className="rounded-lg border border-stone-200 bg-white p-3">
                <dt className="text-xs text-stone-600">{label}</dt>
                <dd className={`text-2xl font-bold ${color}`}>
                  {value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US')}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      {job.rejections.length > 0 && !active ? (
        <section aria-labelledby="import-rejections">
          <h2 id="import-rejections" className="text-lg font-semibold">
            {t.job.rejectionsTitle}
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-stone-700">
            {t.job.rejectionsNote} {t.job.reasonsLanguage}
          </p>
          {job.rejectedCount > job.rejections.length ? (
            <p className="mt-1 text-sm text-stone-700">{t.job.truncated(job.rejections.length, job.rejectedCount)}</p>
          ) : null}
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-stone-200 text-stone-600">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t.job.line}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t.job.sku}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    {t.job.reasons}
                  </th>
                </tr>
              </thead>
              <tbody>
                {job.rejections.map((rejection) => (
                  <tr key={rejection.line} className="border-b border-stone-100 align-top">
                    <td className="py-2 pr-4 tabular-nums">{rejection.line}</td>
                    <td className="py-2 pr-4 break-all">
                      <code>{rejection.sku}</code>
                    </td>
                    <td className="py-2">
                      <ul className="space-y-0.5" lang="vi">
                        {rejection.reasons.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {!active ? (
        <p className="flex flex-wrap gap-4 text-sm">
          <Link to={localePath(locale, '/seller/import')} className="font-medium text-brand-800 underline">
            {t.job.another}
          </Link>
          <Link to={localePath(locale, '/seller/listings')} className="font-medium text-brand-800 underline">
            {t.job.listings}
          </Link>
        </p>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
