import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { localePath, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import { auditChanges, listAuditActions, listAuditEvents } from '#app/modules/office/audit.server.ts'
import { vietnamDay, vietnamTime } from '#app/modules/orders/vietnam-time.ts'
import { formatDate } from '#app/utils/dates.ts'

const PAGE_SIZE = 30
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

/** The audit log: read-only by construction (no action here; the database refuses changes too). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireUserWithPermission(request, 'read:audit:any')
  const search = new URL(request.url).searchParams
  const filters = {
    q: search.get('q')?.trim().slice(0, 200) ?? '',
    action: search.get('action')?.trim().slice(0, 100) ?? '',
    entity: search.get('entity')?.trim().slice(0, 100) ?? '',
  }
  const requestedPage = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1)
  const [log, actions] = await Promise.all([
    listAuditEvents({
      q: filters.q,
      action: filters.action || undefined,
      entityId: filters.entity || undefined,
      page: requestedPage,
      pageSize: PAGE_SIZE,
    }),
    listAuditActions(),
  ])
  return {
    title: messagesFor(locale).office.audit.title,
    filters,
    actions,
    total: log.total,
    page: log.page,
    pageCount: log.pageCount,
    events: log.events.map((event) => ({
      id: event.id,
      createdAt: event.createdAt,
      actorEmail: event.actorEmail,
      actorName: event.actor?.name ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      summary: event.summary,
      changes: auditChanges(event.before, event.after).map((change) => ({
        key: change.key,
        before: change.before ?? null,
        after: change.after ?? null,
      })),
    })),
  }
}

function dateTime(value: Date | string, locale: Locale): string {
  const instant = new Date(value)
  return `${vietnamTime(instant)} ${formatDate(vietnamDay(instant), locale)}`
}

function showValue(value: unknown, locale: Locale, blank: string): string {
  if (value === null || value === undefined || value === '') return blank
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? dateTime(value, locale) : value
  return JSON.stringify(value)
}

export default function AuditLogPage() {
  const { filters, actions, events, total, page, pageCount } = useLoaderData<typeof loader>()
  const t = useMessages()
  const locale = useLocale()
  const { search } = useLocation()
  const a = t.office.audit
  const label = (action: string) => a.actions[action] ?? action
  const inputClass = 'block w-full rounded-md border border-stone-300 bg-white px-3 py-2'
  const cell = 'px-2 py-1 align-top'
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{a.title}</h1>
        <p className="max-w-3xl text-sm text-stone-700">{a.intro}</p>
      </div>
      <Form method="get" role="search" className="grid gap-3 sm:grid-cols-[1fr_14rem_14rem_auto] sm:items-end">
        <div>
          <label htmlFor="audit-q" className="mb-1 block text-sm font-medium text-stone-800">
            {a.searchLabel}
          </label>
          <input
            id="audit-q"
            type="search"
            name="q"
            defaultValue={filters.q}
            placeholder={a.searchPlaceholder}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="audit-action" className="mb-1 block text-sm font-medium text-stone-800">
            {a.actionLabel}
          </label>
          <select id="audit-action" name="action" defaultValue={filters.action} className={inputClass}>
            <option value="">{a.allActions}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {label(action)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-entity" className="mb-1 block text-sm font-medium text-stone-800">
            {a.entityLabel}
          </label>
          <input
            id="audit-entity"
            name="entity"
            defaultValue={filters.entity}
            placeholder={a.entityPlaceholder}
            spellCheck={false}
            className={inputClass}
          />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
            {a.filter}
          </button>
          {filters.q || filters.action || filters.entity ? (
            <Link
              to={localePath(locale, '/admin/audit')}
              className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm"
            >
              {a.clear}
            </Link>
          ) : null}
        </div>
      </Form>
      <p className="text-sm text-stone-600">{a.count(total)}</p>
      {events.length === 0 ? (
        <p className="rounded-md border border-stone-200 bg-white px-4 py-6 text-center text-stone-700">{a.empty}</p>
      ) : (
        <ol aria-label={a.listLabel} className="space-y-3">
          {events.map((event) => (
            <li key={event.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <article aria-labelledby={`event-${event.id}`} className="space-y-2 text-sm">
                <h2 id={`event-${event.id}`} className="font-semibold text-stone-900">
                  {label(event.action)}
                </h2>
                <dl className="grid grid-cols-1 gap-x-4 gap-y-0.5 sm:grid-cols-[10rem_1fr]">
                  <dt className="text-stone-600">{a.when}</dt>
                  <dd>
                    <time dateTime={new Date(event.createdAt).toISOString()}>{dateTime(event.createdAt, locale)}</time>
                  </dd>
                  <dt className="text-stone-600">{a.who}</dt>
                  <dd>{event.actorName ? `${event.actorName} <${event.actorEmail}>` : event.actorEmail}</dd>
                  <dt className="text-stone-600">{a.record}</dt>
                  <dd className="font-mono text-xs break-all">
                    {event.entityType} ·{' '}
                    <Link
                      to={`${localePath(locale, '/admin/audit')}?entity=${encodeURIComponent(event.entityId)}`}
                      className="text-brand-800 underline"
                    >
                      {event.entityId}
                    </Link>
                  </dd>
                </dl>
                <p className="text-stone-900">{event.summary}</p>
                {event.changes.length === 0 ? (
                  <p className="text-xs text-stone-500">{a.noChanges}</p>
                ) : (
                  <table className="w-full max-w-2xl text-left text-xs">
                    <caption className="sr-only">{a.changes}</caption>
                    <thead className="text-stone-600">
                      <tr>
                        <th scope="col" className={cell}>
                          {a.field}
                        </th>
                        <th scope="col" className={cell}>
                          {a.before}
                        </th>
                        <th scope="col" className={cell}>
                          {a.after}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-stone-100">
                      {event.changes.map((change) => (
                        <tr key={change.key}>
                          <th scope="row" className={`${cell} font-mono font-normal`}>
                            {change.key}
                          </th>
                          <td className={`${cell} break-words text-red-800`}>
                            <del className="no-underline">{showValue(change.before, locale, a.blank)}</del>
                          </td>
                          <td className={`${cell} break-words text-green-800`}>
                            <ins className="no-underline">{showValue(change.after, locale, a.blank)}</ins>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} search={new URLSearchParams(search)} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
