/**
 * The e2e server's own database (embedded PostgreSQL in .data/e2e, started by Playwright's webServer):
 * specs read ids from it and log users in by creating session rows, as a login fixture should, instead
 * of typing passwords in every test.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { type BrowserContext } from '@playwright/test'
import { createCookie } from '@remix-run/node'
import pg from 'pg'
import { startEmbeddedPostgres } from '../../server/embedded-postgres.ts'

const DATA_DIR = path.resolve('.data/e2e')
let pool: Promise<pg.Pool> | undefined

export function e2eDb(): Promise<pg.Pool> {
  pool ??= startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, 'postgres'), database: 'ocop' }).then(
    (db) => new pg.Pool({ connectionString: db.url, max: 2 }),
  )
  return pool
}

export async function query<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
  return (await (await e2eDb()).query<Row>(text, values)).rows
}

/** The Cookie value of a fresh session for the account, signed like the server signs it. */
export async function sessionCookieValue(email: string): Promise<string> {
  const [user] = await query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [email])
  if (!user) throw new Error(`No account ${email} in the e2e database`)
  const id = `e2e${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`
  await query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [
    id,
    user.id,
  ])
  const secret = readFileSync(path.join(DATA_DIR, 'session-secret'), 'utf8').trim()
  const cookie = createCookie('__session', { secrets: [secret] })
  return (await cookie.serialize(id)).split(';')[0]!.slice('__session='.length)
}

/** Logs the browser context in as the account (a demo account from prisma/seed/demo-accounts.ts). */
export async function logInAs(context: BrowserContext, baseURL: string, email: string) {
  const value = await sessionCookieValue(email)
  await context.addCookies([{ name: '__session', value, url: baseURL, httpOnly: true, sameSite: 'Lax', secure: true }])
}
