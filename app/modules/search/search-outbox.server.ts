/**
 * The search outbox: "SearchOutbox" rows are written by triggers in the same transaction as a
 * catalogue change (migration 20261128030000_search_outbox) and drained here into the search index.
 * See docs/decisions/0006-search-meilisearch-outbox.md.
 */
import pg from 'pg'
import { getDb } from '#app/utils/db.server.ts'
import { type SearchIndex } from './search-index.ts'

/** Held shared by every drain and exclusively by a rebuild (see withSearchOutboxPaused). */
const REBUILD_GATE_LOCK = 6_006_000_001n
/** Class of the per-product advisory locks (two-key form, so no clash with the gate above). */
const PRODUCT_LOCK_CLASS = 6006

/** Long enough for a batch to be written and acknowledged by a slow search server. */
const DRAIN_TRANSACTION_TIMEOUT_MS = 120_000

/**
 * Takes up to `batchSize` outbox rows, writes those products' documents with `index.sync`, and
 * deletes the rows only once the index has accepted them; returns how many rows were processed.
 * If sync throws, the transaction rolls back and the rows stay for the next attempt.
 *
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so concurrent drainers never take the same row.
 * A product is also locked (advisory, per transaction) before it is synced: otherwise a newer row of
 * the same product, taken by a second drainer, could be written first and then overwritten by the
 * older document still in flight. Rows of a product another drainer holds are left for later.
 */
export async function drainSearchOutbox(index: SearchIndex, batchSize = 200): Promise<number> {
  return getDb().$transaction(
    async (tx) => {
      const [gate] = await tx.$queryRaw<{ open: boolean }[]>`
        SELECT pg_try_advisory_xact_lock_shared(${REBUILD_GATE_LOCK}::bigint) AS open`
      if (!gate.open) return 0
      const rows = await tx.$queryRaw<{ id: string; productId: string }[]>`
        SELECT id::text AS id, "productId" FROM "SearchOutbox"
        ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`
      if (rows.length === 0) return 0
      const candidates = [...new Set(rows.map((row) => row.productId))]
      const owned = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM unnest(${candidates}::text[]) AS id
        WHERE pg_try_advisory_xact_lock(${PRODUCT_LOCK_CLASS}::int, hashtext(id))`
      if (owned.length === 0) return 0
      const ownedIds = new Set(owned.map((row) => row.id))
      await index.sync([...ownedIds])
      const done = rows.filter((row) => ownedIds.has(row.productId)).map((row) => row.id)
      await tx.$executeRaw`DELETE FROM "SearchOutbox" WHERE id = ANY(${done}::text[]::bigint[])`
      return done.length
    },
    { timeout: DRAIN_TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  )
}

/**
 * With the PostgreSQL adapter the "CatalogEntry" row already is the search document, so there is
 * nothing to write anywhere: the rows are only discarded (the triggers cannot know the adapter).
 */
export async function discardSearchOutbox(): Promise<number> {
  return getDb().$executeRaw`DELETE FROM "SearchOutbox"`
}

export async function countSearchOutbox(): Promise<number> {
  const [row] = await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SearchOutbox"`
  return row.n
}

/**
 * Runs `fn` (a full rebuild of the index) while no drain runs: it waits for drains in flight, and
 * drains starting meanwhile return 0 and leave their rows. Changes made during the rebuild thus
 * stay in the outbox and reach the new index after the swap, instead of being written to the old
 * index and lost with it. A session-level lock on its own connection, held for the whole rebuild.
 */
export async function withSearchOutboxPaused<T>(fn: () => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is not set')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [REBUILD_GATE_LOCK.toString()])
    try {
      return await fn()
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [REBUILD_GATE_LOCK.toString()])
    }
  } finally {
    await client.end()
  }
}
