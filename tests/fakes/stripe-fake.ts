/**
 * A small fake of the Stripe API for the payments tests: api.stripe.com cannot be reached from these
 * machines (../shared/STACK.md), so every Stripe result in our tests comes from here, never from a
 * live Stripe run. It implements only what the app calls — POST /v1/checkout/sessions and
 * GET /v1/checkout/sessions/:id — as stripe-node 23.1.0 sends them (form-encoded, `a[b][0][c]=v`),
 * and checks the request shapes strictly, answering with Stripe's error bodies:
 *  - Authorization with the configured secret key (401 otherwise), a Stripe-Version header;
 *  - unknown parameters are refused (400 "Received unknown parameter"), like Stripe;
 *  - mode=payment; line items with currency vnd|usd (all the same), quantity and unit_amount as
 *    integers > 0 (VND is zero-decimal: "100000" đồng, never "100000.00"), USD at least 50 cents;
 *  - metadata[orderId] and metadata[orderNumber], success_url and cancel_url as http(s) URLs,
 *    expires_at between 30 minutes and 24 hours ahead;
 *  - an Idempotency-Key header on every create (stricter than Stripe: our own rule). The same key
 *    with the same body replays the first answer (the same session); the same key with another body
 *    is a 400 idempotency_error, as Stripe does.
 * Every request is recorded. Tests can lose responses after the work is done (a network failure
 * after Stripe created the session), corrupt responses (for the Zod checks), and expire or complete
 * sessions. `signedEvent` signs webhook payloads with the real stripe.webhooks.generateTestHeaderString.
 *
 * What the fake does not model: payments themselves, Checkout's pages, rate limits, Connect, and
 * every other endpoint and parameter.
 */
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { type AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { z } from 'zod'

type FormValue = string | FormValue[] | { [key: string]: FormValue }

export type RecordedStripeRequest = {
  method: string
  path: string
  idempotencyKey: string | null
  stripeVersion: string | null
  /** The form body as raw text and decoded into nested objects and arrays. */
  raw: string
  form: FormValue
  status: number
}

export type FakeSession = {
  id: string
  object: 'checkout.session'
  mode: 'payment'
  url: string | null
  status: 'open' | 'complete' | 'expired'
  payment_status: 'paid' | 'unpaid'
  amount_subtotal: number
  amount_total: number
  currency: 'vnd' | 'usd'
  metadata: Record<string, string>
  client_reference_id: string | null
  customer_email: string | null
  success_url: string
  cancel_url: string
  expires_at: number
  created: number
  locale: string | null
  livemode: false
  payment_intent: string | null
}

class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly param?: string,
  ) {
    super(message)
  }
}

/** Decodes `line_items[0][price_data][currency]=vnd` into nested values (numeric keys become arrays). */
export function parseStripeForm(body: string): FormValue {
  const root: { [key: string]: FormValue } = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.match(/^[^[\]]+|\[[^[\]]*\]/g)?.map((part) => part.replace(/^\[|\]$/g, ''))
    if (!path || path.join('').length === 0) throw new StripeHttpError(400, 'invalid_request_error', `Bad key ${key}`)
    let node = root
    path.forEach((part, i) => {
      if (i === path.length - 1) {
        node[part] = value
        return
      }
      const next = node[part]
      if (typeof next === 'string' || Array.isArray(next)) {
        throw new StripeHttpError(400, 'invalid_request_error', `Invalid nesting at ${key}`, key)
      }
      node = (node[part] = next ?? {}) as { [key: string]: FormValue }
    })
  }
  return arraysOf(root)
}

function arraysOf(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value
  const keys = Object.keys(value)
  const converted = Object.fromEntries(keys.map((k) => [k, arraysOf(value[k]!)]))
  const sequential = keys.length > 0 && keys.every((k, i) => k === String(i))
  return sequential ? keys.map((k) => converted[k]!) : converted
}

const PositiveInteger = z
  .string()
  .regex(/^[1-9]\d*$/, 'must be a positive integer (no decimals: VND is zero-decimal, USD is in cents)')
  .transform(Number)
const HttpUrl = z.url({ protocol: /^https?$/ })
const Metadata = z.record(z.string().max(40), z.string().max(500))

