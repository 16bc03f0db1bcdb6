import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireLocale } from '#app/i18n/locale.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import { getProgrammeDashboard, programmeDashboardCsv } from '#app/modules/office/programme-dashboard.server.ts'

/** The programme dashboard as CSV (long format, UTF-8 with a BOM for Excel). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireUserWithPermission(request, 'read:certificate:any')
  const dashboard = await getProgrammeDashboard()
  return new Response(programmeDashboardCsv(dashboard, locale), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="ocop-chuong-trinh-${dashboard.today}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
