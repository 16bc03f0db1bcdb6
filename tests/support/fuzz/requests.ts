/**
 * One fuzzed request: a plain description drawn by fast-check (so a seed reproduces it), turned
 * into bytes against the real routes, records and forms only when it is sent.
 */
import fc from 'fast-check'
import { type RoleName, ROLE_NAMES, type ParamValues } from './fixtures.ts'
import { type ScrapedForm } from './forms.ts'
import { type RawRequest } from './http.ts'
import { type FuzzRoute, paramKey } from './routes.ts'
import {
  BAD_PERCENT,
  INVALID_UTF8,
  badPercent,
  fieldName,
  hostileString,
  hostileUrlPart,
  invalidUtf8,
} from './values.ts'

type Mutation =
  | { op: 'replace'; at: number; value: string }
  | { op: 'drop'; at: number }
  | { op: 'duplicate'; at: number; value: string }
  | { op: 'add'; name: string; value: string }
  | { op: 'invalid-utf8'; at: number; bytes: Buffer }

type Body =
  | { kind: 'none' }
  | { kind: 'form'; form: number; keepAll: boolean; mutations: Mutation[]; encoding: 'urlencoded' | 'multipart' }
  | { kind: 'bytes'; bytes: Buffer }
  | { kind: 'json'; value: unknown }
  | { kind: 'huge'; megabytes: number; encoding: 'urlencoded' | 'multipart' | 'octets' }

type ParamChoice =
  { kind: 'real'; pick: number } | { kind: 'hostile'; value: string } | { kind: 'percent'; value: string }

export type FuzzInput = {
  role: RoleName
  lang: string
  params: ParamChoice[]
  indexQuery: boolean
  query: [string, string][]
  rawQuery: string | null
  method: string
  origin: 'same' | 'none' | 'cross' | 'null' | 'referer'
  body: Body
  contentType: 'right' | 'wrong' | 'none' | 'odd'
  accept: string | null
  acceptLanguage: string | null
  cookieExtra: string | null
}

const ACCEPT = ['*/*', 'text/html', 'application/json', 'text/csv', 'image/*;q=0', ';;;,', '', 'application/xml;q=abc']
const ACCEPT_LANGUAGE = [
  'vi',
  'en',
  'en-US,en;q=0.9',
  'xx-YY',
  '*',
  'en;q=abc',
  ',,,',
  'zh-Hant-TW;q=0.9, ja;q=0.1',
  'l'.repeat(3000),
]
const COOKIES = [
  '__session=garbage',
  '__session=',
  '__session=eyJhIjoxfQ.c2ln',
  '__session=%FF%C3%28',
  '__cart=not-a-cart',
  '__cart=%22%00%22',
  '__orders=%5B%22x%22%5D',
  '__orders=' + 'A'.repeat(4000),
  '__flash=%7B%22kind%22%3A1%7D',
  'a=b; c; =d; ;;',
  'big=' + 'x'.repeat(7000),
]
const ODD_CONTENT_TYPES = [
  'text/plain',
  'application/json',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary=nope',
  'application/x-www-form-urlencoded; charset=iso-8859-1',
  'application/x-www-form-urlencoded; charset=utf-16',
  '',
  'image/png',
]

const mutation: (known: string[]) => fc.Arbitrary<Mutation> = (known) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(40), value: hostileString }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('drop' as const), at: fc.nat(40) }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(40), value: hostileString }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ op: fc.constant('add' as const), name: fieldName(known), value: hostileString }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('invalid-utf8' as const), at: fc.nat(40), bytes: invalidUtf8 }),
    },
  )

