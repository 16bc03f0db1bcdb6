/**
 * Stripe's webhook deliveries: verified on the raw body, de-duplicated on the event id in the
 * database, and applied in the same transaction as the de-duplication record, so that an event
 * delivered many times (even concurrently) changes things exactly once. Every condition a valid
 * event can bring (an unknown order or session, an unknown type, an order already cancelled) is
 * recorded and answered 200: only a bad signature (400) or our own failure (500, rolled back, so
 * Stripe's retry starts afresh) is anything else.
 */
import Stripe from 'stripe'
import { z } from 'zod'
import { type Prisma } from '#app/generated/prisma/client.ts'
import { transitionOrder } from '#app/modules/orders/order-state.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { paymentMailFor, sendPaymentMails, type PaymentMail } from './payment-mails.server.ts'

/** Seconds a signature stays valid: Stripe's default, against replays of captured deliveries. */
export const WEBHOOK_TOLERANCE_SECONDS = 300

export const REFUND_AFTER_CANCEL_NOTE = 'payment received after cancellation: refund needed'
export const REFUND_DUPLICATE_NOTE = 'second payment received for an order already paid: refund needed'

const EventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  data: z.object({ object: z.unknown() }),
})
type StripeEventData = z.infer<typeof EventSchema>

const SessionSchema = z.object({
  id: z.string().startsWith('cs_'),
  object: z.literal('checkout.session'),
  payment_status: z.string(),
  amount_total: z.int().nullish(),
  currency: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  client_reference_id: z.string().nullish(),
})
type Session = z.infer<typeof SessionSchema>

type Outcome = { duplicate: boolean; mails: PaymentMail[] }

function log(event: StripeEventData, message: string) {
  console.warn(`[stripe-webhook] ${event.id} (${event.type}): ${message}`)
}

function reply(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status })
}

/** The whole delivery: a Response for Stripe. */
export async function handleStripeWebhook(request: Request): Promise<Response> {
  if (request.method !== 'POST') return reply(405, { error: 'Method not allowed' })
  const secret = getEnv().STRIPE_WEBHOOK_SECRET
  if (!secret) {
    console.error('[stripe-webhook] STRIPE_WEBHOOK_SECRET is not set: delivery refused')
    return reply(503, { error: 'Webhook not configured' })
  }
  const signature = request.headers.get('Stripe-Signature')
  const body = await request.text()
  if (!signature) return reply(400, { error: 'Missing Stripe-Signature' })
  let verified: unknown
  try {
    verified = Stripe.webhooks.constructEvent(body, signature, secret, WEBHOOK_TOLERANCE_SECONDS)
  } catch {
    return reply(400, { error: 'Invalid signature' })
  }
  const event = EventSchema.safeParse(verified)
  if (!event.success) return reply(400, { error: 'Malformed event' })

  const outcome = await getDb().$transaction((tx) => recordAndApply(tx, event.data), {
    maxWait: 10_000,
    timeout: 20_000,
  })
  await sendPaymentMails(outcome.mails, new URL(request.url).origin)
  return reply(200, { received: true, duplicate: outcome.duplicate })
}

async function recordAndApply(tx: Prisma.TransactionClient, event: StripeEventData): Promise<Outcome> {
  // A concurrent delivery of the same event waits here on the primary key until this one commits.
  const inserted = await tx.stripeEvent.createMany({
    data: [{ id: event.id, type: event.type }],
    skipDuplicates: true,
  })
  if (inserted.count === 0) {
    const [seen] = await tx.$queryRaw<{ processedAt: Date | null }[]>`
      SELECT "processedAt" FROM "StripeEvent" WHERE "id" = ${event.id} FOR UPDATE`
    if (seen?.processedAt) return { duplicate: true, mails: [] }
  }
  const mails = await apply(tx, event)
  await tx.stripeEvent.update({ where: { id: event.id }, data: { processedAt: new Date() }, select: { id: true } })
  return { duplicate: false, mails }
}

