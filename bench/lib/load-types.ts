import { type LatencySummary } from './stats.ts'

/** What the parent asks a load worker to do (written as JSON, path in argv). */
export type LoadJob = {
  origin: string
  /** Cycled in order across all connections by one shared counter. */
  paths: string[]
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
  ok: number
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
  /** Server CPU time per 2xx response, ms. */
  serverCpuMsPerResponse: number
}
