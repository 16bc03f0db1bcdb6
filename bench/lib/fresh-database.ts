import { chmodSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { disconnectDb, getDb } from '#app/utils/db.server.ts'
import { seedReferenceData } from '../../prisma/seed/run-seed.ts'
import { migrateDatabase } from '../../server/database.ts'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/embedded-postgres.ts'
import { cleanUpOnSignals } from './processes.ts'

/**
 * Runs a benchmark on a fresh embedded PostgreSQL in `<benchDir>/run-<pid>`, migrated and seeded with
 * the reference data (DATABASE_URL points at it meanwhile). The server and its folder are removed at
 * the end, also on failure or Ctrl-C. Returns what `body` returns.
 */
export async function withFreshDatabase<T>(
  benchDir: string,
  log: (line: string) => void,
  body: (workDir: string) => Promise<T>,
): Promise<T> {
  const workDir = path.join(benchDir, `run-${process.pid}`)
  rmSync(workDir, { recursive: true, force: true })
  mkdirSync(workDir, { recursive: true })
  // As root the server runs as the `postgres` user, which must be able to reach the folder.
  chmodSync(benchDir, 0o755)
  chmodSync(workDir, 0o777)
  delete process.env.DATABASE_URL
  let database: EmbeddedDatabase | null = null
  let cleaned = false
  const cleanUp = async () => {
    if (cleaned) return
    cleaned = true
    await disconnectDb().catch(() => undefined)
    await database?.stop().catch(() => undefined)
    rmSync(workDir, { recursive: true, force: true })
  }
  cleanUpOnSignals(cleanUp, log)
  try {
    const started = performance.now()
    database = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'postgres'), database: 'ocop' })
    process.env.DATABASE_URL = database.url
    await migrateDatabase(database.url)
    await seedReferenceData(getDb())
    log(`fresh embedded PostgreSQL migrated and seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    return await body(workDir)
  } finally {
    await cleanUp()
  }
}
