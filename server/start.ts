/**
 * `npm start`: builds when needed, opens the database (embedded PostgreSQL unless DATABASE_URL is
 * set), applies migrations, seeds an empty database, then serves on PORT (default 3000).
 * `npm run dev` does the same with Vite's dev server and hot reload instead of a build.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { type Duplex } from 'node:stream'
import { type ServerBuild } from '@remix-run/node'
import { disconnectDb, getDb } from '#app/utils/db.server.ts'
import { closeImportQueue } from '#app/modules/catalog-import/import-queue.server.ts'
import { startJobs } from '#app/modules/jobs/worker.server.ts'
import { ensurePlaceholderImages, placeholderImages } from '#app/modules/media/placeholder.server.ts'
import { getMediaDir } from '#app/modules/media/storage.server.ts'
import { withServiceUnavailable } from '#app/utils/service-unavailable.server.ts'
import { seedDemoData } from '../prisma/seed/demo.ts'
import { isDatabaseEmpty, seedReferenceData } from '../prisma/seed/run-seed.ts'
import { createApp } from './app.ts'
import { migrateDatabase, openDatabase } from './database.ts'
import { createPageCache } from './page-cache.ts'

const root = path.resolve(import.meta.dirname, '..')
const dev = process.argv.includes('--dev')
// React and Remix pick their production builds from NODE_ENV; without it SSR is several times slower.
process.env.NODE_ENV ??= dev ? 'development' : 'production'
const production = process.env.NODE_ENV === 'production'
const log = (line: string) => console.log(`[ocop] ${line}`)

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'generated') continue
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

function buildIsCurrent(): boolean {
  const serverEntry = path.join(root, 'build/server/index.js')
  const sources = Math.max(newestMtime(path.join(root, 'app')), statSync(path.join(root, 'vite.config.ts')).mtimeMs)
  return existsSync(serverEntry) && statSync(serverEntry).mtimeMs >= sources
}

/**
 * Builds when app/ is newer than the build. Several processes started from one checkout at once
 * (two app processes, a test suite) would each empty and rewrite build/ under the others, so one
 * builds while holding a lock directory and the others wait for it, then look again. A lock older
 * than 10 minutes is taken to be left by a killed build.
 */
function buildIfNeeded() {
  const lock = path.join(root, '.build-lock')
  for (;;) {
    if (buildIsCurrent()) return
    try {
      mkdirSync(lock)
      break
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > 10 * 60_000) rmSync(lock, { recursive: true, force: true })
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500)
    }
  }
  try {
    if (buildIsCurrent()) return
    log('building the app (remix vite:build)…')
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/@remix-run/dev/dist/cli.js'), 'vite:build'],
      { cwd: root, stdio: 'inherit' },
    )
    if (result.status !== 0) throw new Error('build failed')
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/**
 * Requests Node refuses before any of our code runs (headers over 16 KB, a malformed request line):
 * Node's default answer has no body, so say what happened, in Vietnamese first.
 */
function answerMalformedRequest(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'
  const body = tooLarge
    ? 'Yêu cầu có phần đầu (cookie, địa chỉ) quá lớn. / The request headers (cookies, address) are too large.\n'
    : 'Yêu cầu không hợp lệ. / The request could not be read.\n'
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

/** A random secret kept in the data directory, so that sessions survive restarts without configuration. */
function persistentSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(path.dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

async function main() {
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data')
  process.env.MEDIA_DIR ??= path.join(dataDir, 'media')
  process.env.UPLOAD_DIR ??= path.join(dataDir, 'uploads')
  process.env.SESSION_SECRET ??= persistentSecret(path.join(dataDir, 'session-secret'))
  if (!dev) buildIfNeeded()

  const database = await openDatabase(dataDir, log)
  process.env.DATABASE_URL = database.url
  let started = Date.now()
  await migrateDatabase(database.url)
  log(`migrations applied in ${Date.now() - started} ms`)

  started = Date.now()
  await ensurePlaceholderImages()
  if (await isDatabaseEmpty(getDb())) {
    await seedReferenceData(getDb(), { images: placeholderImages })
    await seedDemoData(getDb())
    log(`empty database: demo catalogue and demo accounts seeded in ${Date.now() - started} ms`)
  }
  // JOBS=off: this process only serves pages; background jobs run in `npm run worker` processes
  // (docs/deploy.md). Without any worker, CSV imports, search sync and expiry jobs wait in the queue.
  const jobs =
    process.env.JOBS === 'off' ? null : await startJobs({ databaseUrl: database.url, concurrency: 2, logger: log })
  if (!jobs) log('jobs: off in this process (JOBS=off); run `npm run worker` for background jobs')

  let build: ServerBuild | (() => Promise<ServerBuild>)
  let devMiddleware
  if (dev) {
    const vite = await import('vite')
    const viteServer = await vite.createServer({ server: { middlewareMode: true } })
    devMiddleware = viteServer.middlewares
    build = async () =>
      withServiceUnavailable((await viteServer.ssrLoadModule('virtual:remix/server-build')) as ServerBuild)
  } else {
    // Database outages answer 503 with Retry-After instead of 500 (app/utils/service-unavailable.server.ts).
    build = withServiceUnavailable((await import(path.join(root, 'build/server/index.js'))) as ServerBuild)
  }

  // Off in development (pages change as you edit) and when PAGE_CACHE=off (benchmarks of rendering).
  const pageCache = dev || process.env.PAGE_CACHE === 'off' ? null : createPageCache({ databaseUrl: database.url })
  const app = createApp({
    build,
    pageCache: pageCache?.middleware,
    databaseUrl: database.url,
    mediaDir: getMediaDir(),
    clientDir: dev ? undefined : path.join(root, 'build/client'),
    devMiddleware,
    production,
  })
  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '0.0.0.0'
  const server = app.listen(port, host, () => log(`OCOP Market is serving on http://localhost:${port}`))
  server.keepAliveTimeout = 65_000
  server.on('clientError', answerMalformedRequest)

  let stopping = false
  // While stopping, every response closes its connection, so keep-alive clients reconnect elsewhere.
  server.on('request', (_req, res) => {
    if (stopping) res.setHeader('Connection', 'close')
  })
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    log(`${signal}: finishing in-flight requests…`)
    const force = setTimeout(() => {
      log('in-flight requests did not finish within 10 s; exiting')
      process.exit(1)
    }, 10_000)
    force.unref()
    server.close(async () => {
      clearInterval(sweep)
      pageCache?.close()
      await jobs?.stop()
      await closeImportQueue()
      await disconnectDb()
      await database.stop()
      log('stopped cleanly')
      process.exit(0)
    })
    // Idle keep-alive connections would hold close() open. A connection accepted a moment ago looks
    // idle until its request is parsed, so sweep a little later and again, rather than at once.
    const sweep = setInterval(() => server.closeIdleConnections(), 250)
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error) => {
  console.error('[ocop] failed to start:', error)
  process.exit(1)
})
