/**
 * Pieces of the request-for-quotation pages shared by the buyer's (/account/rfqs/:id) and the
 * producer's (/seller/rfqs/:partId) views: status badges, the items table, a quote, files, and a
 * part's conversation with its message form.
 */
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { ErrorList, FormError, SubmitButton, TextareaField } from '#app/components/ui/form.tsx'
import { type QuoteStatus, type RfqPartStatus } from '#app/generated/prisma/enums.ts'
import { localePath, pick } from '#app/i18n/locale.ts'
import { useLocale, useMessages } from '#app/i18n/messages.ts'
import { vietnamDay, vietnamTime } from '#app/modules/orders/vietnam-time.ts'
import { formatPaymentAmount } from '#app/modules/payments/amounts.ts'
import { MESSAGE_INTENT, MessageSchema, RFQ_LIMITS, type QuoteCurrency } from '#app/modules/rfq/rfq-schema.ts'
import { PART_STATUS_STYLES, QUOTE_STATUS_STYLES } from '#app/modules/rfq/rfq-status.ts'
import { formatDate } from '#app/utils/dates.ts'

export const ATTACHMENT_ACCEPT = 'application/pdf,image/jpeg,image/png,image/webp'

export function PartStatusBadge({ status }: { status: RfqPartStatus }) {
  const t = useMessages().rfq
  return (
    <span
      className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-medium ${PART_STATUS_STYLES[status]}`}
    >
      {t.status[status]}
    </span>
  )
}

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const t = useMessages().rfq
  return (
    <span
      className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-medium ${QUOTE_STATUS_STYLES[status]}`}
    >
      {t.quoteStatus[status]}
    </span>
  )
}

/** A timestamp in Vietnam time, written for the reader. */
export function useDateTime() {
  const t = useMessages().rfq
  return (date: Date) => t.dateTime(vietnamDay(date), vietnamTime(date))
}

function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

export type AttachmentView = { id: string; fileName: string; sizeBytes: number }

export function AttachmentList({ attachments, label }: { attachments: AttachmentView[]; label: string }) {
  const locale = useLocale()
  if (attachments.length === 0) return null
  return (
    <ul aria-label={label} className="mt-2 flex flex-wrap gap-2">
      {attachments.map((file) => (
        <li key={file.id}>
          <a
            href={localePath(locale, `/export/rfq/attachments/${file.id}`)}
            className="inline-flex items-center gap-1 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm text-brand-800 underline hover:bg-stone-50"
            target="_blank"
            rel="noreferrer"
          >
            {file.fileName}
            <span className="text-xs text-stone-500 no-underline">({fileSize(file.sizeBytes)})</span>
          </a>
        </li>
      ))}
    </ul>
  )
}

export type ItemView = {
  id: string
  quantity: number
  unitEn: string
  targetPriceUsdCents: number | null
  product: { sku: string; nameVi: string; nameEn: string }
}

export type QuoteView = {
  id: string
  currency: QuoteCurrency
  validUntil: Date
  leadTimeDays: number
  incoterm: string
  terms: string
  status: QuoteStatus
  createdAt: Date
  lines: { itemId: string; unitPrice: number }[]
}

function count(locale: 'vi' | 'en', n: number): string {
  return n.toLocaleString(locale === 'en' ? 'en-US' : 'vi-VN')
}

