import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import {
  AttachmentList,
  ItemsTable,
  PartStatusBadge,
  QuoteCard,
  Thread,
  useDateTime,
} from '#app/components/rfq-thread.tsx'
import { FormError, SelectField, SubmitButton, TextareaField, TextField } from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { holds } from '#app/modules/accounts/permissions.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { countryName } from '#app/modules/export/countries.ts'
import { addDays } from '#app/modules/orders/vietnam-time.ts'
import {
  DECLINE_PART_INTENT,
  DeclinePartSchema,
  fileProblemMessage,
  INCOTERMS,
  MESSAGE_INTENT,
  MessageSchema,
  partProblemMessage,
  QUOTE_CURRENCIES,
  QUOTE_INTENT,
  QuoteSchema,
  RFQ_LIMITS,
  toQuoteInput,
  validUntilRange,
} from '#app/modules/rfq/rfq-schema.ts'
import {
  declinePart,
  findProducerPartRef,
  getProducerPart,
  postRfqMessage,
  rfqToday,
  submitQuote,
} from '#app/modules/rfq/rfqs.server.ts'
import { readRfqForm } from '#app/modules/rfq/rfq-upload.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { setToast, type Toast } from '#app/utils/toast.server.ts'

/** A quote is offered for a month unless the producer says otherwise. */
const DEFAULT_VALIDITY_DAYS = 30

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user, producer } = await requireSeller(request, 'read:rfq-part:own')
  const part = await getProducerPart(producer.id, params.partId ?? '')
  if (!part) throw new Response('Not found', { status: 404 })
  const { rfq } = part
  return {
    title: `${messagesFor(locale).rfq.seller.partTitle(rfq.number)} · ${producer.name}`,
    viewerId: user.id,
    canUpdate: holds(user, 'update:rfq-part:own'),
    part: {
      ...part,
      rfq: {
        ...rfq,
        buyerCountryName: countryName(rfq.buyerCountry, locale),
        destination: [rfq.destinationPort, countryName(rfq.destinationCountry, locale)].filter(Boolean).join(', '),
      },
    },
  }
}

type ActionContext = {
  locale: Locale
  t: ReturnType<typeof messagesFor>['rfq']
  userId: string
  producerId: string
  part: { id: string; number: string; itemIds: string[] }
  origin: string
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale).rfq
  const { user, producer } = await requireSeller(request, 'update:rfq-part:own')
  const part = await findProducerPartRef(producer.id, params.partId ?? '')
  if (!part) throw new Response('Not found', { status: 404 })
  const ctx: ActionContext = {
    locale,
    t,
    userId: user.id,
    producerId: producer.id,
    part,
    origin: new URL(request.url).origin,
  }
  const upload = await readRfqForm(request, t.errors)
  if (!upload.ok) return backWithToast(ctx, { kind: 'error', message: upload.message })
  switch (upload.form.get('intent')) {
    case QUOTE_INTENT:
      return quote(ctx, upload.form)
    case DECLINE_PART_INTENT:
      return decline(ctx, upload.form)
    case MESSAGE_INTENT:
      return message(ctx, upload.form, upload.files('attachments'))
    default:
      throw new Response('Bad request', { status: 400 })
  }
}

async function backWithToast(ctx: ActionContext, toast: Toast) {
  return redirect(localePath(ctx.locale, `/seller/rfqs/${ctx.part.id}`), {
    headers: { 'Set-Cookie': await setToast(toast) },
  })
}

async function refused(ctx: ActionContext, result: Exclude<Awaited<ReturnType<typeof submitQuote>>, { ok: true }>) {
  const message = partProblemMessage(ctx.t, result.problem, ctx.locale)
  if (message === null) throw new Response('Not found', { status: 404 })
  return backWithToast(ctx, { kind: 'error', message })
}

async function quote(ctx: ActionContext, form: FormData) {
  const schema = QuoteSchema(ctx.t.errors, { today: rfqToday(), itemIds: ctx.part.itemIds })
  const submission = parseWithZod(form, { schema })
  if (submission.status !== 'success') {
    return data({ intent: QUOTE_INTENT, result: submission.reply() }, { status: 400 })
  }
  const result = await submitQuote(ctx.producerId, ctx.part.id, ctx.userId, toQuoteInput(submission.value), {
    origin: ctx.origin,
  })
  if (!result.ok) return refused(ctx, result)
  return backWithToast(ctx, { kind: 'success', message: ctx.t.toasts.quoted(result.number) })
}

async function decline(ctx: ActionContext, form: FormData) {
  const submission = parseWithZod(form, { schema: DeclinePartSchema(ctx.t.errors) })
  if (submission.status !== 'success') {
    return data({ intent: DECLINE_PART_INTENT, result: submission.reply() }, { status: 400 })
  }
  const result = await declinePart(ctx.producerId, ctx.part.id, submission.value.reason, { origin: ctx.origin })
  if (!result.ok) return refused(ctx, result)
  return backWithToast(ctx, { kind: 'success', message: ctx.t.toasts.declined(result.number) })
}

