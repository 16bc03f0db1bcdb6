/**
 * What the checkout page shows before the order is placed: the cart priced for the chosen province
 * and payment method (fees per producer parcel, the COD fee), the address choices and the values
 * to start the form with. Placing itself is place-order.server.ts.
 */
import { type z } from 'zod'
import { type PaymentMethod } from '#app/generated/prisma/client.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { priceCart, type PricedCart } from '#app/modules/cart/cart-pricing.server.ts'
import { type Place } from '#app/modules/checkout/shipping.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type CheckoutValues } from './checkout-schema.ts'
import { provinceExists, provinceOfCommune } from './places.server.ts'

/** The cart priced for delivery to a province (the zone depends on the province only). */
export async function priceCheckoutCart(
  cartId: string | null,
  options: { provinceCode: string | null; paymentMethod: PaymentMethod },
): Promise<PricedCart> {
  const db = getDb()
  const [lines, province] = await Promise.all([
    cartId
      ? db.cartLine.findMany({
          where: { cartId },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { productId: true, quantity: true, seenPriceVnd: true },
        })
      : [],
    options.provinceCode
      ? db.province.findUnique({ where: { code: options.provinceCode }, select: { code: true, regionSlug: true } })
      : null,
  ])
  const to: Place | null = province ? { provinceCode: province.code, regionSlug: province.regionSlug } : null
  return priceCart(db, lines, { to, cashOnDelivery: options.paymentMethod === 'COD' })
}

/** Sold out, short or withdrawn lines: placing would be refused (a changed price is not a problem). */
export function hasStockProblems(cart: PricedCart): boolean {
  return cart.groups.some((g) => g.lines.some((l) => l.problems.some((p) => p !== 'price-changed')))
}

/** Where a logged-in buyer last had an order delivered, to start the form with. */
export async function lastDeliveryOf(userId: string) {
  const [order, user] = await Promise.all([
    getDb().order.findFirst({
      where: { userId },
      orderBy: { placedAt: 'desc' },
      select: { contactName: true, phone: true, provinceCode: true, communeCode: true, street: true },
    }),
    getDb().user.findUnique({ where: { id: userId }, select: { phone: true } }),
  ])
  return { order, phone: order?.phone ?? user?.phone ?? null }
}

/**
 * The database checks of the checkout form: the province and commune exist and agree, and the
 * payment method is offered now. Tampered posts get field errors in the user's language.
 */
export function checkoutServerChecks(t: Messages['checkout']['errors'], offered: readonly PaymentMethod[]) {
  return async (value: CheckoutValues, ctx: z.RefinementCtx) => {
    const [communeProvince, provinceKnown] = await Promise.all([
      provinceOfCommune(value.communeCode),
      provinceExists(value.province),
    ])
    if (!provinceKnown) ctx.addIssue({ code: 'custom', path: ['province'], message: t.provinceUnknown })
    if (communeProvince === null) {
      ctx.addIssue({ code: 'custom', path: ['communeCode'], message: t.communeUnknown })
    } else if (communeProvince !== value.province) {
      ctx.addIssue({ code: 'custom', path: ['communeCode'], message: t.communeOtherProvince })
    }
    if (!offered.includes(value.paymentMethod)) {
      ctx.addIssue({ code: 'custom', path: ['paymentMethod'], message: t.paymentNotOffered })
    }
  }
}
