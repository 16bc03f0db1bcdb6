import { existsSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres } from '../../server/embedded-postgres.ts'

/** Products in the embedded database under `dataDir` (0 when it does not exist or is not migrated). */
export async function countProducts(dataDir: string): Promise<number> {
  const databaseDir = path.join(dataDir, 'postgres')
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) return 0
  const database = await startEmbeddedPostgres({ dataDir: databaseDir, database: 'ocop' })
  const client = new pg.Client({ connectionString: database.url })
  try {
    await client.connect()
    const result = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Product"')
    return result.rows[0]?.n ?? 0
  } catch {
    return 0
  } finally {
    await client.end().catch(() => {})
    await database.stop()
  }
}
