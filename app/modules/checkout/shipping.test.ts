import { expect, test } from 'vitest'
import { COD_FEE_VND, quoteShipment, shippingFee, shippingZone } from './shipping.ts'

const hanoi = { provinceCode: '01', regionSlug: 'dong-bang-song-hong' }
const haiPhong = { provinceCode: '31', regionSlug: 'dong-bang-song-hong' }
const canTho = { provinceCode: '92', regionSlug: 'dong-bang-song-cuu-long' }

test('the zone compares provinces, then regions', () => {
  expect(shippingZone(hanoi, hanoi)).toBe('same-province')
  expect(shippingZone(hanoi, haiPhong)).toBe('same-region')
  expect(shippingZone(hanoi, canTho)).toBe('other-region')
})

test('fees follow the weight tiers, and every started kilogram above 5 kg costs extra', () => {
  expect(shippingFee(0, 'same-province')).toBe(18_000)
  expect(shippingFee(500, 'same-province')).toBe(18_000)
  expect(shippingFee(501, 'same-province')).toBe(22_000)
  expect(shippingFee(1_450, 'other-region')).toBe(48_000)
  expect(shippingFee(5_000, 'same-region')).toBe(50_000)
  expect(shippingFee(5_001, 'same-region')).toBe(56_000)
  expect(shippingFee(7_200, 'other-region')).toBe(68_000 + 3 * 9_000)
})

test('cash on delivery adds its fee per shipment', () => {
  expect(quoteShipment({ grams: 700, from: hanoi, to: canTho, cashOnDelivery: true })).toEqual({
    zone: 'other-region',
    shippingFeeVnd: 38_000,
    codFeeVnd: COD_FEE_VND,
  })
  expect(quoteShipment({ grams: 700, from: hanoi, to: hanoi, cashOnDelivery: false }).codFeeVnd).toBe(0)
})
