import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, FormError, SubmitButton, TextareaField } from '#app/components/ui/form.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { countriesFor } from '#app/modules/export/countries.ts'
import {
  EXPORT_TERMS_LIMITS,
  ExportProfileFields,
  ExportProfileSchema,
} from '#app/modules/export/export-terms-schema.ts'
import { getExportProfile, saveExportProfile } from '#app/modules/export/export-terms.server.ts'
import { setToast } from '#app/utils/toast.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'update:producer:own')
  const profile = await getExportProfile(producer.id)
  return { title: messagesFor(locale).exportTerms.profile.title, producerName: producer.name, profile }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale)
  const { producer } = await requireSeller(request, 'update:producer:own')
  const formData = await readFormData(request)
  const submission = parseWithZod(formData, { schema: ExportProfileSchema(t.exportTerms) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  await saveExportProfile(producer.id, submission.value)
  return redirect(localePath(locale, '/seller/export-profile'), {
    headers: { 'Set-Cookie': await setToast({ kind: 'success', message: t.exportTerms.toasts.profileSaved }) },
  })
}

export default function ExportProfilePage() {
  const { producerName, profile } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages()
  const locale = useLocale()
  const p = t.exportTerms.profile
  const schema = ExportProfileSchema(t.exportTerms)
  const [form, fields] = useForm({
    id: 'export-profile',
    constraint: getZodConstraint(ExportProfileFields(t.exportTerms)),
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: profile,
  })
  const markets = fields.exportMarkets.initialValue
  const ticked = new Set(Array.isArray(markets) ? markets : [markets])
  const marketsHintId = 'export-markets-hint'
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{p.title}</h1>
        <p className="mt-1 text-sm text-stone-600">{producerName}</p>
        <p className="mt-3 text-sm text-stone-700">{p.intro}</p>
      </div>
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <FormError errors={form.errors} />
        <TextareaField
          meta={fields.exportProfileEn}
          label={p.profileEn}
          hint={p.profileHint(EXPORT_TERMS_LIMITS.profileMaxLength)}
          rows={8}
        />
        <fieldset aria-describedby={`${marketsHintId} ${fields.exportMarkets.errorId}`}>
          <legend className="mb-1 text-sm font-medium text-stone-800">{p.markets}</legend>
          <p id={marketsHintId} className="mb-2 text-xs text-stone-500">
            {p.marketsHint}
          </p>
          <div className="grid grid-cols-2 gap-1 sm:grid-cols-3">
            {countriesFor(locale).map((country) => (
              <label key={country.code} className="flex items-center gap-2 text-sm text-stone-800">
                <input
                  type="checkbox"
                  name={fields.exportMarkets.name}
                  value={country.code}
                  defaultChecked={ticked.has(country.code)}
                  className="size-4 rounded border-stone-300"
                />
                {country.name} <span className="text-xs text-stone-500">({country.code})</span>
              </label>
            ))}
          </div>
          <ErrorList id={fields.exportMarkets.errorId} errors={fields.exportMarkets.errors} />
        </fieldset>
        <SubmitButton pendingText={p.saving}>{p.save}</SubmitButton>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
