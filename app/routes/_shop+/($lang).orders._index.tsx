import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useMessages } from '#app/i18n/messages.ts'
import { getUser } from '#app/modules/accounts/session.server.ts'
import { grantOrderAccess, unlockOrder } from '#app/modules/checkout/order-access.server.ts'
import { OrderLookupSchema, UNLOCK_INTENT } from '#app/modules/checkout/order-lookup-schema.ts'
import { OrderLookupForm } from './__order-lookup.tsx'
import { readFormData } from '#app/utils/form-data.server.ts'

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store' } as const

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [{ title: `${t.orders.lookup.title} | ${t.siteName}` }, { name: 'robots', content: 'noindex' }]
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const user = await getUser(request)
  return data({ locale, signedIn: user !== null }, { headers: PRIVATE_HEADERS })
}

/** Number and phone: the order opens when both match, with one answer for every mismatch. */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale).orders.lookup
  const formData = await readFormData(request)
  if (formData.get('intent') !== UNLOCK_INTENT) throw new Response('Bad request', { status: 400 })
  const submission = parseWithZod(formData, { schema: OrderLookupSchema(t) })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400, headers: PRIVATE_HEADERS })
  }
  const { number, phone } = submission.value
  const outcome = await unlockOrder(request, number, phone)
  if (outcome.kind === 'blocked') {
    return data(
      { result: submission.reply({ formErrors: [t.blocked(outcome.minutes)] }) },
      { status: 429, headers: PRIVATE_HEADERS },
    )
  }
  if (outcome.kind === 'no-match') {
    return data({ result: submission.reply({ formErrors: [t.noMatch] }) }, { status: 400, headers: PRIVATE_HEADERS })
  }
  const headers = new Headers(PRIVATE_HEADERS)
  headers.append('Set-Cookie', await grantOrderAccess(request, number))
  return redirect(localePath(locale, `/orders/${number}`), { headers })
}

export default function OrderLookupPage() {
  const { signedIn } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages().orders.lookup
  return (
    <div className="mx-auto max-w-md space-y-4 py-6">
      <h1 className="text-2xl font-bold text-stone-900">{t.title}</h1>
      <p className="text-stone-700">{t.intro}</p>
      <OrderLookupForm lastResult={actionData?.result} signedIn={signedIn} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
