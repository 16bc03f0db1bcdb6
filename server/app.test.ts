import { once } from 'node:events'
import { type AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, expect, test } from 'vitest'
import { healthCheck } from './app.ts'

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
