/**
 * Vietnamese mobile numbers as buyers type them: 0912 345 678, 0912.345.678, +84 912 345 678.
 * Mobile prefixes since the 2018 renumbering: 03, 05, 07, 08, 09 (ten digits with the leading 0).
 * Shared by the browser (Conform) and the server; the order stores the normalised `0…` form, which
 * is also what the order page compares.
 */
const MOBILE = /^(?:0|\+84)([35789]\d{8})$/

function compact(input: string): string {
  return input.trim().replace(/[\s.\-()]/g, '')
}

export function isVietnameseMobile(input: string): boolean {
  return MOBILE.test(compact(input))
}

/** `0912345678` for any accepted spelling, or null when it is not a Vietnamese mobile number. */
export function normalizePhone(input: string): string | null {
  const match = MOBILE.exec(compact(input))
  return match ? `0${match[1]}` : null
}
