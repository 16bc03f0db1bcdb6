import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CheckboxField, ErrorList, FormError, SelectField, SubmitButton, TextField } from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import {
  CERTIFICATE_LEVELS,
  CERTIFIED_STARS,
  isoDay,
  KNOWN_LEGAL_BASES,
  parseIsoDay,
} from '#app/modules/certification/certificate-rules.ts'
import {
  CertificateSchema,
  DECISION_FILE_FIELD,
  decisionFileMessage,
  problemFieldErrors,
  type CertificateMessages,
} from '#app/modules/certification/certificate-schema.ts'
import {
  DECISION_FILE_MAX_MEGABYTES,
  getProductChoice,
  getReEvaluationBase,
  readDecisionUpload,
  recordCertificate,
  reEvaluate,
  searchProductsForCertificate,
} from '#app/modules/certification/certificates.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { setToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale).certificates
  await requireUserWithPermission(request, 'update:certificate:any')
  const today = now()
  const url = new URL(request.url)
  const supersedes = url.searchParams.get('supersedes')
  const productId = url.searchParams.get('productId')
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100)
  const page = { title: t.form.title, today: isoDay(today), q, maxMegabytes: DECISION_FILE_MAX_MEGABYTES }

  if (supersedes) {
    const base = await getReEvaluationBase(supersedes)
    if (!base.ok && base.reason === 'not-found') throw new Response('Not found', { status: 404 })
    if (!base.ok) {
      return {
        ...page,
        title: t.form.reEvaluateTitle,
        conflict: t.conflicts[base.reason],
        supersedes,
        previous: null,
        product: null,
        results: [],
      }
    }
    const product = await getProductChoice(base.certificate.productId, today)
    return {
      ...page,
      title: t.form.reEvaluateTitle,
      conflict: null,
      supersedes,
      previous: base.certificate,
      product,
      results: [],
    }
  }
  const product = productId ? await getProductChoice(productId, today) : null
  if (productId && !product) throw new Response('Not found', { status: 404 })
  const results = !product && q ? await searchProductsForCertificate(q, today) : []
  return { ...page, conflict: null, supersedes: null, previous: null, product, results }
}

function failure(result: SubmissionResult<string[]>) {
  return data({ result }, { status: 400 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale).certificates
  const user = await requireUserWithPermission(request, 'update:certificate:any')
  const today = now()
  const upload = await readDecisionUpload(request)
  const formData = upload.form ?? new FormData()
  const submission = parseWithZod(formData, { schema: CertificateSchema(t, locale, today) })
  const fileError = upload.ok ? null : decisionFileMessage(t, upload.problem, DECISION_FILE_MAX_MEGABYTES)
  if (submission.status !== 'success') {
    const result = submission.reply()
    if (fileError) result.error = { ...result.error, [DECISION_FILE_FIELD]: [fileError] }
    return failure(result)
  }
  if (!upload.ok) return failure(submission.reply({ fieldErrors: { [DECISION_FILE_FIELD]: [fileError ?? ''] } }))

  const actor = { id: user.id, email: user.email }
  const input = { ...submission.value, decisionFile: upload.file }
  const outcome = submission.value.supersedes
    ? await reEvaluate(actor, submission.value.supersedes, input, { today })
    : await recordCertificate(actor, input, { today })
  if (!outcome.ok) {
    if (outcome.reason === 'not-found') throw new Response('Not found', { status: 404 })
    if (outcome.reason === 'invalid') {
      return failure(submission.reply({ fieldErrors: problemFieldErrors(t, locale, outcome.problems) }))
    }
    return failure(submission.reply({ formErrors: [t.conflicts[outcome.reason]] }))
  }
  const message = outcome.supersededDecision
    ? t.form.reEvaluated(outcome.decisionNumber, outcome.supersededDecision)
    : t.form.recorded(outcome.decisionNumber)
  return redirect(localePath(locale, `/admin/certificates/${outcome.id}`), {
    headers: { 'Set-Cookie': await setToast({ kind: 'success', message }) },
  })
}

type Product = NonNullable<Awaited<ReturnType<typeof loader>>['product']>

function ProductSummary({ product, locale, t }: { product: Product; locale: Locale; t: CertificateMessages }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
      <p className="text-stone-600">{t.fields.product}</p>
      <p className="text-lg font-semibold">{pick(locale, product.nameVi, product.nameEn)}</p>
      <p className="text-stone-700">
        {product.producer.name} · {t.fields.sku}: {product.sku}
      </p>
      <p className="mt-1 text-stone-700">{t.form.currentStars(product.currentStars)}</p>
    </div>
  )
}

