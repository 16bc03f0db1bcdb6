import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import {
  CheckboxField,
  ErrorList,
  FormError,
  SubmitButton,
  TextareaField,
  TextField,
} from '#app/components/ui/form.tsx'
import { type ExportCertificationKind } from '#app/generated/prisma/enums.ts'
import { localePath, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import {
  CERTIFICATION_KINDS,
  CertificationFields,
  CertificationSchema,
  EXPORT_TERMS_LIMITS,
  ExportTermsFields,
  ExportTermsSchema,
  formatUsdInput,
  INCOTERMS,
  TIER_BASES,
} from '#app/modules/export/export-terms-schema.ts'
import {
  addExportCertification,
  findOwnProduct,
  getExportTermsForEdit,
  removeExportCertification,
  saveExportTerms,
} from '#app/modules/export/export-terms.server.ts'
import { checkHsCode, formatHsCode } from '#app/modules/export/hs-codes.ts'
import { DOCUMENT_MAX_MEGABYTES, readUploadForm } from '#app/modules/media/documents.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { setToast } from '#app/utils/toast.server.ts'

const SAVE_TERMS_INTENT = 'save-export-terms'
const ADD_CERTIFICATION_INTENT = 'add-certification'
const REMOVE_CERTIFICATION_INTENT = 'remove-certification'
const FILE_FIELD = 'file'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

function notFound(): never {
  throw new Response('Not found', { status: 404 })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'update:listing:own')
  const product = await getExportTermsForEdit(producer.id, params.productId ?? '')
  if (!product) notFound()
  return {
    title: messagesFor(locale).exportTerms.form.pageTitle(product.nameVi),
    product,
    maxMegabytes: DOCUMENT_MAX_MEGABYTES,
  }
}

type Context = { locale: Locale; t: Messages; producerId: string; product: { id: string; nameVi: string } }

async function redirectWithToast(context: Context, message: string, hash = '') {
  const path = localePath(context.locale, `/seller/listings/${context.product.id}/export`) + hash
  return redirect(path, { headers: { 'Set-Cookie': await setToast({ kind: 'success', message }) } })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale)
  const { producer } = await requireSeller(request, 'update:listing:own')
  // Ownership first: another producer's product is a 404 before its body (or upload) is read.
  const product = await findOwnProduct(producer.id, params.productId ?? '')
  if (!product) notFound()
  const context: Context = { locale, t, producerId: producer.id, product }

  const upload = await readUploadForm(request, { maxFiles: 1 })
  if (!upload.ok) {
    // Only the certification form sends a file.
    const c = t.exportTerms.certifications.errors
    const message = upload.problem === 'too-big' ? c.fileTooBig(DOCUMENT_MAX_MEGABYTES) : c.tooManyFiles
    const result: SubmissionResult<string[]> = { status: 'error', error: { [FILE_FIELD]: [message] } }
    return data({ form: 'certification' as const, result }, { status: 400 })
  }
  switch (upload.form.get('intent')) {
    case SAVE_TERMS_INTENT:
      return saveTerms(upload.form, context)
    case ADD_CERTIFICATION_INTENT:
      return addCertification(upload.form, upload.files(FILE_FIELD), context)
    case REMOVE_CERTIFICATION_INTENT:
      return removeCertification(upload.form, context)
    default:
      return data({ form: 'error' as const, message: t.exportTerms.errors.unknownIntent }, { status: 400 })
  }
}

async function saveTerms(formData: FormData, context: Context) {
  const submission = parseWithZod(formData, { schema: ExportTermsSchema(context.t.exportTerms) })
  if (submission.status !== 'success') {
    return data({ form: 'terms' as const, result: submission.reply() }, { status: 400 })
  }
  const saved = await saveExportTerms(context.producerId, context.product.id, submission.value)
  if (!saved.ok) notFound()
  return redirectWithToast(context, context.t.exportTerms.toasts.saved(saved.name))
}

