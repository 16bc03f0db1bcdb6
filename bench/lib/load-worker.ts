/**
 * Child process that generates load with autocannon: `node --import tsx bench/lib/load-worker.ts
 * <job.json> <result.json>`, started under `taskset` so it runs on its own core.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import autocannon, { type Request } from 'autocannon'
import { busyPercent, processTreeCpuSeconds, readCpuTimes } from './cpu.ts'
import { type LoadJob, type LoadResult } from './load-types.ts'
import { summariseLatencies } from './stats.ts'

// One counter for all connections: autocannon gives every connection its own request iterator, so
// a plain `requests` list would make the 20 connections fetch the same URL at the same moment.
let nextPath = 0

function cyclingRequests(paths: readonly string[]): Request[] {
  return [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[nextPath++ % paths.length] }) }]
}

function options(job: LoadJob, seconds: number) {
  return {
    url: job.origin,
    connections: job.connections,
    duration: seconds,
    headers: job.headers,
    requests: cyclingRequests(job.paths),
  }
}

async function measure(job: LoadJob): Promise<LoadResult> {
  const latencies: number[] = []
  const cpuBefore = readCpuTimes()
  const usageBefore = process.cpuUsage()
  const serverBefore = processTreeCpuSeconds(job.serverPid)
  const started = performance.now()
  const instance = autocannon(options(job, job.measureSeconds))
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs)
  })
  const result = await instance
  const elapsedMs = performance.now() - started
  const usage = process.cpuUsage(usageBefore)
  const serverSeconds = processTreeCpuSeconds(job.serverPid) - serverBefore
  const responses = result['2xx'] + result.non2xx
  return {
    durationSeconds: result.duration,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    requestsPerSecond: result['2xx'] / result.duration,
    bytesPerResponse: responses ? result.throughput.total / responses : 0,
    latency: summariseLatencies(latencies),
    autocannon: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
    cpuBusy: busyPercent(cpuBefore, readCpuTimes()),
    clientCpu: (100 * (usage.user + usage.system)) / 1000 / elapsedMs,
    serverCpu: (100 * serverSeconds * 1000) / elapsedMs,
    serverCpuMsPerResponse: result['2xx'] ? (serverSeconds * 1000) / result['2xx'] : Number.NaN,
  }
}

async function main() {
  const [jobFile, resultFile] = process.argv.slice(2)
  if (!jobFile || !resultFile) throw new Error('usage: load-worker.ts <job.json> <result.json>')
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as LoadJob
  if (job.warmupSeconds > 0) await autocannon(options(job, job.warmupSeconds))
  writeFileSync(resultFile, JSON.stringify(await measure(job)))
}

main().catch((error: unknown) => {
  console.error('load worker failed:', error)
  process.exit(1)
})
