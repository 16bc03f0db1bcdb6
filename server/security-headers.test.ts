import { readdirSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { get, hasBuild, ROOT, startApp, type AppProcess } from '#tests/support/app-process.ts'
import { createTestUser } from '#tests/factories/accounts.ts'
import { bodyLimitFor, DEFAULT_BODY_LIMIT, DOCUMENT_UPLOAD_LIMIT, RFQ_UPLOAD_LIMIT } from './body-limit.ts'
import { contentSecurityPolicy, NON_PAGE_POLICY, PDF_POLICY, securityHeaders } from './security-headers.ts'

const SESSION_SECRET = 'ocop-development-session-secret'

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** A request whose body is sent in `chunks` (chunked unless `contentLength` is given), stopping once answered. */
function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; contentLength?: number; chunks?: Buffer[] },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false
    const headers: Record<string, string> = { ...init.headers }
    if (init.contentLength !== undefined) headers['content-length'] = String(init.contentLength)
    const req = http.request(url, { method: init.method ?? 'POST', headers, agent: false }, (res) => {
      answered = true
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    // The server may close the connection mid-body once it has answered.
    req.on('error', (error) => (answered ? undefined : reject(error)))
    const chunks = [...(init.chunks ?? [])]
    const next = () => {
      if (answered) return
      const chunk = chunks.shift()
      if (!chunk) return void req.end()
      req.write(chunk, () => setTimeout(next, 1))
    }
    next()
  })
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
}

function expectSecurityHeaders(reply: { headers: http.IncomingHttpHeaders }, what: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(reply.headers[name], `${what}: ${name}`).toBe(value)
  expect(reply.headers['strict-transport-security'], `${what}: HSTS`).toMatch(/max-age=\d+/)
  expect(reply.headers['permissions-policy'], `${what}: Permissions-Policy`).toContain('camera=()')
  expect(reply.headers['content-security-policy'], `${what}: CSP`).toContain("frame-ancestors 'none'")
}

const nonceOf = (reply: { headers: http.IncomingHttpHeaders }) =>
  /'nonce-([A-Za-z0-9_-]+)'/.exec(String(reply.headers['content-security-policy']))?.[1]

