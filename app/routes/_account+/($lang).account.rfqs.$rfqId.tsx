import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
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
import {
  AttachmentList,
  ItemsTable,
  PartStatusBadge,
  QuoteCard,
  Thread,
  useDateTime,
} from '#app/components/rfq-thread.tsx'
import { FormError, SubmitButton, TextareaField } from '#app/components/ui/form.tsx'
import { localePath, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import { countryName } from '#app/modules/export/countries.ts'
import {
  ACCEPT_QUOTE_INTENT,
  AcceptQuoteSchema,
  DECLINE_QUOTE_INTENT,
  DeclineQuoteSchema,
  fileProblemMessage,
  MESSAGE_INTENT,
  MessageSchema,
  quoteDecisionProblemMessage,
} from '#app/modules/rfq/rfq-schema.ts'
import {
  acceptQuote,
  declineQuote,
  findBuyerRfqRef,
  getBuyerRfq,
  postRfqMessage,
} from '#app/modules/rfq/rfqs.server.ts'
import { readRfqForm } from '#app/modules/rfq/rfq-upload.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { setToast, type Toast } from '#app/utils/toast.server.ts'

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store' } as const

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export const headers: HeadersFunction = () => PRIVATE_HEADERS

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUserWithPermission(request, 'read:rfq:own')
  const rfq = await getBuyerRfq(user.id, params.rfqId ?? '')
  if (!rfq) throw new Response('Not found', { status: 404, headers: PRIVATE_HEADERS })
  const t = messagesFor(locale)
  return data(
    {
      title: `${t.rfq.buyer.detailTitle(rfq.number)} | ${t.siteName}`,
      viewerId: user.id,
      rfq: {
        ...rfq,
        buyerCountryName: countryName(rfq.buyerCountry, locale),
        destination: [rfq.destinationPort, countryName(rfq.destinationCountry, locale)].filter(Boolean).join(', '),
      },
    },
    { headers: PRIVATE_HEADERS },
  )
}

type ActionContext = {
  locale: Locale
  t: ReturnType<typeof messagesFor>['rfq']
  userId: string
  rfqId: string
  origin: string
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale).rfq
  const user = await requireUserWithPermission(request, 'update:rfq:own')
  const rfq = await findBuyerRfqRef(user.id, params.rfqId ?? '')
  if (!rfq) throw new Response('Not found', { status: 404 })
  const ctx: ActionContext = { locale, t, userId: user.id, rfqId: rfq.id, origin: new URL(request.url).origin }
  const upload = await readRfqForm(request, t.errors)
  if (!upload.ok) return backWithToast(ctx, { kind: 'error', message: upload.message })
  switch (upload.form.get('intent')) {
    case ACCEPT_QUOTE_INTENT:
      return accept(ctx, upload.form)
    case DECLINE_QUOTE_INTENT:
      return decline(ctx, upload.form)
    case MESSAGE_INTENT:
      return message(ctx, upload.form, upload.files('attachments'))
    default:
      throw new Response('Bad request', { status: 400 })
  }
}

async function backWithToast(ctx: ActionContext, toast: Toast) {
  return redirect(localePath(ctx.locale, `/account/rfqs/${ctx.rfqId}`), {
    headers: { 'Set-Cookie': await setToast(toast) },
  })
}

async function accept(ctx: ActionContext, form: FormData) {
  const submission = parseWithZod(form, { schema: AcceptQuoteSchema })
  if (submission.status !== 'success') throw new Response('Bad request', { status: 400 })
  const result = await acceptQuote(ctx.userId, submission.value.quoteId, { origin: ctx.origin })
  if (result.ok) return backWithToast(ctx, { kind: 'success', message: ctx.t.toasts.accepted(result.producerName) })
  const message = quoteDecisionProblemMessage(ctx.t, result.problem, ctx.locale)
  if (message === null) throw new Response('Not found', { status: 404 })
  return backWithToast(ctx, { kind: 'error', message })
}

