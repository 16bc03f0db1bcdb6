/**
 * What a page-cache hit costs with a fresh CSP nonce spliced in, against the alternatives:
 * `node --import tsx server/page-cache.bench.ts [page-url]` (default: the listing page of a running
 * `npm start`, else a synthetic 92 KB page). Figures in docs/security.md.
 */
import { randomBytes } from 'node:crypto'
import zlib from 'node:zlib'
import { spliceable, spliceGzip, spliceIdentity } from './page-cache.ts'

async function page(): Promise<{ html: Buffer; nonce: string; from: string }> {
  const url = process.argv[2] ?? 'http://localhost:3000/products'
  try {
    const response = await fetch(url)
    const nonce = /'nonce-([A-Za-z0-9_-]+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1]
    if (response.ok && nonce) return { html: Buffer.from(await response.text()), nonce, from: url }
  } catch {
    // No server running: a synthetic page instead.
  }
  const nonce = randomBytes(16).toString('base64url')
  const card = `<li class="rounded-md border border-stone-200 p-3"><a href="/products/mat-ong-hoa-nhan-500g"><img src="/media/p/1-320.webp" alt="Mật ong hoa nhãn" width="320" height="320" loading="lazy"/><h3 class="text-sm font-medium text-stone-900">Mật ong hoa nhãn Tuấn Minh 500 g</h3><p class="text-brand-700">185.000 ₫</p></a></li>`
  const html =
    `<!DOCTYPE html><html lang="vi"><head><link rel="modulepreload" href="/assets/root.js"/></head><body>` +
    card.repeat(240) +
    `<script nonce="${nonce}">window.__remixContext = {}</script>`.repeat(3) +
    `<script nonce="${nonce}" type="module">import "/assets/entry.client.js"</script></body></html>`
  return { html: Buffer.from(html), nonce, from: 'synthetic' }
}

function measure(name: string, run: () => unknown, iterations = 3000) {
  for (let i = 0; i < 200; i++) run()
  const started = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) run()
  const micros = Number(process.hrtime.bigint() - started) / 1000 / iterations
  console.log(`${name.padEnd(58)} ${micros.toFixed(1).padStart(8)} µs/hit  ${Math.round(1e6 / micros)} /s`)
}

const { html, nonce, from } = await page()
const body = await spliceable(html, nonce)
const stored = zlib.gzipSync(html)
console.log(
  `page: ${from}, ${html.length} B (${stored.length} B gzipped), nonce occurs ${body.segments.length - 1}×, ` +
    `node ${process.version}`,
)
measure('before: stored gzip, no nonce (copy of the kept buffer)', () => Buffer.from(stored))
measure('before: stored identity (copy of the kept buffer)', () => Buffer.from(html))
measure('after: splice identity with a fresh nonce', () => spliceIdentity(body, randomBytes(16).toString('base64url')))
measure('after: splice gzip (stored blocks + CRC-32) with a fresh nonce', () =>
  spliceGzip(body, randomBytes(16).toString('base64url')),
)
measure('alternative: gzip the whole page per hit (level 6)', () => zlib.gzipSync(html), 300)
measure('alternative: gzip the whole page per hit (level 1)', () => zlib.gzipSync(html, { level: 1 }), 300)
const spliced = spliceGzip(body, 'x'.repeat(nonce.length))
console.log(`gzip size: stored ${stored.length} B, spliced ${spliced.length} B (+${spliced.length - stored.length} B)`)
