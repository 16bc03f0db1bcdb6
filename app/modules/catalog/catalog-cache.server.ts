import pg from 'pg'

/**
 * In-process cache of catalogue query results (listing pages, facet counts, home page sections).
 *
 * Correctness comes from PostgreSQL: the triggers that maintain "CatalogEntry" send
 * NOTIFY catalog_changed, which is delivered on commit to every app process listening, and each
 * process then drops its cache. A missed notification (connection lost) also drops the cache, and
 * no entry lives longer than MAX_AGE_MS in any case. Concurrent requests for the same key share
 * one database round trip.
 */
const MAX_ENTRIES = 500
const MAX_AGE_MS = 60_000

type Entry = { value: Promise<unknown>; at: number }
const entries = new Map<string, Entry>()
let listening: Promise<void> | null = null

export function invalidateCatalogCache() {
  entries.clear()
}

export function catalogCacheSize() {
  return entries.size
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
  listening = listen(process.env.DATABASE_URL)
}

async function listen(url: string, attempt = 0): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  const retry = () => {
    invalidateCatalogCache()
    const delay = Math.min(30_000, 500 * 2 ** attempt)
    setTimeout(() => void listen(url, attempt + 1), delay).unref()
  }
  client.on('notification', () => invalidateCatalogCache())
  client.on('error', () => {})
  client.on('end', () => retry())
  try {
    await client.connect()
    await client.query('LISTEN catalog_changed')
    // Anything cached while we were not listening may be stale.
    invalidateCatalogCache()
    attempt = 0
    // Let the process exit even though this connection stays open.
    ;(client as unknown as { connection: { stream: { unref?: () => void } } }).connection.stream.unref?.()
  } catch {
    client.removeAllListeners('end')
    await client.end().catch(() => {})
    retry()
  }
}
