import { Link } from '@remix-run/react'
import { localePath, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'

export function SiteFooter({ locale }: { locale: Locale }) {
  const t = messagesFor(locale)
  return (
    <footer className="mt-12 border-t border-brand-100 bg-brand-50">
      <div className="mx-auto grid max-w-7xl gap-4 px-4 py-8 text-sm text-stone-700 sm:grid-cols-3 sm:px-6 lg:px-8">
        <div className="sm:col-span-2">
          <p className="font-semibold text-brand-800">{t.siteName}</p>
          <p className="mt-2 max-w-prose">{t.footer.about}</p>
          <p className="mt-2 text-stone-600">{t.footer.rights}</p>
        </div>
        <ul className="space-y-1">
          <li>
            <Link className="underline-offset-2 hover:underline" to={localePath(locale, '/products')}>
              {t.nav.products}
            </Link>
          </li>
          <li>
            <Link className="underline-offset-2 hover:underline" to={localePath(locale, '/villages')}>
              {t.nav.villages}
            </Link>
          </li>
          <li>
            <Link className="underline-offset-2 hover:underline" to={localePath(locale, '/orders')}>
              {t.orders.lookup.title}
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  )
}
