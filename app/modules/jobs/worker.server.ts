/**
 * Background jobs on graphile-worker, in the same PostgreSQL (no other queue to run). The web
 * server starts it in-process (server/start.ts); `npm run worker` runs more of it as separate
 * processes. Jobs are rows in the `graphile_worker` schema, so they survive crashes and restarts,
 * and a failed job is retried with exponential backoff. See ADR 0006.
 */
import { Logger, run, type JobHelpers, type Runner, type TaskList } from 'graphile-worker'
import pg from 'pg'
import { getDb } from '#app/utils/db.server.ts'
import { getSearchIndex } from '../search/search.server.ts'
import { type SearchIndex } from '../search/search-index.ts'
import { countSearchOutbox, discardSearchOutbox, drainSearchOutbox } from '../search/search-outbox.server.ts'

export type JobsLogger = (line: string) => void

/** What tasks may use besides graphile-worker's helpers; tests pass their own search index. */
export type JobContext = { searchIndex: () => SearchIndex; log: JobsLogger }

export type JobDefinition = {
  run: (context: JobContext, helpers: JobHelpers) => Promise<void>
  /** A crontab schedule (`* * * * *`) and its options (`jobKey=…`), when the task also runs on a clock. */
  cron?: { match: string; options?: string }
}

export const SEARCH_SYNC = 'search-sync'
const SEARCH_OUTBOX_CHANNEL = 'search_outbox'
const OUTBOX_BATCH = 200

/**
 * Writes outbox rows to the search index until the outbox is empty. A throw (search server down)
 * fails the job: graphile-worker retries it with exponential backoff, and the rows wait meanwhile.
 */
async function searchSync(context: JobContext, helpers: JobHelpers): Promise<void> {
  const index = context.searchIndex()
  if (index.name === 'postgres') {
    await discardSearchOutbox()
    return
  }
  let processed = 0
  while (!helpers.abortSignal.aborted) {
    const n = await drainSearchOutbox(index, OUTBOX_BATCH)
    if (n === 0) break
    processed += n
  }
  if (processed > 0) {
    context.log(`search-sync: ${processed} product change(s) written to ${index.name}`)
    // Pages and listings cached between the commit and now came from the index before this write:
    // tell every app process to drop them (server/page-cache.ts, catalog-cache.server.ts).
    await getDb().$executeRaw`SELECT pg_notify('catalog_changed', '')`
  }
  // Rows can remain when a rebuild holds the outbox or another worker holds their product: look again
  // shortly rather than at the next minute.
  if (!helpers.abortSignal.aborted && (await countSearchOutbox()) > 0) {
    await helpers.addJob(
      SEARCH_SYNC,
      {},
      {
        jobKey: SEARCH_SYNC,
        jobKeyMode: 'preserve_run_at',
        runAt: new Date(Date.now() + 5_000),
      },
    )
  }
}

/**
 * Every task the workers know; later issues add theirs here (certificate expiry reminders, …). Each
 * may have a crontab schedule; most load their module on first run, keeping start-up light.
 */
