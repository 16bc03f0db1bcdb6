import { formatVnd } from '#app/utils/money.ts'

const USD = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** A payment's amount in its currency's smallest unit (đồng, cents), written for people. */
export function formatPaymentAmount(amount: number, currency: string): string {
  if (currency.toUpperCase() === 'USD') return `US$${USD.format(amount / 100)}`
  return formatVnd(amount)
}

/** Stripe spells currencies in lower case; orders and payments store the ISO code in upper case. */
export function stripeCurrency(currency: string): 'vnd' | 'usd' {
  const lower = currency.toLowerCase()
  if (lower !== 'vnd' && lower !== 'usd') throw new Error(`Unsupported currency ${currency}`)
  return lower
}

/**
 * Fixes an export order's card total in US cents when it is placed, at VND_PER_USD đồng per dollar,
 * rounded up to the cent so the office never receives less than the đồng total.
 */
export function usdCentsFor(totalVnd: number, vndPerUsd: number): number {
  return Math.ceil((totalVnd * 100) / vndPerUsd)
}
