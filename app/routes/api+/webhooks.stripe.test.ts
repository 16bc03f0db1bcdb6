/**
 * The Stripe webhook under duplicate, shuffled and concurrent deliveries, with real Requests through
 * the route's action. Events are signed with stripe-node's own generateTestHeaderString (see
 * tests/fakes/stripe-fake.ts); no live Stripe delivery is involved.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { REFUND_AFTER_CANCEL_NOTE } from '#app/modules/payments/stripe-webhook.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { resetEnvForTests } from '#app/utils/env.server.ts'
import { checkoutSessionObject, signedEvent, stripeEvent } from '#tests/fakes/stripe-fake.ts'
import { TEST_COMMUNE } from '#tests/factories/orders.ts'
import { callRoute } from '#tests/route-call.ts'
import * as webhook from './webhooks.stripe.ts'

const SECRET = `whsec_test_${randomBytes(16).toString('hex')}`
const ORDERS = 500
const ID = 'whk' // prefix of every row this file inserts

beforeAll(() => {
  process.env.STRIPE_WEBHOOK_SECRET = SECRET
  resetEnvForTests()
})

afterAll(() => {
  delete process.env.STRIPE_WEBHOOK_SECRET
  resetEnvForTests()
})

/** A small seeded generator: the shuffle is the same on every run (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle<T>(items: T[], next: () => number): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const orderId = (i: number) => `${ID}-order-${i}`
const sessionId = (i: number) => `cs_test_${ID}_${i}`
const number = (i: number) => `OC-9912-${[3, 2, 1, 0].map((p) => ALPHABET[Math.floor(i / 32 ** p) % 32]).join('')}`
const email = (i: number) => `buyer-${i}@${ID}.example`
const total = (i: number) => 130_000 + i * 1_000

/** Index ranges of the 500 orders, by what their events do. */
const GROUPS = {
  paid: [0, 200], // checkout.session.completed, payment_status paid
  unpaid: [200, 210], // completed, payment_status unpaid (a delayed method): nothing yet
  asyncPaid: [210, 230], // checkout.session.async_payment_succeeded
  expired: [230, 290], // checkout.session.expired
  asyncFailed: [290, 310], // checkout.session.async_payment_failed
  expiredThenPaid: [310, 350], // both an expired and a completed event, delivered in any order
  cancelled: [350, 380], // completed for an order the hold-expiry job already cancelled
  untouched: [380, 500], // no event
} as const
type Group = keyof typeof GROUPS
const indexes = (group: Group) => {
  const [from, to] = GROUPS[group]
  return Array.from({ length: to - from }, (_, k) => from + k)
}

async function insertOrders() {
  const db = getDb()
  const cancelled = new Set(indexes('cancelled'))
  const all = Array.from({ length: ORDERS }, (_, i) => i)
  await db.order.createMany({
    data: all.map((i) => ({
      id: orderId(i),
      number: number(i),
      status: cancelled.has(i) ? ('CANCELLED' as const) : ('AWAITING_PAYMENT' as const),
      paymentMethod: 'STRIPE' as const,
      contactName: `Người mua ${i}`,
      phone: '0912345678',
      email: email(i),
      provinceCode: TEST_COMMUNE.provinceCode,
      communeCode: TEST_COMMUNE.code,
      street: 'Số 1 phố Thử',
      subtotalVnd: total(i) - 30_000,
      shippingVnd: 30_000,
      totalVnd: total(i),
      holdExpiresAt: cancelled.has(i) ? null : new Date(Date.now() + 3_600_000),
    })),
  })
  await db.payment.createMany({
    data: all.map((i) => ({
      id: `${ID}-payment-${i}`,
      orderId: orderId(i),
      method: 'STRIPE' as const,
      // Half the cancelled orders also had their payment cancelled by the hold-expiry job.
      status: cancelled.has(i) && i % 2 === 0 ? ('CANCELLED' as const) : ('PENDING' as const),
      amount: total(i),
      currency: 'VND',
      providerRef: sessionId(i),
    })),
  })
}

function sessionEvent(type: string, i: number, paymentStatus: 'paid' | 'unpaid' = 'paid') {
  return stripeEvent({
    type,
    object: checkoutSessionObject({
      id: sessionId(i),
      orderId: orderId(i),
      orderNumber: number(i),
      amountTotal: total(i),
      currency: 'vnd',
      status: type === 'checkout.session.expired' ? 'expired' : 'complete',
      paymentStatus,
    }),
  })
}

