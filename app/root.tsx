import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { SiteFooter } from './components/site-footer.tsx'
import { SiteHeader } from './components/site-header.tsx'
import { ToastMessage } from './components/toast.tsx'
import { localeFromParam, type Locale } from './i18n/locale.ts'
import { messagesFor } from './i18n/messages.ts'
import type { Toast } from './utils/toast.server.ts'
import { getUser } from './modules/accounts/session.server.ts'
import { useNonce } from './utils/nonce.tsx'
import tailwindHref from './styles/tailwind.css?url'
import { readToast } from './utils/toast.server.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: tailwindHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ params, request }: LoaderFunctionArgs) {
  // An unsupported language segment is left to the route, which answers 404.
  const locale: Locale = localeFromParam(params.lang) ?? 'vi'
  const [user, { toast, clear }] = await Promise.all([getUser(request), readToast(request)])
  return data(
    { locale, user: user ? { name: user.name, roles: user.roles } : null, toast },
    clear ? { headers: { 'Set-Cookie': clear } } : undefined,
  )
}

export type RootUser = { name: string; roles: string[] } | null

function Document({
  locale,
  user,
  toast,
  children,
}: {
  locale: Locale
  user: RootUser
  toast: Toast | null
  children: React.ReactNode
}) {
  const t = messagesFor(locale)
  const nonce = useNonce()
  return (
    <html lang={locale} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#bd641b" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t.skipToContent}
        </a>
        <SiteHeader locale={locale} user={user} />
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
          <ToastMessage toast={toast} />
          {children}
        </main>
        <SiteFooter locale={locale} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  return (
    <Document locale={data?.locale ?? 'vi'} user={data?.user ?? null} toast={data?.toast ?? null}>
      {children}
    </Document>
  )
}

export default function App() {
  useLoaderData<typeof loader>()
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
