import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import {
  CheckboxField,
  ErrorList,
  FormError,
  SubmitButton,
  TextareaField,
  TextField,
} from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { getSession, requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import { DOCUMENT_MAX_MEGABYTES, readUploadForm, type StoredDocument } from '#app/modules/media/documents.server.ts'
import {
  applyAsProducer,
  communeExists,
  listCommunesByProvince,
  listUserProducers,
  listVillageOptions,
  villageExists,
} from '#app/modules/producer/applications.server.ts'
import {
  DOCUMENT_FIELD,
  DOCUMENT_KIND_FIELD,
  DocumentFileSchema,
  DocumentKindSchema,
  documentProblemText,
  PRODUCER_DOCUMENT_KINDS,
} from '#app/modules/producer/producer-document-form.ts'
import { storeProducerDocumentFile } from '#app/modules/producer/producer-documents.server.ts'
import { setToast } from '#app/utils/toast.server.ts'

const PRODUCER_KINDS = ['HOP_TAC_XA', 'DOANH_NGHIEP', 'HO_KINH_DOANH', 'TO_HOP_TAC'] as const
/** Enterprises and household businesses register with a tax code; cooperatives have their own numbers. */
const TAX_CODE_KINDS: readonly string[] = ['DOANH_NGHIEP', 'HO_KINH_DOANH']
const TAX_CODE = /^\d{10}(-\d{3})?$/
const NAME_MAX = 200
const STORY_MAX = 5_000

/** "0912 345 678", "+84 912.345.678" → "0912345678". */
function normalizePhone(text: string): string {
  const compact = text.replace(/[\s.()-]/g, '')
  return compact.replace(/^(\+84|84)(?=\d{9,10}$)/, '0')
}

function ApplySchema(a: Messages['seller']['apply'], d: Messages['office']['producerDocuments']) {
  const e = a.errors
  return z
    .object({
      name: z.string({ error: e.nameRequired }).trim().min(2, e.nameRequired).max(NAME_MAX, e.nameTooLong(NAME_MAX)),
      kind: z.enum(PRODUCER_KINDS, { error: e.kindRequired }),
      registrationNumber: z.string({ error: e.registrationRequired }).trim(),
      communeCode: z.string({ error: e.communeRequired }),
      villageId: z.string().optional(),
      womenLed: z.boolean().optional().default(false),
      ethnicMinority: z.boolean().optional().default(false),
      storyVi: z
        .string({ error: e.storyRequired })
        .trim()
        .min(1, e.storyRequired)
        .max(STORY_MAX, e.storyTooLong(STORY_MAX)),
      storyEn: z.string().trim().max(STORY_MAX, e.storyTooLong(STORY_MAX)).optional().default(''),
      phone: z
        .string({ error: e.phoneRequired })
        .transform(normalizePhone)
        .refine((phone) => /^0\d{9,10}$/.test(phone), e.phoneInvalid),
      email: z.email({ error: (issue) => (issue.input === undefined ? e.emailRequired : e.emailInvalid) }),
      // One paper may come with the application (more later at /seller/documents).
      [DOCUMENT_KIND_FIELD]: DocumentKindSchema(d).optional(),
      [DOCUMENT_FIELD]: DocumentFileSchema(d).optional(),
    })
    .superRefine((value, ctx) => {
      if (value[DOCUMENT_FIELD] && !value[DOCUMENT_KIND_FIELD]) {
        ctx.addIssue({ code: 'custom', path: [DOCUMENT_KIND_FIELD], message: d.errors.kindRequired })
      }
      const number = value.registrationNumber
      if (TAX_CODE_KINDS.includes(value.kind)) {
        if (!TAX_CODE.test(number)) {
          ctx.addIssue({ code: 'custom', path: ['registrationNumber'], message: e.taxCodeInvalid })
        }
      } else if (number.length < 5 || number.length > 20) {
        ctx.addIssue({ code: 'custom', path: ['registrationNumber'], message: e.coopNumberInvalid })
      }
    })
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUserWithPermission(request, 'create:producer:own')
  const [provinces, villages, producers] = await Promise.all([
    listCommunesByProvince(),
    listVillageOptions(),
    listUserProducers(user.id),
  ])
  return {
    title: messagesFor(locale).seller.apply.title,
    provinces,
    villages,
    producers,
    defaultEmail: user.email,
    maxMegabytes: DOCUMENT_MAX_MEGABYTES,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale)
  const user = await requireUserWithPermission(request, 'create:producer:own')
  const d = t.office.producerDocuments
  const upload = await readUploadForm(request, { maxFiles: 1 })
  if (!upload.ok) {
    const text = documentProblemText(d, upload.problem, DOCUMENT_MAX_MEGABYTES)
    return data({ result: { status: 'error' as const, error: { [DOCUMENT_FIELD]: [text] } } }, { status: 400 })
  }
  const formData = upload.form
  const e = t.seller.apply.errors
  const schema = ApplySchema(t.seller.apply, d).superRefine(async (value, ctx) => {
    if (!(await communeExists(value.communeCode))) {
      ctx.addIssue({ code: 'custom', path: ['communeCode'], message: e.communeUnknown })
    }
    if (value.villageId && !(await villageExists(value.villageId))) {
      ctx.addIssue({ code: 'custom', path: ['villageId'], message: e.villageUnknown })
    }
  })
  const submission = await parseWithZod(formData, { schema, async: true })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { [DOCUMENT_FIELD]: file, [DOCUMENT_KIND_FIELD]: kind, ...application } = submission.value
  const documents: { kind: (typeof PRODUCER_DOCUMENT_KINDS)[number]; stored: StoredDocument }[] = []
  if (file && kind) {
    const stored = await storeProducerDocumentFile(file)
    if (!stored.ok) {
      const text = documentProblemText(d, stored.problem, DOCUMENT_MAX_MEGABYTES)
      return data({ result: submission.reply({ fieldErrors: { [DOCUMENT_FIELD]: [text] } }) }, { status: 400 })
    }
    documents.push({ kind, stored: stored.stored })
  }
  const session = await getSession(request)
  const producer = await applyAsProducer(
    user.id,
    session?.id ?? null,
    { ...application, villageId: application.villageId ?? null, email: application.email.toLowerCase() },
    documents,
  )
  return redirect(localePath(locale, '/seller'), {
    headers: { 'Set-Cookie': await setToast({ kind: 'success', message: t.seller.apply.submitted(producer.name) }) },
  })
}

const selectClass =
  'block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none aria-[invalid]:border-red-500'

export default function ApplyPage() {
  const { provinces, villages, producers, defaultEmail, maxMegabytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages()
  const locale = useLocale()
  const a = t.seller.apply
  const d = t.office.producerDocuments
  const schema = ApplySchema(a, d)
  const [form, fields] = useForm({
    id: 'seller-apply',
    constraint: getZodConstraint(schema),
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: { email: defaultEmail },
  })
  const { key: kindKey, ...kindProps } = getSelectProps(fields.kind)
  const { key: communeKey, ...communeProps } = getSelectProps(fields.communeCode, { ariaDescribedBy: 'commune-hint' })
  const { key: villageKey, ...villageProps } = getSelectProps(fields.villageId)
  const documentKind = fields[DOCUMENT_KIND_FIELD]
  const documentFile = fields[DOCUMENT_FIELD]
  const { key: documentKindKey, ...documentKindProps } = getSelectProps(documentKind)
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{a.title}</h1>
        <p className="mt-2 text-stone-700">{a.intro}</p>
      </div>
      {producers.length > 0 ? (
        <div role="status" className="rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950">
          <p>{a.alreadyMember(producers.map((p) => p.name).join(', '))}</p>
          <p className="mt-1">
            <Link to={localePath(locale, '/seller')} className="font-semibold underline">
              {a.goToSeller}
            </Link>
          </p>
          <p className="mt-1">{a.anotherNote}</p>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-8">
        <FormError errors={form.errors} />
        <fieldset className="grid gap-4">
          <legend className="mb-2 text-lg font-semibold">{a.producer}</legend>
          <TextField meta={fields.name} label={a.name} hint={a.nameHint} autoComplete="organization" />
          <div>
            <label htmlFor={fields.kind.id} className="mb-1 block text-sm font-medium text-stone-800">
              {a.kind}
            </label>
            <select key={kindKey} {...kindProps} className={selectClass}>
              <option value="">{a.choose}</option>
              {PRODUCER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t.producerKinds[kind]}
                </option>
              ))}
            </select>
            <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
          </div>
          <TextField
            meta={fields.registrationNumber}
            label={a.registrationNumber}
            hint={a.registrationHint}
            autoComplete="off"
            spellCheck={false}
          />
          <CheckboxField meta={fields.womenLed} label={a.womenLed} />
          <CheckboxField meta={fields.ethnicMinority} label={a.ethnicMinority} />
        </fieldset>

        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-lg font-semibold">{a.place}</legend>
          <div>
            <label htmlFor={fields.communeCode.id} className="mb-1 block text-sm font-medium text-stone-800">
              {a.commune}
            </label>
            <select key={communeKey} {...communeProps} className={selectClass}>
              <option value="">{a.choose}</option>
              {provinces.map((province) => (
                <optgroup key={province.code} label={pick(locale, province.nameVi, province.nameEn)}>
                  {province.communes.map((commune) => (
                    <option key={commune.code} value={commune.code}>
                      {commune.kind} {commune.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <p id="commune-hint" className="mt-1 text-xs text-stone-500">
              {a.communeHint}
            </p>
            <ErrorList id={fields.communeCode.errorId} errors={fields.communeCode.errors} />
          </div>
          <div>
            <label htmlFor={fields.villageId.id} className="mb-1 block text-sm font-medium text-stone-800">
              {a.village}
            </label>
            <select key={villageKey} {...villageProps} className={selectClass}>
              <option value="">{a.noVillage}</option>
              {villages.map((village) => (
                <option key={village.id} value={village.id}>
                  {pick(locale, village.name, village.nameEn)} ({village.commune.province.nameVi})
                </option>
              ))}
            </select>
            <ErrorList id={fields.villageId.errorId} errors={fields.villageId.errors} />
          </div>
        </fieldset>

        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-lg font-semibold">{a.storyAndContact}</legend>
          <TextareaField
            meta={fields.storyVi}
            label={a.storyVi}
            hint={a.storyViHint}
            rows={5}
            className="sm:col-span-2"
          />
          <TextareaField meta={fields.storyEn} label={a.storyEn} rows={3} className="sm:col-span-2" />
          <TextField meta={fields.phone} label={a.phone} type="tel" autoComplete="tel" />
          <TextField meta={fields.email} label={a.email} type="email" autoComplete="email" />
        </fieldset>

        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-lg font-semibold">{d.applyLegend}</legend>
          <p className="text-sm text-stone-600 sm:col-span-2">{d.applyHint}</p>
          <div>
            <label htmlFor={documentKind.id} className="mb-1 block text-sm font-medium text-stone-800">
              {d.kind}
            </label>
            <select key={documentKindKey} {...documentKindProps} className={selectClass}>
              <option value="">{d.choose}</option>
              {PRODUCER_DOCUMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t.office.documentKinds[kind]}
                </option>
              ))}
            </select>
            <ErrorList id={documentKind.errorId} errors={documentKind.errors} />
          </div>
          <div>
            <label htmlFor={documentFile.id} className="mb-1 block text-sm font-medium text-stone-800">
              {d.file}
            </label>
            <input
              id={documentFile.id}
              name={documentFile.name}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-invalid={documentFile.errors ? true : undefined}
              aria-describedby={`${documentFile.id}-hint${documentFile.errors ? ` ${documentFile.errorId}` : ''}`}
              className="block w-full text-sm"
            />
            <p id={`${documentFile.id}-hint`} className="mt-1 text-xs text-stone-500">
              {d.fileHint(maxMegabytes)}
            </p>
            <ErrorList id={documentFile.errorId} errors={documentFile.errors} />
          </div>
        </fieldset>

        <SubmitButton pendingText={a.submitting}>{a.submit}</SubmitButton>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