async function message(ctx: ActionContext, form: FormData, files: File[]) {
  const submission = parseWithZod(form, { schema: MessageSchema(ctx.t.errors) })
  const hideFields = ['attachments']
  if (submission.status !== 'success') {
    return data({ intent: MESSAGE_INTENT, result: submission.reply({ hideFields }) }, { status: 400 })
  }
  const result = await postRfqMessage(
    { side: 'producer', userId: ctx.userId, producerId: ctx.producerId },
    ctx.part.id,
    submission.value.body,
    files,
    { origin: ctx.origin },
  )
  if (result.ok) return backWithToast(ctx, { kind: 'success', message: ctx.t.toasts.messageSent })
  if (result.reason === 'not-found') throw new Response('Not found', { status: 404 })
  const fieldErrors = { attachments: result.problems.map((problem) => fileProblemMessage(ctx.t.errors, problem)) }
  return data({ intent: MESSAGE_INTENT, result: submission.reply({ fieldErrors, hideFields }) }, { status: 400 })
}

// ───────────── Page ─────────────

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

function useResultFor(intent: string): SubmissionResult<string[]> | undefined {
  const actionData = useActionData<typeof action>()
  return actionData?.intent === intent ? actionData.result : undefined
}

export default function SellerRfqPart() {
  const { part, viewerId, canUpdate } = useLoaderData<typeof loader>()
  const messages = useMessages()
  const t = messages.rfq
  const r = t.request
  const s = t.seller
  const locale = useLocale()
  const at = useDateTime()
  const messageResult = useResultFor(MESSAGE_INTENT)
  const { rfq } = part
  const incotermLabel = (code: string) =>
    messages.exportTerms.incoterms[code as keyof typeof messages.exportTerms.incoterms] ?? code

  return (
    <article className="space-y-6">
      <div>
        <Link to={localePath(locale, '/seller/rfqs')} className="text-sm text-brand-800 underline">
          ‹ {s.back}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-bold text-stone-900">{s.partTitle(rfq.number)}</h1>
          <PartStatusBadge status={part.status} />
        </div>
        <p className="mt-1 text-sm text-stone-600">
          {r.sentAt}: <time dateTime={rfq.createdAt.toISOString()}>{at(rfq.createdAt)}</time>
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="request-heading" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="request-heading" className="mb-3 text-lg font-semibold">
              {r.heading}
            </h2>
            <dl className="grid gap-3 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-stone-500">{r.company}</dt>
                <dd className="font-medium">{rfq.company}</dd>
              </div>
              <div>
                <dt className="text-stone-500">{r.country}</dt>
                <dd className="font-medium">{rfq.buyerCountryName}</dd>
              </div>
              <div>
                <dt className="text-stone-500">{r.buyer}</dt>
                <dd className="font-medium">{rfq.buyerName}</dd>
              </div>
              <div>
                <dt className="text-stone-500">{r.incoterm}</dt>
                <dd className="font-medium">{incotermLabel(rfq.incoterm)}</dd>
              </div>
              <div>
                <dt className="text-stone-500">{r.destination}</dt>
                <dd className="font-medium">{rfq.destination}</dd>
              </div>
              <div>
                <dt className="text-stone-500">{r.neededBy}</dt>
                <dd className="font-medium">{formatDate(rfq.neededBy, locale)}</dd>
              </div>
              {rfq.message ? (
                <div className="sm:col-span-3">
                  <dt className="text-stone-500">{r.message}</dt>
                  <dd className="whitespace-pre-line">{rfq.message}</dd>
                </div>
              ) : null}
            </dl>
            <AttachmentList attachments={rfq.attachments} label={r.attachments} />
          </section>

          <section aria-labelledby="items-heading" className="space-y-2">
            <h2 id="items-heading" className="text-lg font-semibold">
              {r.itemsHeading}
            </h2>
            <ItemsTable items={part.items} caption={r.itemsHeading} />
          </section>

          {part.declinedBy ? (
            <div role="note" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-950">
              <p className="font-semibold">{part.declinedBy === 'producer' ? s.youDeclined : s.buyerDeclined}</p>
              {part.declineReason ? <p className="mt-1 whitespace-pre-line">{part.declineReason}</p> : null}
            </div>
          ) : null}

          {part.quotes.length > 0 ? (
            <section aria-labelledby="quotes-heading" className="space-y-3">
              <h2 id="quotes-heading" className="text-lg font-semibold">
                {s.yourQuotes}
              </h2>
              {part.quotes.map((quote) => (
                <QuoteCard key={quote.id} quote={quote} items={part.items} incotermLabel={incotermLabel} />
              ))}
            </section>
          ) : null}

          <Thread
            key={part.messages.length /* a fresh, empty form once a message was sent */}
            partId={part.id}
            messages={part.messages}
            viewerId={viewerId}
            lastResult={messageResult}
          />
        </div>

        <aside className="space-y-4">
          {!part.canAnswer ? (
            <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700">
              {part.status === 'EXPIRED' ? s.expired(formatDate(rfq.expiresOn, locale)) : s.closed}
            </p>
          ) : !canUpdate ? (
            <p className="text-sm text-stone-600">{s.readOnly}</p>
          ) : (
            <>
              <QuoteForm key={part.quotes.length} part={part} />
              <DeclineForm />
            </>
          )}
        </aside>
      </div>
    </article>
  )
}

