import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { destroySession } from '#app/modules/accounts/session.server.ts'
import { redirectWithToast } from './account-routes.server.ts'

/** Logging out changes state, so only a POST does it; a visit by link just goes home. */
export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  return redirect(localePath(locale, '/'))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const clearCookie = await destroySession(request)
  return redirectWithToast(
    localePath(locale, '/'),
    { kind: 'success', message: messagesFor(locale).account.logout.done },
    [clearCookie],
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