function ProductSearch() {
  const { q, results } = useLoaderData<typeof loader>()
  const t = useMessages().certificates
  const locale = useLocale()
  return (
    <section aria-labelledby="find-product" className="space-y-3">
      <h2 id="find-product" className="text-lg font-semibold">
        {t.form.findProduct}
      </h2>
      <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor="product-q" className="mb-1 block text-sm font-medium text-stone-800">
            {t.form.findProductLabel}
          </label>
          <input
            id="product-q"
            type="search"
            name="q"
            defaultValue={q}
            className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium">
          {t.form.findProductSubmit}
        </button>
      </Form>
      {q && results.length === 0 ? <p className="text-sm text-stone-700">{t.form.noProducts}</p> : null}
      {results.length > 0 ? (
        <ul
          aria-label={t.form.productResults}
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
        >
          {results.map((product) => {
            const name = pick(locale, product.nameVi, product.nameEn)
            return (
              <li key={product.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-2 text-sm">
                <div>
                  <p className="font-medium">{name}</p>
                  <p className="text-stone-600">
                    {product.producer.name} · {product.sku} · {t.form.currentStars(product.currentStars)}
                  </p>
                </div>
                <Link
                  to={`?productId=${encodeURIComponent(product.id)}`}
                  aria-label={t.form.chooseLabel(name)}
                  className="rounded-md border border-brand-300 px-3 py-1 font-medium text-brand-800 hover:bg-brand-50"
                >
                  {t.form.choose}
                </Link>
              </li>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}

function CertificateForm() {
  const { today, product, previous, supersedes, maxMegabytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages().certificates
  const locale = useLocale()
  const schema = CertificateSchema(t, locale, parseIsoDay(today) ?? new Date())
  const [form, fields] = useForm({
    id: 'certificate-form',
    constraint: getZodConstraint(schema),
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: {
      productId: product?.id ?? '',
      supersedes: supersedes ?? '',
      ...(previous
        ? {
            stars: String(previous.stars),
            level: previous.level,
            issuer: previous.issuer,
            legalBasis: previous.legalBasis,
            potentialFiveStar: previous.potentialFiveStar ? 'on' : undefined,
          }
        : {}),
    },
  })
  const fileErrorId = 'decision-file-error'
  const fileErrors = form.allErrors[DECISION_FILE_FIELD]
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
      <FormError errors={form.errors} />
      <input type="hidden" name={fields.productId.name} value={product?.id ?? ''} />
      {supersedes ? <input type="hidden" name={fields.supersedes.name} value={supersedes} /> : null}
      <ErrorList id={fields.productId.errorId} errors={fields.productId.errors} />
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <SelectField
          meta={fields.stars}
          label={t.fields.stars}
          placeholder={t.form.chooseOption}
          options={CERTIFIED_STARS.map((n) => ({ value: String(n), label: t.stars(n) }))}
        />
        <TextField
          meta={fields.score}
          label={t.fields.score}
          type="number"
          hint={t.form.scoreHint}
          inputMode="numeric"
        />
        <SelectField
          meta={fields.level}
          label={t.fields.level}
          hint={t.form.levelHint}
          placeholder={t.form.chooseOption}
          options={CERTIFICATE_LEVELS.map((level) => ({ value: level, label: t.levels[level] }))}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <TextField meta={fields.issuer} label={t.fields.issuer} hint={t.form.issuerHint} className="sm:col-span-2" />
        <TextField
          meta={fields.decisionNumber}
          label={t.fields.decisionNumber}
          hint={t.form.decisionHint}
          spellCheck={false}
        />
        <TextField meta={fields.decisionDate} label={t.fields.decisionDate} type="date" max={today} />
        <TextField meta={fields.issuedOn} label={t.fields.issuedOn} type="date" max={today} />
        <TextField meta={fields.expiresOn} label={t.fields.expiresOn} type="date" hint={t.form.expiresHint} />
        <TextField
          meta={fields.legalBasis}
          label={t.fields.legalBasis}
          hint={t.form.legalBasisHint}
          list="legal-bases"
          className="sm:col-span-2"
        />
        <datalist id="legal-bases">
          {KNOWN_LEGAL_BASES.map((basis) => (
            <option key={basis} value={basis} />
          ))}
        </datalist>
        <div className="sm:col-span-2">
          <CheckboxField meta={fields.potentialFiveStar} label={t.potentialFiveStar} />
          <p className="mt-1 text-xs text-stone-500">{t.form.potentialHint}</p>
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="decision-file" className="mb-1 block text-sm font-medium text-stone-800">
            {t.fields.decisionFile}
          </label>
          <input
            id="decision-file"
            type="file"
            name={DECISION_FILE_FIELD}
            accept="application/pdf,image/jpeg,image/png"
            aria-describedby={fileErrors?.length ? fileErrorId : 'decision-file-hint'}
            aria-invalid={fileErrors?.length ? true : undefined}
            className="block w-full text-sm"
          />
          <p id="decision-file-hint" className="mt-1 text-xs text-stone-500">
            {t.form.decisionFileHint(maxMegabytes)}
          </p>
          <ErrorList id={fileErrorId} errors={fileErrors} />
        </div>
      </fieldset>
      <SubmitButton pendingText={t.form.submitting}>
        {supersedes ? t.form.submitReEvaluate : t.form.submit}
      </SubmitButton>
    </Form>
  )
}

export default function NewCertificatePage() {
  const { title, product, previous, conflict, supersedes } = useLoaderData<typeof loader>()
  const t = useMessages().certificates
  const locale = useLocale()
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link to={localePath(locale, '/admin/certificates')} className="text-sm text-brand-800 underline">
          {t.form.back}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{title}</h1>
      {conflict ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p>{conflict}</p>
          {supersedes ? (
            <p className="mt-1">
              <Link to={localePath(locale, `/admin/certificates/${supersedes}`)} className="font-semibold underline">
                {t.form.openPrevious}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {previous ? <p className="text-stone-700">{t.form.reEvaluateIntro(previous.decisionNumber)}</p> : null}
      {conflict ? null : product ? (
        <>
          <ProductSummary product={product} locale={locale} t={t} />
          {previous ? null : (
            <p>
              <Link to="?" className="text-sm text-brand-800 underline">
                {t.form.changeProduct}
              </Link>
            </p>
          )}
          <CertificateForm />
        </>
      ) : (
        <ProductSearch />
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
