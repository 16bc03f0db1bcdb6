/**
 * Stripe Checkout against tests/fakes/stripe-fake.ts (Stripe's API is unreachable here): every
 * session, idempotent replay and error below comes from the fake, which checks the request shapes
 * the way Stripe documents them. No live Stripe run is involved.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { resetEnvForTests } from '#app/utils/env.server.ts'
import { createTestOrder, createTestProducer, type TestProduct } from '#tests/factories/orders.ts'
import { startStripeFake, type StripeFake } from '#tests/fakes/stripe-fake.ts'
import { ORDER_FOR_PAYMENT_SELECT, type OrderForPayment } from './payment-port.ts'
import {
  availablePaymentMethods,
  createStripeCheckout,
  exportTotalUsdCents,
  paymentInstructions,
  startPayment,
} from './payments.server.ts'
import { checkoutExpiresAt, getStripe, resetStripeForTests, STRIPE_API_VERSION } from './stripe.server.ts'

let fake: StripeFake
let producerId = ''
let products: TestProduct[] = []
const ORIGIN = 'http://localhost:3000'

function useEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  resetEnvForTests()
  resetStripeForTests()
}

beforeAll(async () => {
  fake = await startStripeFake()
  useEnv(fake.env)
  const producer = await createTestProducer({ products: [{ priceVnd: 125_000 }, { priceVnd: 80_000 }] })
  producerId = producer.id
  products = producer.products
})

afterAll(async () => {
  await fake.close()
  useEnv(Object.fromEntries(Object.keys(fake.env).map((key) => [key, undefined])))
})

/** A card order as checkout places it: 2 × 125 000 + 80 000 + 30 000 shipping = 360 000 ₫. */
async function placeCardOrder(options: { usd?: boolean; holdMinutes?: number } = {}): Promise<OrderForPayment> {
  const created = await createTestOrder({
    status: 'AWAITING_PAYMENT',
    paymentMethod: 'STRIPE',
    shipments: [
      {
        producerId,
        lines: [
          { product: products[0]!, quantity: 2 },
          { product: products[1]!, quantity: 1 },
        ],
      },
    ],
  })
  const order = await getDb().order.update({
    where: { id: created.id },
    data: {
      holdExpiresAt: new Date(Date.now() + (options.holdMinutes ?? 60) * 60_000),
      currency: options.usd ? 'USD' : 'VND',
      totalUsdCents: options.usd ? exportTotalUsdCents(360_000) : null,
    },
    select: ORDER_FOR_PAYMENT_SELECT,
  })
  const started = await getDb().$transaction((tx) => startPayment(tx, order))
  expect(started).toMatchObject({ method: 'STRIPE', next: 'stripe-checkout' })
  return order
}

function postsFor(orderId: string) {
  return fake.requests.filter((r) => r.method === 'POST' && r.idempotencyKey?.startsWith(`order:${orderId}:`))
}

function sessionsFor(orderId: string) {
  return [...fake.sessions.values()].filter((s) => s.metadata.orderId === orderId)
}

function paymentsOf(orderId: string) {
  return getDb().payment.findMany({
    where: { orderId },
    orderBy: { createdAt: 'asc' },
    select: { status: true, providerRef: true, amount: true, currency: true },
  })
}

describe('payment methods', () => {
  test('cards are offered only when a Stripe secret key is configured', () => {
    expect(availablePaymentMethods()).toEqual(['COD', 'VIETQR', 'STRIPE'])
    useEnv({ STRIPE_SECRET_KEY: undefined })
    try {
      expect(availablePaymentMethods()).toEqual(['COD', 'VIETQR'])
      expect(getStripe()).toBeNull()
    } finally {
      useEnv(fake.env)
    }
  })

  test('the session lasts as long as the hold, within the 30 min – 24 h Stripe accepts', () => {
    const now = new Date('2026-11-28T03:00:00Z')
    const at = (ms: number) => Math.floor((now.getTime() + ms) / 1000)
    expect(checkoutExpiresAt(new Date(now.getTime() + 2 * 3_600_000), now)).toBe(at(2 * 3_600_000))
    expect(checkoutExpiresAt(new Date(now.getTime() + 5 * 60_000), now)).toBe(at(31 * 60_000))
    expect(checkoutExpiresAt(new Date(now.getTime() + 48 * 3_600_000), now)).toBe(at(24 * 3_600_000 - 60_000))
  })
})

