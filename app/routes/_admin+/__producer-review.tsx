import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { z } from 'zod'
import { SubmitButton, TextareaField } from '#app/components/ui/form.tsx'
import { useMessages } from '#app/i18n/messages.ts'
import { type Messages } from '#app/i18n/vi.ts'

/** Mirrors REVIEW_ACTIONS of the producer-review module (a module the browser bundle cannot import). */
export type ReviewIntent = 'approve' | 'reject' | 'request-info' | 'suspend' | 'reinstate'
const NOTE_INTENTS = ['reject', 'request-info', 'suspend'] as const
type NoteIntent = (typeof NOTE_INTENTS)[number]

export const REASON_MAX = 1_000

/** The reason a rejection, a request for more or a suspension carries (the producer reads it). */
export function ReviewReasonSchema(o: Messages['office']['producers'], intent: ReviewIntent) {
  const required =
    intent === 'request-info'
      ? o.requestInfoRequired
      : intent === 'suspend'
        ? o.suspendReasonRequired
        : o.reasonRequired
  return z.object({
    reason: z.string({ error: required }).trim().min(1, required).max(REASON_MAX, o.reasonTooLong(REASON_MAX)),
  })
}

export type ReviewActionData =
  | { producerId: string; intent: string | null; result: SubmissionResult<string[]> | null; error: string | null }
  | undefined

function isNoteIntent(intent: ReviewIntent): intent is NoteIntent {
  return (NOTE_INTENTS as readonly string[]).includes(intent)
}

function ReasonForm({
  producerId,
  name,
  intent,
  hidden,
  lastResult,
}: {
  producerId: string
  name: string
  intent: NoteIntent
  hidden: Record<string, string>
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const o = useMessages().office.producers
  const schema = ReviewReasonSchema(o, intent)
  const [form, fields] = useForm({
    id: `${intent}-${producerId}`,
    constraint: getZodConstraint(schema),
    lastResult,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const text = {
    reject: { label: o.rejectReason, button: o.reject, aria: o.rejectLabel(name), hint: undefined },
    'request-info': {
      label: o.requestInfoNote,
      button: o.requestInfo,
      aria: o.requestInfoLabel(name),
      hint: undefined,
    },
    suspend: { label: o.suspendReason, button: o.suspend, aria: o.suspendLabel(name), hint: o.suspendHint },
  }[intent]
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      {Object.entries(hidden).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <TextareaField meta={fields.reason} label={text.label} hint={text.hint} rows={2} />
      <SubmitButton
        name="intent"
        value={intent}
        variant={intent === 'request-info' ? 'secondary' : 'danger'}
        aria-label={text.aria}
      >
        {text.button}
      </SubmitButton>
    </Form>
  )
}

/**
 * The decisions open for one producer: verify and reinstate are one click, the others need the
 * reason the producer will read. Plain forms: they work without JavaScript.
 */
export function ReviewActions({
  producerId,
  name,
  actions,
  hidden = {},
  actionData,
}: {
  producerId: string
  name: string
  actions: ReviewIntent[]
  /** Extra fields each form posts (the queue's producer id and tab). */
  hidden?: Record<string, string>
  actionData: ReviewActionData
}) {
  const o = useMessages().office.producers
  const mine = actionData?.producerId === producerId ? actionData : undefined
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {actions.map((intent) =>
        isNoteIntent(intent) ? (
          <ReasonForm
            key={intent}
            producerId={producerId}
            name={name}
            intent={intent}
            hidden={hidden}
            lastResult={mine?.intent === intent ? mine.result : undefined}
          />
        ) : (
          <Form key={intent} method="post" className="self-end">
            {Object.entries(hidden).map(([key, value]) => (
              <input key={key} type="hidden" name={key} value={value} />
            ))}
            <SubmitButton
              name="intent"
              value={intent}
              aria-label={intent === 'approve' ? o.approveLabel(name) : o.reinstateLabel(name)}
            >
              {intent === 'approve' ? o.approve : o.reinstate}
            </SubmitButton>
          </Form>
        ),
      )}
    </div>
  )
}
