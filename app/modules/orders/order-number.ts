/**
 * Order numbers a buyer can read out on the phone: `OC-2611-4K7P`, the year and month the order was
 * placed (Vietnam time) and four characters from an alphabet without 0/O and 1/I, which sound or
 * look alike. 32 characters give about a million numbers a month: the caller inserts and, on the
 * rare unique-constraint clash, draws again (`withUniqueOrderNumber`).
 */
import { vietnamDay } from './vietnam-time.ts'

export const ORDER_NUMBER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const ORDER_NUMBER_PATTERN = /^OC-\d{4}-[2-9A-HJ-NP-Z]{4}$/

/** A whole number in [0, max): crypto-random by default, seeded in the demo data. */
export type RandomIndex = (max: number) => number

function cryptoIndex(max: number): number {
  // Bytes at or above the last whole multiple of max are redrawn, so no index is favoured.
  const limit = 256 - (256 % max)
  const bytes = new Uint8Array(1)
  do globalThis.crypto.getRandomValues(bytes)
  while (bytes[0]! >= limit)
  return bytes[0]! % max
}

export function orderNumberDatePart(placedAt: Date): string {
  const day = vietnamDay(placedAt)
  return `${day.slice(2, 4)}${day.slice(5, 7)}`
}

export function generateOrderNumber(placedAt: Date, randomIndex: RandomIndex = cryptoIndex): string {
  let code = ''
  for (let i = 0; i < 4; i++) code += ORDER_NUMBER_ALPHABET[randomIndex(ORDER_NUMBER_ALPHABET.length)]
  return `OC-${orderNumberDatePart(placedAt)}-${code}`
}

/**
 * What a buyer or producer typed (any case, spaces, with or without dashes, O or I typed for a 0 or
 * 1 of the date) as the canonical number, or null when it cannot be one.
 */
export function parseOrderNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '')
  const match = /^OC([0-9OI]{4})([0-9A-Z]{4})$/.exec(compact)
  if (!match) return null
  const date = match[1]!.replace(/O/g, '0').replace(/I/g, '1')
  const number = `OC-${date}-${match[2]}`
  return ORDER_NUMBER_PATTERN.test(number) ? number : null
}

function isOrderNumberClash(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, meta } = error as { code?: unknown; meta?: unknown }
  // Where Prisma names the constraint differs between engines and adapters: look anywhere in meta.
  return code === 'P2002' && (meta === undefined || JSON.stringify(meta).includes('number'))
}

/** Runs `create` with fresh numbers until one is not taken (a handful of attempts at most). */
export async function withUniqueOrderNumber<T>(
  placedAt: Date,
  create: (number: string) => Promise<T>,
  options: { attempts?: number; randomIndex?: RandomIndex } = {},
): Promise<T> {
  const attempts = options.attempts ?? 5
  for (let attempt = 1; ; attempt++) {
    try {
      return await create(generateOrderNumber(placedAt, options.randomIndex))
    } catch (error) {
      if (attempt >= attempts || !isOrderNumberClash(error)) throw error
    }
  }
}