describe('Stripe Checkout (against the fake)', () => {
  test('a VND order: one line for the total in đồng as is, metadata, return URLs, the idempotency key', async () => {
    const order = await placeCardOrder()
    const result = await createStripeCheckout(order.id, { origin: ORIGIN, locale: 'vi' })
    expect(result.ok).toBe(true)

    const [post] = postsFor(order.id)
    expect(post).toBeDefined()
    expect(post!.status).toBe(200)
    expect(post!.idempotencyKey).toBe(`order:${order.id}:checkout:1`)
    expect(post!.stripeVersion).toBe(STRIPE_API_VERSION)
    expect(post!.form).toMatchObject({
      mode: 'payment',
      line_items: [
        {
          quantity: '1',
          price_data: {
            currency: 'vnd',
            // Zero-decimal: 360 000 ₫ is sent as 360000, not 36000000.
            unit_amount: '360000',
            product_data: {
              name: `Đơn hàng ${order.number} – Chợ OCOP`,
              description: '3 sản phẩm OCOP, đã gồm phí vận chuyển',
            },
          },
        },
      ],
      metadata: { orderId: order.id, orderNumber: order.number },
      payment_intent_data: { metadata: { orderId: order.id, orderNumber: order.number } },
      client_reference_id: order.id,
      customer_email: 'nguoi.mua@example.com',
      success_url: `${ORIGIN}/orders/${order.number}?payment=success`,
      cancel_url: `${ORIGIN}/orders/${order.number}?payment=cancelled`,
      expires_at: String(Math.floor(order.holdExpiresAt!.getTime() / 1000)),
      locale: 'vi',
    })

    const [session] = sessionsFor(order.id)
    expect(result).toEqual({ ok: true, url: session!.url })
    expect(session).toMatchObject({ amount_total: 360_000, currency: 'vnd' })
    expect(await paymentsOf(order.id)).toEqual([
      { status: 'PENDING', providerRef: session!.id, amount: 360_000, currency: 'VND' },
    ])
  })

  test('asking again while the session is open returns the same page, without creating another', async () => {
    const order = await placeCardOrder()
    const first = await createStripeCheckout(order.id, { origin: ORIGIN, locale: 'vi' })
    const again = await createStripeCheckout(order.id, { origin: ORIGIN, locale: 'vi' })
    expect(again).toEqual(first)
    expect(postsFor(order.id)).toHaveLength(1)
    expect(sessionsFor(order.id)).toHaveLength(1)
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v1/checkout/sessions/${sessionsFor(order.id)[0]!.id}`,
    })
  })

  test('a USD export order is charged in cents, with English pages', async () => {
    const order = await placeCardOrder({ usd: true })
    expect(order.totalUsdCents).toBe(1385) // ⌈360 000 ₫ ÷ 26 000 ₫/US$⌉ in cents
    const result = await createStripeCheckout(order.id, { origin: ORIGIN, locale: 'en' })
    expect(result.ok).toBe(true)
    expect(postsFor(order.id)[0]!.form).toMatchObject({
      line_items: [
        {
          quantity: '1',
          price_data: {
            currency: 'usd',
            unit_amount: '1385',
            product_data: { name: `Order ${order.number} – OCOP Market` },
          },
        },
      ],
      success_url: `${ORIGIN}/en/orders/${order.number}?payment=success`,
      locale: 'en',
    })
    expect(await paymentsOf(order.id)).toMatchObject([{ amount: 1385, currency: 'USD' }])
  })

  test('a lost answer leaves the order awaiting payment; trying again reuses the key: still one session', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const order = await placeCardOrder()
    // stripe-node retries twice by itself, with the same key: all three answers are lost.
    fake.dropResponses(3)
    const failed = await createStripeCheckout(order.id, { origin: ORIGIN, locale: 'vi' })
    expect(failed).toEqual({ ok: false, reason: 'provider-error' })
    expect((await getDb().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('AWAITING_PAYMENT')
    expect(await paymentsOf(order.id)).toMatchObject([{ status: 'PENDING', providerRef: null }])

    const retried = await createStripeCheckout(order.id, { origin: ORIGIN, locale: 'vi' })
    expect(retried.ok).toBe(true)
    const posts = postsFor(order.id)
    expect(posts.length).toBe(4)
    expect(new Set(posts.map((p) => p.idempotencyKey))).toEqual(new Set([`order:${order.id}:checkout:1`]))
    expect(sessionsFor(order.id)).toHaveLength(1)
    expect(await paymentsOf(order.id)).toMatchObject([{ status: 'PENDING', providerRef: sessionsFor(order.id)[0]!.id }])
  })

  test('the same attempt retried with other parameters is refused by Stripe and moves to attempt 2', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const order = await placeCardOrder()
    fake.dropResponses(3)
    expect((await createStripeCheckout(order.id, { origin: ORIGIN, locale: 'vi' })).ok).toBe(false)
    const english = await createStripeCheckout(order.id, { origin: ORIGIN, locale: 'en' })
    expect(english.ok).toBe(true)

    const posts = postsFor(order.id)
    const refused = posts.find((p) => p.status === 400)
    expect(refused?.idempotencyKey).toBe(`order:${order.id}:checkout:1`)
    expect(posts.at(-1)).toMatchObject({ idempotencyKey: `order:${order.id}:checkout:2`, status: 200 })
    const attempt2 = sessionsFor(order.id).find((s) => s.locale === 'en')!
    expect(await paymentsOf(order.id)).toMatchObject([
      { status: 'FAILED', providerRef: null },
      { status: 'PENDING', providerRef: attempt2.id },
    ])
  })

  test('after the session expired, "try paying again" opens attempt 2', async () => {
    const order = await placeCardOrder()
    await createStripeCheckout(order.id, { origin: ORIGIN, locale: 'vi' })
    const first = sessionsFor(order.id)[0]!
    fake.expireSession(first.id)
    const again = await createStripeCheckout(order.id, { origin: ORIGIN, locale: 'vi' })
    expect(again.ok).toBe(true)
    expect(postsFor(order.id).map((p) => p.idempotencyKey)).toEqual([
      `order:${order.id}:checkout:1`,
      `order:${order.id}:checkout:2`,
    ])
    const second = sessionsFor(order.id).find((s) => s.id !== first.id)!
    expect(again).toEqual({ ok: true, url: second.url })
    expect(await paymentsOf(order.id)).toMatchObject([
      { status: 'FAILED', providerRef: first.id },
      { status: 'PENDING', providerRef: second.id },
    ])
    expect(await paymentInstructions(order)).toMatchObject({ kind: 'stripe', status: 'PENDING', canRetry: true })
  })

  test('a malformed answer is refused by the Zod check; the retry replays the real session', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const order = await placeCardOrder()
    fake.corruptResponses(1)
    expect(await createStripeCheckout(order.id, { origin: ORIGIN, locale: 'vi' })).toEqual({
      ok: false,
      reason: 'provider-error',
    })
    expect(await paymentsOf(order.id)).toMatchObject([{ providerRef: null }])
    expect((await createStripeCheckout(order.id, { origin: ORIGIN, locale: 'vi' })).ok).toBe(true)
    expect(sessionsFor(order.id)).toHaveLength(1)
  })

  test('orders that are paid, held too long or not card orders never reach Stripe', async () => {
    const paid = await placeCardOrder()
    await getDb().order.update({ where: { id: paid.id }, data: { status: 'PAID' } })
    const expired = await placeCardOrder({ holdMinutes: -1 })
    const cod = await createTestOrder({
      paymentMethod: 'COD',
      shipments: [{ producerId, lines: [{ product: products[0]!, quantity: 1 }] }],
    })
    const before = fake.requests.length
    expect(await createStripeCheckout(paid.id, { origin: ORIGIN, locale: 'vi' })).toEqual({
      ok: false,
      reason: 'already-paid',
    })
    expect(await createStripeCheckout(expired.id, { origin: ORIGIN, locale: 'vi' })).toEqual({
      ok: false,
      reason: 'hold-expired',
    })
    expect(await createStripeCheckout(cod.id, { origin: ORIGIN, locale: 'vi' })).toEqual({
      ok: false,
      reason: 'not-payable',
    })
    expect(await createStripeCheckout('no-such-order', { origin: ORIGIN, locale: 'vi' })).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(fake.requests.length).toBe(before)
    expect(await paymentInstructions({ ...expired, holdExpiresAt: expired.holdExpiresAt })).toMatchObject({
      canRetry: false,
    })
  })
})

describe('the fake refuses what Stripe would refuse', () => {
  const valid = () => ({
    mode: 'payment' as const,
    line_items: [
      { quantity: 1, price_data: { currency: 'vnd', unit_amount: 100_000, product_data: { name: 'Đơn hàng' } } },
    ],
    metadata: { orderId: 'o1', orderNumber: 'OC-2611-AAAA' },
    success_url: `${ORIGIN}/orders/OC-2611-AAAA`,
    cancel_url: `${ORIGIN}/orders/OC-2611-AAAA`,
    expires_at: Math.floor(Date.now() / 1000) + 3600,
  })
  const key = () => ({ idempotencyKey: `fake-contract-${Math.random()}` })

  test('bad amounts, currencies, metadata and unknown parameters are 400 invalid_request_error', async () => {
    const stripe = getStripe()!
    const cases = [
      {
        ...valid(),
        line_items: [{ quantity: 1, price_data: { currency: 'vnd', unit_amount: 0, product_data: { name: 'x' } } }],
      },
      {
        ...valid(),
        line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 100, product_data: { name: 'x' } } }],
      },
      {
        ...valid(),
        line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 49, product_data: { name: 'x' } } }],
      },
      { ...valid(), metadata: { orderNumber: 'OC-2611-AAAA' } },
      { ...valid(), success_url: 'javascript:alert(1)' },
      { ...valid(), expires_at: Math.floor(Date.now() / 1000) + 60 },
      { ...valid(), allow_promotion_codes: true },
    ]
    for (const params of cases) {
      await expect(stripe.checkout.sessions.create(params as never, key())).rejects.toMatchObject({
        type: 'StripeInvalidRequestError',
        statusCode: 400,
      })
    }
    // stripe-node adds a key of its own when it may retry; a bare request shows the fake insists on one.
    const bare = await fetch(`${fake.url}/v1/checkout/sessions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${fake.secretKey}`,
        'Stripe-Version': STRIPE_API_VERSION,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'mode=payment',
    })
    expect(bare.status).toBe(400)
    expect(await bare.json()).toMatchObject({ error: { type: 'invalid_request_error', message: /Idempotency-Key/ } })
    const created = await stripe.checkout.sessions.create(valid() as never, key())
    expect(created.id).toMatch(/^cs_test_/)
  })

  test('the same key with the same body replays; with another body it is an idempotency error', async () => {
    const stripe = getStripe()!
    const options = key()
    const first = await stripe.checkout.sessions.create(valid() as never, options)
    const replay = await stripe.checkout.sessions.create(valid() as never, options)
    expect(replay.id).toBe(first.id)
    await expect(
      stripe.checkout.sessions.create({ ...valid(), metadata: { orderId: 'o2', orderNumber: 'x' } } as never, options),
    ).rejects.toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 })
  })
})