const CreateSessionSchema = z
  .strictObject({
    mode: z.literal('payment'),
    line_items: z
      .array(
        z.strictObject({
          quantity: PositiveInteger,
          price_data: z.strictObject({
            currency: z.enum(['vnd', 'usd']),
            unit_amount: PositiveInteger,
            product_data: z.strictObject({
              name: z.string().min(1),
              description: z.string().min(1).optional(),
            }),
          }),
        }),
      )
      .min(1)
      .max(100),
    metadata: Metadata.and(z.object({ orderId: z.string().min(1), orderNumber: z.string().min(1) })),
    payment_intent_data: z.strictObject({ metadata: Metadata }).optional(),
    client_reference_id: z.string().min(1).max(200).optional(),
    customer_email: z.email().optional(),
    success_url: HttpUrl,
    cancel_url: HttpUrl,
    expires_at: z.string().regex(/^\d+$/).transform(Number),
    locale: z.enum(['auto', 'vi', 'en']).optional(),
  })
  .superRefine((value, ctx) => {
    const currencies = new Set(value.line_items.map((line) => line.price_data.currency))
    if (currencies.size > 1) ctx.addIssue({ code: 'custom', message: 'All line items must share a currency' })
    const total = value.line_items.reduce((sum, l) => sum + l.quantity * l.price_data.unit_amount, 0)
    if (currencies.has('usd') && total < 50) {
      ctx.addIssue({ code: 'custom', path: ['line_items'], message: 'Amount must be at least $0.50 usd' })
    }
    const now = Math.floor(Date.now() / 1000)
    if (value.expires_at < now + 30 * 60 - 5 || value.expires_at > now + 24 * 3600 + 5) {
      ctx.addIssue({
        code: 'custom',
        path: ['expires_at'],
        message: 'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
      })
    }
  })

function firstIssue(error: z.ZodError): { message: string; param: string | undefined } {
  const issue = error.issues[0]!
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.map(String)
    const param = [...prefix, issue.keys[0]!].map((p, i) => (i === 0 ? p : `[${p}]`)).join('')
    return { message: `Received unknown parameter: ${param}`, param }
  }
  const param = issue.path.map((p, i) => (i === 0 ? String(p) : `[${String(p)}]`)).join('') || undefined
  return { message: `Invalid ${param ?? 'request'}: ${issue.message}`, param }
}

export type StripeFake = {
  url: string
  secretKey: string
  apiVersion: string
  /** The env that points the app's Stripe client here. */
  env: Record<'STRIPE_SECRET_KEY' | 'STRIPE_API_HOST' | 'STRIPE_API_PORT' | 'STRIPE_API_PROTOCOL', string>
  requests: RecordedStripeRequest[]
  sessions: Map<string, FakeSession>
  /** The next `count` requests are carried out, then the connection is dropped without an answer. */
  dropResponses(count: number): void
  /** The next `count` successful answers are replaced by a malformed session (missing `object`, bad id). */
  corruptResponses(count: number): void
  expireSession(id: string): void
  completeSession(id: string): void
  close(): Promise<void>
}

