/**
 * Real app processes for tests that need more than one request handler in one process: `server/start.ts`
 * in production mode on a free port (needs `npm run build` first), with its output kept for assertions.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')

/** True when the production build exists (`npm test` builds first; `vitest run` alone may not). */
export const hasBuild = () => existsSync(path.join(ROOT, 'build/server/index.js'))

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as net.AddressInfo
  server.close()
  return port
}

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; headersAt: number }

/** A plain GET without connection reuse (a fresh socket per request). */
export function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers }, (res) => {
        const headersAt = Date.now()
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, headersAt }))
        res.on('error', reject)
      })
      .on('error', reject)
  })
}

export async function waitForHealth(url: string, child: { exitCode: number | null }, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    const ok = await get(url).then(
      (r) => r.status === 200,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`server did not become healthy at ${url}`)
}

export type AppProcess = {
  child: ChildProcess
  port: number
  /** `http://127.0.0.1:<port>` */
  base: string
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string
  /** SIGTERM (or the given signal) and wait for the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

/**
 * `npm start` in production mode, healthy. `env` overrides the inherited environment: pass
 * `DATABASE_URL` to share a database between processes (the default is the test file's copy when
 * run under Vitest), `JOBS: 'off'` to leave background jobs out, `PORT` to reuse a port.
 */
export async function startApp(env: Record<string, string> = {}): Promise<AppProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MEDIA_DIR: path.join(ROOT, '.data/test-media'),
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const base = `http://127.0.0.1:${port}`
  await waitForHealth(`${base}/healthz`, child)
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
    const exited = once(child, 'exit')
    child.kill(signal)
    const [code] = await exited
    return code as number | null
  }
  return { child, port, base, output: () => output, stop }
}
