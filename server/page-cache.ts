import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { type RequestHandler } from 'express'
import { SESSION_COOKIE_NAME } from '#app/modules/accounts/session.server.ts'
import { onCatalogChange } from '#app/utils/catalog-changes.server.ts'
import { FLASH_COOKIE_NAME } from '#app/utils/toast.server.ts'

const gzip = promisify(zlib.gzip)

/** Requests carrying a session or a one-time message are personal: never served from or kept in memory. */
const PERSONAL_COOKIES = [SESSION_COOKIE_NAME, FLASH_COOKIE_NAME].map((name) => `${name}=`)

type Entry = { at: number; status: number; headers: [string, string][]; identity: Buffer; gzip: Buffer }

/**
 * A small in-process page cache for anonymous catalogue pages (HTML and Remix `.data` responses):
 * a hit is a memory copy of a pre-compressed body, no rendering and no database. Entries go when
 * the catalogue changes (the same NOTIFY catalog_changed the database triggers send on commit),
 * after `maxAgeMs`, or least-recently-used beyond `maxEntries`. Only 200 responses without
 * Set-Cookie whose Cache-Control is public are kept.
 */
export function createPageCache(options: { databaseUrl: string; maxEntries?: number; maxAgeMs?: number }) {
  const maxEntries = options.maxEntries ?? 2000
  const maxAgeMs = options.maxAgeMs ?? 60_000
  const entries = new Map<string, Entry>()
  const unsubscribe = onCatalogChange(options.databaseUrl, () => entries.clear())

  const middleware: RequestHandler = (req, res, next) => {
    const cookie = req.headers.cookie
    if (req.method !== 'GET' || (cookie && PERSONAL_COOKIES.some((name) => cookie.includes(name)))) return next()
    const key = req.originalUrl
    const hit = entries.get(key)
    if (hit && Date.now() - hit.at < maxAgeMs) {
      entries.delete(key)
      entries.set(key, hit)
      for (const [name, value] of hit.headers) res.setHeader(name, value)
      res.setHeader('X-Page-Cache', 'hit')
      res.setHeader('Vary', 'Accept-Encoding')
      const gzipped = req.acceptsEncodings('gzip') === 'gzip'
      if (gzipped) res.setHeader('Content-Encoding', 'gzip')
      const body = gzipped ? hit.gzip : hit.identity
      res.setHeader('Content-Length', String(body.length))
      res.status(hit.status).end(body)
      return
    }

    const chunks: Buffer[] = []
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res
    const capture = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, encoding as BufferEncoding))
    }
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      capture(chunk, rest[0])
      return write(chunk, ...rest)
    }) as typeof res.write
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      capture(chunk, rest[0])
      return end(chunk, ...rest)
    }) as typeof res.end
    res.setHeader('X-Page-Cache', 'miss')
    res.on('finish', () => {
      const cacheControl = String(res.getHeader('Cache-Control') ?? '')
      if (res.statusCode !== 200 || res.getHeader('Set-Cookie') || !cacheControl.includes('public')) return
      const identity = Buffer.concat(chunks)
      const headers = Object.entries(res.getHeaders())
        .filter(
          ([name]) => !['content-length', 'content-encoding', 'vary', 'x-page-cache', 'set-cookie'].includes(name),
        )
        .map(([name, value]) => [name, String(value)] as [string, string])
      void gzip(identity).then((gzipped) => {
        entries.set(key, { at: Date.now(), status: 200, headers, identity, gzip: gzipped })
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
      })
    })
    next()
  }

  return { middleware, clear: () => entries.clear(), close: unsubscribe }
}
