import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormError, SubmitButton, TextField } from '#app/components/ui/form.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requestPasswordReset } from '#app/modules/accounts/accounts.server.ts'
import { VERIFICATION_HOURS } from '#app/modules/accounts/verification.server.ts'
import { devMailboxEnabled } from '#app/modules/mail/mailer.server.ts'
import { ForgotPasswordSchema } from './__account-schemas.ts'
import { AuthCard, linkClass } from './__auth-card.tsx'
import { requestOrigin } from './account-routes.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [{ title: `${t.account.forgot.title} | ${t.siteName}` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  return { locale, devMailbox: devMailboxEnabled(), hours: VERIFICATION_HOURS.RESET_PASSWORD }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale).account
  const submission = parseWithZod(await readFormData(request), { schema: ForgotPasswordSchema(t) })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), sentTo: null }, { status: 400 })
  }
  const { email } = submission.value
  try {
    await requestPasswordReset(email, requestOrigin(request))
  } catch (error) {
    // A mail server failure must not answer differently from "no such account".
    console.error('forgot-password: the reset mail could not be sent', error)
  }
  return { result: submission.reply({ resetForm: true }), sentTo: email }
}

export default function ForgotPasswordPage() {
  const { devMailbox, hours } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages().account
  const locale = useLocale()
  const schema = ForgotPasswordSchema(t)
  const [form, fields] = useForm({
    id: 'forgot-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const back = (
    <Link to={localePath(locale, '/account/login')} className={linkClass}>
      {t.forgot.backToLogin}
    </Link>
  )
  if (actionData?.sentTo) {
    return (
      <AuthCard heading={t.forgot.sentHeading} footer={back}>
        <p role="status" className="text-stone-800">
          {t.forgot.sent(actionData.sentTo, hours)}
        </p>
        {devMailbox ? (
          <p className="mt-4 rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950">
            {t.forgot.devMailbox}{' '}
            <a href="/dev/mailbox" className={linkClass}>
              {t.forgot.devMailboxLink}
            </a>
          </p>
        ) : null}
      </AuthCard>
    )
  }
  return (
    <AuthCard heading={t.forgot.heading} intro={t.forgot.intro} footer={back}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormError errors={form.errors} />
        <TextField meta={fields.email} type="email" label={t.fields.email} autoComplete="email" />
        <SubmitButton className="w-full" pendingText={t.forgot.pending}>
          {t.forgot.submit}
        </SubmitButton>
      </Form>
    </AuthCard>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
