import { describe, expect, test } from 'vitest'
import { completeQuery, fold, highlight, highlightParts, normaliseQuery } from './query.ts'
import { MAX_QUERY_LENGTH } from './search-index.ts'

describe('fold', () => {
  test('removes tone marks and maps đ to d', () => {
    expect(fold('Mật ong Đan Phượng')).toBe('mat ong dan phuong')
    expect(fold('Lụa Vạn Phúc')).toBe('lua van phuc')
    expect(fold('NƯỚC MẮM')).toBe('nuoc mam')
  })
})

describe('normaliseQuery', () => {
  test('keeps what the user typed, folds the words', () => {
    expect(normaliseQuery('  nước mắm   Phú Quốc 40 độ ')).toEqual({
      text: 'nước mắm Phú Quốc 40 độ',
      truncated: false,
      tokens: ['nuoc', 'mam', 'phu', 'quoc', '40', 'do'],
    })
  })

  test('composes decomposed input (NFD) before anything else', () => {
    expect(normaliseQuery('mật ong'.normalize('NFD')).text).toBe('mật ong')
  })

  test.each([
    ['\'; DROP TABLE "Product"; --', ['drop', 'table', 'product']],
    ['100% _mật_ \\ong', ['100', 'mat', 'ong']],
    ['"lụa" OR 1=1', ['lua', 'or', '1']],
    ['🍯🐝', []],
    ['   ', []],
    ['a:* & !b | (c)', ['a', 'b', 'c']],
  ])('hostile or odd input %j gives only safe tokens', (raw, tokens) => {
    expect(normaliseQuery(raw).tokens).toEqual(tokens)
  })

  test(`cuts queries at ${MAX_QUERY_LENGTH} characters and says so`, () => {
    const query = normaliseQuery('mật ong '.repeat(100))
    expect(query.truncated).toBe(true)
    expect(query.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    expect(query.tokens).toEqual(['mat', 'ong'])
  })
})

describe('highlight', () => {
  test('marks word prefixes whatever the tone marks', () => {
    expect(highlight('Mật ong hoa nhãn Đan Phượng', ['mat', 'dan'])).toBe('«Mật» ong hoa nhãn «Đan» Phượng')
    expect(highlight('Lụa tơ tằm Vạn Phúc', ['van', 'phu'])).toBe('Lụa tơ tằm «Vạn» «Phú»c')
  })

  test('does not mark inside words', () => {
    expect(highlight('Bánh chưng', ['ung'])).toBe('Bánh chưng')
  })

  test('splits into parts for rendering', () => {
    expect(highlightParts('«Mật» ong')).toEqual([
      { text: 'Mật', match: true },
      { text: ' ong', match: false },
    ])
  })
})

describe('completeQuery', () => {
  test('completes the words being typed from a product name, with tone marks', () => {
    expect(completeQuery(['mat', 'ong', 'd'], 'Mật ong hoa nhãn Đan Phượng')).toBe('mật ong đan')
    expect(completeQuery(['lua'], 'Khăn lụa Vạn Phúc')).toBe('lụa')
  })

  test('gives nothing when a word is missing', () => {
    expect(completeQuery(['mat', 'xyz'], 'Mật ong')).toBeNull()
    expect(completeQuery([], 'Mật ong')).toBeNull()
  })
})
