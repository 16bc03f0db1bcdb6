import { Link } from '@remix-run/react'

export type StatusTab<S extends string> = { status: S | null; label: string; count: number }

/**
 * A row of status filters over a list (`?status=…`; "all" has none), the current one marked for
 * assistive technology. Scrolls sideways on a phone instead of wrapping.
 */
export function StatusTabs<S extends string>({
  tabs,
  current,
  label,
  tabText,
}: {
  tabs: StatusTab<S>[]
  current: S | null
  /** The navigation's accessible name. */
  label: string
  tabText: (label: string, count: number) => string
}) {
  return (
    <nav aria-label={label} className="mt-4 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-stone-200">
        {tabs.map((tab) => {
          const active = tab.status === current
          return (
            <li key={tab.status ?? 'ALL'}>
              <Link
                to={{ search: tab.status ? `?status=${tab.status}` : '' }}
                aria-current={active ? 'page' : undefined}
                className={`-mb-px block border-b-2 px-3 py-2 text-sm font-medium ${
                  active
                    ? 'border-brand-700 text-brand-900'
                    : 'border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900'
                }`}
              >
                {tabText(tab.label, tab.count)}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