describe.runIf(hasBuild())('a production process', () => {
  let app: AppProcess

  beforeAll(async () => {
    app = await startApp({ SESSION_SECRET, JOBS: 'off' })
  }, 120_000)
  afterAll(async () => {
    await app?.stop()
  })

  test('every kind of response carries the security headers', async () => {
    const asset = readdirSync(path.join(ROOT, 'build/client/assets')).find((name) => name.endsWith('.js'))!
    const media = readdirSync(path.join(ROOT, '.data/test-media'), { recursive: true, withFileTypes: true }).find(
      (entry) => entry.isFile(),
    )!
    const mediaPath = path.relative(path.join(ROOT, '.data/test-media'), path.join(media.parentPath, media.name))
    const kinds: [string, string, number][] = [
      ['HTML page', '/', 200],
      ['English HTML page', '/en/products', 200],
      ['Remix data', '/products.data', 200],
      ['resource route', '/robots.txt', 200],
      ['resource route (CSV)', '/export/catalogue.csv', 200],
      ['asset', `/assets/${asset}`, 200],
      ['media', `/media/${mediaPath}`, 200],
      ['missing media', '/media/khong-co.webp', 404],
      ['health check', '/healthz', 200],
      ['missing page', '/khong-co-trang-nay', 404],
      ['dev mailbox', '/dev/mailbox', 200],
    ]
    for (const [what, url, status] of kinds) {
      const reply = await get(app.base + url)
      expect(reply.status, `${what} ${url}`).toBe(status)
      expectSecurityHeaders(reply, what)
      // Pages get the nonce policy; anything else a policy that runs nothing.
      const html = String(reply.headers['content-type']).startsWith('text/html')
      if (html) expect(reply.headers['content-security-policy'], what).toMatch(/script-src 'nonce-/)
      else expect(reply.headers['content-security-policy'], what).toBe(NON_PAGE_POLICY)
    }
    // PDFs: Chrome's viewer needs its plugin and inline styles, so only frame-ancestors.
    const pdf = await get(app.base + '/export/catalogue.pdf')
    expect(pdf.status).toBe(200)
    expect(pdf.headers['content-type']).toContain('application/pdf')
    expect(pdf.headers['content-security-policy']).toBe(PDF_POLICY)
    expect(pdf.headers['x-frame-options']).toBe('DENY')
    // Errors from the guards in front of Remix: a cross-site POST, an oversize body.
    const refused = await send(app.base + '/account/login', { headers: { origin: 'https://evil.example' } })
    expect(refused.status).toBe(403)
    expectSecurityHeaders(refused, 'cross-site POST')
    const tooBig = await send(app.base + '/account/login', {
      headers: { origin: app.base },
      contentLength: DEFAULT_BODY_LIMIT + 1,
      chunks: [Buffer.alloc(1024)],
    })
    expect(tooBig.status).toBe(413)
    expectSecurityHeaders(tooBig, '413')
  })

  test('a cached page gets a fresh nonce per response, matching every script of the page', async () => {
    const first = await get(app.base + '/products?sort=newest')
    await new Promise((r) => setTimeout(r, 200))
    const second = await get(app.base + '/products?sort=newest')
    const third = await get(app.base + '/products?sort=newest', { 'accept-encoding': 'gzip' })
    expect(second.headers['x-page-cache']).toBe('hit')
    const nonces = [first, second].map(nonceOf)
    expect(new Set(nonces).size).toBe(2)
    for (const [reply, nonce] of [
      [first, nonces[0]],
      [second, nonces[1]],
    ] as const) {
      const scripts = [...reply.body.matchAll(/<script\b([^>]*)>.{0,60}/g)]
      const executable = scripts.filter((m) => !m[1]!.includes('application/ld+json'))
      expect(executable.length).toBeGreaterThan(0)
      for (const script of executable) expect(script[1], script[0]).toContain(`nonce="${nonce}"`)
    }
    // The rest of the page is the same page.
    expect(second.body.replaceAll(nonces[1]!, 'N')).toBe(first.body.replaceAll(nonces[0]!, 'N'))
    expect(third.headers['x-page-cache']).toBe('hit')
    expect(nonceOf(third)).not.toBe(nonces[1])
    expect(third.headers['content-security-policy']).toContain('upgrade-insecure-requests')
  })

  test('session and flash cookies are HttpOnly, SameSite=Lax, Path=/, Secure and signed', async () => {
    const reply = await send(app.base + '/account/login', {
      headers: { origin: app.base, 'content-type': 'application/x-www-form-urlencoded' },
      chunks: [Buffer.from(new URLSearchParams({ email: 'khach@ocop.local', password: 'ocop-demo-2026' }).toString())],
    })
    expect(reply.status).toBe(302)
    const cookies = reply.headers['set-cookie'] ?? []
    for (const name of ['__session', '__flash']) {
      const cookie = cookies.find((c) => c.startsWith(`${name}=`))
      expect(cookie, name).toBeDefined()
      const attributes = cookie!.split(';').map((part) => part.trim().toLowerCase())
      expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'secure']))
      // Signed: the value ends in Remix's HMAC signature (value.signature).
      expect(decodeURIComponent(cookie!.split(';')[0]!.slice(name.length + 1))).toMatch(/\.[A-Za-z0-9+/]+$/)
    }
  })

  test('oversize bodies are refused with 413 before anything is saved, declared or chunked', async () => {
    const producer = await getDb().producer.findUniqueOrThrow({ where: { slug: 'htx-ong-tuan-minh' } })
    const seller = await createTestUser({ roles: ['PRODUCER'], producers: [{ producerId: producer.id }] })
    const documents = () => getDb().producerDocument.count({ where: { producerId: producer.id } })
    const before = await documents()
    const headers = {
      origin: app.base,
      cookie: seller.cookie,
      'content-type': 'multipart/form-data; boundary=----x',
    }
    const part = Buffer.from(
      '------x\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n',
    )
    // Declared: refused from the header alone, after the first bytes.
    const declared = await send(app.base + '/seller/documents', {
      headers,
      contentLength: DOCUMENT_UPLOAD_LIMIT + 1,
      chunks: [part],
    })
    expect(declared.status).toBe(413)
    expect(declared.body).toMatch(/^Nội dung gửi lên quá lớn .* \/ The request is too large/)
    // A file over the route's own limit but under the cap: the route's own friendly answer, nothing saved.
    const overFile = await send(app.base + '/seller/documents', {
      headers,
      chunks: [part, ...Array.from({ length: 11 }, () => Buffer.alloc(1024 * 1024, 0x41))],
    })
    expect(overFile.status).not.toBe(500)
    // Chunked: counted as it comes, refused once past the limit. A sign-up whose fields are all
    // valid, followed by 3 MiB of padding, creates no account.
    const email = `tran.chunked.${Date.now()}@example.com`
    const fields = new URLSearchParams({
      name: 'Trần Thị Chunked',
      email,
      password: 'mat-khau-rat-dai-2026',
      confirmPassword: 'mat-khau-rat-dai-2026',
      pad: '',
    }).toString()
    const chunked = await send(app.base + '/account/signup', {
      headers: { origin: app.base, 'content-type': 'application/x-www-form-urlencoded' },
      chunks: [Buffer.from(fields), ...Array.from({ length: 3 }, () => Buffer.alloc(1024 * 1024, 0x41))],
    })
    expect(chunked.status).toBe(413)
    await new Promise((r) => setTimeout(r, 300))
    expect(await documents()).toBe(before)
    expect(await getDb().user.count({ where: { email } })).toBe(0)
    // The app goes on serving.
    expect((await get(app.base + '/healthz')).status).toBe(200)
    expect(app.output()).not.toMatch(/BodyTooLargeError|ERR_HTTP_HEADERS_SENT/)
  })

  test('webhooks keep working under the default limit', async () => {
    const reply = await send(app.base + '/api/webhooks/stripe', {
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=x' },
      chunks: [Buffer.from('{"id":"evt_1","type":"checkout.session.completed"}')],
    })
    // No webhook secret in this process: refused by the route itself, not by a guard.
    expect([400, 401, 503]).toContain(reply.status)
  })
})

