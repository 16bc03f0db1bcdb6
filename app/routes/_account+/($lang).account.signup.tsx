import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CheckboxField, FormError, SelectField, SubmitButton, TextField } from '#app/components/ui/form.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { isEmailTaken, signUp } from '#app/modules/accounts/accounts.server.ts'
import { createSession, requireAnonymous, safeRedirectTo } from '#app/modules/accounts/session.server.ts'
import { mergeGuestCart } from '#app/modules/cart/cart.server.ts'
import { countryOptions, EVEN_WITH_FIELD_ERRORS, PASSWORD_RULES, SignupSchema } from './__account-schemas.ts'
import { AuthCard, linkClass } from './__auth-card.tsx'
import { redirectWithToast, requestOrigin } from './account-routes.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [{ title: `${t.account.signup.title} | ${t.siteName}` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireAnonymous(request)
  return { locale, countries: countryOptions(locale) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  await requireAnonymous(request)
  const t = messagesFor(locale).account
  const hideFields = ['password', 'confirmPassword']
  const submission = await parseWithZod(await readFormData(request), {
    schema: SignupSchema(t).superRefine(async (value, ctx) => {
      if (typeof value.email === 'string' && (await isEmailTaken(value.email))) {
        ctx.addIssue({ code: 'custom', path: ['email'], message: t.signup.emailTaken })
      }
    }, EVEN_WITH_FIELD_ERRORS),
    async: true,
  })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields }) }, { status: 400 })
  }
  const { name, email, password, exportBuyer, company, country, redirectTo } = submission.value
  const outcome = await signUp(
    {
      name,
      email,
      password,
      locale,
      exportBuyer: exportBuyer && company && country ? { company, country } : null,
    },
    requestOrigin(request),
  )
  if (!outcome.ok) {
    return data(
      { result: submission.reply({ fieldErrors: { email: [t.signup.emailTaken] }, hideFields }) },
      { status: 400 },
    )
  }
  const sessionCookie = await createSession(request, outcome.userId)
  const clearGuestCart = await mergeGuestCart(request, outcome.userId)
  return redirectWithToast(
    safeRedirectTo(redirectTo, localePath(locale, '/account')),
    outcome.mailSent
      ? { kind: 'success', message: t.signup.created(email) }
      : { kind: 'info', message: t.signup.createdMailFailed },
    clearGuestCart ? [sessionCookie, clearGuestCart] : [sessionCookie],
  )
}

export default function SignupPage() {
  const { countries } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages().account
  const locale = useLocale()
  const [searchParams] = useSearchParams()
  const redirectTo = searchParams.get('redirectTo') ?? ''
  const schema = SignupSchema(t)
  const [form, fields] = useForm({
    id: 'signup',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const loginTo = localePath(locale, '/account/login') + (redirectTo ? `?${searchParams.toString()}` : '')
  return (
    <AuthCard
      heading={t.signup.heading}
      intro={t.signup.intro}
      footer={
        <>
          {t.signup.haveAccount}{' '}
          <Link to={loginTo} className={linkClass}>
            {t.signup.loginLink}
          </Link>
        </>
      }
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormError errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.name} label={t.fields.name} autoComplete="name" />
        <TextField meta={fields.email} type="email" label={t.fields.email} autoComplete="email" />
        <TextField
          meta={fields.password}
          type="password"
          label={t.fields.password}
          hint={t.fields.passwordHint(PASSWORD_RULES.min)}
          autoComplete="new-password"
        />
        <TextField
          meta={fields.confirmPassword}
          type="password"
          label={t.fields.confirmPassword}
          autoComplete="new-password"
        />
        {/* Revealed by CSS alone, so it works before (and without) JavaScript. */}
        <div className="group space-y-3 rounded-md border border-stone-200 bg-stone-50 p-4">
          <CheckboxField meta={fields.exportBuyer} label={t.fields.exportBuyer} />
          <p className="text-xs text-stone-600">{t.fields.exportBuyerHint}</p>
          <fieldset className="hidden space-y-3 group-has-[input[type=checkbox]:checked]:block">
            <legend className="sr-only">{t.fields.exportBuyer}</legend>
            <TextField meta={fields.company} label={t.fields.company} autoComplete="organization" />
            <SelectField
              meta={fields.country}
              label={t.fields.country}
              options={countries}
              placeholder={t.fields.countryPlaceholder}
            />
          </fieldset>
        </div>
        <SubmitButton className="w-full" pendingText={t.signup.pending}>
          {t.signup.submit}
        </SubmitButton>
      </Form>
    </AuthCard>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
