/**
 * The fixed query mix of `npm run bench:search`: the 52 labelled relevance queries plus queries built
 * from the catalogue's own words (reference products, the generated catalogue's product kinds, former
 * district names, craft villages), some with filters, some broad. Built from static data only, so the
 * list is the same on every run and every machine.
 */
import { fold } from '#app/modules/search/query.ts'
import { RELEVANCE_CASES, type RelevanceCase } from '#app/modules/search/relevance-cases.ts'
import { type SearchQuery } from '#app/modules/search/search-index.ts'
import { COMMUNES, PRODUCTS, PROVINCES, REGIONS, VILLAGES } from '../../prisma/seed/reference-data.ts'
import { evenlySpaced } from './urls.ts'

export type QueryKind = RelevanceCase['kind'] | 'filtered' | 'broad'

export type BenchQuery = {
  /** What the shopper types (NFC; may carry tone marks). */
  q: string
  kind: QueryKind
  /** `labelled`: a case of relevance-cases.ts; `catalogue`: built here from the catalogue's words. */
  source: 'labelled' | 'catalogue'
  filters: SearchQuery['filters']
  /** The filters as URL parameters, for printing ("stars=4"). */
  filterLabel: string
}

export const QUERY_COUNT = 200

/** Product kinds of the generated catalogue (prisma/seed/generate-catalogue.ts templates), as typed. */
const GENERATED_KINDS = [
  'Bưởi da xanh',
  'Cam sành',
  'Rau cải hữu cơ',
  'Khoai lang mật',
  'Nhãn chín cây',
  'Trứng gà ta',
  'Gà đồi',
  'Tôm càng xanh',
  'Sữa tươi thanh trùng',
  'Ngô nếp khô',
  'Nấm hương rừng',
  'Mộc nhĩ đen',
  'Bún gạo ăn liền',
  'Bánh đa nem',
  'Bánh phở khô',
  'Hạt điều rang muối',
  'Long nhãn',
  'Lạp xưởng',
  'Khô cá lóc',
  'Tương bần',
  'Tinh bột nghệ',
  'Tiêu đen',
  'Chè búp',
  'Trà shan tuyết cổ thụ',
  'Trà ô long',
  'Bột ca cao nguyên chất',
  'Rượu vang',
  'Siro gừng',
  'Dầu gội bồ kết',
  'Thớt gỗ nghiến',
  'Đèn lồng tre',
  'Túi thổ cẩm',
]

/** English product words of the generated catalogue. */
const ENGLISH = [
  'pomelo',
  'oolong tea',
  'brocade bag',
  'roasted cashews',
  'royal jelly',
  'rice paper',
  'ginger syrup',
  'pork roll',
  'bamboo lantern',
  'essential oil',
]

/** Broad one- and two-word queries: many matches, the costliest ranking and facet counts. */
const BROAD = ['tra', 'gom', 'mat ong', 'ca phe', 'gao', 'ruou', 'banh', 'lua', 'hoa', 'nuoc mam']

type Filter = { filters: SearchQuery['filters']; label: string }

const FILTERS: Filter[] = [
  { filters: { stars: 4 }, label: 'stars=4' },
  ...REGIONS.map((region) => ({ filters: { region: region.slug }, label: `region=${region.slug}` })),
  { filters: { stars: 5 }, label: 'stars=5' },
  { filters: { group: 'thuc-pham' }, label: 'group=thuc-pham' },
  { filters: { stars: 3, instock: true as const }, label: 'stars=3&instock=1' },
]

// Vietnamese tone marks (combining, after NFD) and a wrong one for each: what a hurried typist does.
const TONE_SWAP: Record<string, string> = {
  '\u0301': '\u0300', // sắc → huyền
  '\u0300': '\u0301', // huyền → sắc
  '\u0303': '\u0309', // ngã → hỏi
  '\u0309': '\u0303', // hỏi → ngã
  '\u0323': '\u0301', // nặng → sắc
}

/** The tone of the `nth` toned letter (mod their number) replaced by a wrong one. */
export function wrongTone(text: string, nth: number): string {
  const letters = [...text.normalize('NFC')]
  const toned = letters.flatMap((letter, i) => ([...letter.normalize('NFD')].some((c) => c in TONE_SWAP) ? [i] : []))
  if (toned.length === 0) return text
  const at = toned[nth % toned.length]
  const marks = [...letters[at].normalize('NFD')]
  const tone = marks.find((c) => c in TONE_SWAP) as string
  // The new tone goes after any other mark (ô, ơ, ă), where NFC expects it.
  letters[at] = [...marks.filter((c) => c !== tone), TONE_SWAP[tone]].join('').normalize('NFC')
  return letters.join('')
}

// Neighbouring keys on a QWERTY keyboard, for substitution typos.
const NEIGHBOUR: Record<string, string> = {
  a: 's',
  b: 'v',
  c: 'k',
  d: 's',
  e: 'r',
  f: 'g',
  g: 'h',
  h: 'j',
  i: 'o',
  j: 'k',
  k: 'l',
  l: 'k',
  m: 'n',
  n: 'm',
  o: 'p',
  p: 'o',
  q: 'w',
  r: 't',
  s: 'a',
  t: 'y',
  u: 'y',
  v: 'b',
  w: 'e',
  x: 'z',
  y: 'u',
  z: 'x',
}

