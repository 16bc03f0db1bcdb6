/**
 * Vitest global setup: one real PostgreSQL for the run (embedded unless TEST_DATABASE_URL points at
 * a server), with a template database migrated and seeded once. Each test file then clones the
 * template (tests/setup/database.ts), so files run in parallel without sharing rows.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type TestProject } from 'vitest/node'
import pg from 'pg'
import { migrateDatabase } from '../../server/database.ts'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/embedded-postgres.ts'
import { TEMPLATE_DATABASE } from './template.ts'

let embedded: EmbeddedDatabase | null = null

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string
  }
}

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL
  let dataDir: string | null = null
  if (!serverUrl) {
    // A cluster of its own per run (≈1 s to create), so runs in parallel never share or stop each other's.
    dataDir = await mkdtemp(path.join(tmpdir(), 'ocop-test-'))
    // As root the server runs as the `postgres` user, which must be able to reach the folder.
    await chmod(dataDir, 0o755)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), database: 'postgres' })
    serverUrl = embedded.url
  }
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`)
  await admin.end()

  const templateUrl = withDatabase(serverUrl, TEMPLATE_DATABASE)
  await migrateDatabase(templateUrl)
  process.env.DATABASE_URL = templateUrl
  const { getDb, disconnectDb } = await import('../../app/utils/db.server.ts')
  const { seedReferenceData } = await import('../../prisma/seed/run-seed.ts')
  const { placeholderImages } = await import('../../app/modules/media/placeholder.server.ts')
  await seedReferenceData(getDb(), { images: placeholderImages })
  const { seedDemoData } = await import('../../prisma/seed/demo.ts')
  await seedDemoData(getDb())
  await disconnectDb()
  delete process.env.DATABASE_URL

  project.provide('databaseServerUrl', serverUrl)
  return async () => {
    await embedded?.stop()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}
