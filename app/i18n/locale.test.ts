import { expect, test } from 'vitest'
import { requireLocale } from './locale.ts'

function thrownStatus(run: () => unknown): number | null {
  try {
    run()
    return null
  } catch (error) {
    return error instanceof Response ? error.status : -1
  }
}

test('the language segment: none is Vietnamese, en is English, anything else is a 404', () => {
  expect(requireLocale({})).toBe('vi')
  expect(requireLocale({ lang: 'en', slug: 'mat-ong' })).toBe('en')
  expect(thrownStatus(() => requireLocale({ lang: 'xx' }))).toBe(404)
})

test('a URL segment with a NUL character is a 404, not a database error', () => {
  expect(thrownStatus(() => requireLocale({ slug: 'mat\u0000ong' }))).toBe(404)
  expect(thrownStatus(() => requireLocale({ lang: 'en', certificateId: '\u0000' }))).toBe(404)
  expect(requireLocale({ slug: 'mật-ong-%ff' })).toBe('vi')
})
