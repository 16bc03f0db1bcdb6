import { type IncomingMessage } from 'node:http'
import { type RequestHandler, type Response } from 'express'
import { IMPORT_LIMITS } from '#app/modules/catalog-import/run-import.server.ts'
import { DOCUMENT_LIMITS } from '#app/modules/media/documents.server.ts'
import { PHOTO_LIMITS } from '#app/modules/media/uploads.server.ts'
import { RFQ_LIMITS } from '#app/modules/rfq/rfq-schema.ts'

const MiB = 1024 * 1024

/** Every request body outside the upload routes: forms, JSON, webhooks (a Stripe event is a few kB). */
export const DEFAULT_BODY_LIMIT = 1 * MiB

/**
 * Room on top of the files an upload route legitimately takes: its text fields and the multipart
 * framing, and a file slightly over its own limit, so that the route still answers that one with
 * its friendly message next to the field rather than this middleware's 413.
 */
export const MULTIPART_ALLOWANCE = 1 * MiB

/** One document (PDF/JPEG/PNG/WebP): producer application, seller documents, certificates, export sheet. */
export const DOCUMENT_UPLOAD_LIMIT = DOCUMENT_LIMITS.maxBytes + MULTIPART_ALLOWANCE
/** A batch of product photos: up to a product's whole allowance at once. */
export const PHOTO_UPLOAD_LIMIT = PHOTO_LIMITS.maxPerProduct * PHOTO_LIMITS.maxBytes + MULTIPART_ALLOWANCE
/** One catalogue CSV. */
export const CATALOG_IMPORT_LIMIT = IMPORT_LIMITS.maxBytes + MULTIPART_ALLOWANCE
/** An RFQ, a quote or a message with its attachments (5 × 10 MB). */
export const RFQ_UPLOAD_LIMIT =
  RFQ_LIMITS.maxAttachments * RFQ_LIMITS.attachmentMaxMegabytes * MiB + MULTIPART_ALLOWANCE

/**
 * The routes that take files, by path without the language prefix and without Remix's `.data`
 * suffix (script-driven submissions post to `/path.data`). First match wins.
 */
export const BODY_LIMITS: readonly { route: RegExp; bytes: number; what: string }[] = [
  { route: /^\/seller\/listings\/[^/]+\/export$/, bytes: DOCUMENT_UPLOAD_LIMIT, what: 'export sheet document' },
  { route: /^\/seller\/listings\/[^/]+$/, bytes: PHOTO_UPLOAD_LIMIT, what: 'product photos' },
  { route: /^\/seller\/import$/, bytes: CATALOG_IMPORT_LIMIT, what: 'catalogue CSV import' },
  { route: /^\/seller\/(documents|apply)$/, bytes: DOCUMENT_UPLOAD_LIMIT, what: 'producer documents' },
  { route: /^\/admin\/certificates\/[^/]+$/, bytes: DOCUMENT_UPLOAD_LIMIT, what: 'certificate decision file' },
  { route: /^\/export\/rfq\/new$/, bytes: RFQ_UPLOAD_LIMIT, what: 'RFQ attachments' },
  { route: /^\/(account|seller)\/rfqs\/[^/]+$/, bytes: RFQ_UPLOAD_LIMIT, what: 'RFQ quote/message attachments' },
]

/** The most bytes a request body to `pathname` may have. */
export function bodyLimitFor(pathname: string): number {
  const route = pathname.replace(/^\/en(?=\/|$)/, '').replace(/\.data$/, '') || '/'
  return BODY_LIMITS.find((limit) => limit.route.test(route))?.bytes ?? DEFAULT_BODY_LIMIT
}

/** The 413 text, Vietnamese first. */
export function tooLargeMessage(limit: number): string {
  const mb = Math.floor(limit / MiB)
  const size = mb >= 1 ? `${mb} MB` : `${Math.floor(limit / 1024)} kB`
  return `Nội dung gửi lên quá lớn (tối đa ${size}). Hãy chọn tệp nhỏ hơn hoặc gửi ít tệp hơn mỗi lần. / The request is too large (at most ${size}). Choose smaller files or send fewer at once.`
}

/** The error a body cut off by the limit ends with; entry.server.tsx does not log it. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError'
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`)
  }
}

export function wasRefusedForSize(res: Response): boolean {
  return (res.locals as { bodyRefused?: boolean }).bodyRefused === true
}

/**
 * Refuses request bodies over the route's limit (BODY_LIMITS, else DEFAULT_BODY_LIMIT) with 413:
 * at once from Content-Length, without reading the body; for a chunked body by counting bytes as
 * they arrive, answering 413 as soon as the count passes the limit and cutting the body off.
 */
export function bodyLimit(): RequestHandler {
  return (req, res, next) => {
    const limit = bodyLimitFor(req.path)
    const declared = req.headers['content-length']
    if (declared !== undefined) {
      // Node itself holds the body to its Content-Length, so the declared length is all there is to check.
      if (Number(declared) > limit) return refuse(res, limit)
      return next()
    }
    if (req.headers['transfer-encoding'] === undefined) return next()

    let received = 0
    const emit = req.emit
    req.emit = function (this: IncomingMessage, event: string | symbol, ...args: unknown[]) {
      if (event === 'data') {
        if (wasRefusedForSize(res)) return false
        received += (args[0] as Buffer).length
        if (received > limit) {
          refuse(res, limit)
          // Whoever reads the body (Remix) sees it end in an error, after the 413 has gone out.
          res.once('finish', () => req.destroy(new BodyTooLargeError(limit)))
          return false
        }
      }
      return emit.call(this, event, ...args)
    } as typeof req.emit
    next()
  }
}

function refuse(res: Response, limit: number) {
  ;(res.locals as { bodyRefused?: boolean }).bodyRefused = true
  if (res.headersSent) return
  res.status(413)
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  // The rest of the body is not read: the connection closes after this answer.
  res.setHeader('Connection', 'close')
  res.end(tooLargeMessage(limit))
  ignoreLaterWrites(res)
}

/** After the 413, the handler still running for this request may answer too: its answer goes nowhere. */
function ignoreLaterWrites(res: Response) {
  const ignore = function (this: Response) {
    return this
  }
  Object.assign(res, {
    status: ignore,
    append: ignore,
    set: ignore,
    setHeader: ignore,
    flushHeaders: () => {},
    flush: () => {},
    writeHead: ignore,
    write: (_chunk: unknown, encoding?: unknown, callback?: unknown) => {
      const done = typeof encoding === 'function' ? encoding : callback
      if (typeof done === 'function') queueMicrotask(done as () => void)
      return true
    },
    end: ignore,
  })
}