async function decline(ctx: ActionContext, form: FormData) {
  const submission = parseWithZod(form, { schema: DeclineQuoteSchema(ctx.t.errors) })
  if (submission.status !== 'success') {
    return data(
      { intent: DECLINE_QUOTE_INTENT, key: String(form.get('quoteId') ?? ''), result: submission.reply() },
      { status: 400 },
    )
  }
  const { quoteId, reason } = submission.value
  const result = await declineQuote(ctx.userId, quoteId, reason, { origin: ctx.origin })
  if (result.ok)
    return backWithToast(ctx, { kind: 'success', message: ctx.t.toasts.quoteDeclined(result.producerName) })
  const message = quoteDecisionProblemMessage(ctx.t, result.problem, ctx.locale)
  if (message === null) throw new Response('Not found', { status: 404 })
  return backWithToast(ctx, { kind: 'error', message })
}

async function message(ctx: ActionContext, form: FormData, files: File[]) {
  const key = String(form.get('partId') ?? '')
  const submission = parseWithZod(form, { schema: MessageSchema(ctx.t.errors) })
  const hideFields = ['attachments']
  if (submission.status !== 'success') {
    return data({ intent: MESSAGE_INTENT, key, result: submission.reply({ hideFields }) }, { status: 400 })
  }
  const { partId, body } = submission.value
  const result = await postRfqMessage({ side: 'buyer', userId: ctx.userId }, partId, body, files, {
    origin: ctx.origin,
  })
  if (result.ok) return backWithToast(ctx, { kind: 'success', message: ctx.t.toasts.messageSent })
  if (result.reason === 'not-found') throw new Response('Not found', { status: 404 })
  const fieldErrors = { attachments: result.problems.map((problem) => fileProblemMessage(ctx.t.errors, problem)) }
  return data({ intent: MESSAGE_INTENT, key, result: submission.reply({ fieldErrors, hideFields }) }, { status: 400 })
}

// ───────────── Page ─────────────

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type Part = LoaderData['rfq']['parts'][number]

function useResultFor(intent: string, key: string): SubmissionResult<string[]> | undefined {
  const actionData = useActionData<typeof action>()
  return actionData && 'intent' in actionData && actionData.intent === intent && actionData.key === key
    ? actionData.result
    : undefined
}

export default function BuyerRfqPage() {
  const { rfq } = useLoaderData<typeof loader>()
  const messages = useMessages()
  const t = messages.rfq
  const r = t.request
  const locale = useLocale()
  const at = useDateTime()
  return (
    <article className="mx-auto max-w-5xl space-y-8">
      <div>
        <Link to={localePath(locale, '/account/rfqs')} className="text-sm text-brand-800 underline">
          ‹ {t.buyer.backToList}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-bold text-stone-900">{t.buyer.detailTitle(rfq.number)}</h1>
          <PartStatusBadge status={rfq.status} />
        </div>
        <p className="mt-1 text-sm text-stone-600">
          {r.sentAt}: <time dateTime={rfq.createdAt.toISOString()}>{at(rfq.createdAt)}</time>
        </p>
      </div>

      <section aria-labelledby="request-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="request-heading" className="mb-3 text-lg font-semibold">
          {r.heading}
        </h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-stone-500">{r.company}</dt>
            <dd className="font-medium">
              {rfq.company} ({rfq.buyerCountryName})
            </dd>
          </div>
          <div>
            <dt className="text-stone-500">{r.incoterm}</dt>
            <dd className="font-medium">{messages.exportTerms.incoterms[rfq.incoterm]}</dd>
          </div>
          <div>
            <dt className="text-stone-500">{r.destination}</dt>
            <dd className="font-medium">{rfq.destination}</dd>
          </div>
          <div>
            <dt className="text-stone-500">{r.neededBy}</dt>
            <dd className="font-medium">{formatDate(rfq.neededBy, locale)}</dd>
          </div>
          <div>
            <dt className="text-stone-500">{r.expiresOn}</dt>
            <dd className="font-medium">{formatDate(rfq.expiresOn, locale)}</dd>
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

      {rfq.parts.map((part) => (
        <PartSection key={part.id} part={part} />
      ))}
    </article>
  )
}

