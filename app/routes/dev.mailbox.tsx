import { data, type HeadersFunction, type MetaFunction } from '@remix-run/node'
import { NavLink, useLoaderData, useOutlet } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { devMailboxEnabled, listMailbox } from '#app/modules/mail/mailer.server.ts'

/** A developer page: headings in both languages, Vietnamese first. */
export const meta: MetaFunction = () => [
  { title: 'Hộp thư thử nghiệm · Dev mailbox' },
  { name: 'robots', content: 'noindex' },
]

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export async function loader() {
  // Only where mail is not sent out (no SMTP_URL, DEV_MAILBOX not "off"); everywhere else a plain 404.
  if (!devMailboxEnabled()) throw new Response('Not found', { status: 404 })
  const messages = await listMailbox(50)
  return data(
    {
      messages: messages.map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        createdAt: m.createdAt.toISOString(),
        // The same text on the server and in the browser (no locale or time-zone guesswork).
        when: m.createdAt.toISOString().slice(0, 19).replace('T', ' ') + ' UTC',
      })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}

export default function DevMailbox() {
  const { messages } = useLoaderData<typeof loader>()
  const outlet = useOutlet()
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">
          Hộp thư thử nghiệm <span className="font-normal text-stone-500">· Dev mailbox</span>
        </h1>
        <p className="mt-1 text-sm text-stone-600">
          Thư ứng dụng đã “gửi” khi chưa cấu hình SMTP_URL, mới nhất trước. · Mail the app “sent” without SMTP_URL,
          newest first.
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
        <nav aria-label="Thư · Messages">
          {messages.length === 0 ? (
            <p className="text-stone-600">Chưa có thư nào. · No messages yet.</p>
          ) : (
            <ul className="divide-y divide-stone-200 rounded-md border border-stone-200 bg-white">
              {messages.map((m) => (
                <li key={m.id}>
                  <NavLink
                    to={`/dev/mailbox/${m.id}`}
                    className={({ isActive }) =>
                      `block px-3 py-2 text-sm hover:bg-stone-50 ${isActive ? 'bg-brand-50' : ''}`
                    }
                  >
                    <span className="block font-medium text-stone-900">{m.subject}</span>
                    <span className="block text-stone-600">{m.to}</span>
                    <time dateTime={m.createdAt} className="block text-xs text-stone-500">
                      {m.when}
                    </time>
                  </NavLink>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <div className="min-w-0">
          {outlet ?? <p className="text-stone-600">Chọn một thư để đọc. · Choose a message to read it.</p>}
        </div>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
