/**
 * Child process that generates load with autocannon: `node --import tsx bench/lib/load-worker.ts
 * <job.json> <result.json>`, started under `taskset` so it runs on its own core.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import autocannon, { type Request } from 'autocannon'
import { busyPercent, processTreeCpuSeconds, readCpuTimes } from './cpu.ts'
import { type LoadJob, type LoadRequest, type LoadResult } from './load-types.ts'
import { summariseLatencies } from './stats.ts'

// One counter for all connections: autocannon gives every connection its own request iterator, so
// a plain `requests` list would make the 20 connections fetch the same URL at the same moment.
let nextRequest = 0
/** A `once` job's requests sent after its list ran out (they go to /healthz and are not counted). */
let sentAfterEnd = 0
let exhausted = false
let onExhausted: () => void = () => {}
/** Values of the job's countHeader, filled by onResponse. */
let headerCounts: Record<string, number> = {}

function scripted(job: LoadJob): LoadRequest[] {
  return job.requests ?? job.paths.map((path) => ({ method: 'GET', path }))
}

function cyclingRequests(job: LoadJob): Request[] {
  const list = scripted(job)
  const header = job.countHeader?.toLowerCase()
  return [
    {
      method: 'GET',
      setupRequest: (request) => {
        if (job.once && nextRequest >= list.length) {
          exhausted = true
          sentAfterEnd++
          onExhausted()
          return { ...request, method: 'GET', path: '/healthz', body: undefined }
        }
        const next = list[nextRequest++ % list.length]
        return {
          ...request,
          method: next.method,
          path: next.path,
          headers: { ...(request.headers as Record<string, string> | undefined), ...job.headers, ...next.headers },
          body: next.body,
        }
      },
      ...(header
        ? {
            onResponse: (_status: number, _body: string, _context: unknown, headers?: Record<string, unknown>) => {
              // Names come as the server sent them (X-Page-Cache), not lower-cased.
              const name = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === header)
              const value = name ? String(headers?.[name]) : '(none)'
              headerCounts[value] = (headerCounts[value] ?? 0) + 1
            },
          }
        : {}),
    },
  ]
}

function options(job: LoadJob, seconds: number) {
  return {
    url: job.origin,
    connections: job.connections,
    duration: seconds,
    headers: job.headers,
    requests: cyclingRequests(job),
  }
}

function isOk(job: LoadJob, status: number): boolean {
  return job.okStatuses ? job.okStatuses.includes(status) : status >= 200 && status < 300
}

async function measure(job: LoadJob, warmupUsed: number): Promise<LoadResult> {
  const latencies: number[] = []
  const failedStatuses: Record<string, number> = {}
  let responses = 0
  headerCounts = {}
  sentAfterEnd = 0
  const cpuBefore = readCpuTimes()
  const usageBefore = process.cpuUsage()
  const serverBefore = processTreeCpuSeconds(job.serverPid)
  const started = performance.now()
  const instance = autocannon(options(job, job.measureSeconds))
  onExhausted = () => instance.stop()
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    responses++
    if (isOk(job, statusCode)) latencies.push(responseTimeMs)
    else failedStatuses[statusCode] = (failedStatuses[statusCode] ?? 0) + 1
  })
  const result = await instance
  const elapsedMs = performance.now() - started
  const usage = process.cpuUsage(usageBefore)
  const serverSeconds = processTreeCpuSeconds(job.serverPid) - serverBefore
  const ok = latencies.length
  const seconds = exhausted ? elapsedMs / 1000 : result.duration
  // The /healthz requests sent once a `once` list ran out are neither successes nor failures.
  if (exhausted && failedStatuses['200']) {
    failedStatuses['200'] -= Math.min(failedStatuses['200'], sentAfterEnd)
    if (failedStatuses['200'] === 0) delete failedStatuses['200']
  }
  const failed = Object.values(failedStatuses).reduce((sum, n) => sum + n, 0)
  return {
    durationSeconds: seconds,
    ok,
    non2xx: failed,
    errors: result.errors,
    timeouts: result.timeouts,
    requestsPerSecond: ok / seconds,
    bytesPerResponse: responses ? result.throughput.total / responses : 0,
    latency: summariseLatencies(latencies),
    autocannon: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
    cpuBusy: busyPercent(cpuBefore, readCpuTimes()),
    clientCpu: (100 * (usage.user + usage.system)) / 1000 / elapsedMs,
    serverCpu: (100 * serverSeconds * 1000) / elapsedMs,
    serverCpuMsPerResponse: ok ? (serverSeconds * 1000) / ok : Number.NaN,
    ...(job.countHeader ? { headerCounts } : {}),
    failedStatuses,
    ...(job.once ? { exhausted, requestsUsed: { warmup: warmupUsed, measured: nextRequest - warmupUsed } } : {}),
  }
}

async function main() {
  const [jobFile, resultFile] = process.argv.slice(2)
  if (!jobFile || !resultFile) throw new Error('usage: load-worker.ts <job.json> <result.json>')
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as LoadJob
  if (job.warmupSeconds > 0) {
    const warmup = autocannon(options(job, job.warmupSeconds))
    onExhausted = () => warmup.stop()
    await warmup
  }
  writeFileSync(resultFile, JSON.stringify(await measure(job, nextRequest)))
}

main().catch((error: unknown) => {
  console.error('load worker failed:', error)
  process.exit(1)
})
