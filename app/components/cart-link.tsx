import { Link, useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { localePath, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'

/** One fetcher for the whole page; Remix reloads it after every form post (a cart change included). */
export const CART_COUNT_FETCHER = 'cart-count'

/**
 * The header's cart link. Its count is loaded by the browser from /api/cart, never rendered into the
 * page, so catalogue pages stay the same for everyone (and cacheable). Without JavaScript the link
 * works, without a count.
 */
export function CartLink({ locale }: { locale: Locale }) {
  const t = messagesFor(locale).cart
  const fetcher = useFetcher<{ count: number }>({ key: CART_COUNT_FETCHER })
  const { load } = fetcher
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    load('/api/cart')
  }, [load])
  const count = fetcher.data?.count ?? 0
  return (
    <Link
      to={localePath(locale, '/cart')}
      className="relative inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-stone-700 hover:bg-brand-100"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      >
        <path d="M3 4h2l2.4 11.2a1 1 0 0 0 1 .8h9.2a1 1 0 0 0 1-.8L20.5 8H6.2" strokeLinejoin="round" />
        <circle cx="9.5" cy="19.5" r="1.3" />
        <circle cx="17" cy="19.5" r="1.3" />
      </svg>
      <span>{t.link}</span>
      {count > 0 ? (
        <span className="min-w-5 rounded-full bg-brand-700 px-1.5 text-center text-xs leading-5 font-semibold text-white">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
      {count > 0 ? <span className="sr-only">{t.itemsSuffix(count)}</span> : null}
    </Link>
  )
}
