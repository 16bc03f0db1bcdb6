/**
 * How long an unpaid online order keeps its stock. A card payment happens on Stripe's page within
 * minutes; a VietQR bank transfer is made from the buyer's banking app, sometimes the next morning,
 * and is matched by hand. After the hold the `order-hold-expiry` job cancels the order and releases
 * the stock (docs/checkout.md). Cash on delivery has no hold: the order is placed at once.
 */
export const HOLD_MINUTES = { STRIPE: 30, VIETQR: 24 * 60 } as const

export type OnlinePaymentMethod = keyof typeof HOLD_MINUTES

export function isOnlinePayment(method: string): method is OnlinePaymentMethod {
  return method === 'STRIPE' || method === 'VIETQR'
}

/** When the hold of an order placed at `placedAt` ends, or null for cash on delivery. */
export function holdExpiresAt(method: string, placedAt: Date): Date | null {
  return isOnlinePayment(method) ? new Date(placedAt.getTime() + HOLD_MINUTES[method] * 60_000) : null
}
