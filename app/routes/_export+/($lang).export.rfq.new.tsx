import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ATTACHMENT_ACCEPT } from '#app/components/rfq-thread.tsx'
import { ErrorList, FormError, SelectField, SubmitButton, TextareaField, TextField } from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { can } from '#app/modules/accounts/permissions.ts'
import { requireUser, requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import { countriesFor, countryName, isCountryCode } from '#app/modules/export/countries.ts'
import {
  createRfqErrors,
  INCOTERMS,
  neededByRange,
  RFQ_LIMITS,
  RfqRequestSchema,
  toRfqInput,
  type RfqProductFacts,
} from '#app/modules/rfq/rfq-schema.ts'
import { createRfq, getRfqProductFacts, getRfqProducts, rfqToday } from '#app/modules/rfq/rfqs.server.ts'
import { readRfqForm } from '#app/modules/rfq/rfq-upload.server.ts'
import { setToast } from '#app/utils/toast.server.ts'

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store' } as const
const ITEM_PRODUCT_FIELD = /^items\[\d+\]\.productId$/

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export const headers: HeadersFunction = () => PRIVATE_HEADERS

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale)
  const title = `${t.rfq.form.title} | ${t.siteName}`
  // A guest is sent to log in and comes back here, with the products still in the address.
  const user = await requireUser(request)
  if (!can(user, 'create:rfq:own')) {
    return data({ view: 'not-buyer' as const, title }, { status: 403, headers: PRIVATE_HEADERS })
  }
  if (!user.company?.trim() || !user.country) {
    return data({ view: 'profile-incomplete' as const, title }, { status: 403, headers: PRIVATE_HEADERS })
  }
  const asked = new URL(request.url).searchParams.getAll('product').slice(0, RFQ_LIMITS.maxItems)
  const found = await getRfqProducts(asked)
  const products = found.filter((p) => p.available)
  const unavailable = found.filter((p) => !p.available).map((p) => pick(locale, p.nameVi, p.nameEn))
  const today = rfqToday()
  // The Incoterm every product offers, if there is one; else FOB, the most common basis.
  const shared = INCOTERMS.find((code) => products.length > 0 && products.every((p) => p.incoterms.includes(code)))
  return data(
    {
      view: 'form' as const,
      title,
      today,
      company: user.company,
      country: countryName(user.country, locale),
      defaultCountry: isCountryCode(user.country) ? user.country : '',
      defaultIncoterm: shared ?? 'FOB',
      countries: countriesFor(locale),
      unavailable,
      products: products.map((p) => ({
        id: p.id,
        name: pick(locale, p.nameVi, p.nameEn),
        sku: p.sku,
        producerName: p.producerName,
        moqQuantity: p.moqQuantity,
        moqUnitEn: p.moqUnitEn,
      })),
      facts: Object.fromEntries(
        products.map((p) => [p.id, { available: true, moqQuantity: p.moqQuantity, moqUnitEn: p.moqUnitEn }]),
      ) as Record<string, RfqProductFacts>,
    },
    { headers: PRIVATE_HEADERS },
  )
}

function formFailure(message: string) {
  const result: SubmissionResult<string[]> = { status: 'error', error: { '': [message] } }
  return data({ result }, { status: 400 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale).rfq
  const user = await requireUserWithPermission(request, 'create:rfq:own')
  const upload = await readRfqForm(request, t.errors)
  if (!upload.ok) return formFailure(upload.message)
  const productIds = [...upload.form.entries()]
    .filter(([key, value]) => ITEM_PRODUCT_FIELD.test(key) && typeof value === 'string')
    .map(([, value]) => String(value))
  const schema = RfqRequestSchema(t.errors, { today: rfqToday(), products: await getRfqProductFacts(productIds) })
  const submission = parseWithZod(upload.form, { schema })
  const hideFields = ['attachments']
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields }) }, { status: 400 })
  const created = await createRfq(user.id, toRfqInput(submission.value), upload.files('attachments'), {
    origin: new URL(request.url).origin,
  })
  if (!created.ok) {
    const { '': formErrors, ...fieldErrors } = createRfqErrors(t, created.problems)
    return data({ result: submission.reply({ formErrors, fieldErrors, hideFields }) }, { status: 400 })
  }
  return redirect(localePath(locale, `/account/rfqs/${created.id}`), {
    headers: { 'Set-Cookie': await setToast({ kind: 'success', message: t.form.sent(created.number) }) },
  })
}

export default function NewRfqPage() {
  const page = useLoaderData<typeof loader>()
  const t = useMessages().rfq
  const locale = useLocale()
  if (page.view === 'not-buyer') {
    return (
      <Notice title={t.form.notBuyerTitle} text={t.form.notBuyerText}>
        <Link to={localePath(locale, '/account/signup')} className="font-semibold text-brand-800 underline">
          {t.form.signUpAsBuyer}
        </Link>
      </Notice>
    )
  }
  if (page.view === 'profile-incomplete') {
    return (
      <Notice title={t.form.profileIncompleteTitle} text={t.problems.profileIncomplete}>
        <Link to={localePath(locale, '/account')} className="font-semibold text-brand-800 underline">
          {t.form.completeProfile}
        </Link>
      </Notice>
    )
  }
  return <RequestForm page={page} />
}