function QuoteForm({ part }: { part: LoaderData['part'] }) {
  const messages = useMessages()
  const t = messages.rfq
  const s = t.seller
  const locale = useLocale()
  const schema = QuoteSchema(t.errors, { today: part.today, itemIds: part.items.map((item) => item.id) })
  const range = validUntilRange(part.today)
  const leadDays = Math.max(0, ...part.items.map((item) => item.product.exportTerms?.orderLeadDays ?? 0))
  const [form, fields] = useForm({
    id: 'quote',
    lastResult: useResultFor(QUOTE_INTENT),
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: {
      currency: 'USD',
      lines: part.items.map((item) => ({ itemId: item.id, unitPrice: '' })),
      validUntil: addDays(part.today, DEFAULT_VALIDITY_DAYS),
      leadTimeDays: leadDays > 0 ? String(leadDays) : '',
      incoterm: part.rfq.incoterm,
      terms: '',
    },
  })
  const itemOf = new Map(part.items.map((item) => [item.id, item]))
  return (
    <section aria-labelledby="quote-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="quote-heading" className="font-semibold text-stone-900">
        {s.quoteHeading}
      </h2>
      <p className="mt-1 mb-3 text-sm text-stone-600">{s.quoteHint}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <FormError errors={form.errors} />
        <SelectField
          meta={fields.currency}
          label={s.currency}
          options={QUOTE_CURRENCIES.map((code) => ({ value: code, label: t.currency[code] }))}
        />
        {fields.lines.getFieldList().map((line) => {
          const lineFields = line.getFieldset()
          const item = itemOf.get(String(lineFields.itemId.initialValue ?? ''))
          const { key: _key, ...itemIdProps } = getInputProps(lineFields.itemId, { type: 'hidden' })
          return (
            <div key={line.key}>
              <input {...itemIdProps} />
              <TextField
                meta={lineFields.unitPrice}
                label={`${item ? pick(locale, item.product.nameVi, item.product.nameEn) : ''} · ${s.unitPrice(item?.unitEn ?? '')}`}
                inputMode="decimal"
                autoComplete="off"
              />
            </div>
          )
        })}
        <TextField meta={fields.validUntil} label={s.validUntil} type="date" min={range.min} max={range.max} />
        <TextField
          meta={fields.leadTimeDays}
          label={s.leadTime}
          type="number"
          inputMode="numeric"
          min={RFQ_LIMITS.leadTimeMinDays}
          max={RFQ_LIMITS.leadTimeMaxDays}
        />
        <SelectField
          meta={fields.incoterm}
          label={s.incoterm}
          options={INCOTERMS.map((code) => ({ value: code, label: messages.exportTerms.incoterms[code] }))}
        />
        <TextareaField meta={fields.terms} label={s.terms} hint={s.termsHint} rows={3} />
        <SubmitButton name="intent" value={QUOTE_INTENT} pendingText={s.quoting} className="w-full">
          {s.submitQuote}
        </SubmitButton>
      </Form>
    </section>
  )
}

function DeclineForm() {
  const t = useMessages().rfq
  const s = t.seller
  const schema = DeclinePartSchema(t.errors)
  const [form, fields] = useForm({
    id: 'decline-part',
    lastResult: useResultFor(DECLINE_PART_INTENT),
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <section aria-labelledby="decline-heading" className="rounded-lg border border-red-200 bg-red-50/40 p-4">
      <h2 id="decline-heading" className="font-semibold text-stone-900">
        {s.declineHeading}
      </h2>
      <p className="mt-1 mb-3 text-sm text-stone-600">{s.declineHint}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <FormError errors={form.errors} />
        <TextareaField meta={fields.reason} label={s.reason} rows={3} />
        <SubmitButton
          name="intent"
          value={DECLINE_PART_INTENT}
          pendingText={s.declining}
          variant="danger"
          className="w-full"
        >
          {s.decline}
        </SubmitButton>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
