import { Writable } from 'node:stream'
import { type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { keepPersonalResponsesPrivate } from './utils/http.server.ts'
import { NonceProvider } from './utils/nonce.tsx'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce (server/security-headers.ts); absent in unit tests. */
    cspNonce?: string
  }
}

const ABORT_DELAY_MS = 5_000

/**
 * Renders the whole document, then answers with it in one piece. Our pages await their data in the
 * loaders, so streaming gains nothing, while React's many small writes made the gzip stream process
 * each separately: buffering cut the listing page's server time from ~55 ms to ~20 ms.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  keepPersonalResponsesPrivate(request, responseHeaders)
  const nonce = loadContext.cspNonce ?? ''
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = []
    let status = responseStatusCode
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(withoutTrailingNuls(chunk))
        callback()
      },
      final(callback) {
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
        resolve(new Response(new Uint8Array(Buffer.concat(chunks)), { status, headers: responseHeaders }))
        callback()
      },
    })
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce || undefined} />
      </NonceProvider>,
      {
        nonce: nonce || undefined,
        onAllReady() {
          pipe(sink)
        },
        onShellError(error) {
          reject(error)
        },
        onError(error) {
          status = 500
          console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY_MS + 1_000).unref()
  })
}

/**
 * React 18.3's streaming renderer fills 2 kB buffers; when a multi-byte character (most Vietnamese
 * letters) does not fit at the end of one, it sends the whole buffer, unused bytes included: NUL
 * bytes, which browsers show as "��" inside words (facebook/react#24985, #31134). HTML never holds
 * NUL bytes, so they are dropped from the end of each chunk.
 */
function withoutTrailingNuls(chunk: Buffer): Buffer {
  let end = chunk.length
  while (end > 0 && chunk[end - 1] === 0) end--
  return end === chunk.length ? chunk : chunk.subarray(0, end)
}

export function handleDataRequest(response: Response, { request }: { request: Request }) {
  keepPersonalResponsesPrivate(request, response.headers)
  return response
}

/**
 * Remix's default error logging, less one case: a request body cut off by server/body-limit.ts has
 * already been answered with 413, and the action failing to read it is expected.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted || isBodyTooLarge(error)) return
  // As Remix's own: a thrown route error response is logged as the error it wraps.
  const wrapped = isRouteErrorResponse(error) ? (error as { error?: unknown }).error : undefined
  console.error(wrapped ?? error)
}

function isBodyTooLarge(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (cause.name === 'BodyTooLargeError') return true
  }
  return false
}
