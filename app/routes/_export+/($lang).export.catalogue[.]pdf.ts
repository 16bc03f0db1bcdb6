import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireLocale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { appliedFilters, EXPORT_PDF_LIMIT } from '#app/modules/export/export-catalogue-query.ts'
import { loadExportDownload } from '#app/modules/export/export-catalogue.server.ts'
import { cataloguePdfStream } from '#app/modules/export/export-pdf.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'

/**
 * Larger PDFs are not `public`: the in-process page cache (server/page-cache.ts) keeps every public
 * response whole in memory, and 1,000 products with photos make a PDF of some 13 MB.
 */
const PUBLIC_PDF_MAX_PRODUCTS = 100

/** The export catalogue's current selection (the /export filters and order, every page) as PDF. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale)
  const { filters, sheets, total, places } = await loadExportDownload(new URL(request.url), EXPORT_PDF_LIMIT)
  const generatedAt = now()
  const described = appliedFilters(filters, t, locale, places)
    .map((filter) => filter.label)
    .join(' · ')
  const stream = cataloguePdfStream(sheets, {
    locale,
    title: t.exportCatalogue.download.pdfTitle,
    subtitle: t.exportCatalogue.download.pdfSubtitle(sheets.length, described),
    generatedAt,
  })
  return new Response(stream, {
    headers: {
      ...(sheets.length <= PUBLIC_PDF_MAX_PRODUCTS
        ? cacheHeaders('listing')
        : { 'Cache-Control': 'private, max-age=60' }),
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="ocop-export-catalogue-${generatedAt.toISOString().slice(0, 10)}.pdf"`,
      'X-Product-Count': String(sheets.length),
      'X-Total-Count': String(total),
    },
  })
}
