import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireLocale } from '#app/i18n/locale.ts'
import { requireUser } from '#app/modules/accounts/session.server.ts'
import { documentResponse } from '#app/modules/media/documents.server.ts'
import { findReadableAttachment } from '#app/modules/rfq/rfq-access.server.ts'

/** A file of a request for quotation, for the request's buyer and the producers it concerns; 404 for anyone else. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLocale(params)
  const user = await requireUser(request)
  const attachment = await findReadableAttachment(user, params.attachmentId ?? '')
  if (!attachment) throw new Response('Not found', { status: 404 })
  return documentResponse(attachment)
}