/** The arbitrary of requests to one route; `known` are the field names its forms have. */
export function fuzzInput(route: FuzzRoute, known: string[]): fc.Arbitrary<FuzzInput> {
  const post = route.hasAction
  const method = post
    ? fc.oneof(
        { weight: 17, arbitrary: fc.constant('POST') },
        { weight: 3, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH') },
      )
    : fc.oneof(
        { weight: 16, arbitrary: fc.constant('GET') },
        { weight: 1, arbitrary: fc.constant('HEAD') },
        { weight: 3, arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE') },
      )
  const param: fc.Arbitrary<ParamChoice> = fc.oneof(
    { weight: 7, arbitrary: fc.record({ kind: fc.constant('real' as const), pick: fc.nat(10) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('hostile' as const), value: hostileUrlPart }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('percent' as const), value: badPercent }) },
  )
  const body: fc.Arbitrary<Body> = fc.oneof(
    {
      weight: 14,
      arbitrary: fc.record({
        kind: fc.constant('form' as const),
        form: fc.nat(20),
        keepAll: fc.boolean(),
        mutations: fc.array(mutation(known), { maxLength: 6 }),
        encoding: fc.constantFrom('urlencoded' as const, 'urlencoded' as const, 'multipart' as const),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: 2,
      arbitrary: fc
        .array(
          fc.oneof(
            invalidUtf8,
            fc.string().map((s) => Buffer.from(s)),
          ),
          { minLength: 1, maxLength: 6 },
        )
        .map((parts) => ({ kind: 'bytes' as const, bytes: Buffer.concat(parts) })),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 3 }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('huge' as const),
        megabytes: fc.integer({ min: 2, max: 6 }),
        encoding: fc.constantFrom('urlencoded' as const, 'multipart' as const, 'octets' as const),
      }),
    },
  )
  return fc.record({
    role: fc.constantFrom(...ROLE_NAMES),
    lang: fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom('', '/en') },
      { weight: 1, arbitrary: fc.constantFrom('/vi', '/EN', '/xx', '/%FF', '/en%00', '/..') },
    ),
    params: fc.array(param, { minLength: route.params.length, maxLength: route.params.length }),
    indexQuery: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    query: fc.oneof(
      { weight: 3, arbitrary: fc.constant([] as [string, string][]) },
      { weight: 2, arbitrary: fc.array(fc.tuple(fieldName(QUERY_KEYS), hostileUrlPart), { maxLength: 5 }) },
    ),
    rawQuery: fc.oneof(
      { weight: 8, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(...BAD_PERCENT.map((p) => `q=${p}`), '%', '&&=&=', 'page=%FF') },
    ),
    method,
    origin: fc.oneof(
      { weight: 30, arbitrary: fc.constant('same' as const) },
      { weight: 1, arbitrary: fc.constantFrom('none' as const, 'cross' as const, 'null' as const, 'referer' as const) },
    ),
    body,
    contentType: fc.oneof(
      { weight: 12, arbitrary: fc.constant('right' as const) },
      { weight: 1, arbitrary: fc.constantFrom('wrong' as const, 'none' as const, 'odd' as const) },
    ),
    accept: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...ACCEPT) }),
    acceptLanguage: fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(...ACCEPT_LANGUAGE) },
    ),
    cookieExtra: fc.oneof(
      { weight: 8, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(...COOKIES) },
    ),
  })
}

/** Query keys the listing, search and export pages read. */
const QUERY_KEYS = [
  'q',
  'page',
  'sort',
  'province',
  'region',
  'group',
  'star',
  'minPrice',
  'maxPrice',
  'redirectTo',
  'token',
  'status',
  'lang',
  'limit',
  'cursor',
  'index',
  '_data',
]

function encode(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return '%ED%A0%80' // a lone surrogate has no UTF-8: send the bytes it would have had
  }
}

export type Materialized = { request: RawRequest; url: string; bytes: number; huge: boolean }

/** The bytes to send for an input, given the app's origin, the role's cookie, records and the route's forms. */
export function materialize(
  route: FuzzRoute,
  input: FuzzInput,
  context: { origin: string; cookie: string | null; values: ParamValues; forms: ScrapedForm[] },
): Materialized {
  let paramIndex = 0
  const segments = route.pattern.split('/').map((segment) => {
    if (!segment.startsWith(':') && segment !== '*') return segment
    const choice = input.params[paramIndex++]!
    const name = segment === '*' ? '*' : segment.slice(1)
    const real = context.values.get(paramKey(route.pattern, name)) ?? []
    if (choice.kind === 'real' && real.length > 0) return encode(real[choice.pick % real.length]!)
    if (choice.kind === 'percent') return choice.value
    return encode(choice.kind === 'hostile' ? choice.value : 'x')
  })
  const pathname = (route.optionalLang ? input.lang : '') + (segments.join('/') || '/')
  const query: string[] = []
  if (route.isIndex && input.indexQuery) query.push('index')
  for (const [key, value] of input.query) query.push(`${encode(key)}=${encode(value)}`)
  if (input.rawQuery) query.push(input.rawQuery)
  const path = (pathname.startsWith('/') ? pathname : '/' + pathname) + (query.length ? `?${query.join('&')}` : '')

  const headers: Record<string, string> = {}
  const cookies = [context.cookie, input.cookieExtra].filter(Boolean)
  if (cookies.length) headers.Cookie = cookies.join('; ')
  if (input.origin === 'same') headers.Origin = context.origin
  else if (input.origin === 'cross') headers.Origin = 'http://evil.example'
  else if (input.origin === 'null') headers.Origin = 'null'
  else if (input.origin === 'referer') headers.Referer = `${context.origin}/`
  if (input.accept !== null) headers.Accept = input.accept
  if (input.acceptLanguage !== null) headers['Accept-Language'] = input.acceptLanguage

  const sendsBody = !['GET', 'HEAD'].includes(input.method)
  const { body, contentType } = sendsBody
    ? bodyBytes(input.body, context.forms)
    : { body: undefined, contentType: null }
  if (body) {
    if (input.contentType === 'right' && contentType) headers['Content-Type'] = contentType
    else if (input.contentType === 'wrong')
      headers['Content-Type'] = contentType?.startsWith('multipart')
        ? 'application/x-www-form-urlencoded'
        : 'multipart/form-data; boundary=fuzz'
    else if (input.contentType === 'odd')
      headers['Content-Type'] = ODD_CONTENT_TYPES[body.length % ODD_CONTENT_TYPES.length]!
  }
  return {
    request: { method: input.method, path, headers, body },
    url: path,
    bytes: body?.length ?? 0,
    huge: input.body.kind === 'huge' && sendsBody,
  }
}

