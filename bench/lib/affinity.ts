/**
 * Where processes may run and where they ran: the CPU affinity of the embedded PostgreSQL and its
 * backends (inherited from whoever started the postmaster), read from /proc (Linux only).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { processTable } from './cpu.ts'

/** The postmaster's pid from `<databaseDir>/postmaster.pid`, when that server is running. */
export function postmasterPid(databaseDir: string): number | null {
  const file = path.join(databaseDir, 'postmaster.pid')
  if (!existsSync(file)) return null
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0])
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return null
  }
}

/** `rootPid` and every live descendant. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>()
  for (const [pid, [parent]] of processTable()) children.set(parent, [...(children.get(parent) ?? []), pid])
  const tree: number[] = []
  const pending = [rootPid]
  while (pending.length > 0) {
    const pid = pending.pop() as number
    tree.push(pid)
    pending.push(...(children.get(pid) ?? []))
  }
  return tree
}

/** The CPUs a process may run on ("0", "0-1"), from /proc/<pid>/status. */
export function allowedCpus(pid: number): string | null {
  try {
    return /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? null
  } catch {
    return null
  }
}

/** The CPU a process last ran on (field 39 of /proc/<pid>/stat). */
export function lastCpu(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const value = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[36])
    return Number.isInteger(value) ? value : null
  } catch {
    return null
  }
}

export type Placement = {
  processes: number
  /** Affinity list → number of processes with it. */
  allowed: Record<string, number>
  /** cpuN → number of processes that last ran there. */
  lastRan: Record<string, number>
}

export function placement(rootPid: number): Placement {
  const result: Placement = { processes: 0, allowed: {}, lastRan: {} }
  for (const pid of processTree(rootPid)) {
    const allowed = allowedCpus(pid)
    const cpu = lastCpu(pid)
    if (allowed === null) continue
    result.processes++
    result.allowed[allowed] = (result.allowed[allowed] ?? 0) + 1
    if (cpu !== null) result.lastRan[`cpu${cpu}`] = (result.lastRan[`cpu${cpu}`] ?? 0) + 1
  }
  return result
}

export function describePlacement(p: Placement): string {
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([key, n]) => `${key} ×${n}`)
      .join(', ')
  return `${p.processes} processes; allowed CPUs: ${list(p.allowed)}; last ran on: ${list(p.lastRan)}`
}

/** Moves every thread of a running process to `cpus` (`taskset -a -p`); false when that fails. */
export function pinProcess(pid: number, cpus: string): boolean {
  return spawnSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' }).status === 0
}
