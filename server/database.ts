import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { startEmbeddedPostgres } from './embedded-postgres.ts'

export type DatabaseHandle = { url: string; embedded: boolean; stop: () => Promise<void> }

/**
 * DATABASE_URL when it is set (any PostgreSQL ≥ 14); otherwise an embedded PostgreSQL with its data
 * in `<dataDir>/postgres`, started on a free loopback port.
 */
export async function openDatabase(dataDir: string, log: (line: string) => void): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} }
  }
  const started = Date.now()
  const db = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'postgres'),
    database: 'ocop',
    port: process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined,
  })
  log(
    `embedded PostgreSQL ready in ${Date.now() - started} ms (${db.url.replace(/:[^:@/]+@/, ':***@')}, data in ${path.join(dataDir, 'postgres')})`,
  )
  return { url: db.url, embedded: true, stop: db.stop }
}

/** Applies committed migrations with the Prisma CLI (`prisma migrate deploy`). */
export async function migrateDatabase(url: string): Promise<void> {
  const require = createRequire(import.meta.url)
  const cli = require.resolve('prisma/build/index.js')
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`)),
    )
  })
}
