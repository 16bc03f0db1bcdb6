/**
 * Enqueues catalogue imports on graphile-worker from the web process. One WorkerUtils per process
 * with a small pool of its own, made on first use (graphile-worker's quickAddJob would open and
 * close a pool for every upload).
 */
import { Logger, makeWorkerUtils, type WorkerUtils } from 'graphile-worker'
import pg from 'pg'

export const CATALOG_IMPORT_TASK = 'catalog-import'

/** A file failing this often is not going to succeed: the job is then marked failed (import-task). */
export const CATALOG_IMPORT_MAX_ATTEMPTS = 5

type Queue = { utils: WorkerUtils; pool: pg.Pool }
const globalForQueue = globalThis as unknown as { __ocopImportQueue?: Promise<Queue> }

async function createQueue(): Promise<Queue> {
  const connectionString = process.env.DATABASE_URL
  if (!connectionString) throw new Error('DATABASE_URL is not set: start the app with `npm start`.')
  // Idle connections close (and never hold the process open); a database restart is an error event.
  const pool = new pg.Pool({ connectionString, max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true })
  pool.on('error', (error) => console.error(`catalog-import queue: idle connection failed: ${error.message}`))
  pool.on('connect', (client) => client.on('error', () => undefined))
  try {
    const utils = await makeWorkerUtils({
      pgPool: pool,
      logger: new Logger(() => (level, message) => {
        if (String(level) === 'error' || String(level) === 'warning') console.error(`catalog-import queue: ${message}`)
      }),
    })
    // The web server's worker has usually created the schema already; a test database has not.
    await utils.migrate()
    return { utils, pool }
  } catch (error) {
    await pool.end()
    throw error
  }
}

function queue(): Promise<Queue> {
  if (!globalForQueue.__ocopImportQueue) {
    const created = createQueue()
    globalForQueue.__ocopImportQueue = created
    created.catch(() => {
      if (globalForQueue.__ocopImportQueue === created) globalForQueue.__ocopImportQueue = undefined
    })
  }
  return globalForQueue.__ocopImportQueue
}

/** Adds the job once: the job key makes a repeated call for the same import a no-op. */
export async function enqueueCatalogImport(importJobId: string): Promise<void> {
  const { utils } = await queue()
  await utils.addJob(
    CATALOG_IMPORT_TASK,
    { importJobId },
    {
      jobKey: `${CATALOG_IMPORT_TASK}:${importJobId}`,
      jobKeyMode: 'preserve_run_at',
      maxAttempts: CATALOG_IMPORT_MAX_ATTEMPTS,
    },
  )
}

/** For shutdown and tests. */
export async function closeImportQueue(): Promise<void> {
  const pending = globalForQueue.__ocopImportQueue
  globalForQueue.__ocopImportQueue = undefined
  const current = await pending?.catch(() => undefined)
  if (!current) return
  await current.utils.release()
  await current.pool.end()
}
