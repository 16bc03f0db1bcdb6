/**
 * Card payments through Stripe Checkout: the client (from validated env), the Checkout Session
 * calls with their responses checked by Zod, and the adapter behind the payments port.
 *
 * One line item for the whole order total (goods and shipping) rather than one per order line: the
 * buyer already saw the lines on our checkout page, the total then matches the order to the đồng
 * (or cent, for export orders converted once at placing time, where per-line rounding would not add
 * up), and a 50-line order still gives a short Stripe page.
 *
 * The Checkout Session is created outside checkout's database transaction (a network call must never
 * hold row locks), with the idempotency key `order:<orderId>:checkout:<attempt>`: retrying the same
 * attempt (a timeout, a double click, "try paying again" after an error) can never create a second
 * session. A new attempt (a new Payment row) starts only when the previous session expired or failed.
 */
import Stripe from 'stripe'
import { z } from 'zod'
import { type PaymentStatus, type Prisma } from '#app/generated/prisma/client.ts'
import { localePath, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { stripeCurrency } from './amounts.ts'
import { type OrderForPayment, type PaymentAdapter, type StripeCheckoutResult } from './payment-port.ts'

/** The API version stripe 23.1.0 is typed for (its `ApiVersion`); webhook payloads follow the account's. */
export const STRIPE_API_VERSION = '2026-10-28.endive' satisfies Stripe.LatestApiVersion

let client: Stripe | null | undefined

/** The Stripe client, or null when STRIPE_SECRET_KEY is unset (card payments are then not offered). */
export function getStripe(): Stripe | null {
  if (client === undefined) {
    const env = getEnv()
    client = env.STRIPE_SECRET_KEY
      ? new Stripe(env.STRIPE_SECRET_KEY, {
          apiVersion: STRIPE_API_VERSION,
          maxNetworkRetries: 2,
          timeout: 20_000,
          telemetry: false,
          ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
          ...(env.STRIPE_API_PORT ? { port: env.STRIPE_API_PORT } : {}),
          ...(env.STRIPE_API_PROTOCOL ? { protocol: env.STRIPE_API_PROTOCOL } : {}),
        })
      : null
  }
  return client
}

/** Tests that change the Stripe env call this (after resetEnvForTests) so the client is rebuilt. */
export function resetStripeForTests(): void {
  client = undefined
}

export const CheckoutSessionSchema = z.object({
  id: z.string().startsWith('cs_'),
  object: z.literal('checkout.session'),
  url: z.url().nullable(),
  status: z.enum(['open', 'complete', 'expired']).nullable(),
  payment_status: z.enum(['paid', 'unpaid', 'no_payment_required']),
  amount_total: z.int().nullable(),
  currency: z.string().nullable(),
  metadata: z.record(z.string(), z.string()).nullable(),
  client_reference_id: z.string().nullable(),
  expires_at: z.int(),
})
export type CheckoutSession = z.infer<typeof CheckoutSessionSchema>

export class StripeResponseError extends Error {
  override name = 'StripeResponseError'
}

function parseSession(response: unknown): CheckoutSession {
  const parsed = CheckoutSessionSchema.safeParse(response)
  if (!parsed.success) {
    throw new StripeResponseError(`Unexpected Checkout Session from Stripe: ${z.prettifyError(parsed.error)}`)
  }
  return parsed.data
}

function requireStripe(): Stripe {
  const stripe = getStripe()
  if (!stripe) throw new Error('Stripe is not configured (STRIPE_SECRET_KEY is unset)')
  return stripe
}

export function checkoutIdempotencyKey(orderId: string, attempt: number): string {
  return `order:${orderId}:checkout:${attempt}`
}

const MINUTE = 60_000
// Stripe accepts expires_at from 30 minutes to 24 hours ahead; a minute of margin on both sides.
const SESSION_MIN_MS = 31 * MINUTE
const SESSION_MAX_MS = 24 * 60 * MINUTE - MINUTE

/** The session ends with the order's hold, within the window Stripe accepts (Unix seconds). */
export function checkoutExpiresAt(holdExpiresAt: Date | null, now: Date): number {
  const min = Math.ceil((now.getTime() + SESSION_MIN_MS) / MINUTE) * MINUTE
  const max = Math.floor((now.getTime() + SESSION_MAX_MS) / MINUTE) * MINUTE
  const target = holdExpiresAt?.getTime() ?? max
  return Math.floor(Math.min(Math.max(target, min), max) / 1000)
}

export type CheckoutSessionInput = {
  orderId: string
  orderNumber: string
  attempt: number
  /** In the currency's smallest unit: đồng as they are (VND has no minor unit), cents for USD. */
  amount: number
  currency: 'vnd' | 'usd'
  lineName: string
  lineDescription: string
  successUrl: string
  cancelUrl: string
  expiresAt: number
  locale: Locale
  customerEmail: string | null
}

export async function createCheckoutSession(input: CheckoutSessionInput): Promise<CheckoutSession> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new Error('The amount must be a positive integer')
  const metadata = { orderId: input.orderId, orderNumber: input.orderNumber }
  const session = await requireStripe().checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: input.currency,
            unit_amount: input.amount,
            product_data: { name: input.lineName, description: input.lineDescription },
          },
        },
      ],
      metadata,
      // Also on the PaymentIntent, so the order is visible where refunds are made in the dashboard.
      payment_intent_data: { metadata },
      client_reference_id: input.orderId,
      ...(input.customerEmail ? { customer_email: input.customerEmail } : {}),
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
      expires_at: input.expiresAt,
      locale: input.locale,
    },
    { idempotencyKey: checkoutIdempotencyKey(input.orderId, input.attempt) },
  )
  return parseSession(session)
}