function PartSection({ part }: { part: Part }) {
  const { viewerId } = useLoaderData<typeof loader>()
  const messages = useMessages()
  const t = messages.rfq
  const messageResult = useResultFor(MESSAGE_INTENT, part.id)
  const headingId = `part-${part.id}`
  const incotermLabel = (code: string) =>
    messages.exportTerms.incoterms[code as keyof typeof messages.exportTerms.incoterms] ?? code
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-xl border border-stone-300 bg-stone-50 p-4 sm:p-5"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={headingId} className="text-xl font-semibold text-stone-900">
          {t.buyer.partHeading(part.producer.name)}
        </h2>
        <PartStatusBadge status={part.status} />
      </div>
      <ItemsTable items={part.items} caption={t.request.itemsHeading} />
      {part.declinedBy ? (
        <div role="note" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-950">
          <p className="font-semibold">
            {part.declinedBy === 'producer' ? t.buyer.producerDeclined : t.buyer.youDeclined}
          </p>
          {part.declineReason ? <p className="mt-1 whitespace-pre-line">{part.declineReason}</p> : null}
        </div>
      ) : null}
      <section aria-labelledby={`${headingId}-quotes`} className="space-y-3">
        <h3 id={`${headingId}-quotes`} className="text-base font-semibold">
          {t.buyer.quotesHeading}
        </h3>
        {part.quotes.length === 0 ? <p className="text-sm text-stone-600">{t.buyer.noQuotes}</p> : null}
        {part.quotes.map((quote) => (
          <QuoteCard key={quote.id} quote={quote} items={part.items} incotermLabel={incotermLabel}>
            {quote.status === 'PENDING' && part.status === 'QUOTED' ? (
              <>
                <AcceptForm quoteId={quote.id} />
                <DeclineQuoteForm quoteId={quote.id} />
              </>
            ) : null}
          </QuoteCard>
        ))}
      </section>
      <Thread
        key={part.messages.length /* a fresh, empty form once a message was sent */}
        partId={part.id}
        messages={part.messages}
        viewerId={viewerId}
        lastResult={messageResult}
      />
    </section>
  )
}

function AcceptForm({ quoteId }: { quoteId: string }) {
  const t = useMessages().rfq.buyer
  return (
    <Form method="post" className="rounded-md border border-green-200 bg-white p-3">
      <input type="hidden" name="quoteId" value={quoteId} />
      <p className="mb-2 text-sm text-stone-600">{t.acceptHint}</p>
      <SubmitButton name="intent" value={ACCEPT_QUOTE_INTENT} pendingText={t.accepting} className="w-full">
        {t.accept}
      </SubmitButton>
    </Form>
  )
}

function DeclineQuoteForm({ quoteId }: { quoteId: string }) {
  const all = useMessages().rfq
  const t = all.buyer
  const schema = DeclineQuoteSchema(all.errors)
  const [form, fields] = useForm({
    id: `decline-quote-${quoteId}`,
    lastResult: useResultFor(DECLINE_QUOTE_INTENT, quoteId),
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2 rounded-md border border-red-200 bg-white p-3">
      <input type="hidden" name="quoteId" value={quoteId} />
      <p className="text-sm text-stone-600">{t.declineQuoteHint}</p>
      <FormError errors={form.errors} />
      <TextareaField meta={fields.reason} label={t.declineQuoteReason} rows={2} />
      <SubmitButton
        name="intent"
        value={DECLINE_QUOTE_INTENT}
        pendingText={t.declining}
        variant="danger"
        className="w-full"
      >
        {t.declineQuote}
      </SubmitButton>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
