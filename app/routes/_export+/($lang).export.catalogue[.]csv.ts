import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireLocale } from '#app/i18n/locale.ts'
import { EXPORT_DOWNLOAD_LIMIT } from '#app/modules/export/export-catalogue-query.ts'
import { loadExportDownload } from '#app/modules/export/export-catalogue.server.ts'
import { catalogueCsvStream } from '#app/modules/export/export-csv.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'

/** The export catalogue's current selection (the /export filters and order, every page) as CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const url = new URL(request.url)
  const { sheets, total } = await loadExportDownload(url, EXPORT_DOWNLOAD_LIMIT)
  const day = now().toISOString().slice(0, 10)
  return new Response(catalogueCsvStream(sheets, { locale, origin: url.origin }), {
    headers: {
      ...cacheHeaders('listing'),
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="ocop-export-catalogue-${day}.csv"`,
      'X-Product-Count': String(sheets.length),
      'X-Total-Count': String(total),
    },
  })
}