export async function retrieveCheckoutSession(sessionId: string): Promise<CheckoutSession> {
  return parseSession(await requireStripe().checkout.sessions.retrieve(sessionId))
}

// ───────────── Attempts (one Payment row each) ─────────────

type Attempt = {
  id: string
  number: number
  status: PaymentStatus
  providerRef: string | null
  amount: number
  currency: string
}

type Db = Prisma.TransactionClient | ReturnType<typeof getDb>

async function latestAttempt(db: Db, orderId: string): Promise<Attempt | null> {
  const payments = await db.payment.findMany({
    where: { orderId, method: 'STRIPE' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, status: true, providerRef: true, amount: true, currency: true },
  })
  const latest = payments.at(-1)
  return latest ? { ...latest, number: payments.length } : null
}

function stripeAmount(order: Pick<OrderForPayment, 'currency' | 'totalVnd' | 'totalUsdCents'>) {
  const currency = stripeCurrency(order.currency)
  if (currency === 'vnd') return { amount: order.totalVnd, currency: 'VND' }
  if (!order.totalUsdCents || order.totalUsdCents <= 0) throw new Error('A USD order needs its totalUsdCents')
  return { amount: order.totalUsdCents, currency: 'USD' }
}

/**
 * The attempt to pay with now: the latest one, unless it is `stale` (its session expired, failed or
 * was created with other parameters), in which case it is marked FAILED and the next one is added.
 * The order row is locked so two clicks cannot both add an attempt.
 */
