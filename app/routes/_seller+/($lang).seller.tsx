import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireSeller, switchActiveProducer } from '#app/modules/accounts/producer-access.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { setToast } from '#app/utils/toast.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.producer.name} · ${data.title}` : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer, memberRole, memberships } = await requireSeller(request, 'read:listing:own')
  const review = await getDb().producer.findUniqueOrThrow({ where: { id: producer.id }, select: { reviewNote: true } })
  return {
    title: messagesFor(locale).seller.title,
    producer,
    memberRole,
    reviewNote: review.reviewNote,
    memberships: memberships.map((m) => ({ id: m.producer.id, name: m.producer.name })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { user, memberships } = await requireSeller(request, 'read:listing:own')
  const form = await readFormData(request)
  const producerId = String(form.get('producerId') ?? '')
  const target = memberships.find((m) => m.producer.id === producerId)
  if (!target || !(await switchActiveProducer(request, user.id, producerId))) {
    throw new Response('Not found', { status: 404 })
  }
  return redirect(localePath(locale, '/seller'), {
    headers: {
      'Set-Cookie': await setToast({
        kind: 'success',
        message: messagesFor(locale).seller.switched(target.producer.name),
      }),
    },
  })
}

export default function SellerLayout() {
  const { producer, memberships, memberRole, reviewNote } = useLoaderData<typeof loader>()
  const t = useMessages()
  const s = t.seller
  const locale = useLocale()
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-brand-100 text-brand-900' : 'text-stone-700 hover:bg-stone-100'}`
  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <aside className="space-y-4">
        <div>
          <p className="text-xs tracking-wide text-stone-500 uppercase">{s.title}</p>
          <p className="font-semibold text-stone-900">{producer.name}</p>
          <p className="text-xs text-stone-500">{s.memberRole[memberRole]}</p>
        </div>
        {memberships.length > 1 ? (
          <Form method="post" className="space-y-2">
            <label htmlFor="producerId" className="block text-xs text-stone-600">
              {s.switchProducer}
            </label>
            <select
              id="producerId"
              name="producerId"
              defaultValue={producer.id}
              className="w-full rounded-md border border-stone-300 px-2 py-1 text-sm"
            >
              {memberships.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            <button type="submit" className="rounded-md border border-stone-300 px-3 py-1 text-sm">
              {s.switchSubmit}
            </button>
          </Form>
        ) : null}
        <nav aria-label={s.nav.label}>
          <ul className="space-y-1">
            <li>
              <NavLink to={localePath(locale, '/seller')} end className={navClass}>
                {s.nav.dashboard}
              </NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/seller/listings')} className={navClass}>
                {s.nav.listings}
              </NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/seller/import')} className={navClass}>
                {s.nav.import}
              </NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/seller/orders')} className={navClass}>
                {s.nav.orders}
              </NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/seller/rfqs')} className={navClass}>
                {s.nav.rfqs}
              </NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/seller/certificates')} className={navClass}>
                {s.nav.certificates}
              </NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/seller/export-profile')} className={navClass}>
                {s.nav.exportProfile}
              </NavLink>
            </li>
            <li>
              <NavLink to={localePath(locale, '/seller/documents')} className={navClass}>
                {s.nav.documents}
              </NavLink>
            </li>
          </ul>
        </nav>
      </aside>
      <div className="min-w-0">
        {producer.status !== 'VERIFIED' ? (
          <div
            role="status"
            className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
          >
            <p>{s.status[producer.status]}</p>
            {reviewNote ? (
              <p className="mt-1">
                {s.reviewNote} {reviewNote}
              </p>
            ) : null}
          </div>
        ) : null}
        <Outlet />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
