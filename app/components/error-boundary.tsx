import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { localePath } from '#app/i18n/locale.ts'
import { messagesFor, useLocale } from '#app/i18n/messages.ts'

/** The one error boundary every route exports: a helpful page in the user's language. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  // A 503 (database unreachable, app/utils/service-unavailable.server.ts) comes without the root's
  // data, so the locale travels in the error itself.
  const errorLocale: unknown = isRouteErrorResponse(error) ? (error.data as { locale?: unknown } | null)?.locale : null
  const rootLocale = useLocale()
  const locale = errorLocale === 'en' || errorLocale === 'vi' ? errorLocale : rootLocale
  const t = messagesFor(locale)
  // 503s (database unreachable) are logged once per outage by the server, not once per page.
  if (status >= 500 && status !== 503 && typeof console !== 'undefined') console.error(error)
  const title =
    status === 404
      ? t.errors.notFoundTitle
      : status === 403
        ? t.errors.forbiddenTitle
        : status === 400
          ? t.errors.badRequestTitle
          : status === 503
            ? t.errors.unavailableTitle
            : t.errors.errorTitle
  const text =
    status === 404
      ? t.errors.notFoundText
      : status === 403
        ? t.errors.forbiddenText
        : status === 400
          ? t.errors.badRequestText
          : status === 503
            ? t.errors.unavailableText
            : t.errors.errorText
  return (
    <section className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">{status}</p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <p className="mt-4 text-stone-700">{text}</p>
      <div className="mt-8 flex justify-center gap-3">
        <Link
          to={localePath(locale, '/')}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          {t.errors.backHome}
        </Link>
        {status === 403 ? (
          <Link
            to={localePath(locale, '/account')}
            className="rounded-md border border-brand-300 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
          >
            {t.errors.myAccount}
          </Link>
        ) : null}
        <Link
          to={localePath(locale, '/products')}
          className="rounded-md border border-brand-300 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
        >
          {t.errors.browseProducts}
        </Link>
      </div>
    </section>
  )
}
