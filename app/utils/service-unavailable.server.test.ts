import { type ServerBuild } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { isDatabaseUnreachable, withServiceUnavailable } from './service-unavailable.server.ts'

function socketError(code: string) {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect', errno: -111 })
}

describe('isDatabaseUnreachable', () => {
  test('knows the ways a database goes away, however deeply they are wrapped', () => {
    expect(isDatabaseUnreachable(socketError('ECONNREFUSED'))).toBe(true)
    expect(isDatabaseUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true)
    // Prisma's driver-adapter error around PostgreSQL's admin_shutdown.
    const prisma = Object.assign(new Error('Invalid `prisma.user.findUnique()` invocation'), {
      code: 'P2010',
      meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '57P01' } } },
    })
    expect(isDatabaseUnreachable(prisma)).toBe(true)
    expect(isDatabaseUnreachable(Object.assign(new Error('pool timeout'), { code: 'P2024' }))).toBe(true)
    expect(isDatabaseUnreachable(new Error('query failed', { cause: { kind: 'DatabaseNotReachable' } }))).toBe(true)
  })

  test('leaves every other error alone', () => {
    expect(isDatabaseUnreachable(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe(false)
    expect(isDatabaseUnreachable(new TypeError('x is undefined'))).toBe(false)
    expect(isDatabaseUnreachable(null)).toBe(false)
    expect(isDatabaseUnreachable('ECONNREFUSED')).toBe(false)
  })
})

describe('withServiceUnavailable', () => {
  const refused = () => {
    throw socketError('ECONNREFUSED')
  }
  const build = {
    routes: {
      page: { id: 'page', path: 'products', module: { default: () => null, loader: refused, action: refused } },
      api: { id: 'api', path: 'api/cart', module: { loader: refused } },
      csv: { id: 'csv', path: 'export.csv', module: { loader: refused } },
      broken: {
        id: 'broken',
        path: 'broken',
        module: {
          default: () => null,
          loader: () => {
            throw new Error('a bug')
          },
        },
      },
    },
    entry: { module: { default: () => new Response('page') } },
  } as unknown as ServerBuild
  const wrapped = withServiceUnavailable(build)
  const call = (id: string, params: Record<string, string> = {}, accept = 'text/html') =>
    (wrapped.routes[id]!.module as unknown as { loader: (args: unknown) => Promise<unknown> }).loader({
      request: new Request(`http://localhost/${wrapped.routes[id]!.path}`, { headers: { Accept: accept } }),
      params,
      context: {},
    })
  const thrown = async (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error,
    )

  test('a page answers 503 with Retry-After and the message in its language, for the error boundary', async () => {
    const response = (await thrown(call('page', { lang: 'en' }))) as Response
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toMatch(/^\d+$/)
    expect(await response.json()).toMatchObject({ locale: 'en', title: 'Service temporarily unavailable' })
  })

  test('an API answers JSON, a download plain text, both in Vietnamese by default', async () => {
    const api = (await thrown(call('api', {}, '*/*'))) as Response
    expect(api.status).toBe(503)
    expect(await api.json()).toMatchObject({ status: 'unavailable', title: 'Dịch vụ tạm thời gián đoạn' })
    const csv = (await thrown(call('csv', {}, 'text/csv'))) as Response
    expect(csv.status).toBe(503)
    expect(csv.headers.get('Content-Type')).toContain('text/plain')
    expect(await csv.text()).toContain('Dịch vụ tạm thời gián đoạn')
  })

  test('other errors pass through unchanged (a bug stays a 500)', async () => {
    const error = await thrown(call('broken'))
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe('a bug')
  })

  test('documents rendered with status 503 get Retry-After and no-store', async () => {
    const headers = new Headers()
    const handle = wrapped.entry.module.default as unknown as (...args: unknown[]) => Response
    handle(new Request('http://localhost/'), 503, headers, {}, {})
    expect(headers.get('Retry-After')).toMatch(/^\d+$/)
    expect(headers.get('Cache-Control')).toBe('no-store')
  })
})
