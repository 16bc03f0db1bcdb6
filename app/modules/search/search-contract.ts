/**
 * The behaviour every SearchIndex adapter must have, as a reusable Vitest suite. PostgreSQL runs it
 * always (postgres-search.server.test.ts); Meilisearch runs it when MEILI_HOST points at a real
 * server (meilisearch-search.server.test.ts). Runs on the seeded test catalogue.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { type SearchIndex, type SearchQuery } from './search-index.ts'

export function describeSearchContract(name: string, makeIndex: () => SearchIndex | Promise<SearchIndex>) {
  describe(`search contract: ${name}`, () => {
    let index: SearchIndex
    const today = new Date()
    const query = (q: string, extra: Partial<SearchQuery> = {}) =>
      index.search({ q, filters: {}, sort: q ? 'relevance' : 'newest', page: 1, pageSize: 24, today, ...extra })

    beforeAll(async () => {
      index = await makeIndex()
      await index.reindex()
    })

    test('browsing without words returns every visible product with facet counts that add up', async () => {
      const visible = await getDb().product.count({ where: { status: 'PUBLISHED', producer: { status: 'VERIFIED' } } })
      const result = await query('')
      expect(result.total).toBe(visible)
      const groups = Object.values(result.facets.group).reduce((a, b) => a + b, 0)
      expect(groups).toBe(visible)
    })

    test('words match without tone marks, and hits say where', async () => {
      const result = await query('mat ong')
      expect(result.total).toBeGreaterThanOrEqual(3)
      expect(result.hits[0].highlightVi).toMatch(/«Mật» «ong»/)
      // Facets describe the matching set, not the whole catalogue.
      expect(Object.values(result.facets.group).reduce((a, b) => a + b, 0)).toBe(result.total)
    })

    test('filters and sorting combine with words', async () => {
      const result = await query('tra', { filters: { stars: 4 }, sort: 'price-asc' })
      expect(result.total).toBeGreaterThan(0)
      for (const hit of result.hits) expect(hit.stars ?? 0).toBeGreaterThanOrEqual(4)
      const prices = result.hits.map((hit) => hit.priceVnd)
      expect(prices).toEqual([...prices].sort((a, b) => a - b))
    })

    test('pages do not overlap', async () => {
      const first = await query('', { pageSize: 10 })
      const second = await query('', { pageSize: 10, page: 2 })
      const overlap = first.hits.filter((hit) => second.hits.some((other) => other.slug === hit.slug))
      expect(overlap).toEqual([])
    })

    test('autocomplete suggests products, craft villages and producers by prefix', async () => {
      const suggestions = await index.suggest('lua van ph', 6, today)
      expect(suggestions.some((s) => s.kind === 'village' && s.slug === 'lang-lua-van-phuc')).toBe(true)
      expect(suggestions.some((s) => s.kind === 'product')).toBe(true)
      expect(await index.suggest('   ', 6, today)).toEqual([])
    })

    test('a product saved with new words is found by them after sync; an archived one is gone', async () => {
      const db = getDb()
      const product = await db.product.findUniqueOrThrow({ where: { slug: 'tra-loc' }, select: { id: true } })
      await db.product.update({ where: { id: product.id }, data: { nameVi: 'Trà Lộc thượng hạng Xuân Đỉnh' } })
      await index.sync([product.id])
      expect((await query('xuan dinh')).hits.map((hit) => hit.slug)).toContain('tra-loc')

      await db.product.update({ where: { id: product.id }, data: { status: 'ARCHIVED' } })
      await index.sync([product.id])
      expect((await query('xuan dinh')).hits.map((hit) => hit.slug)).not.toContain('tra-loc')
    })

    test.each([
      '\'; DROP TABLE "Product"; --',
      '100% _ \\ "quoted"',
      'a:* & !b | (c)',
      '🍯🐝',
      '     ',
      'x'.repeat(5000),
    ])('hostile query %j gets a normal answer', async (q) => {
      const result = await query(q)
      expect(result.total).toBeGreaterThanOrEqual(0)
      expect(Array.isArray(result.hits)).toBe(true)
    })
  })
}
