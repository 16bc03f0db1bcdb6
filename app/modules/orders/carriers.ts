/**
 * Delivery companies a producer picks from when marking a shipment shipped. The code is what the
 * form posts; the name is what is stored on the shipment and shown to the buyer. `OTHER` asks for a
 * name typed by hand.
 */
export const CARRIERS = [
  { code: 'GHN', name: 'GHN' },
  { code: 'GHTK', name: 'GHTK' },
  { code: 'VIETTEL_POST', name: 'Viettel Post' },
  { code: 'VNPOST', name: 'VNPost' },
  { code: 'JT_EXPRESS', name: 'J&T Express' },
  { code: 'NINJA_VAN', name: 'Ninja Van' },
  { code: 'OTHER', name: '' },
] as const

export type CarrierCode = (typeof CARRIERS)[number]['code']
export const CARRIER_CODES = CARRIERS.map((c) => c.code) as [CarrierCode, ...CarrierCode[]]

/** The name stored for a carrier choice (the typed name for OTHER). */
export function carrierName(code: CarrierCode, otherName?: string | null): string {
  if (code === 'OTHER') return (otherName ?? '').trim()
  return CARRIERS.find((c) => c.code === code)!.name
}
