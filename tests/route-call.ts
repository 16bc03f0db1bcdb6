/** Calling a route's loader or action in a test, and reading what the browser would get. */
import { type SubmissionResult } from '@conform-to/react'
import { type LoaderFunctionArgs } from '@remix-run/node'
import { appRequest } from '#tests/factories/accounts.ts'
import { readToast } from '#app/utils/toast.server.ts'

export type Outcome = { status: number; headers: Headers; location: string | null; body: unknown }

type RouteFunction = (args: LoaderFunctionArgs) => Promise<unknown>

/** Runs the loader or action; a thrown Response (redirect, 403, 404) is an outcome like a returned one. */
export async function callRoute(
  fn: RouteFunction,
  request: Request,
  params: Record<string, string> = {},
): Promise<Outcome> {
  let value: unknown
  try {
    value = await fn({ request, params, context: {} })
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    value = thrown
  }
  if (value instanceof Response) {
    const redirect = value.status >= 300 && value.status < 400
    return {
      status: value.status,
      headers: value.headers,
      location: value.headers.get('Location'),
      body: redirect ? null : await value.text(),
    }
  }
  if (typeof value === 'object' && value !== null && 'type' in value && value.type === 'DataWithResponseInit') {
    const { data, init } = value as unknown as { data: unknown; init: ResponseInit | null }
    return { status: init?.status ?? 200, headers: new Headers(init?.headers), location: null, body: data }
  }
  return { status: 200, headers: new Headers(), location: null, body: value }
}

/** The Conform result an action replied with. */
export function formResult(outcome: Outcome): SubmissionResult<string[]> {
  const body = outcome.body as { result?: SubmissionResult<string[]> | null }
  if (!body?.result) throw new Error(`no form result in ${JSON.stringify(outcome.body)}`)
  return body.result
}

/** The one-time message (toast) the next page shows. */
export async function toastOf(outcome: Outcome): Promise<string | undefined> {
  const set = outcome.headers.getSetCookie().find((cookie) => cookie.startsWith('__flash='))
  if (!set) return undefined
  const { toast } = await readToast(appRequest('/', { cookie: set.split(';')[0]! }))
  return toast?.message
}

/** The status of the Response a server helper threw, or 'read' when it returned normally. */
export async function thrownStatus(promise: Promise<unknown>): Promise<number | 'read'> {
  try {
    await promise
    return 'read'
  } catch (error) {
    if (error instanceof Response) return error.status
    throw error
  }
}
