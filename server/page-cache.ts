import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { type RequestHandler } from 'express'
import { SESSION_COOKIE_NAME } from '#app/modules/accounts/session.server.ts'
import { coalescingStockChanges, onCatalogChange } from '#app/utils/catalog-changes.server.ts'
import { FLASH_COOKIE_NAME } from '#app/utils/toast.server.ts'
import { cspNonceOf } from './security-headers.ts'

const deflateRaw = promisify(zlib.deflateRaw)

/** Requests carrying a session or a one-time message are personal: never served from or kept in memory. */
const PERSONAL_COOKIES = [SESSION_COOKIE_NAME, FLASH_COOKIE_NAME].map((name) => `${name}=`)

/** Headers of the stored response that each hit sets itself (the CSP carries the hit's own nonce). */
const PER_RESPONSE_HEADERS = [
  'content-length',
  'content-encoding',
  'vary',
  'x-page-cache',
  'set-cookie',
  'content-security-policy',
]

/**
 * A page body kept as the pieces around its CSP nonce, so that every hit can carry a fresh one:
 * `segments` are the bytes between the nonce's occurrences (one segment when the body has none, as
 * `.data` responses), `deflated` each segment compressed on its own as raw deflate ending in a full
 * flush (byte-aligned, no back-reference into the segment before), the last one finished. A hit
 * joins them with the new nonce, in clear or, for gzip, as a stored deflate block between the
 * pre-compressed pieces: the compression cost stays at the miss; a hit pays a copy and a CRC-32.
 */
export type SplicedBody = {
  segments: Buffer[]
  deflated: Buffer[]
  /** CRC-32 of each segment on its own, and the operator that moves a CRC past that many bytes. */
  crcs: number[]
  shifts: Uint32Array[]
  gzip?: Buffer
}

type Entry = { at: number; status: number; headers: [string, string][]; body: SplicedBody; nonce: string }

export function splitAroundNonce(body: Buffer, nonce: string | undefined): Buffer[] {
  if (!nonce) return [body]
  const needle = Buffer.from(nonce)
  const segments: Buffer[] = []
  let from = 0
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
    segments.push(body.subarray(from, at))
    from = at + needle.length
  }
  segments.push(body.subarray(from))
  return segments
}

export async function spliceable(page: Buffer, nonce: string | undefined): Promise<SplicedBody> {
  const segments = splitAroundNonce(page, nonce)
  const deflated = await Promise.all(
    segments.map((segment, index) =>
      deflateRaw(segment, {
        finishFlush: index === segments.length - 1 ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH,
      }),
    ),
  )
  const body: SplicedBody = {
    segments,
    deflated,
    crcs: segments.map((segment) => zlib.crc32(segment)),
    shifts: segments.map((segment) => crcShift(segment.length)),
  }
  // Nothing to splice (a `.data` response, no nonce): the whole gzip, once.
  if (segments.length === 1) body.gzip = spliceGzip(body, '')
  return body
}

/** The page in clear with `nonce` wherever the stored response had its own. */
export function spliceIdentity(body: SplicedBody, nonce: string): Buffer {
  if (body.segments.length === 1) return body.segments[0]!
  const parts: Buffer[] = []
  const inserted = Buffer.from(nonce)
  body.segments.forEach((segment, index) => {
    if (index > 0) parts.push(inserted)
    parts.push(segment)
  })
  return Buffer.concat(parts)
}

/** A 32×32 matrix over GF(2) (column n = image of bit n) applied to a 32-bit vector. */
function gf2Times(matrix: Uint32Array, vector: number): number {
  let sum = 0
  for (let n = 0; vector !== 0; n++, vector >>>= 1) if (vector & 1) sum ^= matrix[n]!
  return sum >>> 0
}

/** `second ∘ first` */
function gf2Compose(second: Uint32Array, first: Uint32Array): Uint32Array {
  return first.map((column) => gf2Times(second, column))
}

/**
 * The linear operator that turns crc32(A) into the contribution of A to crc32(A ‖ B) when B is
 * `length` bytes long (zlib's crc32_combine: crc(A‖B) = shift(crc(A)) ^ crc(B)), by squaring the
 * one-zero-bit operator.
 */
