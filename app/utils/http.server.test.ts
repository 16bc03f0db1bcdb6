import { expect, test } from 'vitest'
import { cacheHeaders, keepPersonalResponsesPrivate } from './http.server.ts'

function headersFor(cookie: string | null, policy: HeadersInit | undefined = cacheHeaders('listing')) {
  const request = new Request('http://localhost/products', cookie ? { headers: { Cookie: cookie } } : undefined)
  const headers = new Headers(policy)
  keepPersonalResponsesPrivate(request, headers)
  return headers
}

test('a catalogue page shown to a logged-in user is never marked for shared caches', () => {
  expect(headersFor(null).get('Cache-Control')).toContain('public')
  expect(headersFor('theme=dark').get('Cache-Control')).toContain('public')
  const personal = headersFor('theme=dark; __session=abc.def')
  expect(personal.get('Cache-Control')).toBe('private, no-cache')
  expect(personal.get('Vary')).toContain('Cookie')
  expect(headersFor('__flash=xyz').get('Cache-Control')).toBe('private, no-cache')
  // A route that already chose a private policy keeps it.
  expect(headersFor('__session=abc', { 'Cache-Control': 'no-store' }).get('Cache-Control')).toBe('no-store')
})