async function apply(tx: Prisma.TransactionClient, event: StripeEventData): Promise<PaymentMail[]> {
  const paid = event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded'
  const failed = event.type === 'checkout.session.expired' || event.type === 'checkout.session.async_payment_failed'
  if (!paid && !failed) {
    log(event, 'recorded, not handled')
    return []
  }
  const session = SessionSchema.safeParse(event.data.object)
  if (!session.success) {
    log(event, `recorded, not a Checkout Session: ${z.prettifyError(session.error)}`)
    return []
  }
  if (failed) {
    await markFailed(tx, event, session.data)
    return []
  }
  if (session.data.payment_status !== 'paid') {
    // A delayed method (bank debit…): async_payment_succeeded or _failed follows.
    log(event, `session ${session.data.id} completed with payment_status ${session.data.payment_status}: waiting`)
    return []
  }
  const mail = await markPaid(tx, event, session.data)
  return mail ? [mail] : []
}

async function markFailed(tx: Prisma.TransactionClient, event: StripeEventData, session: Session) {
  // Only a pending attempt fails: a late "expired" never undoes a payment. The order keeps its hold
  // (the buyer may try again); the hold-expiry job cancels it if nobody pays.
  const changed = await tx.payment.updateMany({
    where: { providerRef: session.id, method: 'STRIPE', status: 'PENDING' },
    data: { status: 'FAILED' },
  })
  if (changed.count === 0) {
    const known = await tx.payment.count({ where: { providerRef: session.id } })
    log(event, known ? `session ${session.id} was no longer pending` : `unknown session ${session.id}: ignored`)
  }
}

async function findOrCreatePayment(tx: Prisma.TransactionClient, event: StripeEventData, session: Session) {
  const select = { id: true, orderId: true, status: true, amount: true, currency: true } as const
  const payment = await tx.payment.findUnique({ where: { providerRef: session.id }, select })
  if (payment) return payment
  // A session we never recorded (its creation's response was lost): the metadata names the order.
  const orderId = session.metadata?.orderId ?? session.client_reference_id
  const order = orderId
    ? await tx.order.findUnique({
        where: { id: orderId },
        select: { id: true, paymentMethod: true, currency: true, totalVnd: true, totalUsdCents: true },
      })
    : null
  if (!order || order.paymentMethod !== 'STRIPE') {
    log(event, `unknown order ${orderId ?? '(no metadata)'} for session ${session.id}: recorded, nothing to do`)
    return null
  }
  const usd = order.currency === 'USD'
  log(event, `session ${session.id} of order ${order.id} was not recorded: adding its payment`)
  return tx.payment.create({
    data: {
      orderId: order.id,
      method: 'STRIPE',
      status: 'PENDING',
      amount: session.amount_total ?? (usd ? (order.totalUsdCents ?? 0) : order.totalVnd),
      currency: (session.currency ?? (usd ? 'usd' : 'vnd')).toUpperCase(),
      providerRef: session.id,
    },
    select,
  })
}

async function markPaid(
  tx: Prisma.TransactionClient,
  event: StripeEventData,
  session: Session,
): Promise<PaymentMail | null> {
  const payment = await findOrCreatePayment(tx, event, session)
  if (!payment) return null
  // Serialises with other events of the same order (an "expired" and a "completed" arriving together).
  await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${payment.orderId} FOR UPDATE`
  if (session.amount_total != null && session.amount_total !== payment.amount) {
    log(event, `session ${session.id} paid ${session.amount_total}, payment expected ${payment.amount}`)
  }
  const succeeded = await tx.payment.updateMany({
    where: { id: payment.id, status: { in: ['PENDING', 'FAILED', 'CANCELLED'] } },
    data: { status: 'SUCCEEDED', confirmedAt: new Date() },
  })
  if (succeeded.count === 0) {
    log(event, `payment of session ${session.id} already ${payment.status}`)
    return null
  }
  const moved = await transitionOrder(tx, {
    orderId: payment.orderId,
    to: 'PAID',
    from: ['AWAITING_PAYMENT'],
    note: `Stripe ${session.id}`,
  })
  const amount = { amount: payment.amount, currency: payment.currency }
  if (moved) return paymentMailFor(tx, payment.orderId, 'paid', amount)

  const order = await tx.order.findUniqueOrThrow({ where: { id: payment.orderId }, select: { status: true } })
  const note = order.status === 'CANCELLED' ? REFUND_AFTER_CANCEL_NOTE : REFUND_DUPLICATE_NOTE
  log(event, `order ${payment.orderId} is ${order.status}: ${note}`)
  await tx.orderEvent.create({
    data: {
      orderId: payment.orderId,
      fromStatus: order.status,
      toStatus: order.status,
      note: `${note} (${session.id})`,
    },
  })
  return order.status === 'CANCELLED' ? paymentMailFor(tx, payment.orderId, 'late', amount) : null
}
