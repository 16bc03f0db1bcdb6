/** The 20k-product benchmark database in `.data/bench`, and the environment benchmark children get. */
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { countProducts } from './database.ts'
import { runToCompletion } from './processes.ts'

/** Children get the bench data folder, never a DATABASE_URL from the caller's shell. */
export function benchEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...extra }
  delete env.DATABASE_URL
  return env
}

/** Seeds the bench database up to `target` products (`prisma/seed.ts --products N`) when it has fewer. */
export async function ensureBenchCatalogue(
  dataDir: string,
  target: number,
  log: (line: string) => void,
): Promise<number> {
  const before = await countProducts(dataDir)
  if (before >= target) {
    log(`bench database: ${before} products in ${path.relative(process.cwd(), dataDir)}`)
    return before
  }
  // A fresh database also gets the reference data (a few dozen products) before these.
  const adding = target - before
  log(`bench database has ${before} products: seeding ${adding} more (one-off)…`)
  const seed: [string, string[]] = [
    process.execPath,
    ['--import', 'tsx', 'prisma/seed.ts', '--products', String(adding)],
  ]
  if ((await runToCompletion(seed, benchEnv(dataDir))) !== 0) throw new Error('seeding the bench database failed')
  const after = await countProducts(dataDir)
  log(`bench database: ${after} products`)
  return after
}

function commandOutput(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : ''
}

/** Date, machine, load and Node version, one line each. */
export function machineLines(): string[] {
  const model = /Model name:\s*(.+)/.exec(commandOutput('lscpu', []))?.[1] ?? os.cpus()[0]?.model ?? 'unknown'
  return [
    `date: ${new Date().toISOString()}`,
    `machine: nproc ${commandOutput('nproc', []) || os.availableParallelism()}, ${model}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}; node ${process.version}`,
    `load average before the run: ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} (other processes share this machine unpinned)`,
  ]
}