test('route limits: uploads just above what the route allows, everything else 1 MiB', () => {
  expect(bodyLimitFor('/account/login')).toBe(DEFAULT_BODY_LIMIT)
  expect(bodyLimitFor('/api/webhooks/stripe')).toBe(DEFAULT_BODY_LIMIT)
  expect(bodyLimitFor('/en/seller/documents.data')).toBe(DOCUMENT_UPLOAD_LIMIT)
  expect(bodyLimitFor('/export/rfq/new')).toBe(RFQ_UPLOAD_LIMIT)
  expect(RFQ_UPLOAD_LIMIT).toBeGreaterThan(5 * 10 * 1024 * 1024)
  expect(bodyLimitFor('/seller/listings/abc123')).toBeGreaterThan(12 * 10 * 1024 * 1024)
  expect(bodyLimitFor('/seller/import')).toBeGreaterThan(20 * 1024 * 1024)
})

test('development: a policy Vite can live with, no HSTS, the same other headers', async () => {
  const policy = contentSecurityPolicy('abc', { production: false })
  expect(policy).toContain('ws:')
  expect(policy).not.toContain('upgrade-insecure-requests')
  expect(policy).toContain("script-src 'nonce-abc' 'strict-dynamic'")
  const app = express()
  app.use(securityHeaders({ production: false }))
  app.get('/', (_req, res) => res.send('ok'))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  try {
    const reply = await get(`http://127.0.0.1:${(server.address() as { port: number }).port}/`)
    expect(reply.headers['strict-transport-security']).toBeUndefined()
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['content-security-policy']).toMatch(/'nonce-[A-Za-z0-9_-]{22}'/)
  } finally {
    server.close()
  }
})
