import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormError, SubmitButton, TextField } from '#app/components/ui/form.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { logIn } from '#app/modules/accounts/accounts.server.ts'
import { createSession, requireAnonymous, safeRedirectTo } from '#app/modules/accounts/session.server.ts'
import { mergeGuestCart } from '#app/modules/cart/cart.server.ts'
import { clientIp } from '#app/utils/request.server.ts'
import { LoginSchema } from './__account-schemas.ts'
import { AuthCard, linkClass } from './__auth-card.tsx'
import { redirectWithToast } from './account-routes.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [{ title: `${t.account.login.title} | ${t.siteName}` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireAnonymous(request)
  return { locale }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  await requireAnonymous(request)
  const t = messagesFor(locale).account
  const submission = parseWithZod(await readFormData(request), { schema: LoginSchema(t) })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const outcome = await logIn({ email, password, ipAddress: clientIp(request) })
  if (!outcome.ok) {
    const blocked = outcome.reason === 'blocked'
    const message = blocked ? t.login.blocked(outcome.retryAfterMinutes) : t.login.invalid
    return data(
      { result: submission.reply({ formErrors: [message], hideFields: ['password'] }) },
      blocked ? { status: 429, headers: { 'Retry-After': String(outcome.retryAfterMinutes * 60) } } : { status: 400 },
    )
  }
  const sessionCookie = await createSession(request, outcome.userId)
  const clearGuestCart = await mergeGuestCart(request, outcome.userId)
  return redirectWithToast(
    safeRedirectTo(redirectTo, localePath(locale, '/')),
    { kind: 'success', message: t.login.welcome(outcome.name) },
    clearGuestCart ? [sessionCookie, clearGuestCart] : [sessionCookie],
  )
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>()
  const t = useMessages().account
  const locale = useLocale()
  const [searchParams] = useSearchParams()
  const redirectTo = searchParams.get('redirectTo') ?? ''
  const schema = LoginSchema(t)
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const signupTo = localePath(locale, '/account/signup') + (redirectTo ? `?${searchParams.toString()}` : '')
  return (
    <AuthCard
      heading={t.login.heading}
      intro={t.login.intro}
      footer={
        <>
          {t.login.noAccount}{' '}
          <Link to={signupTo} className={linkClass}>
            {t.login.signupLink}
          </Link>
        </>
      }
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormError errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.email} type="email" label={t.fields.email} autoComplete="email" />
        <TextField meta={fields.password} type="password" label={t.fields.password} autoComplete="current-password" />
        <p className="text-sm">
          <Link to={localePath(locale, '/account/forgot-password')} className={linkClass}>
            {t.login.forgotPassword}
          </Link>
        </p>
        <SubmitButton className="w-full" pendingText={t.login.pending}>
          {t.login.submit}
        </SubmitButton>
      </Form>
    </AuthCard>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
