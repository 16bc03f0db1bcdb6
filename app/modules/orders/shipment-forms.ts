/**
 * The forms of a shipment's page: one intent per move of the state machine, each with its Zod
 * schema built from the messages of the page's language (used by Conform in the browser and by
 * the action). Browser-safe: no server imports.
 */
import { z } from 'zod'
import { type fulfilmentVi } from '#app/i18n/areas/fulfilment.vi.ts'
import { CARRIER_CODES } from './carriers.ts'
import {
  MAX_CANCEL_REASON_LENGTH,
  MAX_CARRIER_LENGTH,
  MAX_TRACKING_CODE_LENGTH,
  SHIPMENT_STATUSES,
  type ShipmentStatus,
} from './shipment-state.ts'

export const CONFIRM_INTENT = 'confirm'
export const SHIP_INTENT = 'ship'
export const DELIVER_INTENT = 'deliver'
export const CANCEL_INTENT = 'cancel'

export type ShipmentIntent = typeof CONFIRM_INTENT | typeof SHIP_INTENT | typeof DELIVER_INTENT | typeof CANCEL_INTENT

/** The intent that moves a shipment to each status, in the order the forms appear. */
export const INTENT_FOR_STATUS = {
  CONFIRMED: CONFIRM_INTENT,
  SHIPPED: SHIP_INTENT,
  DELIVERED: DELIVER_INTENT,
  CANCELLED: CANCEL_INTENT,
} as const satisfies Partial<Record<ShipmentStatus, ShipmentIntent>>

export const MIN_CANCEL_REASON_LENGTH = 5

type FormErrors = (typeof fulfilmentVi)['forms']['errors']

/** The status the page showed when the form was posted (a hidden field), to detect a stale page. */
const From = z.enum(SHIPMENT_STATUSES).optional()

export const ConfirmSchema = z.object({ from: From })
export const DeliverSchema = z.object({ from: From })

export function createShipSchema(m: FormErrors) {
  return z
    .object({
      from: From,
      carrier: z.enum(CARRIER_CODES, { error: m.carrierRequired }),
      carrierName: z
        .string()
        .trim()
        .max(MAX_CARRIER_LENGTH, { error: m.carrierNameTooLong(MAX_CARRIER_LENGTH) })
        .optional(),
      trackingCode: z
        .string({ error: m.trackingCodeRequired })
        .trim()
        .min(1, { error: m.trackingCodeRequired, abort: true })
        .max(MAX_TRACKING_CODE_LENGTH, { error: m.trackingCodeTooLong(MAX_TRACKING_CODE_LENGTH) })
        .regex(/^[A-Za-z0-9.\-_/ ]+$/, { error: m.trackingCodeInvalid }),
    })
    .superRefine((value, ctx) => {
      if (value.carrier === 'OTHER' && !value.carrierName) {
        ctx.addIssue({ code: 'custom', path: ['carrierName'], message: m.carrierNameRequired })
      }
    })
}

export function createCancelSchema(m: FormErrors) {
  return z.object({
    from: From,
    reason: z
      .string({ error: m.reasonRequired })
      .trim()
      .min(1, { error: m.reasonRequired, abort: true })
      .min(MIN_CANCEL_REASON_LENGTH, { error: m.reasonTooShort, abort: true })
      .max(MAX_CANCEL_REASON_LENGTH, { error: m.reasonTooLong(MAX_CANCEL_REASON_LENGTH) }),
  })
}
