import { type LatencySummary } from './stats.ts'

/** One request of a scripted list (a POST with its own cookie and body, for example). */
export type LoadRequest = {
  method: 'GET' | 'POST'
  path: string
  /** Added to (and overriding) the job's headers. */
  headers?: Record<string, string>
  body?: string
}

/** What the parent asks a load worker to do (written as JSON, path in argv). */
export type LoadJob = {
  origin: string
  /** Cycled in order across all connections by one shared counter. */
  paths: string[]
  /** Instead of `paths`: full requests, taken in order by the same shared counter. */
  requests?: LoadRequest[]
  /**
   * Each request of `requests` is sent at most once (warm-up included): the run stops early when
   * the list is used up (a placed order cannot be placed again).
   */
  once?: boolean
  /** Statuses that count as a success (default: any 2xx); e.g. 302 for a form post that redirects. */
  okStatuses?: number[]
  /** A response header whose values are counted (e.g. `x-page-cache`: hit / miss). */
  countHeader?: string
  connections: number
  warmupSeconds: number
  measureSeconds: number
  headers: Record<string, string>
  /** The server under load; its CPU use (with its child processes) is reported. */
  serverPid: number
}

/** What a load worker reports for the measured run (the warm-up is discarded). */
export type LoadResult = {
  durationSeconds: number
  /** Successful responses (2xx, or the job's okStatuses). */
  ok: number
  /** Responses that were not successes. */
  non2xx: number
  errors: number
  timeouts: number
  requestsPerSecond: number
  bytesPerResponse: number
  latency: LatencySummary
  /** autocannon's own percentiles (from its histogram), for cross-checking. */
  autocannon: { p50: number; p97_5: number; p99: number }
  /** Busy % of each CPU during the measured run. */
  cpuBusy: Record<string, number>
  /** CPU used by the load generator itself, % of one core. */
  clientCpu: number
  /** CPU used by the server and its child processes (PostgreSQL), % of one core. */
  serverCpu: number
  /** Server CPU time per successful response, ms. */
  serverCpuMsPerResponse: number
  /** Values of the job's countHeader over the measured responses ("(none)" when absent). */
  headerCounts?: Record<string, number>
  /** Statuses of the measured responses that were not successes, with their counts. */
  failedStatuses?: Record<string, number>
  /** A `once` job ran out of requests before the measured time was up. */
  exhausted?: boolean
  /** Requests of a `once` job sent during the warm-up and the measured run. */
  requestsUsed?: { warmup: number; measured: number }
}
