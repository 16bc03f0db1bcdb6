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
type Listener = () => void
type State = { url: string; listeners: Set<Listener>; client: pg.Client | null }

const globalState = globalThis as unknown as { __ocopCatalogChanges?: Map<string, State> }
const states = (globalState.__ocopCatalogChanges ??= new Map())

function connect(state: State, attempt: number) {
  if (state.listeners.size === 0) return
  const notifyAll = () => {
    for (const listener of state.listeners) listener()
  }
  const client = new pg.Client({ connectionString: state.url })
  state.client = client
  client.on('notification', notifyAll)
  client.on('error', () => {})
  // Lost or never made: whatever changed meanwhile is unknown, so tell everyone, then try again.
  const retry = () => {
    if (state.client !== client) return
    state.client = null
    notifyAll()
    setTimeout(() => connect(state, attempt + 1), Math.min(30_000, 500 * 2 ** attempt)).unref()
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
