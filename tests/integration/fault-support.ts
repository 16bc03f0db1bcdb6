/**
 * Plain HTTP for the fault tests (fault-*.test.ts): one fresh socket per request, as many browsers
 * at once would open, with the form posts a browser sends without JavaScript (same-origin Origin
 * header, urlencoded body) and the cookies it keeps.
 */
import http from 'node:http'

export type Answer = {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  /** `name=value` of every Set-Cookie, ready for a Cookie header. */
  cookies: string[]
}

export function send(
  url: string,
  init: { method?: string; cookie?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  timeoutMs = 30_000,
): Promise<Answer> {
  const body = init.form ? new URLSearchParams(init.form).toString() : undefined
  const target = new URL(url)
  const headers: Record<string, string> = { ...init.headers }
  if (init.cookie) headers.Cookie = init.cookie
  if (body !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
    headers['Content-Length'] = String(Buffer.byteLength(body))
    headers.Origin ??= target.origin
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      { method: init.method ?? (body === undefined ? 'GET' : 'POST'), agent: false, headers, timeout: timeoutMs },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('error', reject)
        // A response cut off mid-body (the server died) is not an answer.
        res.on('aborted', () => reject(new Error('response aborted')))
        res.on('end', () => {
          if (!res.complete) return reject(new Error('response incomplete'))
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!),
          })
        })
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(body)
  })
}

/** Cookie header value from several `name=value` pairs; later ones replace earlier ones of the same name. */
export function joinCookies(...pairs: (string | undefined)[]): string {
  const jar = new Map<string, string>()
  for (const pair of pairs) {
    if (!pair) continue
    for (const part of pair.split(/;\s*/)) {
      const eq = part.indexOf('=')
      if (eq > 0) jar.set(part.slice(0, eq), part.slice(eq + 1))
    }
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
}

/** Calls `check` until it returns a value other than undefined; throws with the last failure after `timeoutMs`. */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined>,
  { timeoutMs = 30_000, intervalMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown = 'never checked'
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined) return value
      last = 'not yet'
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (last: ${String(last)})`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

export const CHECKOUT_KEY = /name="checkoutKey" value="([0-9a-f-]{36})"/
