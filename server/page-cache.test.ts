import { once } from 'node:events'
import { type AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import compression from 'compression'
import express from 'express'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createPageCache, spliceable, spliceGzip, spliceIdentity } from './page-cache.ts'
import { cspNonceOf, securityHeaders } from './security-headers.ts'

let renders = 0
let base = ''
// /slow: a render that read the catalogue (`catalogueName`) and then waits for `releaseSlow`.
let catalogueName = 'old name'
let releaseSlow = () => {}
let slowStarted = () => {}
let close: () => void

beforeAll(async () => {
  const cache = createPageCache({ databaseUrl: process.env.DATABASE_URL!, maxAgeMs: 60_000, stockDelayMs: 500 })
  const app = express()
  app.use(compression())
  app.use(cache.middleware)
  app.get('/page', (req, res) => {
    renders++
    res.setHeader('Cache-Control', 'public, max-age=0, s-maxage=30')
    res.type('html').send(`<p>render ${renders} ${'x'.repeat(2000)}</p>`)
  })
  app.get('/private', (_req, res) => {
    renders++
    res.setHeader('Cache-Control', 'private, no-store')
    res.send('mine')
  })
  app.get('/cookie', (_req, res) => {
    renders++
    res.setHeader('Cache-Control', 'public')
    res.cookie('a', 'b').send('with cookie')
  })
  app.get('/slow', async (_req, res) => {
    renders++
    const seen = catalogueName
    slowStarted()
    await new Promise<void>((resolve) => (releaseSlow = resolve))
    res.setHeader('Cache-Control', 'public, max-age=0, s-maxage=30')
    res.type('html').send(`<p>${seen}</p>`)
  })
  const server = app.listen(0, '127.0.0.1')
  await once(server, 'listening')
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => {
    cache.close()
    server.close()
  }
  // Let the cache's LISTEN connection come up.
  await new Promise((r) => setTimeout(r, 300))
})
afterAll(() => close())

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers })
  return { response, text: await response.text() }
}

const settle = () => new Promise((r) => setTimeout(r, 100))

test('an anonymous page is rendered once, then served from memory, compressed or not', async () => {
  const before = renders
  const first = await get('/page')
  await settle()
  const second = await get('/page', { 'accept-encoding': 'gzip' })
  const third = await get('/page', { 'accept-encoding': 'identity' })
  expect(renders - before).toBe(1)
  expect(first.response.headers.get('x-page-cache')).toBe('miss')
  expect(second.response.headers.get('x-page-cache')).toBe('hit')
  expect(second.text).toBe(first.text)
  expect(third.text).toBe(first.text)
  expect(third.response.headers.get('content-encoding')).toBeNull()
  // Raw bytes: the gzip body really is gzip of the page.
  const raw = await new Promise<Buffer>((resolve) => {
    void import('node:http').then(({ get: httpGet }) =>
      httpGet(`${base}/page`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const parts: Buffer[] = []
        res.on('data', (c: Buffer) => parts.push(c))
        res.on('end', () => resolve(Buffer.concat(parts)))
      }),
    )
  })
  expect(gunzipSync(raw).toString()).toBe(first.text)
})

test('a catalogue change committed in the database empties the cache', async () => {
  await get('/page')
  await settle()
  const before = renders
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  await client.query(`SELECT pg_notify('catalog_changed', '')`)
  await client.end()
  await new Promise((r) => setTimeout(r, 200))
  const after = await get('/page')
  expect(after.response.headers.get('x-page-cache')).toBe('miss')
  expect(renders - before).toBe(1)
})

test('stock-only changes (a sale) keep the pages for a moment, then drop them once', async () => {
  await get('/page')
  await settle()
  const before = renders
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  for (let i = 0; i < 3; i++) await client.query(`SELECT pg_notify('catalog_changed', 'stock')`)
  await client.end()
  await new Promise((r) => setTimeout(r, 100))
  expect((await get('/page')).response.headers.get('x-page-cache')).toBe('hit')
  await new Promise((r) => setTimeout(r, 700))
  expect((await get('/page')).response.headers.get('x-page-cache')).toBe('miss')
  await settle()
  expect((await get('/page')).response.headers.get('x-page-cache')).toBe('hit')
  expect(renders - before).toBe(1)
})

test('a page whose render was under way when the catalogue changed is served but not kept', async () => {
  const started = new Promise<void>((resolve) => (slowStarted = resolve))
  const first = get('/slow')
  await started
  // Another process commits a change while this render holds what it read before.
  catalogueName = 'new name'
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  await client.query(`SELECT pg_notify('catalog_changed', '')`)
  await client.end()
  await new Promise((r) => setTimeout(r, 200))
  releaseSlow()
  expect((await first).text).toBe('<p>old name</p>')
  await settle()

  const secondStarted = new Promise<void>((resolve) => (slowStarted = resolve))
  const second = get('/slow')
  await secondStarted
  releaseSlow()
  const after = await second
  expect(after.response.headers.get('x-page-cache')).toBe('miss')
  expect(after.text).toBe('<p>new name</p>')
})

