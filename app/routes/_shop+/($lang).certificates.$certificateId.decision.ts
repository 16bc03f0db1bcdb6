import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireLocale } from '#app/i18n/locale.ts'
import { decisionFileOf } from '#app/modules/certification/certificates.server.ts'
import { documentResponse } from '#app/modules/media/documents.server.ts'

/** The scanned decision behind a certificate: public, like the certificate page that links to it. */
export async function loader({ params }: LoaderFunctionArgs) {
  requireLocale(params)
  const file = await decisionFileOf(params.certificateId ?? '')
  if (!file) throw new Response('Not found', { status: 404 })
  const response = await documentResponse(file)
  // A replaced scan gets a new storage key; the old bytes never change under this URL for long.
  response.headers.set('Cache-Control', 'public, max-age=300')
  return response
}
