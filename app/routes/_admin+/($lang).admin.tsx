import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, Outlet, useLocation } from '@remix-run/react'
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
  const { pathname, search } = useLocation()
  const navClass = (isActive: boolean) =>
    `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-brand-100 text-brand-900' : 'text-stone-700 hover:bg-stone-100'}`
  const expiringView = new URLSearchParams(search).get('view') === 'expiring'
  // The two certificate links share a path; the query tells which one is the current page.
  const links: { to: string; label: string; current?: boolean }[] = [
    { to: '/admin/dashboard', label: o.nav.dashboard },
    { to: '/admin/producers', label: o.nav.producers },
    { to: '/admin/certificates', label: o.nav.certificates, current: !expiringView },
    { to: '/admin/certificates?view=expiring', label: o.nav.expiring, current: expiringView },
    { to: '/admin/listings', label: o.nav.listings },
    { to: '/admin/audit', label: o.nav.audit },
    { to: '/admin/payments', label: o.nav.payments },
  ]
  const isCurrent = (link: (typeof links)[number]) => {
    const path = localePath(locale, link.to.split('?')[0]!)
    return (pathname === path || pathname.startsWith(`${path}/`)) && (link.current ?? true)
  }
  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <aside className="space-y-4">
        <p className="font-semibold text-stone-900">{o.title}</p>
        <nav aria-label={o.nav.label}>
          <ul className="space-y-1">
            {links.map((link) => (
              <li key={link.to}>
                <Link
                  to={localePath(locale, link.to)}
                  aria-current={isCurrent(link) ? 'page' : undefined}
                  className={navClass(isCurrent(link))}
                >
                  {link.label}
                </Link>
              </li>
            ))}
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
