/** Hostile and random input values for the route fuzzer (fast-check arbitraries). */
import fc from 'fast-check'

/** Strings that have broken parsers, validators and databases somewhere before. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '-1',
  '0',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '0x10',
  '1_000',
  '9'.repeat(40),
  '-' + '9'.repeat(25),
  '0.1e-400',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31T25:61:61Z',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '{"__proto__":{"admin":true}}',
  '[1,2,{"a":null}]',
  "' OR 1=1 --",
  '\'; DROP TABLE "User"; --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '%00',
  '%',
  '%C3%28',
  'a\u0000b',
  '\u0000',
  '\u0001\u0002\u001b[31m',
  '\r\n\r\nX-Injected: 1',
  '\u202eevil\u202c',
  '\u200f\u200e',
  '\ufeff',
  '\ud800',
  'x\udfffy',
  'Ｔｅｓｔ',
  'Tiếng Việt có dấu đầy đủ',
  'a@b',
  'x@y.z',
  '@@',
  'a'.repeat(300) + '@example.com',
  'javascript:alert(1)',
  '//evil.example/',
  '/\\evil.example',
  'http://evil.example/',
  'VND',
  'FOB',
  'CIF',
]

const nasty = fc.constantFrom(...NASTY_STRINGS)

/** A string meant to break things: a nasty constant, random unicode, a long run, or a mix. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.emailAddress() },
  {
    weight: 1,
    arbitrary: fc
      .date({ noInvalidDate: false })
      .map((d) => (isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString().slice(0, 10))),
  },
  { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'ệ', '9', '<', '\u0000', '🐝'), fc.integer({ min: 1_000, max: 70_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
  { weight: 1, arbitrary: fc.tuple(nasty, nasty).map(([a, b]) => a + b) },
)

/**
 * The same, short enough for a URL: Node answers a request line and headers over 16 KB with a bare
 * 431 before any of our code runs, which would hide the routes behind it.
 */
export const hostileUrlPart: fc.Arbitrary<string> = hostileString.map((s) => s.slice(0, 300))

/** A field name: mostly real ones from the page's forms, sometimes unknown or odd. */
export function fieldName(known: string[]): fc.Arbitrary<string> {
  const odd = fc.constantFrom(
    '',
    'intent',
    '__proto__',
    'constructor',
    'a[b]',
    'items[0].quantity',
    'x'.repeat(500),
    '\u0000',
    '%FF',
  )
  return known.length > 0
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...known) },
        { weight: 1, arbitrary: odd },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      )
    : fc.oneof(odd, fc.string({ maxLength: 12 }))
}

/** Byte strings that are not valid UTF-8 (a lone continuation, overlong encodings, 0xFF, a cut sequence). */
export const INVALID_UTF8: Buffer[] = [
  Buffer.from([0xc3, 0x28]),
  Buffer.from([0xff]),
  Buffer.from([0xfe, 0xff]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xe0, 0x80, 0xaf]),
  Buffer.from([0xf0, 0x80, 0x80, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xe1, 0xbb]),
  Buffer.from([0x80]),
]

/** Percent-encoded bytes that do not decode (or decode to something odd) in a path or query. */
export const BAD_PERCENT = ['%C3%28', '%FF', '%', '%E0%80%AF', '%ED%A0%80', '%zz', '%00', '%2F..%2F', '%E1%BB']

export const invalidUtf8 = fc.constantFrom(...INVALID_UTF8)
export const badPercent = fc.constantFrom(...BAD_PERCENT)
