/**
 * The cart's forms, shared by Conform in the browser and the cart route's action: one schema per
 * intent, messages in the user's language. The server (cart.server.ts) checks the same limits again.
 */
import { z } from 'zod'
import { type Messages } from '#app/i18n/vi.ts'
import { ADD_INTENT, MAX_QUANTITY, REMOVE_INTENT, SET_QUANTITY_INTENT } from './cart-fields.ts'

export {
  ADD_INTENT,
  DEFAULT_DESTINATION,
  DESTINATION_FIELD,
  FETCH_FIELD,
  MAX_QUANTITY,
  REMOVE_INTENT,
  SET_QUANTITY_INTENT,
  type CartActionData,
} from './cart-fields.ts'

type CartMessages = Messages['cart']

function productIdField(t: CartMessages) {
  return z.string({ error: t.errors.product }).trim().min(1, t.errors.product).max(100, t.errors.product)
}

function quantityField(message: string, min: number) {
  return z.number({ error: message }).int(message).min(min, message).max(MAX_QUANTITY, message)
}

export function AddToCartSchema(t: CartMessages) {
  return z.object({
    intent: z.literal(ADD_INTENT),
    productId: productIdField(t),
    quantity: quantityField(t.errors.quantity(MAX_QUANTITY), 1),
  })
}

/** 0 removes the line. */
export function SetQuantitySchema(t: CartMessages) {
  return z.object({
    intent: z.literal(SET_QUANTITY_INTENT),
    productId: productIdField(t),
    quantity: quantityField(t.errors.quantityOrZero(MAX_QUANTITY), 0),
  })
}

export function RemoveLineSchema(t: CartMessages) {
  return z.object({
    intent: z.literal(REMOVE_INTENT),
    productId: productIdField(t),
  })
}

/** Whether a number taken from a form or an argument is an allowed quantity. */
export function isValidQuantity(value: unknown, { allowZero = false } = {}): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= (allowZero ? 0 : 1) && value <= MAX_QUANTITY
}
