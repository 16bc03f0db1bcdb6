/**
 * The order page's forms: unlocking an order with the phone number it was placed with (on the
 * order page, the number is in the URL; on /orders both are typed), and paying again by card.
 */
import { z } from 'zod'
import { type Messages } from '#app/i18n/vi.ts'
import { parseOrderNumber } from '#app/modules/orders/order-number.ts'
import { isVietnameseMobile } from './phone.ts'

export const UNLOCK_INTENT = 'unlock'
export const PAY_BY_CARD_INTENT = 'pay-by-card'

type LookupMessages = Messages['orders']['lookup']

function phoneField(t: LookupMessages) {
  return z
    .string({ error: t.phoneInvalid })
    .trim()
    .max(30, { error: t.phoneInvalid })
    .refine(isVietnameseMobile, { error: t.phoneInvalid })
}

export function UnlockOrderSchema(t: LookupMessages) {
  return z.object({ phone: phoneField(t) })
}

export function OrderLookupSchema(t: LookupMessages) {
  return z.object({
    number: z
      .string({ error: t.numberInvalid })
      .trim()
      .max(30, { error: t.numberInvalid })
      .transform((value, ctx) => {
        const number = parseOrderNumber(value)
        if (!number) {
          ctx.addIssue({ code: 'custom', message: t.numberInvalid })
          return z.NEVER
        }
        return number
      }),
    phone: phoneField(t),
  })
}