type Event = ReturnType<typeof stripeEvent>

function buildEvents(): Event[] {
  const events: Event[] = [
    ...indexes('paid').map((i) => sessionEvent('checkout.session.completed', i)),
    ...indexes('unpaid').map((i) => sessionEvent('checkout.session.completed', i, 'unpaid')),
    ...indexes('asyncPaid').map((i) => sessionEvent('checkout.session.async_payment_succeeded', i)),
    ...indexes('expired').map((i) => sessionEvent('checkout.session.expired', i, 'unpaid')),
    ...indexes('asyncFailed').map((i) => sessionEvent('checkout.session.async_payment_failed', i, 'unpaid')),
    ...indexes('expiredThenPaid').flatMap((i) => [
      sessionEvent('checkout.session.expired', i, 'unpaid'),
      sessionEvent('checkout.session.completed', i),
    ]),
    ...indexes('cancelled').map((i) => sessionEvent('checkout.session.completed', i)),
  ]
  // Types this endpoint does not handle: recorded, answered 200.
  for (let k = 0; k < 40; k++) {
    const type = ['payment_intent.succeeded', 'charge.succeeded', 'customer.created', 'invoice.paid'][k % 4]!
    events.push(stripeEvent({ type, object: { id: `obj_${ID}_${k}`, object: type.split('.')[0]! } }))
  }
  // Sessions and orders we never heard of (another integration on the same account, a test event…).
  for (let k = 0; k < 40; k++) {
    const unknown = checkoutSessionObject({
      id: `cs_test_${ID}_unknown_${k}`,
      orderId: `${ID}-no-such-order-${k}`,
      orderNumber: 'OC-9912-ZZZZ',
      amountTotal: 99_000,
      currency: 'vnd',
    })
    const object = k % 4 === 3 ? { ...unknown, metadata: {}, client_reference_id: null } : unknown
    events.push(stripeEvent({ type: k % 4 === 2 ? 'checkout.session.expired' : 'checkout.session.completed', object }))
  }
  return events
}

function webhookRequest(body: string, signature: string | null): Request {
  const headers = new Headers({ 'Content-Type': 'application/json; charset=utf-8' })
  if (signature) headers.set('Stripe-Signature', signature)
  return new Request('http://localhost:3000/api/webhooks/stripe', { method: 'POST', headers, body })
}

async function deliver(body: string, signature: string | null) {
  const outcome = await callRoute(webhook.action, webhookRequest(body, signature))
  return { status: outcome.status, body: JSON.parse(String(outcome.body)) as { duplicate?: boolean } }
}

/** Everything the webhook could change, for the rows of this file. */
async function snapshot() {
  const db = getDb()
  const [orders, payments, events, stripeEvents, mails] = await Promise.all([
    db.order.findMany({ where: { id: { startsWith: ID } }, select: { id: true, status: true, paidAt: true } }),
    db.payment.findMany({
      where: { orderId: { startsWith: ID } },
      select: { id: true, status: true, providerRef: true },
    }),
    db.orderEvent.count({ where: { orderId: { startsWith: ID } } }),
    db.stripeEvent.count(),
    db.mailMessage.count({ where: { to: { endsWith: `@${ID}.example` } } }),
  ])
  return { orders, payments, events, stripeEvents, mails }
}

async function inChunks<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let at = 0; at < items.length; at += size)
    results.push(...(await Promise.all(items.slice(at, at + size).map(run))))
  return results
}

