/**
 * The payments port: what checkout and the order page need from a way of paying, whatever it is.
 * One adapter per method (cod.server.ts, vietqr.server.ts, stripe.server.ts); payments.server.ts
 * picks them from the validated environment.
 */
import { type OrderStatus, type PaymentMethod, type PaymentStatus, type Prisma } from '#app/generated/prisma/client.ts'

/** The order fields payments read; checkout passes the order it has just written. */
export type OrderForPayment = {
  id: string
  number: string
  status: OrderStatus
  paymentMethod: PaymentMethod
  /** "VND", or "USD" for export orders paid by card. */
  currency: string
  totalVnd: number
  /** Export orders in USD: the total in cents, fixed when the order was placed. */
  totalUsdCents: number | null
  holdExpiresAt: Date | null
}

/** The Prisma `select` that reads an OrderForPayment. */
export const ORDER_FOR_PAYMENT_SELECT = {
  id: true,
  number: true,
  status: true,
  paymentMethod: true,
  currency: true,
  totalVnd: true,
  totalUsdCents: true,
  holdExpiresAt: true,
} as const satisfies Record<keyof OrderForPayment, true>

/** What startPayment tells checkout to do once the order is committed. */
export type StartedPayment =
  | { method: 'COD'; paymentId: string; next: 'order-page' }
  | { method: 'VIETQR'; paymentId: string; transferNote: string; next: 'order-page' }
  /** Call createStripeCheckout(orderId, …) after the commit and redirect to its url. */
  | { method: 'STRIPE'; paymentId: string; next: 'stripe-checkout' }

/** What the order page shows about paying. */
export type PaymentInstructions =
  | { kind: 'cod'; amountVnd: number }
  | {
      kind: 'vietqr'
      /** PENDING until the office confirms the transfer arrived. */
      status: PaymentStatus
      /** The EMVCo string the QR code encodes (also shown for copying in a banking app). */
      payload: string
      /** The QR code as an SVG document, error correction M. */
      qrSvg: string
      bankName: string
      bin: string
      accountNumber: string
      accountName: string
      amountVnd: number
      transferNote: string
      /** The demo account of the default environment: the page must warn not to transfer. */
      demo: boolean
      holdExpiresAt: Date | null
    }
  | {
      kind: 'stripe'
      /** The latest attempt's status (PENDING while the buyer is on Stripe or nothing was started). */
      status: PaymentStatus
      /** "Try paying again" is offered: the order still awaits payment and its hold has not run out. */
      canRetry: boolean
      amount: number
      /** "VND" or "USD"; `amount` is in đồng or in cents. */
      currency: string
      holdExpiresAt: Date | null
    }

export type StripeCheckoutResult =
  | { ok: true; url: string }
  | {
      ok: false
      /**
       * not-found: no such order · not-payable: not a card order awaiting payment · hold-expired: its
       * hold ran out · already-paid: paid (or Stripe says the session is complete and the webhook is on
       * its way) · provider-error: Stripe failed or answered nonsense: try again later.
       */
      reason: 'not-found' | 'not-payable' | 'hold-expired' | 'already-paid' | 'provider-error'
    }

/** One way of paying. */
export type PaymentAdapter = {
  method: PaymentMethod
  /** Creates the Payment row inside checkout's transaction. */
  start(tx: Prisma.TransactionClient, order: OrderForPayment): Promise<StartedPayment>
  instructions(order: OrderForPayment): Promise<PaymentInstructions>
}