export async function startStripeFake(options: { secretKey?: string; apiVersion?: string } = {}): Promise<StripeFake> {
  const secretKey = options.secretKey ?? `sk_test_fake_${randomBytes(6).toString('hex')}`
  const apiVersion = options.apiVersion ?? '2026-10-28.endive'
  const requests: RecordedStripeRequest[] = []
  const sessions = new Map<string, FakeSession>()
  const idempotent = new Map<string, { raw: string; status: number; body: unknown }>()
  let drop = 0
  let corrupt = 0

  function createSession(form: FormValue): FakeSession {
    const parsed = CreateSessionSchema.safeParse(form)
    if (!parsed.success) {
      const { message, param } = firstIssue(parsed.error)
      throw new StripeHttpError(400, 'invalid_request_error', message, param)
    }
    const input = parsed.data
    const total = input.line_items.reduce((sum, l) => sum + l.quantity * l.price_data.unit_amount, 0)
    const id = `cs_test_${randomBytes(12).toString('hex')}`
    const session: FakeSession = {
      id,
      object: 'checkout.session',
      mode: 'payment',
      url: `https://checkout.stripe.com/c/pay/${id}`,
      status: 'open',
      payment_status: 'unpaid',
      amount_subtotal: total,
      amount_total: total,
      currency: input.line_items[0]!.price_data.currency,
      metadata: input.metadata,
      client_reference_id: input.client_reference_id ?? null,
      customer_email: input.customer_email ?? null,
      success_url: input.success_url,
      cancel_url: input.cancel_url,
      expires_at: input.expires_at,
      created: Math.floor(Date.now() / 1000),
      locale: input.locale ?? null,
      livemode: false,
      payment_intent: null,
    }
    sessions.set(id, session)
    return session
  }

  function handle(req: http.IncomingMessage, raw: string): { status: number; body: unknown; replayed?: boolean } {
    const path = (req.url ?? '/').split('?')[0]!
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      throw new StripeHttpError(401, 'invalid_request_error', 'Invalid API Key provided.')
    }
    if (!req.headers['stripe-version'])
      throw new StripeHttpError(400, 'invalid_request_error', 'Missing Stripe-Version')
    if (req.method === 'POST' && path === '/v1/checkout/sessions') {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        throw new StripeHttpError(400, 'invalid_request_error', 'Content-Type must be form-encoded')
      }
      const key = req.headers['idempotency-key']
      if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
        throw new StripeHttpError(400, 'invalid_request_error', 'Idempotency-Key is required by this fake')
      }
      const previous = idempotent.get(key)
      if (previous) {
        if (previous.raw !== raw) {
          throw new StripeHttpError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          )
        }
        return { status: previous.status, body: previous.body, replayed: true }
      }
      const session = createSession(parseStripeForm(raw))
      const answer = { status: 200, body: { ...session } }
      idempotent.set(key, { raw, ...answer })
      return answer
    }
    const match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path)
    if (req.method === 'GET' && match) {
      const session = sessions.get(decodeURIComponent(match[1]!))
      if (!session) {
        throw new StripeHttpError(404, 'invalid_request_error', `No such checkout.session: '${match[1]}'`, 'session')
      }
      return { status: 200, body: { ...session } }
    }
    throw new StripeHttpError(404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${path}).`)
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const record: RecordedStripeRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        idempotencyKey: typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null,
        stripeVersion: typeof req.headers['stripe-version'] === 'string' ? req.headers['stripe-version'] : null,
        raw,
        form: {},
        status: 0,
      }
      requests.push(record)
      let status: number
      let body: unknown
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        'Request-Id': `req_fake_${requests.length}`,
      }
      try {
        record.form = raw ? parseStripeForm(raw) : {}
        const answer = handle(req, raw)
        status = answer.status
        body = answer.body
        if (answer.replayed) headers['Idempotent-Replayed'] = 'true'
        if (corrupt > 0 && status === 200) {
          corrupt -= 1
          body = { id: 'not-a-session', url: 42 }
        }
      } catch (error) {
        if (!(error instanceof StripeHttpError)) throw error
        status = error.status
        body = { error: { type: error.type, message: error.message, ...(error.param ? { param: error.param } : {}) } }
        // Stripe-node must not retry a refused request.
        headers['Stripe-Should-Retry'] = 'false'
      }
      record.status = status
      if (drop > 0) {
        drop -= 1
        record.status = -1
        req.socket.destroy()
        return
      }
      res.writeHead(status, headers)
      res.end(JSON.stringify(body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  function setSession(id: string, change: Partial<FakeSession>) {
    const session = sessions.get(id)
    if (!session) throw new Error(`No fake session ${id}`)
    sessions.set(id, { ...session, ...change })
  }

  return {
    url: `http://127.0.0.1:${port}`,
    secretKey,
    apiVersion,
    env: {
      STRIPE_SECRET_KEY: secretKey,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(port),
      STRIPE_API_PROTOCOL: 'http',
    },
    requests,
    sessions,
    dropResponses(count) {
      drop = count
    },
    corruptResponses(count) {
      corrupt = count
    },
    expireSession(id) {
      setSession(id, { status: 'expired', url: null })
    },
    completeSession(id) {
      setSession(id, { status: 'complete', payment_status: 'paid', url: null })
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
}

// ───────────── Webhook events ─────────────

/** A Stripe Event as delivered to a webhook endpoint. */
export function stripeEvent(input: {
  id?: string
  type: string
  object: Record<string, unknown>
  apiVersion?: string
  created?: number
}) {
  return {
    id: input.id ?? `evt_test_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: input.apiVersion ?? '2026-10-28.endive',
    created: input.created ?? Math.floor(Date.now() / 1000),
    data: { object: input.object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: input.type,
  }
}

/** A Checkout Session object as webhook events carry it. */
export function checkoutSessionObject(input: {
  id: string
  orderId: string
  orderNumber: string
  amountTotal: number
  currency: 'vnd' | 'usd'
  status?: 'open' | 'complete' | 'expired'
  paymentStatus?: 'paid' | 'unpaid'
}) {
  return {
    id: input.id,
    object: 'checkout.session',
    mode: 'payment',
    status: input.status ?? 'complete',
    payment_status: input.paymentStatus ?? 'paid',
    amount_subtotal: input.amountTotal,
    amount_total: input.amountTotal,
    currency: input.currency,
    client_reference_id: input.orderId,
    metadata: { orderId: input.orderId, orderNumber: input.orderNumber },
    livemode: false,
    url: null,
  }
}

/**
 * The raw body and Stripe-Signature header of a delivery, signed by stripe-node's own
 * generateTestHeaderString (so our verification is checked against Stripe's signing scheme).
 */
export function signedEvent(
  payload: unknown,
  secret: string,
  options: { timestamp?: number } = {},
): { body: string; signature: string } {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload)
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
  })
  return { body, signature }
}
