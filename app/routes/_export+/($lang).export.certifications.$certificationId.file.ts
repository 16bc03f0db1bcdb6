import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireLocale } from '#app/i18n/locale.ts'
import { requireUser } from '#app/modules/accounts/session.server.ts'
import { findCertificationFileForReader } from '#app/modules/export/export-terms.server.ts'
import { documentResponse } from '#app/modules/media/documents.server.ts'

/**
 * A certification document of an export product. A guest is sent to log in; then the producer's
 * members, and export buyers and the office for an export-ready product in the catalogue, get the
 * file; everyone else a 404 (not a 403: the file's existence is not revealed).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLocale(params)
  const user = await requireUser(request)
  const file = await findCertificationFileForReader(user, params.certificationId ?? '')
  if (!file) throw new Response('Not found', { status: 404 })
  return documentResponse(file)
}
