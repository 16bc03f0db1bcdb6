import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { devMailboxEnabled, getMailMessage } from '#app/modules/mail/mailer.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: `${page?.message.subject ?? 'Thư · Message'} · Dev mailbox` },
  { name: 'robots', content: 'noindex' },
]

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export async function loader({ params }: LoaderFunctionArgs) {
  if (!devMailboxEnabled()) throw new Response('Not found', { status: 404 })
  const message = await getMailMessage(params.id ?? '')
  if (!message) throw new Response('Not found', { status: 404 })
  return data(
    { message: { ...message, createdAt: message.createdAt.toISOString() } },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/

/** The text with its web addresses as links (the split keeps each address at an odd index). */
function LinkedText({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all text-brand-800 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  )
}

export default function DevMailboxMessage() {
  const { message } = useLoaderData<typeof loader>()
  return (
    <article className="rounded-md border border-stone-200 bg-white p-5">
      <h2 className="text-xl font-semibold">{message.subject}</h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-stone-700">
        <dt>Đến · To</dt>
        <dd>{message.to}</dd>
        <dt>Lúc · Sent</dt>
        <dd>
          <time dateTime={message.createdAt}>{message.createdAt.slice(0, 19).replace('T', ' ')} UTC</time>
        </dd>
        <dt>Kênh · Transport</dt>
        <dd>{message.transport}</dd>
      </dl>
      <pre className="mt-4 font-sans text-sm whitespace-pre-wrap text-stone-900">
        <LinkedText text={message.text} />
      </pre>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
