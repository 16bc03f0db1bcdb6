import { once } from 'node:events'
import net from 'node:net'
import { expect, test } from 'vitest'
import { get, hasBuild, startApp } from '#tests/support/app-process.ts'

test.skipIf(!hasBuild())(
  'SIGTERM lets in-flight requests finish, then closes the pool and exits 0',
  async () => {
    const { child, base, output } = await startApp()

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

test.skipIf(!hasBuild())(
  'JOBS=off serves pages without running background jobs in the web process',
  async () => {
    const { child, base, output } = await startApp({ JOBS: 'off' })
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

test.skipIf(!hasBuild())(
  'requests Node refuses before the app (headers over 16 KB, a garbled request line) get a message',
  async () => {
    const app = await startApp({ JOBS: 'off' })
    try {
      const huge = await get(`${app.base}/products`, { Cookie: `x=${'a'.repeat(20_000)}` })
      expect(huge.status).toBe(431)
      expect(huge.body).toContain('quá lớn')
      expect(huge.body).toContain('too large')

      const garbled = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(app.port, '127.0.0.1', () => socket.write('GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n'))
        let text = ''
        socket.on('data', (chunk) => (text += chunk))
        socket.on('end', () => resolve(text))
        socket.on('error', reject)
      })
      expect(garbled).toMatch(/^HTTP\/1.1 400/)
      expect(garbled).toContain('Yêu cầu không hợp lệ')
    } finally {
      await app.stop()
    }
  },
  120_000,
)
