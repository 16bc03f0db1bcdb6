/**
 * Shipping fees per producer shipment: a documented table of weight tier × zone, plus a fee for cash
 * on delivery. The zone compares the producer's province with the delivery province: the same
 * province, the same region (of the six), or another region. Figures are in đồng and modelled on the
 * published domestic tariffs of Vietnamese carriers (2025), rounded; see docs/shipping-fees.md.
 */
export type ShippingZone = 'same-province' | 'same-region' | 'other-region'

export const SHIPPING_ZONES: readonly ShippingZone[] = ['same-province', 'same-region', 'other-region']

/** Up to `maxGrams` (inclusive) the fee per zone; the last tier adds `perExtraKg` for every started kg. */
export const WEIGHT_TIERS = [
  { maxGrams: 500, fees: { 'same-province': 18_000, 'same-region': 25_000, 'other-region': 32_000 } },
  { maxGrams: 1_000, fees: { 'same-province': 22_000, 'same-region': 30_000, 'other-region': 38_000 } },
  { maxGrams: 2_000, fees: { 'same-province': 27_000, 'same-region': 37_000, 'other-region': 48_000 } },
  { maxGrams: 5_000, fees: { 'same-province': 35_000, 'same-region': 50_000, 'other-region': 68_000 } },
] as const satisfies readonly { maxGrams: number; fees: Record<ShippingZone, number> }[]

/** Above the last tier: its fee plus this much per started kilogram. */
export const PER_EXTRA_KG: Record<ShippingZone, number> = {
  'same-province': 4_000,
  'same-region': 6_000,
  'other-region': 9_000,
}

/** Cash on delivery: the carrier collects the money; charged per shipment. */
export const COD_FEE_VND = 10_000

export type Place = { provinceCode: string; regionSlug: string }

export function shippingZone(from: Place, to: Place): ShippingZone {
  if (from.provinceCode === to.provinceCode) return 'same-province'
  return from.regionSlug === to.regionSlug ? 'same-region' : 'other-region'
}

/** The fee for one shipment of `grams` in the zone (a parcel weighs at least 1 g). */
export function shippingFee(grams: number, zone: ShippingZone): number {
  const weight = Math.max(1, Math.ceil(grams))
  for (const tier of WEIGHT_TIERS) if (weight <= tier.maxGrams) return tier.fees[zone]
  const last = WEIGHT_TIERS[WEIGHT_TIERS.length - 1]!
  const extraKg = Math.ceil((weight - last.maxGrams) / 1_000)
  return last.fees[zone] + extraKg * PER_EXTRA_KG[zone]
}

export type ShipmentQuote = { zone: ShippingZone; shippingFeeVnd: number; codFeeVnd: number }

/** What one producer's shipment costs to deliver, with the COD fee when paying cash on delivery. */
export function quoteShipment(input: {
  grams: number
  from: Place
  to: Place
  cashOnDelivery: boolean
}): ShipmentQuote {
  const zone = shippingZone(input.from, input.to)
  return { zone, shippingFeeVnd: shippingFee(input.grams, zone), codFeeVnd: input.cashOnDelivery ? COD_FEE_VND : 0 }
}
