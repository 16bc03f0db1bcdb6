import { useEffect, useRef, useState, type MouseEvent } from 'react'

/**
 * Bytes a catalogue PDF takes per product with its cover photo (bench/catalogue: 14.1 kB; 2 kB
 * without a photo), for the progress estimate from `X-Product-Count`.
 */
export const PDF_BYTES_PER_PRODUCT = 14_000
/** The PDF's cover page and embedded fonts (about 25 kB for 100 products). */
const PDF_BASE_BYTES = 30_000
/** How often the screen-reader status repeats the size received (the bar itself moves continuously). */
const ANNOUNCE_EVERY_MS = 3_000
/** Redraws while bytes arrive, at most this often. */
const REDRAW_EVERY_MS = 100

type Progress = { received: number; total: number | null }
type State = { status: 'idle' } | { status: 'busy'; progress: Progress; announced: number } | { status: 'error' }

/**
 * A download link for a generated file (the export catalogue's PDF or CSV). Without JavaScript it
 * is a plain `<a href download>`. With it, a click fetches the file, shows how much has arrived (a
 * bar estimated from Content-Length, `expectedBytes`, or the `X-Product-Count` header × bytes per
 * product; the size alone when none is known), saves it under the name from Content-Disposition, and
 * says so when it fails. Ctrl/⌘-clicks and middle clicks are left to the browser.
 */
export function FileDownload({
  href,
  label,
  busyLabel,
  errorLabel,
  expectedBytes,
  bytesPerProduct = PDF_BYTES_PER_PRODUCT,
  className = '',
}: {
  href: string
  label: string
  /** Shown (and announced) while the file arrives, e.g. "Đang tạo PDF…"; the size received follows it. */
  busyLabel: string
  /** Shown when the download fails, e.g. "Không tải được tệp. Vui lòng thử lại." */
  errorLabel: string
  expectedBytes?: number
  bytesPerProduct?: number
  className?: string
}) {
  const [state, setState] = useState<State>({ status: 'idle' })
  const abortRef = useRef<AbortController | null>(null)
  useEffect(() => () => abortRef.current?.abort(), [])

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    if (state.status === 'busy') return
    const controller = new AbortController()
    abortRef.current = controller
    setState({ status: 'busy', progress: { received: 0, total: expectedBytes ?? null }, announced: 0 })
    try {
      const response = await fetch(href, { signal: controller.signal, credentials: 'same-origin' })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const total = expectedTotal(response.headers, expectedBytes, bytesPerProduct)
      const chunks: Uint8Array<ArrayBuffer>[] = []
      let received = 0
      let redrawnAt = 0
      let announcedAt = performance.now()
      let announced = 0
      const reader = response.body?.getReader()
      if (reader) {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          chunks.push(chunk.value)
          received += chunk.value.byteLength
          const now = performance.now()
          if (now - redrawnAt < REDRAW_EVERY_MS) continue
          redrawnAt = now
          if (now - announcedAt >= ANNOUNCE_EVERY_MS) {
            announcedAt = now
            announced = received
          }
          setState({ status: 'busy', progress: { received, total }, announced })
        }
      } else {
        chunks.push(new Uint8Array(await response.arrayBuffer()))
      }
      const type = response.headers.get('Content-Type') ?? 'application/octet-stream'
      saveBlob(new Blob(chunks, { type }), fileNameFrom(response.headers.get('Content-Disposition'), href))
      setState({ status: 'idle' })
    } catch (error) {
      if (controller.signal.aborted) return
      console.error('download failed', error)
      setState({ status: 'error' })
    } finally {
      if (abortRef.current === controller) abortRef.current = null
    }
  }

  const busy = state.status === 'busy'
  const fraction = busy && state.progress.total ? Math.min(state.progress.received / state.progress.total, 0.99) : null
  return (
    <div className={`inline-flex flex-col gap-2 ${className}`}>
      <a
        href={href}
        download
        onClick={download}
        aria-disabled={busy || undefined}
        className={`inline-flex items-center justify-center gap-2 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 ${busy ? 'cursor-progress opacity-70' : ''}`}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M10 2a1 1 0 0 1 1 1v8.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42L9 11.6V3a1 1 0 0 1 1-1ZM4 15a1 1 0 0 1 1 1v1h10v-1a1 1 0 1 1 2 0v2a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1Z" />
        </svg>
        {label}
      </a>
      {busy ? (
        <div className="w-full max-w-xs min-w-48">
          <div
            role="progressbar"
            aria-label={busyLabel}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
            className="h-2 overflow-hidden rounded-full bg-stone-200"
          >
            <div
              className={`h-full rounded-full bg-brand-600 transition-[width] ${fraction === null ? 'w-1/3 animate-pulse' : ''}`}
              style={fraction === null ? undefined : { width: `${Math.max(fraction * 100, 2)}%` }}
            />
          </div>
          <p aria-hidden="true" className="mt-1 text-xs text-stone-600">
            {busyLabel} {formatBytes(state.progress.received)}
          </p>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {busy ? `${busyLabel} ${state.announced > 0 ? formatBytes(state.announced) : ''}` : ''}
      </p>
      {state.status === 'error' ? (
        <p role="alert" className="text-sm text-red-700">
          {errorLabel}
        </p>
      ) : null}
    </div>
  )
}

/** The size to expect: Content-Length when the body is not re-encoded, else the caller's or the product count's estimate. */
export function expectedTotal(
  headers: Headers,
  expectedBytes: number | undefined,
  bytesPerProduct: number,
): number | null {
  const length = Number(headers.get('Content-Length'))
  if (length > 0 && !headers.get('Content-Encoding')) return length
  if (expectedBytes && expectedBytes > 0) return expectedBytes
  const count = headers.get('X-Product-Count')
  if (count !== null && /^\d+$/.test(count)) return PDF_BASE_BYTES + Number(count) * bytesPerProduct
  return null
}

/** The file name from Content-Disposition (RFC 6266: `filename*` first), else the URL's last segment. */
export function fileNameFrom(disposition: string | null, href: string): string {
  const extended = disposition?.match(/filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/)?.[1]
  if (extended) {
    try {
      return decodeURIComponent(extended.trim())
    } catch {
      // fall through to the plain name
    }
  }
  const plain = disposition?.match(/filename\s*=\s*(?:"([^"]+)"|([^;\s]+))/)
  const name = plain?.[1] ?? plain?.[2]
  if (name) return name
  const last = href.split(/[?#]/)[0]!.split('/').pop()
  return last ? decodeURIComponent(last) : 'download'
}

/** "850 kB", "1,2 MB" (in the page's language). */
export function formatBytes(bytes: number, locale?: string): string {
  const lang = locale ?? (typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined)
  const format = (value: number, digits: number) =>
    value.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits })
  if (bytes < 1_000_000) return `${format(Math.max(bytes, 0) / 1_000, 0)} kB`
  return `${format(bytes / 1_000_000, 1)} MB`
}

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
