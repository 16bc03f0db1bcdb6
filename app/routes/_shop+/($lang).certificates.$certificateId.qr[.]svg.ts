import { type LoaderFunctionArgs } from '@remix-run/node'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { certificateExists } from '#app/modules/certification/certificates.server.ts'
import { renderQrSvg } from '#app/modules/payments/vietqr.server.ts'

/**
 * The QR code of a certificate's public page (printed on the producer's labels): it encodes the
 * absolute URL, in the language of the path it was asked for. The URL never changes, so it caches long.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const id = params.certificateId ?? ''
  if (!(await certificateExists(id))) throw new Response('Not found', { status: 404 })
  const url = `${new URL(request.url).origin}${localePath(locale, `/certificates/${encodeURIComponent(id)}`)}`
  return new Response(await renderQrSvg(url), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