function formPairs(body: Extract<Body, { kind: 'form' }>, forms: ScrapedForm[]): [string, Buffer][] {
  const form = forms.length ? forms[body.form % forms.length]! : { fields: [] }
  let pairs: [string, Buffer][] = form.fields.map((f) => [f.name, Buffer.from(f.value)])
  // Half the time only the hidden fields and buttons (the intent) survive: a form sent nearly empty.
  if (!body.keepAll) pairs = pairs.filter(([name]) => name === 'intent' || name.startsWith('_'))
  for (const m of body.mutations) {
    const at = pairs.length ? (m.op === 'add' ? 0 : m.at % pairs.length) : -1
    if (m.op === 'add') pairs.push([m.name, Buffer.from(m.value)])
    else if (at < 0) continue
    else if (m.op === 'replace') pairs[at] = [pairs[at]![0], Buffer.from(m.value)]
    else if (m.op === 'drop') pairs.splice(at, 1)
    else if (m.op === 'duplicate') pairs.push([pairs[at]![0], Buffer.from(m.value)])
    else pairs[at] = [pairs[at]![0], Buffer.concat([Buffer.from(pairs[at]![1]), m.bytes])]
  }
  return pairs
}

const BOUNDARY = '----ocopfuzz7MA4YWxkTrZu0gW'

function urlencoded(pairs: [string, Buffer][]): Buffer {
  const pct = (b: Buffer) =>
    [...b]
      .map((byte) =>
        /[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte))
          ? String.fromCharCode(byte)
          : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
      )
      .join('')
  return Buffer.from(pairs.map(([k, v]) => `${pct(Buffer.from(k))}=${pct(v)}`).join('&'))
}

function multipart(pairs: [string, Buffer][], file?: Buffer): Buffer {
  const parts: Buffer[] = []
  for (const [name, value] of pairs) {
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, '_')}"\r\n\r\n`),
      value,
      Buffer.from('\r\n'),
    )
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="huge.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      file,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`))
  return Buffer.concat(parts)
}

function bodyBytes(body: Body, forms: ScrapedForm[]): { body: Buffer | undefined; contentType: string | null } {
  switch (body.kind) {
    case 'none':
      return { body: undefined, contentType: null }
    case 'bytes':
      return { body: body.bytes, contentType: 'application/x-www-form-urlencoded' }
    case 'json':
      return { body: Buffer.from(JSON.stringify(body.value) ?? 'null'), contentType: 'application/json' }
    case 'form': {
      const pairs = formPairs(body, forms)
      return body.encoding === 'multipart'
        ? { body: multipart(pairs), contentType: `multipart/form-data; boundary=${BOUNDARY}` }
        : { body: urlencoded(pairs), contentType: 'application/x-www-form-urlencoded' }
    }
    case 'huge': {
      const size = body.megabytes * 1024 * 1024
      const intent =
        forms[0]?.fields
          .filter((f) => f.name === 'intent')
          .map((f): [string, Buffer] => [f.name, Buffer.from(f.value)]) ?? []
      if (body.encoding === 'multipart')
        return {
          body: multipart(intent, Buffer.alloc(size, 'a;b,c\n')),
          contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        }
      if (body.encoding === 'octets')
        return { body: Buffer.alloc(size, INVALID_UTF8[1]!), contentType: 'application/octet-stream' }
      return {
        body: Buffer.concat([urlencoded(intent), Buffer.from('&q='), Buffer.alloc(size, 'a')]),
        contentType: 'application/x-www-form-urlencoded',
      }
    }
  }
}
