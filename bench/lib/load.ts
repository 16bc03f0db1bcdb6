import { type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { type LoadJob, type LoadResult } from './load-types.ts'
import { pinnedCommand, runToCompletion } from './processes.ts'

const WORKER = path.join(import.meta.dirname, 'load-worker.ts')

// Browsers send these; the app gzips HTML only when asked to.
export const BROWSER_HEADERS: Record<string, string> = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'gzip',
  'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
}

let jobCounter = 0
const running = new Set<ChildProcess>()

/** Ends a load worker that is still running (the benchmark was interrupted). */
export function stopLoadWorkers() {
  for (const child of running) child.kill('SIGTERM')
}

/** Runs one warm-up plus measured load in a child process on the load generator's core. */
export async function runLoad(job: LoadJob, cpus: string | null, workDir: string): Promise<LoadResult> {
  jobCounter += 1
  const jobFile = path.join(workDir, `job-${jobCounter}.json`)
  const resultFile = path.join(workDir, `result-${jobCounter}.json`)
  writeFileSync(jobFile, JSON.stringify(job))
  const command = pinnedCommand(cpus, process.execPath, ['--import', 'tsx', WORKER, jobFile, resultFile])
  let worker: ChildProcess | undefined
  const code = await runToCompletion(command, process.env, (child) => {
    worker = child
    running.add(child)
  }).finally(() => {
    if (worker) running.delete(worker)
  })
  if (code !== 0) throw new Error(`load worker exited with code ${code}`)
  return JSON.parse(readFileSync(resultFile, 'utf8')) as LoadResult
}
