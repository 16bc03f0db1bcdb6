import { once } from 'node:events'
import { type AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import compression from 'compression'
import express from 'express'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createPageCache } from './page-cache.ts'

let renders = 0
let base = ''
let close: () => void

beforeAll(async () => {
  const cache = createPageCache({ databaseUrl: process.env.DATABASE_URL!, maxAgeMs: 60_000 })
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