export function crcShift(length: number): Uint32Array {
  let result: Uint32Array = Uint32Array.from({ length: 32 }, (_, n) => (1 << n) >>> 0)
  // The operator for one zero bit, then squared to 2, 4, 8 bits: one byte.
  let power: Uint32Array = Uint32Array.from({ length: 32 }, (_, n) => (n === 0 ? 0xedb88320 : (1 << (n - 1)) >>> 0))
  for (let i = 0; i < 3; i++) power = gf2Compose(power, power)
  for (let remaining = length; remaining > 0; remaining = Math.floor(remaining / 2)) {
    if (remaining & 1) result = gf2Compose(power, result)
    if (remaining > 1) power = gf2Compose(power, power)
  }
  return result
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff])

/** The page as one gzip member: header, the deflated pieces with the nonce as stored blocks, CRC-32 and size. */
export function spliceGzip(body: SplicedBody, nonce: string): Buffer {
  if (body.gzip) return body.gzip
  const inserted = Buffer.from(nonce)
  // A stored block (BFINAL 0, BTYPE 00) at a byte boundary: one header byte, LEN, NLEN, the bytes.
  const stored = Buffer.alloc(5 + inserted.length)
  stored.writeUInt16LE(inserted.length, 1)
  stored.writeUInt16LE(~inserted.length & 0xffff, 3)
  inserted.copy(stored, 5)
  const parts: Buffer[] = [GZIP_HEADER]
  let crc = 0
  let size = 0
  body.segments.forEach((segment, index) => {
    if (index > 0) {
      parts.push(stored)
      crc = zlib.crc32(inserted, crc)
      size += inserted.length
    }
    parts.push(body.deflated[index]!)
    // The page's CRC without reading the page again: zlib's crc32_combine with the segment's stored CRC.
    crc = (gf2Times(body.shifts[index]!, crc) ^ body.crcs[index]!) >>> 0
    size += segment.length
  })
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(size >>> 0, 4)
  parts.push(trailer)
  return Buffer.concat(parts)
}

/**
 * A small in-process page cache for anonymous catalogue pages (HTML and Remix `.data` responses):
 * a hit is a memory copy of a pre-compressed body, no rendering and no database. Each hit carries
 * the fresh CSP nonce server/security-headers.ts gave its response, spliced into the stored body
 * (SplicedBody). Entries go when
 * the catalogue changes (the same NOTIFY catalog_changed the database triggers send on commit),
 * after `maxAgeMs`, or least-recently-used beyond `maxEntries`. Only 200 responses without
 * Set-Cookie whose Cache-Control is public are kept.
 */
export function createPageCache(options: {
  databaseUrl: string
  maxEntries?: number
  maxAgeMs?: number
  /** How long stock-only changes may wait (default STOCK_CHANGE_DELAY_MS). */
  stockDelayMs?: number
}) {
  const maxEntries = options.maxEntries ?? 2000
  const maxAgeMs = options.maxAgeMs ?? 60_000
  const entries = new Map<string, Entry>()
  // Bumped on every clear: a render that was under way when the catalogue changed may hold data read
  // before the change, so it is served but not kept.
  let generation = 0
  const clear = () => {
    generation++
    entries.clear()
  }
  // Stock-only changes (a sale) drop the pages within a few seconds rather than on every order.
  const unsubscribe = onCatalogChange(options.databaseUrl, coalescingStockChanges(clear, options.stockDelayMs))

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
      // Without a nonce of its own (no security headers in front), the stored one stays: splicing it back.
      const nonce = cspNonceOf(res) ?? hit.nonce
      const body = gzipped ? spliceGzip(hit.body, nonce) : spliceIdentity(hit.body, nonce)
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
    const nonce = cspNonceOf(res)
    const startedIn = generation
    res.on('finish', () => {
      if (generation !== startedIn) return
      const cacheControl = String(res.getHeader('Cache-Control') ?? '')
      if (res.statusCode !== 200 || res.getHeader('Set-Cookie') || !cacheControl.includes('public')) return
      const identity = Buffer.concat(chunks)
      const headers = Object.entries(res.getHeaders())
        .filter(([name]) => !PER_RESPONSE_HEADERS.includes(name))
        .map(([name, value]) => [name, String(value)] as [string, string])
      void spliceable(identity, nonce).then((body) => {
        if (generation !== startedIn) return
        entries.set(key, { at: Date.now(), status: 200, headers, body, nonce: nonce ?? '' })
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
      })
    })
    next()
  }

  return { middleware, clear, close: unsubscribe }
}
