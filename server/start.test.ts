import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as net.AddressInfo
  server.close()
  return port
}

function get(url: string): Promise<{ status: number; body: string; headersAt: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        const headersAt = Date.now()
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headersAt }))
        res.on('error', reject)
      })
      .on('error', reject)
  })
}

async function waitForHealth(url: string, child: { exitCode: number | null }) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    const ok = await get(url).then(
      (r) => r.status === 200,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error('server did not become healthy')
}

/** `npm start` in production mode on a free port, healthy; its output so far on demand. */
async function startServer(env: Record<string, string> = {}) {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: 'production',
      MEDIA_DIR: path.join(root, '.data/test-media'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const base = `http://127.0.0.1:${port}`
  await waitForHealth(`${base}/healthz`, child)
  return { child, base, output: () => output }
}

test.skipIf(!existsSync(path.join(root, 'build/server/index.js')))(
  'SIGTERM lets in-flight requests finish, then closes the pool and exits 0',
  async () => {
    const { child, base, output } = await startServer()

    // Ten requests at once; the server is told to stop as soon as the first one is answered.
    const requests = Array.from({ length: 10 }, (_, i) => get(`${base}/products?page=${(i % 3) + 1}&sort=price-asc`))
    const first = await Promise.race(requests)
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    const responses = await Promise.all(requests)
    const [code] = await exited

    expect(first.status).toBe(200)
    for (const response of responses) {
      expect(response.status).toBe(200)
      // A whole document: the markup and Remix's closing hydration script.
      expect(response.body).toContain('</html>')
      expect(response.body).toContain('streamController.close()')
    }
    expect(code).toBe(0)
    expect(output()).toContain('SIGTERM: finishing in-flight requests')
    expect(output()).toContain('stopped cleanly')
    await expect(get(`${base}/healthz`)).rejects.toThrow(/ECONNREFUSED/)
  },
  120_000,
)

test.skipIf(!existsSync(path.join(root, 'build/server/index.js')))(
  'JOBS=off serves pages without running background jobs in the web process',
  async () => {
    const { child, base, output } = await startServer({ JOBS: 'off' })
    expect((await get(`${base}/products`)).status).toBe(200)
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    const [code] = await exited
    expect(code).toBe(0)
    expect(output()).toContain('jobs: off in this process (JOBS=off)')
    expect(output()).not.toContain('jobs: worker running')
  },
  120_000,
)
