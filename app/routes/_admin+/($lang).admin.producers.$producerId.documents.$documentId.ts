import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireLocale } from '#app/i18n/locale.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import { documentResponse } from '#app/modules/media/documents.server.ts'
import { findProducerDocumentFile } from '#app/modules/producer/producer-documents.server.ts'

/** A producer's paper, for the OCOP office only (a resource route: the layout's check does not run). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLocale(params)
  await requireUserWithPermission(request, 'read:producer:any')
  const document = await findProducerDocumentFile(params.producerId ?? '', params.documentId ?? '')
  if (!document) throw new Response('Not found', { status: 404 })
  return documentResponse(document)
}
