/**
 * The payments module's entry for checkout and the order page. Adapters (one file per method) sit
 * behind the port in payment-port.ts; card payments exist only when STRIPE_SECRET_KEY is set.
 */
import { type OrderStatus, type PaymentMethod, type Prisma } from '#app/generated/prisma/client.ts'
import { type Locale } from '#app/i18n/locale.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { usdCentsFor } from './amounts.ts'
import { codAdapter } from './cod.server.ts'
import {
  type OrderForPayment,
  type PaymentAdapter,
  type PaymentInstructions,
  type StartedPayment,
  type StripeCheckoutResult,
} from './payment-port.ts'
import { openCheckoutSession, stripeAdapter } from './stripe.server.ts'
import { vietQrAdapter } from './vietqr.server.ts'

const ADAPTERS: Record<PaymentMethod, PaymentAdapter> = {
  COD: codAdapter,
  VIETQR: vietQrAdapter,
  STRIPE: stripeAdapter,
}

/** The methods checkout offers, in display order. */
export function availablePaymentMethods(): PaymentMethod[] {
  return getEnv().STRIPE_SECRET_KEY ? ['COD', 'VIETQR', 'STRIPE'] : ['COD', 'VIETQR']
}

/** The status checkout gives a new order: cash on delivery is placed; the others await payment (and hold stock). */
export function initialOrderStatus(method: PaymentMethod): Extract<OrderStatus, 'PLACED' | 'AWAITING_PAYMENT'> {
  return method === 'COD' ? 'PLACED' : 'AWAITING_PAYMENT'
}

/** An export order's card total in US cents, fixed when it is placed (VND_PER_USD). */
export function exportTotalUsdCents(totalVnd: number): number {
  return usdCentsFor(totalVnd, getEnv().VND_PER_USD)
}

/**
 * Called by checkout inside the transaction that places the order: creates the order's Payment row
 * and says what to do after the commit (for STRIPE: createStripeCheckout, then redirect).
 */
export function startPayment(tx: Prisma.TransactionClient, order: OrderForPayment): Promise<StartedPayment> {
  if (!availablePaymentMethods().includes(order.paymentMethod)) {
    throw new Error(`Payment method ${order.paymentMethod} is not available`)
  }
  return ADAPTERS[order.paymentMethod].start(tx, order)
}

/** What the order page shows about paying (the VietQR code, the card payment's state, cash on delivery). */
export function paymentInstructions(order: OrderForPayment): Promise<PaymentInstructions> {
  return ADAPTERS[order.paymentMethod].instructions(order)
}

/**
 * Opens Stripe Checkout for a card order awaiting payment, OUTSIDE any database transaction: after
 * checkout's commit, and again from the order page's "try paying again". Redirect to `url` when ok;
 * otherwise the order stays AWAITING_PAYMENT and the reason says what to tell the buyer.
 */
export function createStripeCheckout(
  orderId: string,
  options: { origin: string; locale: Locale },
): Promise<StripeCheckoutResult> {
  return openCheckoutSession(orderId, options)
}