function Notice({ title, text, children }: { title: string; text: string; children: React.ReactNode }) {
  return (
    <section className="mx-auto max-w-xl space-y-4 py-12 text-center">
      <h1 className="text-2xl font-bold text-stone-900">{title}</h1>
      <p className="text-stone-700">{text}</p>
      <p>{children}</p>
    </section>
  )
}

type FormPage = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { view: 'form' }>

function RequestForm({ page }: { page: FormPage }) {
  const actionData = useActionData<typeof action>()
  const messages = useMessages()
  const t = messages.rfq
  const f = t.form
  const locale = useLocale()
  const schema = RfqRequestSchema(t.errors, { today: page.today, products: page.facts })
  const range = neededByRange(page.today)
  const [form, fields] = useForm({
    id: 'rfq-new',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: {
      items: page.products.map((p) => ({
        productId: p.id,
        quantity: p.moqQuantity === null ? '' : String(p.moqQuantity),
        unitEn: p.moqUnitEn ?? '',
        targetPrice: '',
      })),
      incoterm: page.defaultIncoterm,
      destinationCountry: page.defaultCountry,
      destinationPort: '',
      neededBy: '',
      message: '',
    },
  })
  const productOf = new Map(page.products.map((p) => [p.id, p]))
  const rows = fields.items.getFieldList()

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-stone-900">{f.title}</h1>
        <p className="mt-2 text-stone-700">{f.intro}</p>
        <p className="mt-1 text-sm text-stone-600">{f.buyerAs(page.company, page.country)}</p>
      </div>
      {page.unavailable.length > 0 ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          {f.unavailable(page.unavailable.join(', '))}
        </p>
      ) : null}
      {page.products.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 px-4 py-8 text-center">
          <p className="text-stone-700">{f.noProducts}</p>
          <Link to={localePath(locale, '/export')} className="mt-3 inline-block font-medium text-brand-800 underline">
            {f.browseCatalogue}
          </Link>
        </div>
      ) : (
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-8">
          <FormError errors={form.errors} />
          <fieldset className="space-y-4">
            <legend className="mb-2 text-lg font-semibold">{f.productsHeading}</legend>
            <ErrorList id={fields.items.errorId} errors={fields.items.errors} />
            <ul className="space-y-4">
              {rows.map((row) => {
                const item = row.getFieldset()
                const product = productOf.get(String(item.productId.initialValue ?? item.productId.value ?? ''))
                const { key: _key, ...productIdProps } = getInputProps(item.productId, { type: 'hidden' })
                return (
                  <li key={row.key} className="rounded-lg border border-stone-200 bg-white p-4">
                    <input {...productIdProps} />
                    <p className="font-semibold text-stone-900">{product?.name}</p>
                    <p className="text-sm text-stone-600">
                      {f.producer}: {product?.producerName} · <span className="font-mono text-xs">{product?.sku}</span>{' '}
                      ·{' '}
                      <strong>
                        {product?.moqQuantity ? f.moq(product.moqQuantity, product.moqUnitEn ?? '') : f.noMoq}
                      </strong>
                    </p>
                    <ErrorList id={item.productId.errorId} errors={item.productId.errors} />
                    <div className="mt-3 grid gap-3 sm:grid-cols-3">
                      <TextField meta={item.quantity} label={f.quantity} type="number" inputMode="numeric" />
                      <TextField meta={item.unitEn} label={f.unit} />
                      <TextField meta={item.targetPrice} label={f.targetPrice} inputMode="decimal" />
                    </div>
                  </li>
                )
              })}
            </ul>
          </fieldset>

          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{f.termsHeading}</legend>
            <SelectField
              meta={fields.incoterm}
              label={f.incoterm}
              placeholder={f.choose}
              options={INCOTERMS.map((code) => ({ value: code, label: messages.exportTerms.incoterms[code] }))}
            />
            <SelectField
              meta={fields.destinationCountry}
              label={f.destinationCountry}
              placeholder={f.choose}
              options={page.countries.map((c) => ({ value: c.code, label: c.name }))}
            />
            <TextField meta={fields.destinationPort} label={f.destinationPort} hint={f.destinationPortHint} />
            <TextField
              meta={fields.neededBy}
              label={f.neededBy}
              hint={f.neededByHint}
              type="date"
              min={range.min}
              max={range.max}
            />
            <TextareaField
              meta={fields.message}
              label={f.message}
              hint={f.messageHint}
              rows={5}
              className="sm:col-span-2"
            />
            <div className="sm:col-span-2">
              <label htmlFor="rfq-attachments" className="mb-1 block text-sm font-medium text-stone-800">
                {f.attachments}
              </label>
              <input
                id="rfq-attachments"
                type="file"
                name="attachments"
                multiple
                accept={ATTACHMENT_ACCEPT}
                aria-describedby="rfq-attachments-hint"
                className="block w-full text-sm text-stone-700 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
              />
              <p id="rfq-attachments-hint" className="mt-1 text-xs text-stone-500">
                {f.attachmentsHint(RFQ_LIMITS.maxAttachments, RFQ_LIMITS.attachmentMaxMegabytes)}
              </p>
              <ErrorList errors={form.allErrors.attachments} />
            </div>
          </fieldset>

          <SubmitButton pendingText={f.submitting}>{f.submit}</SubmitButton>
        </Form>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
