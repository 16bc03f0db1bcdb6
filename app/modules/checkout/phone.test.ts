import { expect, test } from 'vitest'
import { isVietnameseMobile, normalizePhone } from './phone.ts'

test('Vietnamese mobile numbers as people type them become one form', () => {
  for (const typed of [
    '0912345678',
    '0912 345 678',
    '0912.345.678',
    '+84912345678',
    '+84 912 345 678',
    '(091) 234-5678',
  ]) {
    expect(normalizePhone(typed)).toBe('0912345678')
  }
  expect(normalizePhone('0387654321')).toBe('0387654321')
  expect(normalizePhone('0587654321')).toBe('0587654321')
  expect(normalizePhone('0787654321')).toBe('0787654321')
  expect(normalizePhone('0887654321')).toBe('0887654321')
})

test('landlines, old 11-digit numbers, other prefixes and other countries are refused', () => {
  for (const typed of [
    '02438261234',
    '01234567890',
    '0612345678',
    '091234567',
    '09123456789',
    '+85512345678',
    '84912345678',
    'số điện thoại',
    '',
  ]) {
    expect(isVietnameseMobile(typed)).toBe(false)
    expect(normalizePhone(typed)).toBeNull()
  }
})
