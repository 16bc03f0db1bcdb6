import { expect, test } from 'vitest'
import { mulberry32 } from '#app/utils/random.ts'
import {
  generateOrderNumber,
  ORDER_NUMBER_ALPHABET,
  ORDER_NUMBER_PATTERN,
  parseOrderNumber,
  withUniqueOrderNumber,
} from './order-number.ts'

test('numbers carry the Vietnamese year and month and four unambiguous characters', () => {
  // 20:00 UTC on 30 November is already 1 December in Vietnam.
  expect(generateOrderNumber(new Date('2026-11-30T16:59:00Z'))).toMatch(/^OC-2611-[2-9A-HJ-NP-Z]{4}$/)
  expect(generateOrderNumber(new Date('2026-11-30T20:00:00Z'))).toMatch(/^OC-2612-/)
  expect(ORDER_NUMBER_ALPHABET).toHaveLength(32)
  expect(ORDER_NUMBER_ALPHABET).not.toMatch(/[0O1I]/)
  const seen = new Set<string>()
  for (let i = 0; i < 2000; i++) {
    const number = generateOrderNumber(new Date('2027-01-15T03:00:00Z'))
    expect(number).toMatch(ORDER_NUMBER_PATTERN)
    expect(number.slice(8)).not.toMatch(/[0O1I]/)
    seen.add(number)
  }
  // 2,000 draws from about a million numbers: a clash or two at most.
  expect(seen.size).toBeGreaterThan(1990)
})

test('a seeded source gives the same numbers again', () => {
  const draw = (seed: number) => {
    const random = mulberry32(seed)
    return generateOrderNumber(new Date('2026-11-02T05:00:00Z'), (max) => Math.floor(random() * max))
  }
  expect(draw(7)).toBe(draw(7))
  expect(draw(7)).not.toBe(draw(8))
})

test('what people type is read back as the canonical number', () => {
  expect(parseOrderNumber('oc-2611-4k7p')).toBe('OC-2611-4K7P')
  expect(parseOrderNumber(' OC 2611 4K7P ')).toBe('OC-2611-4K7P')
  expect(parseOrderNumber('OC26O14K7P')).toBe('OC-2601-4K7P')
  expect(parseOrderNumber('OC-2611-4K0P')).toBeNull()
  expect(parseOrderNumber('OC-2611-4K7')).toBeNull()
  expect(parseOrderNumber('hello')).toBeNull()
})

test('a clash on the number draws again; other errors are not swallowed', async () => {
  const tried: string[] = []
  const clash = Object.assign(new Error('Unique constraint failed'), { code: 'P2002', meta: { target: ['number'] } })
  const number = await withUniqueOrderNumber(new Date('2026-11-02T05:00:00Z'), async (candidate) => {
    tried.push(candidate)
    if (tried.length < 3) throw clash
    return candidate
  })
  expect(tried).toHaveLength(3)
  expect(number).toBe(tried[2])
  await expect(
    withUniqueOrderNumber(new Date(), async () => {
      throw new Error('connection lost')
    }),
  ).rejects.toThrow('connection lost')
})
