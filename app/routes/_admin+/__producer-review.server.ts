import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from '@remix-run/node'
import { type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import {
  isReviewAction,
  REVIEW_RULES,
  reviewProducer,
  type ReviewAction,
} from '#app/modules/office/producer-review.server.ts'
import { setToast } from '#app/utils/toast.server.ts'
import { ReviewReasonSchema } from './__producer-review.tsx'
import { readFormData } from '#app/utils/form-data.server.ts'

type Office = ReturnType<typeof messagesFor>['office']['producers']

function doneMessage(o: Office, action: ReviewAction, name: string): string {
  switch (action) {
    case 'approve':
      return o.approved(name)
    case 'reject':
      return o.rejected(name)
    case 'request-info':
      return o.moreInfoRequested(name)
    case 'suspend':
      return o.suspended(name)
    case 'reinstate':
      return o.reinstated(name)
  }
}

function conflictMessage(o: Office, action: ReviewAction, name: string): string {
  switch (action) {
    case 'approve':
      return o.cannotApprove(name)
    case 'reject':
      return o.cannotReject(name)
    case 'request-info':
      return o.cannotRequestInfo(name)
    case 'suspend':
      return o.cannotSuspend(name)
    case 'reinstate':
      return o.cannotReinstate(name)
  }
}

/**
 * The office's decision on a producer, posted from the queue or the application page: checks the
 * permission, validates the reason where one is needed (400 with the message next to the field),
 * applies the decision and redirects to `back` with a message; an unknown producer is a 404.
 */
export async function handleReviewAction(
  request: Request,
  locale: Locale,
  target: (formData: FormData) => { producerId: string; back: string },
) {
  const o = messagesFor(locale).office.producers
  const user = await requireUserWithPermission(request, 'verify:producer:any')
  const formData = await readFormData(request)
  const { producerId, back } = target(formData)
  const intent = formData.get('intent')
  if (!isReviewAction(intent)) {
    return data({ producerId, intent: null, result: null, error: o.unknownIntent }, { status: 400 })
  }
  let reason: string | null = null
  if (REVIEW_RULES[intent].needsNote) {
    const submission = parseWithZod(formData, { schema: ReviewReasonSchema(o, intent) })
    if (submission.status !== 'success') {
      return data({ producerId, intent, result: submission.reply(), error: null }, { status: 400 })
    }
    reason = submission.value.reason
  }
  const result = await reviewProducer({ id: user.id, email: user.email }, producerId, intent, reason, {
    origin: new URL(request.url).origin,
  })
  if (!result.ok && result.reason === 'not-found') throw new Response('Not found', { status: 404 })
  const toast = result.ok
    ? { kind: 'success' as const, message: doneMessage(o, intent, result.name) }
    : { kind: 'error' as const, message: conflictMessage(o, intent, result.name) }
  return redirect(back, { headers: { 'Set-Cookie': await setToast(toast) } })
}
