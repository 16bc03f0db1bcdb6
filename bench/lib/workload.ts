/**
 * Runs a list of calls with a fixed number in flight (1 = one after the other) and times each one,
 * with the CPU used meanwhile: per CPU of the machine and by a process tree (this process and the
 * database it started).
 */
import { busyPercent, processTreeCpuSecondsWithExited, readCpuTimes } from './cpu.ts'

export type PassResult = {
  concurrency: number
  /** Milliseconds per item, in the order of the items. */
  latencies: number[]
  seconds: number
  errors: number
  firstError: string | null
  /** % busy per CPU of the machine (any process). */
  cpuBusy: Record<string, number>
  /** CPU seconds used by the measured process trees during the pass. */
  cpuSeconds: number
}

export async function runPass<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<unknown>,
  cpuRoots: readonly number[] = [process.pid],
): Promise<PassResult> {
  const latencies: number[] = new Array(items.length).fill(Number.NaN)
  let errors = 0
  let firstError: string | null = null
  let next = 0
  const cpuBefore = readCpuTimes()
  const treeBefore = cpuRoots.reduce((sum, pid) => sum + processTreeCpuSecondsWithExited(pid), 0)
  const started = performance.now()
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      const begin = performance.now()
      try {
        await work(items[index], index)
        latencies[index] = performance.now() - begin
      } catch (error) {
        errors++
        firstError ??= error instanceof Error ? error.message : String(error)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  const seconds = (performance.now() - started) / 1000
  const cpuSeconds = cpuRoots.reduce((sum, pid) => sum + processTreeCpuSecondsWithExited(pid), 0) - treeBefore
  return {
    concurrency,
    latencies,
    seconds,
    errors,
    firstError,
    cpuBusy: busyPercent(cpuBefore, readCpuTimes()),
    cpuSeconds,
  }
}
