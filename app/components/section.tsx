import { Link } from '@remix-run/react'
import { useId } from 'react'

/** A titled page section (a landmark named by its heading), with an optional "see all" link. */
export function Section({
  title,
  action,
  className = 'mt-8',
  children,
}: {
  title: string
  action?: { to: string; label: string }
  className?: string
  children: React.ReactNode
}) {
  const id = useId()
  return (
    <section aria-labelledby={id} className={className}>
      <div className="mb-3 flex flex-wrap items-end justify-between gap-x-4 gap-y-1">
        <h2 id={id} className="text-xl font-semibold sm:text-2xl">
          {title}
        </h2>
        {action ? (
          <Link to={action.to} className="text-sm font-medium text-brand-800 underline">
            {action.label}
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  )
}

/** Rounded links in a wrapping row: provinces of a region, producers of a village. */
export function PillLinks({ items }: { items: { key: string; to: string; label: React.ReactNode }[] }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {items.map((item) => (
        <li key={item.key}>
          <Link
            to={item.to}
            className="inline-block rounded-full border border-brand-200 bg-white px-3 py-1.5 text-sm hover:bg-brand-50"
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  )
}
