import { describe, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { loadListingPage } from './listing-page.server.ts'
import { findProductCards, listProducts } from './listing.server.ts'

const today = new Date()
const page = (query: string) => loadListingPage(new URLSearchParams(query), today)

async function visibleCount() {
  return getDb().product.count({ where: { status: 'PUBLISHED', producer: { status: 'VERIFIED' } } })
}

describe('the product listing on the seeded catalogue', () => {
  test('shows every published product of a verified producer, and nothing else', async () => {
    const { result } = await page('')
    expect(result.total).toBe(await visibleCount())
    expect(result.total).toBeGreaterThanOrEqual(40)
    expect(result.hits).toHaveLength(24)
    const slugs = (await findProductCards({}, today, 1000)).map((p) => p.slug)
    expect(slugs).not.toContain('gao-nang-huong-giang-thanh') // a draft
    expect(slugs).not.toContain('nam-so-kms-minh-phu') // archived
  })

  test('facet counts add up and are disjunctive', async () => {
    const all = await page('')
    const groupSum = Object.values(all.result.facets.group).reduce((a, b) => a + b, 0)
    expect(groupSum).toBe(all.result.total)

    const food = await page('group=thuc-pham')
    expect(food.result.total).toBe(all.result.facets.group['thuc-pham'])
    // The group facet ignores its own filter: the other groups stay visible with their counts.
    expect(food.result.facets.group).toEqual(all.result.facets.group)
    // Other facets are narrowed to food.
    const regionSum = Object.values(food.result.facets.region).reduce((a, b) => a + b, 0)
    expect(regionSum).toBe(food.result.total)
  })

  test('star filters count only certificates valid today', async () => {
    const fourPlus = await page('stars=4')
    expect(fourPlus.result.hits.every((item) => (item.stars ?? 0) >= 4)).toBe(true)
    const threePlus = await findProductCards({ stars: 3 }, today, 1000)
    const slugs = threePlus.map((p) => p.slug)
    expect(slugs).not.toContain('gio-lua-cong-thinh') // expired
    expect(slugs).not.toContain('mat-ong-hoa-vai-thanh-ha') // revoked
    expect(slugs).toContain('mat-ong-vinh-hoa') // expiring within 30 days still counts
    expect(fourPlus.result.facets.stars['3']).toBe(threePlus.length)

    // Four years on, every certificate has expired: no stars anywhere.
    const later = new Date(today.getTime() + 4 * 366 * 86_400_000)
    const { total, facets } = await listProducts({ stars: 3, sort: 'newest', page: 1 }, later)
    expect(total).toBe(0)
    expect(facets.stars).toEqual({ '3': 0, '4': 0, '5': 0 })
  })

  test('region, province, village, kind, women-led, stock and price filters narrow the set', async () => {
    const hanoi = await page('region=dong-bang-song-hong&province=01')
    expect(hanoi.result.total).toBeGreaterThan(10)
    expect(hanoi.result.hits.every((item) => item.provinceVi === 'Hà Nội')).toBe(true)

    const silk = await page('village=lang-lua-van-phuc')
    expect(silk.result.total).toBeGreaterThan(0)
    expect(silk.result.total).toBeLessThan(hanoi.result.total)

    const women = await page('women=1')
    expect(women.result.total).toBe(women.result.facets.women)
    expect(women.result.total).toBeGreaterThan(0)

    const inStock = await page('instock=1')
    expect(inStock.result.hits.every((item) => item.stock > 0)).toBe(true)

    const cheap = await page('maxPrice=100000&sort=price-desc')
    expect(cheap.result.hits.every((item) => item.priceVnd <= 100000)).toBe(true)
    const prices = cheap.result.hits.map((item) => item.priceVnd)
    expect(prices).toEqual([...prices].sort((a, b) => b - a))

    const coops = await page('kind=HOP_TAC_XA')
    expect(coops.result.total).toBe(coops.result.facets.kind.HOP_TAC_XA)
  })

  test('a page past the end shows the last page with a notice', async () => {
    const { result, notices, filters } = await page('page=500')
    expect(filters.page).toBe(result.pageCount)
    expect(notices).toEqual([{ kind: 'pageTooLarge', last: result.pageCount }])
    expect(result.hits.length).toBeGreaterThan(0)
  })

  test('pages never overlap and together cover the whole set', async () => {
    const first = await page('sort=price-asc')
    const slugs = new Set<string>()
    for (let p = 1; p <= first.result.pageCount; p++) {
      const { result } = await page(`sort=price-asc&page=${p}`)
      for (const item of result.hits) slugs.add(item.slug)
    }
    expect(slugs.size).toBe(first.result.total)
  })
})

describe('disjunctive facets with several filters active', () => {
  test('each facet value counts what choosing it instead would give', async () => {
    const filters = {
      region: 'dong-bang-song-hong',
      stars: 3 as const,
      group: 'thu-cong-my-nghe',
      sort: 'newest' as const,
      page: 1,
    }
    const { facets, total } = await listProducts(filters, today)
    expect(total).toBeGreaterThan(0)
    for (const group of ['thuc-pham', 'thu-cong-my-nghe', 'do-uong']) {
      const alone = await listProducts({ ...filters, group }, today)
      expect(facets.group[group] ?? 0, group).toBe(alone.total)
    }
    for (const region of ['dong-bang-song-hong', 'dong-bang-song-cuu-long']) {
      const alone = await listProducts({ ...filters, region }, today)
      expect(facets.region[region] ?? 0, region).toBe(alone.total)
    }
    for (const stars of [3, 4, 5] as const) {
      const alone = await listProducts({ ...filters, stars }, today)
      expect(facets.stars[String(stars) as '3' | '4' | '5'], `${stars}★`).toBe(alone.total)
    }
  })
})