/** The requested items: product, quantity and the buyer's target price. */
export function ItemsTable({ items, caption }: { items: ItemView[]; caption: string }) {
  const t = useMessages().rfq.request
  const locale = useLocale()
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-50 text-left text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t.product}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t.quantity}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t.targetPrice}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                {pick(locale, item.product.nameVi, item.product.nameEn)}
                <span className="block font-mono text-xs text-stone-500">{item.product.sku}</span>
              </th>
              <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                {count(locale, item.quantity)} {item.unitEn}
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                {item.targetPriceUsdCents === null ? t.none : formatPaymentAmount(item.targetPriceUsdCents, 'USD')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** One quote: a price per item with the amounts, its conditions and status; `children` holds actions. */
export function QuoteCard({
  quote,
  items,
  incotermLabel,
  children,
}: {
  quote: QuoteView
  items: ItemView[]
  incotermLabel: (code: string) => string
  children?: React.ReactNode
}) {
  const messages = useMessages().rfq
  const t = messages.request
  const q = messages.quote
  const locale = useLocale()
  const at = useDateTime()
  const priceOf = new Map(quote.lines.map((line) => [line.itemId, line.unitPrice]))
  const total = items.reduce((sum, item) => sum + (priceOf.get(item.id) ?? 0) * item.quantity, 0)
  const headingId = `quote-${quote.id}`
  const faded = quote.status === 'WITHDRAWN' || quote.status === 'EXPIRED'
  return (
    <section
      aria-labelledby={headingId}
      className={`rounded-lg border p-4 ${quote.status === 'ACCEPTED' ? 'border-green-300 bg-green-50/40' : 'border-stone-200 bg-white'} ${faded ? 'opacity-80' : ''}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 id={headingId} className="font-semibold text-stone-900">
          {q.heading(at(quote.createdAt))}
        </h4>
        <QuoteStatusBadge status={quote.status} />
      </div>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-stone-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t.product}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t.quantity}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t.unitPrice}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t.lineTotal}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {items.map((item) => {
              const price = priceOf.get(item.id)
              return (
                <tr key={item.id}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {pick(locale, item.product.nameVi, item.product.nameEn)}
                  </th>
                  <td className="py-1 pr-3 text-right whitespace-nowrap tabular-nums">
                    {count(locale, item.quantity)} {item.unitEn}
                  </td>
                  <td className="py-1 pr-3 text-right whitespace-nowrap tabular-nums">
                    {price === undefined ? t.none : formatPaymentAmount(price, quote.currency)}
                  </td>
                  <td className="py-1 text-right whitespace-nowrap tabular-nums">
                    {price === undefined ? t.none : formatPaymentAmount(price * item.quantity, quote.currency)}
                  </td>
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr className="font-semibold text-stone-900">
              <th scope="row" colSpan={3} className="py-1 pr-3 text-right">
                {t.total}
              </th>
              <td className="py-1 text-right whitespace-nowrap tabular-nums">
                {formatPaymentAmount(total, quote.currency)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-stone-500">{q.validUntil}</dt>
          <dd className="font-medium">{formatDate(quote.validUntil, locale)}</dd>
        </div>
        <div>
          <dt className="text-stone-500">{q.leadTime}</dt>
          <dd className="font-medium">{messages.days(quote.leadTimeDays)}</dd>
        </div>
        <div>
          <dt className="text-stone-500">{q.incoterm}</dt>
          <dd className="font-medium">{incotermLabel(quote.incoterm)}</dd>
        </div>
        {quote.terms ? (
          <div className="sm:col-span-3">
            <dt className="text-stone-500">{q.terms}</dt>
            <dd className="whitespace-pre-line">{quote.terms}</dd>
          </div>
        ) : null}
      </dl>
      {children ? <div className="mt-4 grid gap-3 sm:grid-cols-2">{children}</div> : null}
    </section>
  )
}

export type MessageView = {
  id: string
  body: string
  createdAt: Date
  side: 'buyer' | 'producer'
  authorName: string
  authorId: string
  attachments: AttachmentView[]
}

/** A part's conversation, oldest first, and the form to write in it (with optional files). */
export function Thread({
  partId,
  messages,
  viewerId,
  lastResult,
}: {
  partId: string
  messages: MessageView[]
  viewerId: string
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const all = useMessages().rfq
  const t = all.thread
  const at = useDateTime()
  const schema = MessageSchema(all.errors)
  const [form, fields] = useForm({
    id: `message-${partId}`,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const headingId = `thread-${partId}`
  const fileInputId = `files-${partId}`
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="text-base font-semibold">
        {t.heading}
      </h3>
      {messages.length === 0 ? (
        <p className="text-sm text-stone-600">{t.empty}</p>
      ) : (
        <ol className="space-y-3">
          {messages.map((message) => {
            const mine = message.authorId === viewerId
            return (
              <li
                key={message.id}
                className={`rounded-lg border p-3 text-sm ${mine ? 'border-brand-200 bg-brand-50/50 sm:ml-8' : 'border-stone-200 bg-white sm:mr-8'}`}
              >
                <p className="text-xs text-stone-600">
                  <span className="font-semibold text-stone-900">{mine ? t.you : message.authorName}</span>
                  {' · '}
                  <time dateTime={message.createdAt.toISOString()}>{at(message.createdAt)}</time>
                </p>
                <p className="mt-1 whitespace-pre-line text-stone-900">{message.body}</p>
                <AttachmentList attachments={message.attachments} label={t.attachmentsOf(message.attachments.length)} />
              </li>
            )
          })}
        </ol>
      )}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="partId" value={partId} />
        <FormError errors={form.errors} />
        <TextareaField meta={fields.body} label={t.body} rows={3} />
        <div>
          <label htmlFor={fileInputId} className="mb-1 block text-sm font-medium text-stone-800">
            {t.attachments}
          </label>
          <input
            id={fileInputId}
            type="file"
            name="attachments"
            multiple
            accept={ATTACHMENT_ACCEPT}
            aria-describedby={`${fileInputId}-hint`}
            className="block w-full text-sm text-stone-700 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
          />
          <p id={`${fileInputId}-hint`} className="mt-1 text-xs text-stone-500">
            {all.form.attachmentsHint(RFQ_LIMITS.maxAttachments, RFQ_LIMITS.attachmentMaxMegabytes)}
          </p>
          <ErrorList errors={form.allErrors.attachments} />
        </div>
        <SubmitButton name="intent" value={MESSAGE_INTENT} pendingText={t.sending} variant="secondary">
          {t.send}
        </SubmitButton>
      </Form>
    </section>
  )
}
