import { once } from 'node:events'
import { type AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, expect, test } from 'vitest'
import { healthCheck, sameOriginGuard, trustProxySetting } from './app.ts'

const servers: { close: () => void }[] = []
afterEach(() => servers.splice(0).forEach((s) => s.close()))

async function serveHealth(databaseUrl: string) {
  const app = express()
  app.get('/healthz', healthCheck(databaseUrl))
  const server = app.listen(0, '127.0.0.1')
  await once(server, 'listening')
  servers.push(server)
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`
}

test('/healthz answers 200 when the database is reachable', async () => {
  const response = await fetch(await serveHealth(process.env.DATABASE_URL!))
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ status: 'ok', database: 'ok' })
  expect(response.headers.get('cache-control')).toBe('no-store')
})

test('/healthz answers 503 when the database is not', async () => {
  const unreachable = 'postgresql://postgres:x@127.0.0.1:1/nothing'
  const response = await fetch(await serveHealth(unreachable))
  expect(response.status).toBe(503)
  expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' })
})

async function serveGuarded() {
  const app = express()
  app.use(sameOriginGuard())
  app.all('*', (_req, res) => res.status(200).end('done'))
  const server = app.listen(0, '127.0.0.1')
  await once(server, 'listening')
  servers.push(server)
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

test('a POST from another site is refused with a message, a POST from our own pages goes through', async () => {
  const base = await serveGuarded()
  const own = new URL(base).host
  const post = (headers: Record<string, string>, path = '/account/login') =>
    fetch(base + path, { method: 'POST', headers, body: 'a=1' })

  expect((await post({ Origin: `http://${own}` })).status).toBe(200)
  expect((await post({ Referer: `http://${own}/account/login` })).status).toBe(200)

  const forged = await post({ Origin: 'https://evil.example' })
  expect(forged.status).toBe(403)
  expect(await forged.text()).toContain('Yêu cầu bị từ chối')
  expect((await post({ Origin: 'null' })).status).toBe(403)
  expect((await post({})).status).toBe(403)
  expect((await post({ Origin: `http://${own}.evil.example` })).status).toBe(403)

  // Reading is never blocked, and webhooks authenticate with their own signatures.
  expect((await fetch(base + '/products')).status).toBe(200)
  expect((await post({}, '/api/webhooks/stripe')).status).toBe(200)
})

test('TRUST_PROXY: one load balancer in front means the address it appended, not one the client typed', async () => {
  expect(trustProxySetting(undefined)).toBe('loopback')
  expect(trustProxySetting('1')).toBe(1)
  expect(trustProxySetting('false')).toBe(false)
  expect(trustProxySetting('10.0.0.0/8')).toBe('10.0.0.0/8')

  const app = express()
  app.set('trust proxy', trustProxySetting('1'))
  app.get('/ip', (req, res) => res.end(req.ip))
  const server = app.listen(0, '127.0.0.1')
  await once(server, 'listening')
  servers.push(server)
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ip`
  // The client sent "6.6.6.6"; the load balancer appended the address it saw.
  const response = await fetch(url, { headers: { 'X-Forwarded-For': '6.6.6.6, 203.0.113.9' } })
  expect(await response.text()).toBe('203.0.113.9')
})
