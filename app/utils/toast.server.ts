import { createCookie } from '@remix-run/node'
import { z } from 'zod'
import { getEnv } from './env.server.ts'

/** Also bypasses the page cache (server/page-cache.ts), so a page carrying a message is never cached. */
export const FLASH_COOKIE_NAME = '__flash'

const ToastSchema = z.object({
  kind: z.enum(['success', 'error', 'info']).default('success'),
  message: z.string().max(500),
})
export type Toast = z.infer<typeof ToastSchema>

function flashCookie() {
  return createCookie(FLASH_COOKIE_NAME, {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().COOKIE_SECURE,
    path: '/',
    secrets: getEnv().SESSION_SECRET.split(','),
    maxAge: 60,
  })
}

/** Set-Cookie for a one-time message shown on the next page (after a redirect). */
export function setToast(toast: Toast): Promise<string> {
  return flashCookie().serialize(toast)
}

/** The pending message (if any) and the Set-Cookie header that clears it. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; clear: string | null }> {
  const cookieHeader = request.headers.get('Cookie')
  if (!cookieHeader?.includes(`${FLASH_COOKIE_NAME}=`)) return { toast: null, clear: null }
  const parsed = ToastSchema.safeParse(await flashCookie().parse(cookieHeader))
  return {
    toast: parsed.success ? parsed.data : null,
    clear: await flashCookie().serialize('', { maxAge: 0 }),
  }
}
