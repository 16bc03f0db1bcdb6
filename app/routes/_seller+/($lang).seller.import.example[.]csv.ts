import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireLocale } from '#app/i18n/locale.ts'
import exampleCsv from '../../../docs/catalog-import-example.csv?raw'

/** The example file of docs/catalog-import.md; with a BOM, so that Excel opens it as UTF-8. */
export function loader({ params }: LoaderFunctionArgs) {
  requireLocale(params)
  return new Response(`\uFEFF${exampleCsv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="mau-nhap-san-pham-ocop.csv"',
      'Cache-Control': 'public, max-age=3600',
    },
  })
}
