/**
 * `npm run worker`: runs the background jobs (app/modules/jobs/worker.server.ts) as a process of its
 * own, next to the web servers, which run them too. graphile-worker shares the work between all of
 * them through PostgreSQL, so adding this process adds throughput without any coordination.
 * Needs DATABASE_URL (a shared database: an embedded one would be this process's alone).
 */
import { startJobs } from '#app/modules/jobs/worker.server.ts'
import { disconnectDb } from '#app/utils/db.server.ts'
import { migrateDatabase } from '../server/database.ts'

const log = (line: string) => console.log(`[worker] ${line}`)

const url = process.env.DATABASE_URL
if (!url) {
  console.error('worker: set DATABASE_URL to the database the web servers use (npm start prints it).')
  process.exit(1)
}
const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 4)
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(`worker: WORKER_CONCURRENCY must be a positive whole number, got "${process.env.WORKER_CONCURRENCY}".`)
  process.exit(1)
}

await migrateDatabase(url)
const jobs = await startJobs({ databaseUrl: url, concurrency, logger: log })

let stopping = false
const stop = (signal: string) => {
  if (stopping) return
  stopping = true
  log(`${signal}: finishing running jobs…`)
  jobs
    .stop()
    .then(() => disconnectDb())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[worker] stop failed:', error)
        process.exit(1)
      },
    )
}
process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
