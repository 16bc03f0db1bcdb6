import { once } from 'node:events'
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
