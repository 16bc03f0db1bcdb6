import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'

/** Busy and total jiffies per CPU ("cpu0", "cpu1"…) from /proc/stat (Linux only). */
export type CpuTimes = Record<string, { busy: number; total: number }>

export function readCpuTimes(): CpuTimes {
  const times: CpuTimes = {}
  let stat: string
  try {
    stat = readFileSync('/proc/stat', 'utf8')
  } catch {
    return times
  }
  for (const line of stat.split('\n')) {
    const match = /^(cpu\d+)\s+(.*)$/.exec(line)
    if (!match) continue
    // user nice system idle iowait irq softirq steal (guest time is already counted in user).
    const [user, nice, system, idle, iowait, irq, softirq, steal] = match[2].split(/\s+/).map(Number)
    const total = user + nice + system + idle + iowait + irq + softirq + steal
    times[match[1]] = { busy: total - idle - iowait, total }
  }
  return times
}

/** Percentage of time each CPU was busy between two readings. */
export function busyPercent(before: CpuTimes, after: CpuTimes): Record<string, number> {
  const result: Record<string, number> = {}
  for (const [cpu, end] of Object.entries(after)) {
    const start = before[cpu]
    if (!start || end.total === start.total) continue
    result[cpu] = (100 * (end.busy - start.busy)) / (end.total - start.total)
  }
  return result
}

function clockTicksPerSecond(): number {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })
  return Number(result.stdout?.trim()) || 100
}

const TICKS_PER_SECOND = clockTicksPerSecond()

/** pid → [parent pid, CPU seconds used so far] for every process in /proc. */
export function processTable(): Map<number, [number, number]> {
  const table = new Map<number, [number, number]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Fields after the command name, which is in parentheses and may itself contain spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const [parent, utime, stime] = [Number(fields[1]), Number(fields[11]), Number(fields[12])]
      table.set(Number(entry), [parent, (utime + stime) / TICKS_PER_SECOND])
    } catch {
      // The process ended while we were reading.
    }
  }
  return table
}

/**
 * CPU seconds used so far by `rootPid` and every live descendant (the app's embedded PostgreSQL and
 * its backends), to tell how much of the server core the server actually got.
 */
export function processTreeCpuSeconds(rootPid: number): number {
  const table = processTable()
  const children = new Map<number, number[]>()
  for (const [pid, [parent]] of table) children.set(parent, [...(children.get(parent) ?? []), pid])
  let seconds = 0
  const pending = [rootPid]
  while (pending.length > 0) {
    const pid = pending.pop() as number
    seconds += table.get(pid)?.[1] ?? 0
    pending.push(...(children.get(pid) ?? []))
  }
  return seconds
}

/**
 * Like processTreeCpuSeconds, plus the CPU time of descendants that have already exited and been
 * reaped (each live process's cutime + cstime). A database connection pool closes idle connections,
 * and their backends' CPU time would otherwise drop out of the sum in the middle of a measurement.
 */
export function processTreeCpuSecondsWithExited(rootPid: number): number {
  const children = new Map<number, number[]>()
  for (const [pid, [parent]] of processTable()) children.set(parent, [...(children.get(parent) ?? []), pid])
  let ticks = 0
  const pending = [rootPid]
  while (pending.length > 0) {
    const pid = pending.pop() as number
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // utime, stime, cutime, cstime
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])
    } catch {
      // The process ended while we were reading.
    }
    pending.push(...(children.get(pid) ?? []))
  }
  return ticks / TICKS_PER_SECOND
}
