/** Per test file: a private copy of the seeded template database, dropped afterwards. */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, inject } from 'vitest'
import { TEMPLATE_DATABASE } from './template.ts'

const serverUrl = inject('databaseServerUrl')
const database = `ocop_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  await admin((c) => c.query(`CREATE DATABASE "${database}" TEMPLATE "${TEMPLATE_DATABASE}"`))
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  process.env.DATABASE_URL = url.toString()
})

afterAll(async () => {
  const { disconnectDb } = await import('#app/utils/db.server.ts')
  await disconnectDb()
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`))
})
