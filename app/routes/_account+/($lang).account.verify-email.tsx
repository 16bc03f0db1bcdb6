import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { verifyEmail } from '#app/modules/accounts/accounts.server.ts'
import { AuthCard } from './__auth-card.tsx'
import { PRIVATE_HEADERS, redirectWithToast } from './account-routes.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [{ title: `${t.account.verify.title} | ${t.siteName}` }, { name: 'robots', content: 'noindex' }]
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

/**
 * Opening the mailed link is the confirmation, as users expect of such links; the token works once,
 * and a reader who is not logged in reaches the account page through the log-in page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const userId = token ? await verifyEmail(token) : null
  if (userId) {
    throw await redirectWithToast(localePath(locale, '/account'), {
      kind: 'success',
      message: messagesFor(locale).account.verify.done,
    })
  }
  return data({ locale }, { headers: PRIVATE_HEADERS })
}

export default function VerifyEmailPage() {
  const t = useMessages().account
  const locale = useLocale()
  return (
    <AuthCard heading={t.verify.invalidHeading}>
      <p className="text-stone-800">{t.verify.invalidText}</p>
      <p className="mt-6">
        <Link
          to={localePath(locale, '/account')}
          className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t.verify.goToAccount}
        </Link>
      </p>
    </AuthCard>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