function certificationName(t: Messages, cert: { kind: ExportCertificationKind; otherName: string | null }): string {
  return cert.kind === 'OTHER' && cert.otherName ? cert.otherName : t.exportTerms.certificationKinds[cert.kind]
}

async function addCertification(formData: FormData, files: File[], context: Context) {
  const c = context.t.exportTerms.certifications.errors
  formData.delete(FILE_FIELD) // the reply echoes the form back; a file has no place in it
  const submission = parseWithZod(formData, { schema: CertificationSchema(context.t.exportTerms) })
  const file = files[0]
  if (submission.status !== 'success' || !file) {
    const reply = submission.reply(file ? {} : { fieldErrors: { [FILE_FIELD]: [c.fileRequired] } })
    return data({ form: 'certification' as const, result: reply }, { status: 400 })
  }
  const added = await addExportCertification(context.producerId, context.product.id, submission.value, file)
  if (!added.ok) {
    if (added.reason === 'not-found') notFound()
    const message = {
      empty: c.fileEmpty,
      'too-big': c.fileTooBig(DOCUMENT_MAX_MEGABYTES),
      'wrong-type': c.fileWrongType,
    }[added.problem]
    const reply = submission.reply({ fieldErrors: { [FILE_FIELD]: [message] } })
    return data({ form: 'certification' as const, result: reply }, { status: 400 })
  }
  const name = certificationName(context.t, submission.value)
  return redirectWithToast(context, context.t.exportTerms.toasts.certificationAdded(name), '#certifications')
}

async function removeCertification(formData: FormData, context: Context) {
  const certificationId = formData.get('certificationId')
  const removed = await removeExportCertification(
    context.producerId,
    context.product.id,
    typeof certificationId === 'string' ? certificationId : '',
  )
  if (!removed.ok) notFound()
  const name = certificationName(context.t, removed)
  return redirectWithToast(context, context.t.exportTerms.toasts.certificationRemoved(name), '#certifications')
}

