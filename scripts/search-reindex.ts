/**
 * `npm run search:reindex`: rebuilds the search index from the database. With Meilisearch
 * (MEILI_HOST) it builds a new index, swaps it in atomically and deletes the old one, so searches
 * keep working throughout; with PostgreSQL it refreshes every "CatalogEntry" row.
 */
import path from 'node:path'
import { getSearchIndex } from '#app/modules/search/search.server.ts'
import { disconnectDb } from '#app/utils/db.server.ts'
import { migrateDatabase, openDatabase } from '../server/database.ts'

const log = (line: string) => console.log(`search:reindex: ${line}`)

// Without DATABASE_URL, the same embedded PostgreSQL as `npm start` (shared if it is running).
const dataDir = path.resolve(process.env.DATA_DIR ?? '.data')
const database = await openDatabase(dataDir, log)
process.env.DATABASE_URL = database.url
try {
  await migrateDatabase(database.url)
  const index = getSearchIndex()
  const started = performance.now()
  log(`rebuilding the ${index.name} index…`)
  const { documents } = await index.reindex()
  log(`${documents} documents indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`)
} catch (error) {
  console.error('search:reindex: failed:', error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await disconnectDb()
  await database.stop()
}
