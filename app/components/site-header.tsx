import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { localePath, switchLocalePath, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { can, holds } from '#app/modules/accounts/permissions.ts'
import { CartLink } from './cart-link.tsx'
import { SearchBox } from './search-box.tsx'

export type HeaderUser = { name: string; roles: string[] } | null

export function SiteHeader({ locale, user }: { locale: Locale; user: HeaderUser }) {
  const t = messagesFor(locale)
  const location = useLocation()
  const other: Locale = locale === 'vi' ? 'en' : 'vi'
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-2 text-sm font-medium hover:bg-brand-100 ${isActive ? 'bg-brand-100 text-brand-800' : 'text-stone-700'}`
  return (
    <header className="border-b border-brand-100 bg-white/95">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6 lg:px-8">
        <Link to={localePath(locale, '/')} className="flex items-center gap-2 text-lg font-bold text-brand-800">
          <span aria-hidden="true" className="grid size-9 place-items-center rounded-full bg-brand-600 text-white">
            ★
          </span>
          {t.siteName}
        </Link>
        <nav
          aria-label={t.nav.main}
          className="order-3 -mx-3 flex w-full gap-1 overflow-x-auto sm:order-none sm:mx-0 sm:w-auto"
        >
          <NavLink to={localePath(locale, '/products')} className={navClass}>
            {t.nav.products}
          </NavLink>
          <NavLink to={localePath(locale, '/villages')} className={navClass}>
            {t.nav.villages}
          </NavLink>
          {/* The export catalogue is English by default: buyers abroad land on /en/export; /export is its Vietnamese version. */}
          {/* Into the other language: a full page load brings that language's messages (app/i18n/messages.ts). */}
          <NavLink to="/en/export" className={navClass} reloadDocument={locale !== 'en'}>
            {t.nav.export}
          </NavLink>
        </nav>
        <SearchBox locale={locale} />
        <Link
          to={switchLocalePath(location.pathname, location.search, other)}
          hrefLang={other}
          lang={other}
          aria-label={t.nav.switchLanguageLabel}
          className="ml-auto rounded-full border border-brand-300 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50"
          reloadDocument
        >
          {t.nav.switchLanguage}
        </Link>
        <CartLink locale={locale} />
        <AccountMenu locale={locale} user={user} />
      </div>
    </header>
  )
}

function AccountMenu({ locale, user }: { locale: Locale; user: HeaderUser }) {
  const t = messagesFor(locale).account.nav
  const location = useLocation()
  const linkClass = 'rounded-md px-2 py-1.5 text-sm font-medium text-stone-700 hover:bg-brand-100'
  if (!user) {
    const back = location.pathname + location.search
    const loginTo = `${localePath(locale, '/account/login')}?redirectTo=${encodeURIComponent(back)}`
    return (
      <nav aria-label={t.menu} className="flex items-center gap-1">
        <Link to={loginTo} className={linkClass}>
          {t.login}
        </Link>
        <Link to={localePath(locale, '/account/signup')} className={linkClass}>
          {t.signup}
        </Link>
      </nav>
    )
  }
  return (
    <nav aria-label={t.menu} className="flex flex-wrap items-center gap-1">
      {holds(user, 'read:listing:own') ? (
        <Link to={localePath(locale, '/seller')} className={linkClass}>
          {t.seller}
        </Link>
      ) : null}
      {can(user, 'verify:producer:any') ? (
        <Link to={localePath(locale, '/admin')} className={linkClass}>
          {t.office}
        </Link>
      ) : null}
      <Link to={localePath(locale, '/account')} className={linkClass} aria-label={t.accountOf(user.name)}>
        {user.name}
      </Link>
      <Form method="post" action={localePath(locale, '/account/logout')}>
        <button type="submit" className={linkClass}>
          {t.logout}
        </button>
      </Form>
    </nav>
  )
}