export const TASKS: Record<string, JobDefinition> = {
  // The 30-day notice of expiring OCOP certificates (once each), and a cache drop on expiry days
  // (app/modules/certification/certificate-expiry.server.ts). Certificate days are UTC dates.
  // RFQs past their needed-by date and quotes past their validity (app/modules/rfq/rfq-expiry.server.ts).
  'rfq-expiry': {
    async run(context) {
      const { expireRfqsAndQuotes } = await import('../rfq/rfq-expiry.server.ts')
      const { now } = await import('#app/utils/clock.server.ts')
      const { parts, quotes } = await expireRfqsAndQuotes(now())
      if (parts > 0 || quotes > 0) context.log(`rfq-expiry: ${parts} request part(s) and ${quotes} quote(s) expired`)
    },
    cron: { match: '10 0 * * *', options: 'fill=1d&jobKey=rfq-expiry&jobKeyMode=preserve_run_at' },
  },
  'certificate-expiry': {
    async run(context) {
      const { runCertificateExpiry } = await import('../certification/certificate-expiry.server.ts')
      const { now } = await import('#app/utils/clock.server.ts')
      const { publicOrigin } = await import('#app/utils/env.server.ts')
      const result = await runCertificateExpiry(now(), { origin: publicOrigin() })
      if (result.noticesSent > 0 || result.expiredToday > 0)
        context.log(`certificate-expiry: ${result.noticesSent} notice(s) sent, ${result.expiredToday} expired today`)
    },
    cron: { match: '5 0 * * *', options: 'fill=1d&jobKey=certificate-expiry&jobKeyMode=preserve_run_at' },
  },
  // Unpaid online orders past their hold: cancelled, stock released (app/modules/checkout/hold-expiry.server.ts).
  'order-hold-expiry': {
    async run(context) {
      const { expireHolds } = await import('../checkout/hold-expiry.server.ts')
      const { cancelled, orderNumbers } = await expireHolds()
      if (cancelled > 0)
        context.log(`order-hold-expiry: ${cancelled} unpaid order(s) cancelled: ${orderNumbers.join(', ')}`)
    },
    cron: { match: '* * * * *', options: 'jobKey=order-hold-expiry&jobKeyMode=preserve_run_at' },
  },
  [SEARCH_SYNC]: {
    run: searchSync,
    // The NOTIFY from the outbox trigger gives ~1 s latency; this tick is the safety net (a missed
    // notification, a worker that was down). Each tick also restarts the backoff of a failing sync,
    // so a search server that comes back is noticed within a minute.
    cron: { match: '* * * * *', options: `jobKey=${SEARCH_SYNC}&jobKeyMode=preserve_run_at` },
  },
  // CSV catalogue import, payload { importJobId } (app/modules/catalog-import); safe to retry.
  'catalog-import': {
    async run(context, helpers) {
      const { runCatalogImportTask } = await import('../catalog-import/import-task.server.ts')
      await runCatalogImportTask(context, helpers)
    },
  },
  'accounts-prune': {
    async run(context) {
      const { pruneAccountRecords } = await import('../accounts/accounts.server.ts')
      const pruned = await pruneAccountRecords()
      context.log(
        `accounts-prune: ${pruned.loginAttempts} login attempt(s), ${pruned.sessions} session(s), ${pruned.verifications} token(s) removed`,
      )
    },
    cron: { match: '17 3 * * *', options: 'jobKey=accounts-prune' },
  },
  // Guest carts nobody changed for 60 days (app/modules/cart).
  'carts-prune': {
    async run(context) {
      const { pruneGuestCarts } = await import('../cart/cart.server.ts')
      context.log(`carts-prune: ${await pruneGuestCarts()} guest cart(s) removed`)
    },
    cron: { match: '37 3 * * *', options: 'jobKey=carts-prune' },
  },
}

export type StartJobsOptions = {
  databaseUrl: string
  /** Jobs run at once in this process. */
  concurrency?: number
  logger: JobsLogger
  /** Defaults to the adapter chosen from the environment. */
  searchIndex?: SearchIndex
}

export type Jobs = { runner: Runner; stop: () => Promise<void> }

export function crontabOf(tasks: Record<string, JobDefinition>): string {
  return Object.entries(tasks)
    .filter(([, task]) => task.cron)
    .map(([name, task]) => `${task.cron?.match} ${name}${task.cron?.options ? ` ?${task.cron.options}` : ''}`)
    .join('\n')
}

