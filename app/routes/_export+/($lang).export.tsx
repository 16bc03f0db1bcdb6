import { NavLink, Outlet, useRouteLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath } from '#app/i18n/locale.ts'
import { useLocale, useMessages } from '#app/i18n/messages.ts'
import { holds } from '#app/modules/accounts/permissions.ts'
import { type RootUser } from '#app/root.tsx'

/**
 * The export area (/export, /en/export): a public shop window for buyers abroad, with its
 * sub-navigation. No loader: the pages check the language, and nothing here is personal except the
 * "My RFQs" link, which comes from the root's user.
 */
export default function ExportLayout() {
  const t = useMessages().exportCatalogue
  const locale = useLocale()
  const user = useRouteLoaderData<{ user: RootUser }>('root')?.user ?? null
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? 'bg-brand-100 text-brand-900' : 'text-stone-700 hover:bg-stone-100'}`
  return (
    <div>
      <nav aria-label={t.nav.label} className="mb-4 flex flex-wrap items-center gap-1 border-b border-stone-200 pb-2">
        <NavLink to={localePath(locale, '/export')} end className={navClass}>
          {t.nav.catalogue}
        </NavLink>
        {holds(user, 'create:rfq:own') ? (
          <NavLink to={localePath(locale, '/account/rfqs')} className={navClass}>
            {t.nav.myRfqs}
          </NavLink>
        ) : null}
      </nav>
      <Outlet />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
