import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import { once } from 'node:events'

/** CPU lists for `taskset -c`, or null when pinning is not possible here. */
export type Pinning = { server: string; client: string } | null

export function detectPinning(): Pinning {
  const probe = spawnSync('taskset', ['-c', '1', 'true'], { stdio: 'ignore' })
  return probe.status === 0 ? { server: '0', client: '1' } : null
}

/** The command line that runs `command args` on `cpus`, or unpinned. */
export function pinnedCommand(cpus: string | null, command: string, args: string[]): [string, string[]] {
  return cpus === null ? [command, args] : ['taskset', ['-c', cpus, command, ...args]]
}

export type Service = { name: string; child: ChildProcess; exited: Promise<number | null> }

function prefixLines(stream: NodeJS.ReadableStream | null, prefix: string) {
  let pending = ''
  stream?.setEncoding('utf8')
  stream?.on('data', (chunk: string) => {
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) console.log(`${prefix}${line}`)
  })
}

/** Starts a long-running child; its output is echoed with a prefix. */
export function startService(name: string, [command, args]: [string, string[]], env: NodeJS.ProcessEnv): Service {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  prefixLines(child.stdout, `  ${name} | `)
  prefixLines(child.stderr, `  ${name} ! `)
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code))
    child.on('error', () => resolve(-1))
  })
  return { name, child, exited }
}

/** Polls `url` until it answers 200; fails early if the service exits. */
export async function waitForHttp(url: string, service: Service, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let gone = false
  void service.exited.then(() => (gone = true))
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${service.name} exited before ${url} answered`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      await response.arrayBuffer()
      if (response.status === 200) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`)
}

/** SIGTERM, then SIGKILL if the service has not exited after `graceMs`. */
export async function stopService(service: Service, graceMs = 15_000): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return
  service.child.kill('SIGTERM')
  const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs)
  await service.exited
  clearTimeout(timer)
}

/** Runs a child to completion with inherited output; resolves with its exit code. */
export async function runToCompletion(
  [command, args]: [string, string[]],
  env: NodeJS.ProcessEnv,
  onStart: (child: ChildProcess) => void = () => {},
): Promise<number> {
  const child = spawn(command, args, { env, stdio: 'inherit' })
  onStart(child)
  const [code] = (await once(child, 'exit')) as [number | null]
  return code ?? 1
}

async function isPortFree(port: number): Promise<boolean> {
  const server = net.createServer()
  return new Promise((resolve) => {
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/** The first free loopback port from `from` on, skipping ports other tools own. */
export async function freePort(from: number, avoid: readonly number[] = []): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    if (!avoid.includes(port) && (await isPortFree(port))) return port
  }
  throw new Error(`no free port in ${from}–${from + 99}`)
}

/** Runs `cleanUp` and exits 130 on Ctrl-C or SIGTERM, so a stopped benchmark leaves no server behind. */
export function cleanUpOnSignals(cleanUp: () => Promise<void>, log: (line: string) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping…`)
      void cleanUp().finally(() => process.exit(130))
    })
  }
}
