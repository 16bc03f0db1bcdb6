/**
 * What the cart's forms send and get back, without zod: the product page's add-to-cart form
 * (components/add-to-cart.tsx) needs only these, and importing cart-forms.ts would bring zod to every
 * product page's JavaScript. cart-forms.ts re-exports them next to the schemas.
 */
import { type SubmissionResult } from '@conform-to/react'

/** The database refuses more (CartLine CHECK 1..999); so does every form. */
export const MAX_QUANTITY = 999

export const ADD_INTENT = 'add'
export const SET_QUANTITY_INTENT = 'set-quantity'
export const REMOVE_INTENT = 'remove'

/**
 * Present only in forms submitted by JavaScript (a fetcher): those get data back. A plain form post
 * (no JavaScript) lacks it and is redirected, so reloading the page never posts again.
 */
export const FETCH_FIELD = 'fetch'

/** The province the cart page estimates shipping to, kept across its forms (`?to=01`). */
export const DESTINATION_FIELD = 'to'
export const DEFAULT_DESTINATION = '01'

/** What the cart route's action answers a fetcher with. */
export type CartActionData = {
  ok: boolean
  message: string | null
  result: SubmissionResult<string[]> | null
}