export default function ExportTermsPage() {
  const { product, maxMegabytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages()
  const locale = useLocale()
  const f = t.exportTerms.form
  const ready = product.exportTerms?.exportReady === true
  return (
    <div className="space-y-10">
      <div>
        <Link to={localePath(locale, `/seller/listings/${product.id}`)} className="text-sm text-brand-800 underline">
          {f.backToListing}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{f.pageTitle(product.nameVi)}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {t.listings.index.sku(product.sku)} ·{' '}
          <span className={ready ? 'font-medium text-brand-800' : ''}>{ready ? f.statusReady : f.statusNotReady}</span>
        </p>
        <p className="mt-3 max-w-3xl text-sm text-stone-700">{f.intro}</p>
      </div>
      {actionData?.form === 'error' ? (
        <p role="alert" className="text-sm text-red-700">
          {actionData.message}
        </p>
      ) : null}
      <ExportTermsForm
        // A saved change remounts the form, so it shows what was stored.
        key={`${product.id}-${String(product.exportTerms?.updatedAt ?? 'new')}`}
        product={product}
        lastResult={actionData?.form === 'terms' ? actionData.result : undefined}
      />
      <Certifications
        product={product}
        maxMegabytes={maxMegabytes}
        lastResult={actionData?.form === 'certification' ? actionData.result : undefined}
      />
    </div>
  )
}

type ProductView = ReturnType<typeof useLoaderData<typeof loader>>['product']

function termsDefaults(product: ProductView) {
  const terms = product.exportTerms
  const text = (value: number | string | null | undefined) =>
    value === null || value === undefined ? '' : String(value)
  const tiers = Array.from({ length: EXPORT_TERMS_LIMITS.maxTiers }, (_, index) => {
    const tier = product.exportTiers[index]
    return tier
      ? { minQuantity: String(tier.minQuantity), priceUsd: formatUsdInput(tier.priceUsdCents) }
      : { minQuantity: '', priceUsd: '' }
  })
  return {
    exportReady: terms?.exportReady ? 'on' : '',
    nameEn: product.nameEn,
    descriptionEn: product.descriptionEn,
    hsCode: terms?.hsCode ? formatHsCode(terms.hsCode) : '',
    moqQuantity: text(terms?.moqQuantity),
    moqUnitEn: text(terms?.moqUnitEn),
    monthlyCapacity: text(terms?.monthlyCapacity),
    capacityUnitEn: text(terms?.capacityUnitEn),
    sampleLeadDays: text(terms?.sampleLeadDays),
    orderLeadDays: text(terms?.orderLeadDays),
    incoterms: terms?.incoterms ?? [],
    loadingPlace: text(terms?.loadingPlace),
    tierBasis: text(terms?.tierBasis),
    packagingEn: text(terms?.packagingEn),
    shelfLifeMonths: text(terms?.shelfLifeMonths),
    tiers,
  }
}

const selectClass =
  'block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none aria-[invalid]:border-red-500'

/** The terms form; a plain HTML form that works without JavaScript (six tier rows, empty ones ignored). */
function ExportTermsForm({
  product,
  lastResult,
}: {
  product: ProductView
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const t = useMessages()
  const locale = useLocale()
  const f = t.exportTerms.form
  const schema = ExportTermsSchema(t.exportTerms)
  const [form, fields] = useForm({
    id: `export-terms-${product.id}`,
    constraint: getZodConstraint(ExportTermsFields(t.exportTerms)),
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: termsDefaults(product),
  })
  const hs = checkHsCode(typeof fields.hsCode.value === 'string' ? fields.hsCode.value : '')
  // One ticked box comes back as a string, several as a list.
  const incotermsValue = fields.incoterms.value ?? fields.incoterms.initialValue
  const chosenIncoterms = new Set(Array.isArray(incotermsValue) ? incotermsValue : [incotermsValue])
  const { key: basisKey, ...basisProps } = getSelectProps(fields.tierBasis)
  const tierRows = fields.tiers.getFieldList()
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-8">
      <input type="hidden" name="intent" value={SAVE_TERMS_INTENT} />
      <FormError errors={form.errors} />
      <p className="text-sm text-stone-600">{f.requiredNote}</p>
      <CheckboxField meta={fields.exportReady} label={f.exportReady} />

      <fieldset className="grid gap-4">
        <legend className="mb-2 text-lg font-semibold">{f.englishSection}</legend>
        <TextField meta={fields.nameEn} label={f.nameEn} lang="en" />
        <TextareaField meta={fields.descriptionEn} label={f.descriptionEn} hint={f.descriptionEnHint} rows={5} />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{f.productSection}</legend>
        <div>
          <TextField meta={fields.hsCode} label={f.hsCode} hint={f.hsHint} inputMode="decimal" autoComplete="off" />
          <p aria-live="polite" className="mt-1 text-sm text-brand-800">
            {hs.ok
              ? hs.description
                ? f.hsHeading(hs.heading, hs.description[locale])
                : f.hsHeadingUnknown(hs.heading)
              : null}
          </p>
        </div>
        <TextField meta={fields.shelfLifeMonths} label={f.shelfLifeMonths} type="number" inputMode="numeric" />
        <TextField
          meta={fields.packagingEn}
          label={f.packagingEn}
          hint={f.packagingHint}
          lang="en"
          className="sm:col-span-2"
        />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{f.orderSection}</legend>
        <TextField meta={fields.moqQuantity} label={f.moqQuantity} type="number" inputMode="numeric" />
        <TextField meta={fields.moqUnitEn} label={f.moqUnitEn} hint={f.unitHint} lang="en" />
        <TextField meta={fields.monthlyCapacity} label={f.monthlyCapacity} type="number" inputMode="numeric" />
        <TextField meta={fields.capacityUnitEn} label={f.capacityUnitEn} lang="en" />
        <TextField meta={fields.sampleLeadDays} label={f.sampleLeadDays} type="number" inputMode="numeric" />
        <TextField meta={fields.orderLeadDays} label={f.orderLeadDays} type="number" inputMode="numeric" />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">{f.deliverySection}</legend>
        <fieldset aria-describedby={fields.incoterms.errorId}>
          <legend className="mb-1 text-sm font-medium text-stone-800">{f.incoterms}</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {INCOTERMS.map((code) => (
              <label key={code} className="flex items-start gap-2 text-sm text-stone-800">
                <input
                  type="checkbox"
                  name={fields.incoterms.name}
                  value={code}
                  defaultChecked={chosenIncoterms.has(code)}
                  className="mt-0.5 size-4 rounded border-stone-300"
                />
                {t.exportTerms.incoterms[code]}
              </label>
            ))}
          </div>
          {/* allErrors: also a refused code (incoterms[1]) from a hand-made request */}
          <ErrorList
            id={fields.incoterms.errorId}
            errors={[...new Set(Object.values(fields.incoterms.allErrors).flat())]}
          />
        </fieldset>
        <TextField meta={fields.loadingPlace} label={f.loadingPlace} hint={f.loadingPlaceHint} lang="en" />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">{f.pricesSection}</legend>
        <div className="max-w-sm">
          <label htmlFor={fields.tierBasis.id} className="mb-1 block text-sm font-medium text-stone-800">
            {f.tierBasis}
          </label>
          <select key={basisKey} {...basisProps} className={selectClass}>
            <option value="">{f.choose}</option>
            {TIER_BASES.map((code) => (
              <option key={code} value={code}>
                {t.exportTerms.incoterms[code]}
              </option>
            ))}
          </select>
          <ErrorList id={fields.tierBasis.errorId} errors={fields.tierBasis.errors} />
        </div>
        <p id="tiers-hint" className="text-sm text-stone-600">
          {f.tiersHint}
        </p>
        <ErrorList id={fields.tiers.errorId} errors={fields.tiers.errors} />
        <ol className="space-y-3">
          {tierRows.map((row, index) => {
            const cells = row.getFieldset()
            return (
              <li
                key={row.key}
                className="grid items-start gap-3 rounded-md border border-stone-200 p-3 sm:grid-cols-[5rem_1fr_1fr]"
              >
                <p className="pt-2 text-sm font-medium text-stone-700">{f.tierRow(index + 1)}</p>
                <TextField
                  meta={cells.minQuantity}
                  label={f.tierMinQuantity}
                  type="number"
                  inputMode="numeric"
                  min={1}
                />
                <TextField meta={cells.priceUsd} label={f.tierPrice} inputMode="decimal" autoComplete="off" />
              </li>
            )
          })}
        </ol>
      </fieldset>

      <SubmitButton name="intent" value={SAVE_TERMS_INTENT} pendingText={f.saving}>
        {f.save}
      </SubmitButton>
    </Form>
  )
}

function Certifications({
  product,
  maxMegabytes,
  lastResult,
}: {
  product: ProductView
  maxMegabytes: number
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const t = useMessages()
  const locale = useLocale()
  const c = t.exportTerms.certifications
  return (
    <section aria-labelledby="certifications-heading" id="certifications" className="space-y-4">
      <div>
        <h2 id="certifications-heading" className="text-xl font-semibold">
          {c.heading}
        </h2>
        <p className="mt-1 text-sm text-stone-700">{c.intro}</p>
      </div>
      {product.certifications.length === 0 ? (
        <p className="text-sm text-stone-600">{c.empty}</p>
      ) : (
        <ul className="space-y-3">
          {product.certifications.map((cert) => {
            const name =
              cert.kind === 'OTHER' && cert.otherName ? cert.otherName : t.exportTerms.certificationKinds[cert.kind]
            const expires = formatDate(cert.expiresOn, locale)
            return (
              <li
                key={cert.id}
                className={`flex flex-wrap items-start justify-between gap-3 rounded-md border p-4 ${cert.expired ? 'border-red-200 bg-red-50' : 'border-stone-200 bg-white'}`}
              >
                <div className="space-y-1 text-sm">
                  <p className="font-semibold text-stone-900">
                    {name}
                    {cert.expired ? (
                      <span className="ml-2 rounded bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">
                        {c.expired}
                      </span>
                    ) : null}
                  </p>
                  <p className="text-stone-700">{c.numberBy(cert.number, cert.issuer)}</p>
                  <p className="text-stone-600">
                    {cert.issuedOn ? `${c.issuedOn(formatDate(cert.issuedOn, locale))} · ` : ''}
                    {cert.expired ? c.expiredOn(expires) : c.validUntil(expires)}
                  </p>
                  {cert.hasFile ? (
                    <a
                      href={localePath(locale, `/export/certifications/${cert.id}/file`)}
                      className="font-medium text-brand-800 underline"
                      target="_blank"
                      rel="noreferrer"
                    >
                      {c.viewFile(cert.fileName ?? name)}
                    </a>
                  ) : (
                    <p className="text-stone-500">{c.noFile}</p>
                  )}
                </div>
                <Form method="post">
                  <input type="hidden" name="certificationId" value={cert.id} />
                  <SubmitButton
                    variant="secondary"
                    name="intent"
                    value={REMOVE_CERTIFICATION_INTENT}
                    aria-label={c.removeLabel(name)}
                  >
                    {c.remove}
                  </SubmitButton>
                </Form>
              </li>
            )
          })}
        </ul>
      )}
      <CertificationForm productId={product.id} maxMegabytes={maxMegabytes} lastResult={lastResult} />
    </section>
  )
}

function CertificationForm({
  productId,
  maxMegabytes,
  lastResult,
}: {
  productId: string
  maxMegabytes: number
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const t = useMessages()
  const c = t.exportTerms.certifications
  const schema = CertificationSchema(t.exportTerms)
  const [form, fields] = useForm({
    id: `export-certification-${productId}`,
    constraint: getZodConstraint(CertificationFields(t.exportTerms)),
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const { key: kindKey, ...kindProps } = getSelectProps(fields.kind)
  const fileErrors = lastResult?.error?.[FILE_FIELD] ?? null
  const fileHintId = `${form.id}-file-hint`
  const fileErrorId = `${form.id}-file-error`
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="space-y-4 rounded-md border border-stone-200 bg-stone-50 p-4"
    >
      <h3 className="text-lg font-semibold">{c.addHeading}</h3>
      <input type="hidden" name="intent" value={ADD_CERTIFICATION_INTENT} />
      <FormError errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={fields.kind.id} className="mb-1 block text-sm font-medium text-stone-800">
            {c.kind}
          </label>
          <select key={kindKey} {...kindProps} className={selectClass}>
            <option value="">{t.exportTerms.form.choose}</option>
            {CERTIFICATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.exportTerms.certificationKinds[kind]}
              </option>
            ))}
          </select>
          <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
        </div>
        <TextField meta={fields.otherName} label={c.otherName} hint={c.otherNameHint} />
        <TextField meta={fields.number} label={c.number} autoComplete="off" />
        <TextField meta={fields.issuer} label={c.issuer} />
        <TextField meta={fields.issuedOn} label={c.issuedOnLabel} type="date" />
        <TextField meta={fields.expiresOn} label={c.expiresOnLabel} type="date" />
        <div className="sm:col-span-2">
          <label htmlFor={`${form.id}-file`} className="mb-1 block text-sm font-medium text-stone-800">
            {c.file}
          </label>
          <input
            id={`${form.id}-file`}
            name={FILE_FIELD}
            type="file"
            required
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-describedby={fileErrors ? `${fileHintId} ${fileErrorId}` : fileHintId}
            aria-invalid={fileErrors ? true : undefined}
            className="block w-full text-sm text-stone-800 file:mr-3 file:rounded-md file:border-0 file:bg-brand-700 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-white"
          />
          <p id={fileHintId} className="mt-1 text-xs text-stone-500">
            {c.fileHint(maxMegabytes)}
          </p>
          <ErrorList id={fileErrorId} errors={fileErrors} />
        </div>
      </div>
      <SubmitButton name="intent" value={ADD_CERTIFICATION_INTENT} pendingText={c.adding}>
        {c.add}
      </SubmitButton>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
