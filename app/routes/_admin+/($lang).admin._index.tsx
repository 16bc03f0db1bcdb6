import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'

/** /admin opens on the programme's numbers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireUserWithPermission(request, 'verify:producer:any')
  return redirect(localePath(locale, '/admin/dashboard'))
}
