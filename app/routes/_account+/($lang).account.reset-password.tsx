import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormError, SubmitButton, TextField } from '#app/components/ui/form.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { isResetTokenValid, resetPassword } from '#app/modules/accounts/accounts.server.ts'
import { createSession } from '#app/modules/accounts/session.server.ts'
import { PASSWORD_RULES, ResetPasswordSchema } from './__account-schemas.ts'
import { AuthCard, linkClass } from './__auth-card.tsx'
import { PRIVATE_HEADERS, redirectWithToast } from './account-routes.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [{ title: `${t.account.reset.title} | ${t.siteName}` }, { name: 'robots', content: 'noindex' }]
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const valid = token !== '' && (await isResetTokenValid(token))
  return data({ locale, token: valid ? token : null }, { headers: PRIVATE_HEADERS })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale).account
  const hideFields = ['password', 'confirmPassword']
  const submission = parseWithZod(await readFormData(request), { schema: ResetPasswordSchema(t) })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields }), invalidToken: false }, { status: 400 })
  }
  const outcome = await resetPassword(submission.value.token, submission.value.password)
  if (!outcome.ok) {
    return data(
      { result: submission.reply({ formErrors: [t.reset.invalidText], hideFields }), invalidToken: true },
      { status: 400 },
    )
  }
  const sessionCookie = await createSession(request, outcome.userId)
  return redirectWithToast(localePath(locale, '/account'), { kind: 'success', message: t.reset.done }, [sessionCookie])
}

export default function ResetPasswordPage() {
  const { token } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages().account
  const locale = useLocale()
  const schema = ResetPasswordSchema(t)
  const [form, fields] = useForm({
    id: 'reset-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  if (!token || actionData?.invalidToken) {
    return (
      <AuthCard heading={t.reset.invalidHeading}>
        <p className="text-stone-800">{t.reset.invalidText}</p>
        <p className="mt-6">
          <Link
            to={localePath(locale, '/account/forgot-password')}
            className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t.reset.askAgain}
          </Link>
        </p>
      </AuthCard>
    )
  }
  return (
    <AuthCard
      heading={t.reset.heading}
      intro={t.reset.intro}
      footer={
        <Link to={localePath(locale, '/account/login')} className={linkClass}>
          {t.forgot.backToLogin}
        </Link>
      }
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormError errors={form.errors} />
        <input type="hidden" name="token" value={token} />
        <TextField
          meta={fields.password}
          type="password"
          label={t.fields.newPassword}
          hint={t.fields.passwordHint(PASSWORD_RULES.min)}
          autoComplete="new-password"
        />
        <TextField
          meta={fields.confirmPassword}
          type="password"
          label={t.fields.confirmNewPassword}
          autoComplete="new-password"
        />
        <SubmitButton className="w-full" pendingText={t.reset.pending}>
          {t.reset.submit}
        </SubmitButton>
      </Form>
    </AuthCard>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
