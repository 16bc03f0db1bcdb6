import { expect, test } from 'vitest'
import { canTransitionOrder, orderStatusesBefore } from './order-state.ts'

test('an unpaid online order can only be paid or cancelled; final states stay final', () => {
  expect(canTransitionOrder('AWAITING_PAYMENT', 'PAID')).toBe(true)
  expect(canTransitionOrder('AWAITING_PAYMENT', 'SHIPPED')).toBe(false)
  expect(canTransitionOrder('PAID', 'CANCELLED')).toBe(false)
  expect(canTransitionOrder('CANCELLED', 'PAID')).toBe(false)
  expect(canTransitionOrder('REFUNDED', 'DELIVERED')).toBe(false)
  expect(orderStatusesBefore('PAID')).toEqual(['AWAITING_PAYMENT'])
})
