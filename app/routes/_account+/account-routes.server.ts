import { redirect } from '@remix-run/node'
import { setToast, type Toast } from '#app/utils/toast.server.ts'

/** Pages and answers about one person: never kept by a shared cache. */
export const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store' } as const

/** The origin links in e-mails point to: the one the user is using. */
export function requestOrigin(request: Request): string {
  return new URL(request.url).origin
}

/** A redirect that shows a one-time message on the next page, with any other cookies (a session). */
export async function redirectWithToast(url: string, toast: Toast, setCookies: string[] = []): Promise<Response> {
  const headers = new Headers(PRIVATE_HEADERS)
  for (const cookie of setCookies) headers.append('Set-Cookie', cookie)
  headers.append('Set-Cookie', await setToast(toast))
  return redirect(url, { headers })
}
