import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireUserWithPermission(request, 'verify:producer:any')
  return { title: messagesFor(locale).office.title }
}

/** The OCOP office's workspace (/admin): office staff and administrators only. */
export default function OfficeLayout() {
  const t = useMessages()
  const locale = useLocale()
  const o = t.office
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-brand-100 text-brand-900' : 'text-stone-700 hover:bg-stone-100'}`
  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <aside className="space-y-4">
        <p className="font-semibold text-stone-900">{o.title}</p>
        <nav aria-label={o.nav.label}>
          <ul className="space-y-1">
            <li>
              <NavLink to={localePath(locale, '/admin/producers')} className={navClass}>
                {o.nav.producers}
              </NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/admin/payments')} className={navClass}>
                {t.payments.office.nav}
              </NavLink>
            </li>
          </ul>
        </nav>
      </aside>
      <div className="min-w-0">
        <Outlet />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
