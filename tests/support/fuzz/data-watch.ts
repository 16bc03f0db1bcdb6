/**
 * "A rejected request changes no data", checked cheaply and exactly. Every INSERT, UPDATE or DELETE
 * takes a transaction id, read-only transactions do not: if the next transaction id did not move
 * during a request, nothing was written. Transaction ids are shared by the whole PostgreSQL server,
 * though (other test files, autovacuum), so when it moved, a fingerprint of every table of this
 * database (row count and a hash of all rows) decides, and names the tables that changed.
 */
import pg from 'pg'

export type Fingerprint = Map<string, string>

export class DataWatch {
  private constructor(
    private readonly client: pg.Client,
    private readonly tables: string[],
  ) {}

  static async open(databaseUrl: string): Promise<DataWatch> {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1`,
    )
    return new DataWatch(
      client,
      rows.map((r) => r.name),
    )
  }

  /** The next transaction id of the server. */
  async nextXid(): Promise<string> {
    const { rows } = await this.client.query<{ x: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x')
    return rows[0]!.x
  }

  async fingerprint(): Promise<Fingerprint> {
    const parts = this.tables.map(
      (t) =>
        `SELECT '${t.replaceAll("'", "''")}' AS t, count(*)::text || ':' || coalesce(sum(hashtextextended(r::text, 0)), 0)::text AS f FROM ${t} r`,
    )
    const { rows } = await this.client.query<{ t: string; f: string }>(parts.join(' UNION ALL '))
    return new Map(rows.map((r) => [r.t, r.f]))
  }

  async close() {
    await this.client.end()
  }
}

/** Tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t))
}