export async function startJobs(options: StartJobsOptions): Promise<Jobs> {
  const { databaseUrl, logger } = options
  const concurrency = options.concurrency ?? 2
  const context: JobContext = { searchIndex: () => options.searchIndex ?? getSearchIndex(), log: logger }
  const taskList: TaskList = {}
  for (const [name, task] of Object.entries(TASKS)) {
    taskList[name] = (_payload, helpers) => task.run(context, helpers)
  }
  // Our own pool, closed after the runner: when graphile-worker 0.17 owns the pool, stop() ends it
  // before a job finishing during shutdown is marked complete, leaving the job locked for 4 hours
  // (reproduced here; see graphile/worker PR #223).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency + 2 })
  pool.on('error', (error) => logger(`jobs: idle database connection failed: ${error.message}`))
  // graphile-worker checks that checked-out clients have an error handler too (else it warns).
  pool.on('connect', (client) =>
    client.on('error', (error) => logger(`jobs: database connection failed: ${error.message}`)),
  )
  let runner: Runner
  try {
    runner = await run({
      pgPool: pool,
      concurrency,
      // The web server owns SIGTERM/SIGINT and calls stop() in its shutdown sequence.
      noHandleSignals: true,
      taskList,
      crontab: crontabOf(TASKS),
      logger: new Logger(() => (level, message) => {
        // graphile-worker reports every completed job at "info": keep warnings and errors only.
        if (String(level) === 'error' || String(level) === 'warning') logger(`jobs: ${message}`)
      }),
    })
  } catch (error) {
    await pool.end()
    throw error
  }
  // graphile-worker rides out database restarts by itself (tests/integration/fault-database-restart.test.ts);
  // should its runner ever fail for good, it is said, and the web process it runs in stays up.
  runner.promise.catch((error: unknown) => logger(`jobs: the worker stopped: ${String(error)}`))

  // Bursts (a CSV import) collapse into one job: the timer, then the job key. unsafe_dedupe leaves
  // a job that is waiting out its backoff alone, so a stream of edits does not hammer a search
  // server that is down.
  let kick: NodeJS.Timeout | undefined
  const scheduleSync = () => {
    kick ??= setTimeout(() => {
      kick = undefined
      runner
        .addJob(SEARCH_SYNC, {}, { jobKey: SEARCH_SYNC, jobKeyMode: 'unsafe_dedupe' })
        .catch((error: unknown) => logger(`jobs: could not schedule ${SEARCH_SYNC}: ${String(error)}`))
    }, 250)
  }
  const listener = listen(databaseUrl, SEARCH_OUTBOX_CHANNEL, scheduleSync, logger)
  logger(`jobs: worker running ${Object.keys(TASKS).join(', ')} (concurrency ${concurrency})`)

  return {
    runner,
    async stop() {
      clearTimeout(kick)
      await listener.close()
      await runner.stop()
      await pool.end()
    },
  }
}

/**
 * LISTEN on its own connection, reconnecting with backoff. Each (re)connection also calls
 * `onNotify` once: notifications sent while disconnected are lost, the outbox rows are not.
 */
function listen(databaseUrl: string, channel: string, onNotify: () => void, log: JobsLogger) {
  let client: pg.Client | null = null
  let closed = false
  let retryMs = 1_000
  let retry: NodeJS.Timeout | undefined

  const reconnectLater = (reason: unknown) => {
    if (closed || retry) return
    log(`jobs: ${channel} listener lost (${String(reason)}); reconnecting in ${retryMs / 1000} s`)
    client?.end().catch(() => undefined)
    client = null
    retry = setTimeout(() => {
      retry = undefined
      void connect()
    }, retryMs)
    retry.unref()
    retryMs = Math.min(retryMs * 2, 30_000)
  }

  async function connect() {
    const next = new pg.Client({ connectionString: databaseUrl })
    next.on('notification', onNotify)
    next.on('error', reconnectLater)
    next.on('end', () => reconnectLater('connection ended'))
    client = next
    try {
      await next.connect()
      await next.query(`LISTEN ${channel}`)
      retryMs = 1_000
      onNotify()
    } catch (error) {
      reconnectLater(error)
    }
  }

  void connect()
  return {
    async close() {
      closed = true
      clearTimeout(retry)
      await client?.end().catch(() => undefined)
    },
  }
}
