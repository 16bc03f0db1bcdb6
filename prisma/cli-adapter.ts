/**
 * Driver adapter for the Prisma 6.19 CLI (migrate, db push) running on the JavaScript schema engine.
 * Used only by prisma.config.ts; the application's runtime client does not need any of this.
 *
 * Each workaround below fixes a defect reproduced on this project's machines (see
 * docs/decisions/0002-prisma-js-engine.md). Delete them one by one once Prisma fixes them upstream.
 */
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'

type PgConfig = pg.PoolConfig & { database: string }

// Workaround 1 — prisma/orm#27403: adapter-pg cannot map the catalog types `name` (19), `name[]`
// (1003) and `"char"` (18), which migrate's introspection queries return. We relabel them before
// adapter-pg sees them: name → text, "char" → bpchar (Character). Mapping "char" to text instead
// makes `db push` crash with "RuntimeError: unreachable".
const RELABELLED_OIDS: Record<number, number> = { 19: 25, 1003: 1009, 18: 1042, 1002: 1014 }

type Field = { dataTypeID: number }
type IoResult = { fields: Field[] }
type Queryable = { performIO: (query: unknown) => Promise<IoResult> }
type ScriptRunner = { client: pg.Pool; onError: (error: unknown) => never }

let patched = false
function patchAdapterPrototypes(adapter: object) {
  if (patched) return
  patched = true
  const adapterProto = Object.getPrototypeOf(adapter) as Record<string, unknown>
  const queryableProto = Object.getPrototypeOf(adapterProto) as Queryable
  const performIO = queryableProto.performIO
  queryableProto.performIO = async function (this: Queryable, query: unknown) {
    const result = await performIO.call(this, query)
    // A multi-statement script (migrate diff applies migrations this way) yields one result each.
    for (const each of Array.isArray(result) ? (result as IoResult[]) : [result]) {
      for (const field of each.fields ?? []) {
        const relabelled = RELABELLED_OIDS[field.dataTypeID]
        if (relabelled !== undefined) field.dataTypeID = relabelled
      }
    }
    return result
  }
  // Workaround 2: adapter-pg splits scripts on every ";", which breaks migrations that define
  // functions or triggers ($$ … ; … $$). PostgreSQL's simple query protocol runs a whole
  // multi-statement script in one round trip, so send it unsplit.
  adapterProto.executeScript = async function (this: ScriptRunner, script: string) {
    try {
      await this.client.query(script)
    } catch (error) {
      this.onError(error)
    }
  }
}

/** Parses DATABASE_URL into discrete fields. */
export function pgConfigFromUrl(url: string): PgConfig {
  const parsed = new URL(url)
  return {
    host: decodeURIComponent(parsed.hostname),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres',
    // Workaround 3: the CLI never closes its pool; let the process exit when it is idle.
    allowExitOnIdle: true,
  }
}

export function createMigrateAdapter(url: string) {
  // Workaround 4: pass discrete fields, not `connectionString`: adapter-pg builds the shadow pool
  // as {...config, database}, and a connection string would override `database`, so `migrate dev`
  // would replay migrations into the main database (P3006).
  const config = pgConfigFromUrl(url)
  const factory = new PrismaPg(config)
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect()
      patchAdapterPrototypes(adapter)
      return adapter
    },
    // Workaround 5: adapter-pg drops the shadow database while its own pool is still connected,
    // which fails. Dispose of the pool first, then drop WITH (FORCE).
    async connectToShadowDb() {
      const database = `prisma_shadow_${globalThis.crypto.randomUUID().replaceAll('-', '')}`
      const admin = new pg.Client(config)
      await admin.connect()
      await admin.query(`CREATE DATABASE "${database}"`)
      await admin.end()
      const shadow = new PrismaPg({ ...config, database })
      const adapter = await shadow.connect()
      patchAdapterPrototypes(adapter)
      const dispose = adapter.dispose.bind(adapter)
      adapter.dispose = async () => {
        await dispose()
        const dropper = new pg.Client(config)
        await dropper.connect()
        await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
        await dropper.end()
      }
      return adapter
    },
  }
}

/**
 * Workaround 6: the Wasm schema engine arms a 10 s timer after `migrate deploy` that nothing
 * clears, so every migrate command lingered ~10 s. Timers created from inside the Wasm engine are
 * unref'd: they still fire if the process has other work, but no longer keep it alive.
 */
export function unrefWasmEngineTimers() {
  const original = globalThis.setTimeout
  const patchedSetTimeout = (...args: Parameters<typeof setTimeout>) => {
    const timer = original(...args)
    if (new Error().stack?.includes('wasm://')) timer.unref()
    return timer
  }
  globalThis.setTimeout = Object.assign(patchedSetTimeout, original) as typeof setTimeout
}
