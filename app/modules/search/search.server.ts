import { getEnv } from '#app/utils/env.server.ts'
import { createMeilisearchSearch } from './meilisearch-search.server.ts'
import { createPostgresSearch } from './postgres-search.server.ts'
import { type SearchIndex } from './search-index.ts'

let index: SearchIndex | null = null

/** The search adapter, chosen once from the environment: Meilisearch when MEILI_HOST is set. */
export function getSearchIndex(): SearchIndex {
  if (!index) {
    const env = getEnv()
    index = env.MEILI_HOST
      ? createMeilisearchSearch({ host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY, indexName: env.MEILI_INDEX })
      : createPostgresSearch()
  }
  return index
}