/** One-letter typo in the longest word of a folded query: a doubled, dropped or neighbouring letter. */
export function oneLetterTypo(folded: string, variant: number): string {
  const words = folded.split(' ')
  let longest = 0
  words.forEach((word, i) => {
    if (word.length > words[longest].length) longest = i
  })
  const word = words[longest]
  if (word.length < 3) return `${folded}${folded.slice(-1)}`
  const last = word.length - 1
  switch (variant % 3) {
    case 0:
      words[longest] = `${word}${word[last]}`
      break
    case 1:
      words[longest] = `${word.slice(0, last - 1)}${word[last]}`
      break
    default:
      words[longest] = `${word.slice(0, last)}${NEIGHBOUR[word[last]] ?? word[last]}`
  }
  return words.join(' ')
}

/** The first `wordCount` words, the last one cut to half its length (at least one letter). */
export function partial(text: string, wordCount: number): string {
  const words = text.split(' ').filter(Boolean).slice(0, Math.max(1, wordCount))
  const last = [...words[words.length - 1]]
  words[words.length - 1] = last.slice(0, Math.max(1, Math.ceil(last.length / 2))).join('')
  return words.join(' ')
}

const firstWords = (text: string, count: number) => text.split(/\s+/).slice(0, count).join(' ')

/** "quận Hà Đông", "huyện Tiểu Cần, tỉnh Trà Vinh" → "Hà Đông", "Tiểu Cần". */
function districtName(former: string): string {
  return former
    .split(',')[0]
    .replace(/^(quận|huyện|thị xã|thành phố)\s+/, '')
    .trim()
}

const none: Pick<BenchQuery, 'filters' | 'filterLabel'> = { filters: {}, filterLabel: '' }

export function benchQueries(): BenchQuery[] {
  const labelled: BenchQuery[] = RELEVANCE_CASES.map((c) => ({ q: c.q, kind: c.kind, source: 'labelled', ...none }))

  // Reference products: the first three words of the name, typed five ways in turn.
  const productKinds = ['no-diacritics', 'tone-marks', 'wrong-tones', 'typo', 'prefix'] as const
  const products: BenchQuery[] = PRODUCTS.filter((p) => p.status === 'PUBLISHED').map((p, i) => {
    const typed = firstWords(p.nameVi, 3)
    const kind = productKinds[i % productKinds.length]
    const q = {
      'no-diacritics': () => fold(typed),
      'tone-marks': () => typed,
      'wrong-tones': () => wrongTone(typed, i),
      typo: () => oneLetterTypo(fold(typed), i),
      prefix: () => partial(fold(typed), 3),
    }[kind]()
    return { q, kind, source: 'catalogue', ...none }
  })

  const english: BenchQuery[] = ENGLISH.map((q) => ({ q, kind: 'english', source: 'catalogue', ...none }))

  const districts = [
    ...new Set(COMMUNES.flatMap((c) => c.formerNames.flatMap((f) => (f.formerDistrict ? [f.formerDistrict] : [])))),
  ].map(districtName)
  const formerNames: BenchQuery[] = evenlySpaced([...new Set(districts)], 12).map((name, i) => ({
    q: i % 2 === 0 ? fold(name) : name,
    kind: 'former-name',
    source: 'catalogue',
    ...none,
  }))

  const villages: BenchQuery[] = evenlySpaced(VILLAGES, 10).map((village, i) => {
    const name = i % 2 === 0 ? village.name.replace(/^Làng (nghề )?/, '') : village.name
    return { q: fold(name), kind: 'village', source: 'catalogue', ...none }
  })

  const broad: BenchQuery[] = BROAD.map((q) => ({ q, kind: 'broad', source: 'catalogue', ...none }))

  const filtered: BenchQuery[] = Array.from({ length: 15 }, (_, i) => {
    const filter = FILTERS[i % FILTERS.length]
    return {
      q: BROAD[(i * 3) % BROAD.length],
      kind: 'filtered',
      source: 'catalogue',
      filters: filter.filters,
      filterLabel: filter.label,
    }
  })

  // The generated catalogue's product kinds fill the rest: alternately without and with tone marks,
  // every third one with a province name after it ("cam sanh vinh long").
  const fixed = [labelled, products, english, formerNames, villages, broad, filtered].flat()
  const generated: BenchQuery[] = Array.from({ length: Math.max(0, QUERY_COUNT - fixed.length) }, (_, i) => {
    const base = GENERATED_KINDS[i % GENERATED_KINDS.length]
    const typed = i % 3 === 2 ? `${base} ${PROVINCES[(i * 7) % PROVINCES.length].nameVi}` : base
    return i % 2 === 0
      ? { q: fold(typed), kind: 'no-diacritics', source: 'catalogue', ...none }
      : { q: typed, kind: 'tone-marks', source: 'catalogue', ...none }
  })
  return [...fixed, ...generated].slice(0, QUERY_COUNT)
}

/** What autocomplete sees while the query is typed: 1–3 words, the last one half typed. */
export function autocompletePrefixes(queries: readonly BenchQuery[]): string[] {
  return queries.map((query, i) => partial(query.q, 1 + (i % 3)))
}

/** Query counts by kind and source, for printing. */
export function queryMix(queries: readonly BenchQuery[]): { kind: QueryKind; labelled: number; catalogue: number }[] {
  const kinds = [...new Set(queries.map((q) => q.kind))]
  return kinds.map((kind) => ({
    kind,
    labelled: queries.filter((q) => q.kind === kind && q.source === 'labelled').length,
    catalogue: queries.filter((q) => q.kind === kind && q.source === 'catalogue').length,
  }))
}
