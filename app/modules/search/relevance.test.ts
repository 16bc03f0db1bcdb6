import { describe, expect, test } from 'vitest'
import { createPostgresSearch } from './postgres-search.server.ts'
import { passes, RELEVANCE_CASES } from './relevance-cases.ts'

const index = createPostgresSearch()

describe(`relevance on the seeded catalogue (${RELEVANCE_CASES.length} labelled queries)`, () => {
  test.each(RELEVANCE_CASES)('$kind: "$q"', async (c) => {
    const { hits } = await index.search({
      q: c.q,
      filters: {},
      sort: 'relevance',
      page: 1,
      pageSize: 10,
      today: new Date(),
    })
    const slugs = hits.map((hit) => hit.slug)
    expect(passes(c, slugs), `top 3 were ${slugs.slice(0, 3).join(', ')}`).toBe(true)
  })
})
