/**
 * What we do with the words people type, before any engine sees them. Pure functions, shared by
 * both search adapters, the highlighter and the browser (autocomplete).
 */
import { MAX_QUERY_LENGTH } from './search-index.ts'

const MAX_TOKENS = 8

export type NormalisedQuery = {
  /** NFC, single spaces, trimmed, cut to MAX_QUERY_LENGTH: what we show back to the user. */
  text: string
  truncated: boolean
  /** Folded words (a–z, 0–9 only): safe to put into a tsquery or a filter. */
  tokens: string[]
}

/** Removes tone marks and other diacritics, maps đ → d, lower-cases: "Mật ong Đan Phượng" → "mat ong dan phuong". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
}

export function normaliseQuery(raw: string | null | undefined): NormalisedQuery {
  const cleaned = (raw ?? '')
    .normalize('NFC')
    // Control characters and invisible separators count as spaces.
    .replace(/[\p{Cc}\p{Cf}\p{Z}]+/gu, ' ')
    .trim()
  const truncated = cleaned.length > MAX_QUERY_LENGTH
  const text = truncated ? cleaned.slice(0, MAX_QUERY_LENGTH).trimEnd() : cleaned
  const tokens = [...new Set(fold(text).match(/[a-z0-9]+/g) ?? [])].slice(0, MAX_TOKENS)
  return { text, truncated, tokens }
}

/**
 * Wraps the parts of `text` that match a token (at the start of a word, ignoring tone marks) in
 * «…» markers; the UI turns them into <mark>. Folding keeps one character per character for
 * Vietnamese, so positions in the folded text are positions in the original.
 */
export function highlight(text: string, tokens: string[]): string {
  if (tokens.length === 0) return text
  const folded = [...text].map((char) => fold(char).charAt(0) || char).join('')
  const chars = [...text]
  const marked = new Array<boolean>(chars.length).fill(false)
  for (const token of tokens) {
    let from = 0
    for (;;) {
      const at = folded.indexOf(token, from)
      if (at === -1) break
      const wordStart = at === 0 || !/[a-z0-9]/.test(folded[at - 1])
      if (wordStart) for (let i = at; i < at + token.length; i++) marked[i] = true
      from = at + 1
    }
  }
  let result = ''
  chars.forEach((char, i) => {
    if (marked[i] && !marked[i - 1]) result += '«'
    result += char
    if (marked[i] && !marked[i + 1]) result += '»'
  })
  return result
}

/** Splits a «…»-marked string into parts for rendering. */
export function highlightParts(marked: string): { text: string; match: boolean }[] {
  return marked
    .split(/(«[^»]*»)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('«') ? { text: part.slice(1, -1), match: true } : { text: part, match: false }))
}

/**
 * Completes what the user is typing from a matching product name: "mat ong d" with the name
 * "Mật ong hoa nhãn Đan Phượng" gives "mật ong đan". Null unless every token starts a word.
 */
export function completeQuery(tokens: string[], name: string): string | null {
  if (tokens.length === 0) return null
  const words = name.split(/\s+/)
  const folded = words.map((word) => fold(word).replace(/[^a-z0-9]/g, ''))
  const picked: string[] = []
  let from = 0
  for (const token of tokens) {
    const at = folded.findIndex((word, i) => i >= from && word.startsWith(token))
    if (at === -1) return null
    picked.push(words[at].toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))
    from = at + 1
  }
  return picked.join(' ')
}
