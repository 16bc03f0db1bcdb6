/** The part of autocannon 8's Node API the benchmarks use (the package ships no types). */
declare module 'autocannon' {
  import { type EventEmitter } from 'node:events'

  export type Request = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    /** Called before every request; returns the request to send. */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request
    /** Called with every response to this request (headers as an object, names lower-cased as sent). */
    onResponse?: (status: number, body: string, context: unknown, headers?: Record<string, unknown>) => void
  }

  export type Options = {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    pipelining?: number
    /** Seconds. */
    timeout?: number
    headers?: Record<string, string>
    requests?: Request[]
  }

  export type Histogram = {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    p50: number
    p90: number
    p97_5: number
    p99: number
    total: number
  }

  export type Result = {
    /** Seconds. */
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    latency: Histogram
    requests: Histogram & { sent: number }
    throughput: Histogram
  }

  export interface Instance extends EventEmitter, PromiseLike<Result> {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, responseBytes: number, responseTimeMs: number) => void,
    ): this
    /** Ends the run early; the promise then resolves with what was measured so far. */
    stop(): void
  }

  export default function autocannon(options: Options): Instance
}
