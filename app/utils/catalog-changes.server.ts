import pg from 'pg'

/**
 * Tells in-process caches (the page cache, the catalogue query cache) when the catalogue changed.
 * The triggers that maintain "CatalogEntry" send NOTIFY catalog_changed, delivered on commit to every
 * process listening; one LISTEN connection per process serves every subscriber. Subscribers are also
 * called when the connection is (re)established or lost, since anything may have changed meanwhile.
 *
 * The state lives on globalThis: the server entry and the Remix build each load their own copy of
 * this module, and they must share one connection.
 */
/**
 * 'stock': only stock counts moved, and no product ran out or came back (the product update trigger,
 * migration 20261129060000). 'full': anything else, or unknown (the connection was lost or made).
 */
export type CatalogChange = 'full' | 'stock'
type Listener = (change: CatalogChange) => void
type State = { url: string; listeners: Set<Listener>; client: pg.Client | null }

const globalState = globalThis as unknown as { __ocopCatalogChanges?: Map<string, State> }
const states = (globalState.__ocopCatalogChanges ??= new Map())

function connect(state: State, attempt: number) {
  if (state.listeners.size === 0) return
  const notifyAll = (change: CatalogChange = 'full') => {
    for (const listener of state.listeners) listener(change)
  }
  const client = new pg.Client({ connectionString: state.url })
  state.client = client
  client.on('notification', (message) => notifyAll(message.payload === 'stock' ? 'stock' : 'full'))
  client.on('error', () => {})
  // Lost or never made: whatever changed meanwhile is unknown, so tell everyone, then try again.
  const retry = () => {
    if (state.client !== client) return
    state.client = null
    notifyAll()
    // Capped at 5 s: until it is back, pages cached after the database returned may miss a change.
    setTimeout(() => connect(state, attempt + 1), Math.min(5_000, 500 * 2 ** attempt)).unref()
  }
  client.on('end', retry)
  client
    .connect()
    .then(() => client.query('LISTEN catalog_changed'))
    .then(() => {
      attempt = 0
      notifyAll()
      // The connection alone must not keep a process (a script, a test) alive.
      ;(client as unknown as { connection: { stream: { unref?: () => void } } }).connection.stream.unref?.()
    })
    .catch(() => {
      retry()
      void client.end().catch(() => {})
    })
}

/** Calls `listener` after every committed catalogue change; returns the unsubscribe function. */
export function onCatalogChange(databaseUrl: string, listener: Listener): () => void {
  let state = states.get(databaseUrl)
  if (!state) states.set(databaseUrl, (state = { url: databaseUrl, listeners: new Set(), client: null }))
  state.listeners.add(listener)
  if (!state.client) connect(state, 0)
  return () => {
    state.listeners.delete(listener)
    if (state.listeners.size === 0 && state.client) {
      states.delete(databaseUrl)
      const client = state.client
      state.client = null
      void client.end().catch(() => {})
    }
  }
}

/** How late a cache may show stock counts during a sale: stock-only changes are applied this often. */
export const STOCK_CHANGE_DELAY_MS = 5_000

/**
 * A listener that calls `drop` at once for a full change, and at most once per `delayMs` for
 * stock-only changes: a sale (an order a second) would otherwise empty the caches on every order.
 * Sold out and back in stock are full changes, and checkout re-checks stock, so a count a few
 * seconds old on a cached page sells nothing that is not there.
 */
export function coalescingStockChanges(drop: () => void, delayMs = STOCK_CHANGE_DELAY_MS): Listener {
  let pending: NodeJS.Timeout | null = null
  return (change) => {
    if (change === 'stock') {
      pending ??= setTimeout(() => {
        pending = null
        drop()
      }, delayMs).unref()
      return
    }
    if (pending) clearTimeout(pending)
    pending = null
    drop()
  }
}
