import { readFileSync } from 'node:fs'

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