test('logged-in requests, private pages and responses setting cookies are never cached', async () => {
  await get('/page')
  await settle()
  const session = await get('/page', { cookie: '__session=abc' })
  expect(session.response.headers.get('x-page-cache')).toBeNull()
  // A page about to show a one-time message ("Đã đăng xuất") must not come from memory either.
  const flash = await get('/page', { cookie: 'theme=x; __flash=abc' })
  expect(flash.response.headers.get('x-page-cache')).toBeNull()
  expect((await get('/page', { cookie: 'theme=x' })).response.headers.get('x-page-cache')).toBe('hit')

  for (const path of ['/private', '/cookie']) {
    const before = renders
    await get(path)
    await settle()
    await get(path)
    expect(renders - before).toBe(2)
  }
})

describe('pages with a CSP nonce', () => {
  let nonceBase = ''
  let nonceRenders = 0
  let stop: () => void

  beforeAll(async () => {
    const cache = createPageCache({ databaseUrl: process.env.DATABASE_URL!, maxAgeMs: 60_000 })
    const app = express()
    app.use(securityHeaders({ production: true }))
    app.use(compression())
    app.use(cache.middleware)
    app.get('/noncy', (_req, res) => {
      nonceRenders++
      const nonce = cspNonceOf(res)!
      res.setHeader('Cache-Control', 'public, max-age=0, s-maxage=30')
      res
        .type('html')
        .send(
          `<html><head><script nonce="${nonce}">1</script></head><body>${'Chợ OCOP '.repeat(500)}` +
            `<script nonce="${nonce}" type="module">import('x')</script><p>${nonceRenders}</p></body></html>`,
        )
    })
    const server = app.listen(0, '127.0.0.1')
    await once(server, 'listening')
    nonceBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    stop = () => {
      cache.close()
      server.close()
    }
    await new Promise((r) => setTimeout(r, 300))
  })
  afterAll(() => stop())

  async function rawGet(path: string, encoding: string) {
    const { get: httpGet } = await import('node:http')
    return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve) => {
      httpGet(`${nonceBase}${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
        const parts: Buffer[] = []
        res.on('data', (c: Buffer) => parts.push(c))
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }))
      })
    })
  }

  const nonceInHeader = (headers: Record<string, unknown>) =>
    /'nonce-([A-Za-z0-9_-]+)'/.exec(String(headers['content-security-policy']))?.[1]

  test('each hit carries a fresh nonce, in the header and in every script, in clear and gzipped', async () => {
    const miss = await rawGet('/noncy', 'gzip')
    expect(miss.headers['x-page-cache']).toBe('miss')
    await settle()
    const seen = new Set<string>([nonceInHeader(miss.headers)!])
    for (const encoding of ['gzip', 'identity', 'gzip']) {
      const hit = await rawGet('/noncy', encoding)
      expect(hit.headers['x-page-cache']).toBe('hit')
      const html = (encoding === 'gzip' ? gunzipSync(hit.body) : hit.body).toString()
      const nonce = nonceInHeader(hit.headers)!
      expect(seen.has(nonce)).toBe(false)
      seen.add(nonce)
      const inPage = [...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1])
      expect(inPage).toEqual([nonce, nonce])
      // Otherwise the very page that was rendered once.
      expect(html.replaceAll(nonce, 'N')).toBe(
        gunzipSync(miss.body).toString().replaceAll(nonceInHeader(miss.headers)!, 'N'),
      )
    }
    expect(nonceRenders).toBe(1)
  })
})

test('splicing: stored blocks between full-flushed pieces make a valid gzip member', async () => {
  const page = Buffer.from(`a${'b'.repeat(70_000)}NONCEc${'đ'.repeat(3000)}NONCE`)
  const body = await spliceable(page, 'NONCE')
  expect(body.segments).toHaveLength(3)
  expect(gunzipSync(spliceGzip(body, 'fresh-nonce_1')).toString()).toBe(
    page.toString().replaceAll('NONCE', 'fresh-nonce_1'),
  )
  expect(spliceIdentity(body, 'X').toString()).toBe(page.toString().replaceAll('NONCE', 'X'))
  const plain = await spliceable(Buffer.from('{"json":true}'), undefined)
  expect(gunzipSync(spliceGzip(plain, 'ignored')).toString()).toBe('{"json":true}')
})
