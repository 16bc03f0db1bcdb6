import { describe, expect, test } from 'vitest'
import { listingSearchParams, parseListingFilters, withFilter, type KnownCodes } from './listing-filters.ts'

const known: KnownCodes = {
  groups: new Set(['thuc-pham', 'thu-cong-my-nghe']),
  subgroupGroup: new Map([
    ['mat-ong-nong-san-khac', 'thuc-pham'],
    ['vai-may-mac', 'thu-cong-my-nghe'],
  ]),
  regions: new Set(['dong-bang-song-hong', 'tay-nguyen']),
  provinceRegion: new Map([
    ['01', 'dong-bang-song-hong'],
    ['66', 'tay-nguyen'],
  ]),
  villages: new Set(['lang-lua-van-phuc']),
}

const parse = (query: string) => parseListingFilters(new URLSearchParams(query), known)

describe('parseListingFilters', () => {
  test('accepts every valid filter', () => {
    const { filters, notices } = parse(
      'group=thu-cong-my-nghe&subgroup=vai-may-mac&stars=4&region=dong-bang-song-hong&province=01&village=lang-lua-van-phuc&kind=HOP_TAC_XA&women=1&instock=1&minPrice=100000&maxPrice=500000&sort=price-asc&page=2',
    )
    expect(notices).toEqual([])
    expect(filters).toEqual({
      group: 'thu-cong-my-nghe',
      subgroup: 'vai-may-mac',
      stars: 4,
      region: 'dong-bang-song-hong',
      province: '01',
      village: 'lang-lua-van-phuc',
      kind: 'HOP_TAC_XA',
      women: true,
      instock: true,
      minPrice: 100000,
      maxPrice: 500000,
      sort: 'price-asc',
      page: 2,
    })
  })

  test('a subgroup implies its group', () => {
    expect(parse('subgroup=mat-ong-nong-san-khac').filters.group).toBe('thuc-pham')
  })

  test.each([
    ['group=nope', 'group'],
    ['stars=6', 'stars'],
    ['stars=abc', 'stars'],
    ['region=atlantis', 'region'],
    ['province=99', 'province'],
    ['kind=EMPIRE', 'kind'],
    ['minPrice=-5', 'minPrice'],
    ['maxPrice=9999999999999', 'maxPrice'],
    ['sort=random', 'sort'],
    ['village=%27%3B%20DROP%20TABLE', 'village'],
  ])('%s is dropped with a notice', (query, param) => {
    const { filters, notices } = parse(query)
    expect(notices).toEqual([expect.objectContaining({ kind: 'unknownValue', param })])
    expect(filters).toEqual({ sort: 'newest', page: 1 })
  })

  test('a subgroup from another group, or a province outside the region, is rejected', () => {
    expect(parse('group=thuc-pham&subgroup=vai-may-mac').filters.subgroup).toBeUndefined()
    expect(parse('region=tay-nguyen&province=01').filters.province).toBeUndefined()
  })

  test.each(['abc', '-3', '0', '1.5', '99999999999999999999', ''])('page=%s falls back to page 1', (page) => {
    const { filters, notices } = parse(`page=${page}`)
    expect(filters.page).toBe(1)
    if (page !== '') expect(notices).toEqual([{ kind: 'invalidPage' }])
  })

  test('swaps a reversed price range and says so', () => {
    const { filters, notices } = parse('minPrice=500000&maxPrice=100000')
    expect([filters.minPrice, filters.maxPrice]).toEqual([100000, 500000])
    expect(notices).toEqual([{ kind: 'priceSwapped' }])
  })

  test('prices may be written with thousands separators', () => {
    expect(parse('minPrice=1.250.000').filters.minPrice).toBe(1250000)
  })
})

describe('URLs', () => {
  test('the canonical query omits defaults and keeps a stable order', () => {
    expect(listingSearchParams({ stars: 4, group: 'thuc-pham', sort: 'newest', page: 1 }).toString()).toBe(
      'group=thuc-pham&stars=4',
    )
  })

  test('changing a filter resets the page and drops a dependent filter', () => {
    const { filters } = parse(
      'group=thuc-pham&subgroup=mat-ong-nong-san-khac&region=dong-bang-song-hong&province=01&page=3',
    )
    expect(withFilter(filters, 'stars', 5).get('page')).toBeNull()
    expect(withFilter(filters, 'group', 'thu-cong-my-nghe').get('subgroup')).toBeNull()
    expect(withFilter(filters, 'region', 'tay-nguyen').get('province')).toBeNull()
    expect(withFilter(filters, 'sort', 'price-desc').toString()).toContain('sort=price-desc')
  })
})