describe('POST /api/webhooks/stripe', () => {
  test('500 events, each delivered 3 times shuffled and partly concurrently: every effect happens once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await insertOrders()
    const events = buildEvents()
    expect(events).toHaveLength(500)
    expect(new Set(events.map((e) => e.id)).size).toBe(500)
    const before = await snapshot()

    // 1. Forged, tampered, stale and unsigned deliveries of every event: all 400, nothing changes.
    const bad = events.flatMap((event) => {
      const body = JSON.stringify(event)
      const stale = Math.floor(Date.now() / 1000) - 301 - 60
      return [
        {
          kind: 'tampered',
          body: body.replace('"livemode":false', '"livemode":true '),
          signature: signedEvent(body, SECRET).signature,
        },
        {
          kind: 'wrong secret',
          body,
          signature: signedEvent(body, `whsec_${randomBytes(16).toString('hex')}`).signature,
        },
        { kind: 'stale', body, signature: signedEvent(body, SECRET, { timestamp: stale }).signature },
        { kind: 'unsigned', body, signature: null },
      ]
    })
    const refused = await inChunks(bad, 100, async (d) => ({ kind: d.kind, ...(await deliver(d.body, d.signature)) }))
    expect(refused).toHaveLength(2000)
    expect(refused.filter((r) => r.status !== 400)).toEqual([])
    expect(await snapshot()).toEqual(before)

    // 2. Every event three times, shuffled, 25 deliveries at a time; Stripe signs each delivery anew.
    const next = random(20261128)
    const deliveries = shuffle(
      events.flatMap((event) => [event, event, event]),
      next,
    )
    let concurrentDuplicates = 0
    for (let at = 0; at < deliveries.length; at += 25) {
      const chunk = deliveries.slice(at, at + 25)
      concurrentDuplicates += chunk.length - new Set(chunk.map((e) => e.id)).size
    }
    expect(concurrentDuplicates).toBeGreaterThan(0)
    const answers = await inChunks(deliveries, 25, (event) => {
      const { body, signature } = signedEvent(event, SECRET)
      return deliver(body, signature)
    })
    expect(answers.filter((a) => a.status !== 200)).toEqual([])
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(500)
    expect(answers.filter((a) => a.body.duplicate === true)).toHaveLength(1000)

    // 3. The effects, each exactly once.
    const db = getDb()
    const stripeEvents = await db.stripeEvent.findMany({
      where: { id: { in: events.map((e) => e.id) } },
      select: { id: true, type: true, processedAt: true },
    })
    expect(stripeEvents).toHaveLength(500)
    expect((await db.stripeEvent.count()) - before.stripeEvents).toBe(500)
    expect(new Set(stripeEvents.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)))
    expect(stripeEvents.every((e) => e.processedAt !== null)).toBe(true)

    const after = await snapshot()
    const orderStatus = new Map(after.orders.map((o) => [o.id, o]))
    const paymentStatus = new Map(after.payments.map((p) => [p.providerRef, p.status]))
    const expectGroup = (group: Group, order: string, payment: string) => {
      for (const i of indexes(group)) {
        expect({ i, order: orderStatus.get(orderId(i))?.status, payment: paymentStatus.get(sessionId(i)) }).toEqual({
          i,
          order,
          payment,
        })
      }
    }
    expectGroup('paid', 'PAID', 'SUCCEEDED')
    expectGroup('asyncPaid', 'PAID', 'SUCCEEDED')
    expectGroup('expiredThenPaid', 'PAID', 'SUCCEEDED')
    expectGroup('unpaid', 'AWAITING_PAYMENT', 'PENDING')
    expectGroup('expired', 'AWAITING_PAYMENT', 'FAILED')
    expectGroup('asyncFailed', 'AWAITING_PAYMENT', 'FAILED')
    expectGroup('cancelled', 'CANCELLED', 'SUCCEEDED')
    expectGroup('untouched', 'AWAITING_PAYMENT', 'PENDING')
    // No payment was invented for the unknown sessions.
    expect(after.payments).toHaveLength(ORDERS)

    const paidOrders = [...indexes('paid'), ...indexes('asyncPaid'), ...indexes('expiredThenPaid')]
    const paidHold = await db.order.findMany({
      where: { id: { in: paidOrders.map(orderId) } },
      select: { paidAt: true, holdExpiresAt: true },
    })
    expect(paidHold.every((o) => o.paidAt !== null && o.holdExpiresAt === null)).toBe(true)

    const orderEvents = await db.orderEvent.findMany({
      where: { orderId: { startsWith: ID } },
      select: { orderId: true, fromStatus: true, toStatus: true, note: true },
    })
    expect(orderEvents).toHaveLength(paidOrders.length + indexes('cancelled').length)
    const perOrder = new Map<string, typeof orderEvents>()
    for (const e of orderEvents) perOrder.set(e.orderId, [...(perOrder.get(e.orderId) ?? []), e])
    for (const i of paidOrders) {
      expect(perOrder.get(orderId(i))).toEqual([
        { orderId: orderId(i), fromStatus: 'AWAITING_PAYMENT', toStatus: 'PAID', note: `Stripe ${sessionId(i)}` },
      ])
    }
    for (const i of indexes('cancelled')) {
      const [only, ...rest] = perOrder.get(orderId(i)) ?? []
      expect(rest).toEqual([])
      expect(only).toMatchObject({ fromStatus: 'CANCELLED', toStatus: 'CANCELLED' })
      expect(only?.note).toContain(REFUND_AFTER_CANCEL_NOTE)
    }

    const mails = await db.mailMessage.findMany({
      where: { to: { endsWith: `@${ID}.example` } },
      select: { to: true, subject: true, text: true },
    })
    expect(mails).toHaveLength(paidOrders.length + indexes('cancelled').length)
    const mailsTo = new Map<string, typeof mails>()
    for (const m of mails) mailsTo.set(m.to, [...(mailsTo.get(m.to) ?? []), m])
    for (const i of paidOrders) {
      const [mail, ...extra] = mailsTo.get(email(i)) ?? []
      expect(extra).toEqual([])
      // A guest's locale is unknown: Vietnamese and English in one message.
      expect(mail?.subject).toBe(
        `Chợ OCOP đã nhận thanh toán đơn hàng ${number(i)} / OCOP Market received the payment for order ${number(i)}`,
      )
      expect(mail?.text).toContain(`http://localhost:3000/orders/${number(i)}`)
      expect(mail?.text).toContain(`http://localhost:3000/en/orders/${number(i)}`)
    }
    for (const i of indexes('cancelled')) {
      expect(mailsTo.get(email(i))?.map((m) => m.subject.split(' / ')[0])).toEqual([
        `Đơn hàng ${number(i)}: đã nhận tiền sau khi đơn bị hủy`,
      ])
    }

    const logged = warn.mock.calls.map((call) => String(call[0]))
    expect(logged.filter((line) => line.includes('unknown order'))).toHaveLength(30)
    expect(logged.filter((line) => line.includes('unknown session'))).toHaveLength(10)
  }, 180_000)

  test('a paid session we never recorded (its creation answer was lost) still pays its order', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const db = getDb()
    await db.order.create({
      data: {
        id: `${ID}-orphan`,
        number: 'OC-9911-2222',
        status: 'AWAITING_PAYMENT',
        paymentMethod: 'STRIPE',
        contactName: 'Trần Văn An',
        phone: '0912345678',
        email: `orphan@${ID}.example`,
        provinceCode: TEST_COMMUNE.provinceCode,
        communeCode: TEST_COMMUNE.code,
        street: 'Số 2 phố Thử',
        subtotalVnd: 200_000,
        shippingVnd: 30_000,
        totalVnd: 230_000,
        payments: { create: { method: 'STRIPE', status: 'PENDING', amount: 230_000, currency: 'VND' } },
      },
    })
    const event = stripeEvent({
      type: 'checkout.session.completed',
      object: checkoutSessionObject({
        id: 'cs_test_orphan',
        orderId: `${ID}-orphan`,
        orderNumber: 'OC-9911-2222',
        amountTotal: 230_000,
        currency: 'vnd',
      }),
    })
    const { body, signature } = signedEvent(event, SECRET)
    expect((await deliver(body, signature)).status).toBe(200)
    expect(await db.order.findUniqueOrThrow({ where: { id: `${ID}-orphan` }, select: { status: true } })).toEqual({
      status: 'PAID',
    })
    expect(
      await db.payment.findMany({
        where: { orderId: `${ID}-orphan` },
        orderBy: { createdAt: 'asc' },
        select: { status: true, providerRef: true, amount: true },
      }),
    ).toEqual([
      { status: 'PENDING', providerRef: null, amount: 230_000 },
      { status: 'SUCCEEDED', providerRef: 'cs_test_orphan', amount: 230_000 },
    ])
  })

  test('without a configured secret every delivery is refused; GET is not allowed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const event = stripeEvent({ type: 'customer.created', object: { id: 'cus_1', object: 'customer' } })
    const { body, signature } = signedEvent(event, SECRET)
    delete process.env.STRIPE_WEBHOOK_SECRET
    resetEnvForTests()
    try {
      expect((await deliver(body, signature)).status).toBe(503)
    } finally {
      process.env.STRIPE_WEBHOOK_SECRET = SECRET
      resetEnvForTests()
    }
    expect(await getDb().stripeEvent.findUnique({ where: { id: event.id } })).toBeNull()
    expect(webhook.loader().status).toBe(405)
  })
})
