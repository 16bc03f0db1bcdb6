import { Link } from '@remix-run/react'
import { useMessages } from '#app/i18n/messages.ts'

function pagesToShow(page: number, pageCount: number): (number | 'gap')[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount))
  const sorted = [...pages].sort((a, b) => a - b)
  const result: (number | 'gap')[] = []
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) result.push('gap')
    result.push(p)
  })
  return result
}

/** Page links that keep every other parameter of `search`. */
export function Pagination({ page, pageCount, search }: { page: number; pageCount: number; search: URLSearchParams }) {
  const t = useMessages()
  if (pageCount <= 1) return null
  const href = (p: number) => {
    const params = new URLSearchParams(search)
    if (p > 1) params.set('page', String(p))
    else params.delete('page')
    const query = params.toString()
    return { search: query ? `?${query}` : '' }
  }
  const linkClass = 'min-w-10 rounded-md border border-stone-300 px-3 py-2 text-center text-sm hover:bg-stone-100'
  return (
    <nav aria-label={t.listing.pagination} className="mt-8 flex flex-wrap items-center justify-center gap-1">
      {page > 1 ? (
        <Link to={href(page - 1)} className={linkClass} rel="prev">
          ‹ <span className="sr-only sm:not-sr-only">{t.listing.previous}</span>
        </Link>
      ) : null}
      {pagesToShow(page, pageCount).map((p, i) =>
        p === 'gap' ? (
          <span key={`gap-${i}`} className="px-1 text-stone-500" aria-hidden="true">
            …
          </span>
        ) : (
          <Link
            key={p}
            to={href(p)}
            aria-label={t.listing.page(p)}
            aria-current={p === page ? 'page' : undefined}
            className={`${linkClass} ${p === page ? 'border-brand-700 bg-brand-700 text-white hover:bg-brand-700' : ''}`}
          >
            {p}
          </Link>
        ),
      )}
      {page < pageCount ? (
        <Link to={href(page + 1)} className={linkClass} rel="next">
          <span className="sr-only sm:not-sr-only">{t.listing.next}</span> ›
        </Link>
      ) : null}
    </nav>
  )
}
