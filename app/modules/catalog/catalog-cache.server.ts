import { coalescingStockChanges, onCatalogChange } from '#app/utils/catalog-changes.server.ts'

/**
 * In-process cache of catalogue query results (listing pages, facet counts, home page sections).
 *
 * Correctness comes from PostgreSQL: every committed catalogue change empties it
 * (utils/catalog-changes.server.ts), a lost connection too; changes that only move stock counts
 * within a few seconds (STOCK_CHANGE_DELAY_MS), and no entry lives longer than
 * MAX_AGE_MS in any case. Concurrent requests for the same key share
 * one database round trip.
 */
const MAX_ENTRIES = 500
const MAX_AGE_MS = 60_000

type Entry = { value: Promise<unknown>; at: number }
const entries = new Map<string, Entry>()
let listening = false

export function invalidateCatalogCache() {
  entries.clear()
}

export function cachedCatalogQuery<T>(key: string, load: () => Promise<T>): Promise<T> {
  ensureListening()
  const hit = entries.get(key)
  const now = Date.now()
  if (hit && now - hit.at < MAX_AGE_MS) {
    // Re-insert to keep the Map in least-recently-used order.
    entries.delete(key)
    entries.set(key, hit)
    return hit.value as Promise<T>
  }
  const value = load()
  entries.set(key, { value, at: now })
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key)
  })
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
  return value
}

function ensureListening() {
  if (listening || !process.env.DATABASE_URL) return
  listening = true
  onCatalogChange(process.env.DATABASE_URL, coalescingStockChanges(invalidateCatalogCache))
}