async function nextAttempt(
  order: Pick<OrderForPayment, 'id' | 'currency' | 'totalVnd' | 'totalUsdCents'>,
  stale: string | null,
): Promise<Attempt> {
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${order.id} FOR UPDATE`
    const latest = await latestAttempt(tx, order.id)
    if (latest && latest.id !== stale) return latest
    if (stale) await tx.payment.updateMany({ where: { id: stale, status: 'PENDING' }, data: { status: 'FAILED' } })
    const created = await tx.payment.create({
      data: { orderId: order.id, method: 'STRIPE', status: 'PENDING', ...stripeAmount(order) },
      select: { id: true, status: true, providerRef: true, amount: true, currency: true },
    })
    return { ...created, number: (latest?.number ?? 0) + 1 }
  })
}

const PAID_STATUSES = new Set(['PAID', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'REFUNDED'])

/**
 * Opens (or reopens) the Stripe Checkout page of a card order awaiting payment: the url to redirect
 * the buyer to. Called after the order is committed, and again by "try paying again".
 */
export async function openCheckoutSession(
  orderId: string,
  options: { origin: string; locale: Locale; now?: Date },
): Promise<StripeCheckoutResult> {
  const now = options.now ?? new Date()
  if (!getStripe()) return { ok: false, reason: 'not-payable' }
  const order = await getDb().order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      status: true,
      paymentMethod: true,
      currency: true,
      totalVnd: true,
      totalUsdCents: true,
      holdExpiresAt: true,
      email: true,
      lines: { select: { quantity: true } },
    },
  })
  if (!order) return { ok: false, reason: 'not-found' }
  if (PAID_STATUSES.has(order.status)) return { ok: false, reason: 'already-paid' }
  if (order.paymentMethod !== 'STRIPE' || order.status !== 'AWAITING_PAYMENT')
    return { ok: false, reason: 'not-payable' }
  if (order.holdExpiresAt && order.holdExpiresAt <= now) return { ok: false, reason: 'hold-expired' }

  const t = messagesFor(options.locale).payments.stripe
  const orderPath = options.origin + localePath(options.locale, `/orders/${order.number}`)
  const items = order.lines.reduce((sum, line) => sum + line.quantity, 0)
  let attempt = (await latestAttempt(getDb(), order.id)) ?? (await nextAttempt(order, null))
  // A few rounds at most: each moves on from an attempt that can no longer be paid.
  for (let round = 0; round < 3; round++) {
    if (attempt.status === 'SUCCEEDED' || attempt.status === 'REFUNDED') return { ok: false, reason: 'already-paid' }
    if (attempt.status !== 'PENDING') {
      attempt = await nextAttempt(order, attempt.id)
      continue
    }
    try {
      if (attempt.providerRef) {
        const session = await retrieveCheckoutSession(attempt.providerRef)
        if (session.status === 'open' && session.url) return { ok: true, url: session.url }
        if (session.status === 'complete') return { ok: false, reason: 'already-paid' }
        attempt = await nextAttempt(order, attempt.id)
        continue
      }
      const session = await createCheckoutSession({
        orderId: order.id,
        orderNumber: order.number,
        attempt: attempt.number,
        amount: attempt.amount,
        currency: stripeCurrency(attempt.currency),
        lineName: t.lineName(order.number),
        lineDescription: t.lineDescription(items),
        successUrl: `${orderPath}?payment=success`,
        cancelUrl: `${orderPath}?payment=cancelled`,
        expiresAt: checkoutExpiresAt(order.holdExpiresAt, now),
        locale: options.locale,
        customerEmail: order.email,
      })
      await getDb().payment.updateMany({
        where: { id: attempt.id, providerRef: null },
        data: { providerRef: session.id },
      })
      if (session.status !== 'open' || !session.url) throw new StripeResponseError(`Session ${session.id} is not open`)
      return { ok: true, url: session.url }
    } catch (error) {
      if (error instanceof Stripe.errors.StripeIdempotencyError) {
        // This attempt's key was first used with other parameters (another language, another hold):
        // its session, if Stripe made one, was never shown to the buyer. Move on to the next attempt.
        console.warn(`[stripe] order ${order.number}: attempt ${attempt.number} reused with new parameters`)
        attempt = await nextAttempt(order, attempt.id)
        continue
      }
      console.error(`[stripe] order ${order.number}: could not open Checkout (attempt ${attempt.number})`, error)
      return { ok: false, reason: 'provider-error' }
    }
  }
  return { ok: false, reason: 'provider-error' }
}

// ───────────── The adapter ─────────────

export const stripeAdapter: PaymentAdapter = {
  method: 'STRIPE',
  async start(tx, order) {
    const payment = await tx.payment.create({
      data: { orderId: order.id, method: 'STRIPE', status: 'PENDING', ...stripeAmount(order) },
      select: { id: true },
    })
    return { method: 'STRIPE', paymentId: payment.id, next: 'stripe-checkout' }
  },
  async instructions(order) {
    const latest = await latestAttempt(getDb(), order.id)
    const { amount, currency } = latest ?? stripeAmount(order)
    const status = latest?.status ?? 'PENDING'
    const holdOpen = !order.holdExpiresAt || order.holdExpiresAt > new Date()
    return {
      kind: 'stripe',
      status,
      canRetry: order.status === 'AWAITING_PAYMENT' && holdOpen && status !== 'SUCCEEDED' && !!getStripe(),
      amount,
      currency,
      holdExpiresAt: order.holdExpiresAt,
    }
  },
}
