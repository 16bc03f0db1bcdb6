/**
 * The checkout form: one schema for Conform in the browser and for the action, messages in the
 * user's language. The action adds the database checks (the commune belongs to the province, the
 * payment method is offered) through `serverChecks`.
 */
import { z } from 'zod'
import { type Messages } from '#app/i18n/vi.ts'
import { isVietnameseMobile, normalizePhone } from './phone.ts'

export const NAME_MAX = 100
export const STREET_MAX = 200
export const NOTE_MAX = 500
export const PAYMENT_METHODS = ['COD', 'VIETQR', 'STRIPE'] as const
export type CheckoutPaymentMethod = (typeof PAYMENT_METHODS)[number]

/** The province field, also the query parameter the page is reloaded with (`?province=01`). */
export const PROVINCE_FIELD = 'province'
/** The payment choice in the query, for the summary's fees (`?payment=VIETQR`). */
export const PAYMENT_FIELD = 'paymentMethod'

export type CheckoutValues = {
  name: string
  phone: string
  email?: string
  province: string
  communeCode: string
  street: string
  note?: string
  paymentMethod: CheckoutPaymentMethod
  checkoutKey: string
}

type CheckoutErrors = Messages['checkout']['errors']

export function CheckoutSchema(
  t: CheckoutErrors,
  serverChecks?: (value: CheckoutValues, ctx: z.RefinementCtx) => Promise<void>,
) {
  const schema = z.object({
    name: z
      .string({ error: t.nameRequired })
      .trim()
      .min(1, { error: t.nameRequired })
      .max(NAME_MAX, { error: t.nameTooLong(NAME_MAX) }),
    phone: z
      .string({ error: t.phoneRequired })
      .trim()
      .refine(isVietnameseMobile, { error: t.phoneInvalid })
      .transform((value) => normalizePhone(value) ?? value),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: t.emailInvalid }).max(254, { error: t.emailInvalid }))
      .optional(),
    [PROVINCE_FIELD]: z.string({ error: t.provinceRequired }).regex(/^\d{2}$/, { error: t.provinceUnknown }),
    communeCode: z.string({ error: t.communeRequired }).regex(/^\d{5}$/, { error: t.communeUnknown }),
    street: z
      .string({ error: t.streetRequired })
      .trim()
      .min(1, { error: t.streetRequired })
      .max(STREET_MAX, { error: t.streetTooLong(STREET_MAX) }),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX, { error: t.noteTooLong(NOTE_MAX) })
      .optional(),
    [PAYMENT_FIELD]: z.enum(PAYMENT_METHODS, {
      error: (issue) => (issue.input === undefined ? t.paymentRequired : t.paymentNotOffered),
    }),
    checkoutKey: z.uuid({ error: t.formExpired }),
  })
  return serverChecks ? schema.superRefine(serverChecks) : schema
}
