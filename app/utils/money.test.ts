import { expect, test } from 'vitest'
import { formatVnd } from './money.ts'

test('VND is shown with dots between thousands and the đồng sign', () => {
  expect(formatVnd(1250000)).toBe('1.250.000\u00a0₫')
  expect(formatVnd(15000)).toBe('15.000\u00a0₫')
  expect(formatVnd(999)).toBe('999\u00a0₫')
  expect(formatVnd(0)).toBe('0\u00a0₫')
})
