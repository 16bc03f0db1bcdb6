/**
 * `npm run bench:relevance`: the 52 labelled queries of relevance-cases.ts on the seeded reference
 * catalogue (63 products), for the search port (PostgreSQL adapter) and the naive ILIKE baseline:
 * pass rate, precision@3, recall@10 and mean reciprocal rank, per kind and overall
 * (docs/BENCHMARKS.md). Prints figures; never fails on them.
 *
 * Like the tests (tests/setup/global-setup.ts) it runs on a fresh embedded PostgreSQL in a temporary
 * folder, migrated and seeded with the reference data, and removes it afterwards.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { placeholderImages } from '#app/modules/media/placeholder.server.ts'
import { createPostgresSearch } from '#app/modules/search/postgres-search.server.ts'
import { normaliseQuery } from '#app/modules/search/query.ts'
import { RELEVANCE_CASES, relevantSlugs } from '#app/modules/search/relevance-cases.ts'
import { now } from '#app/utils/clock.server.ts'
import { disconnectDb, getDb } from '#app/utils/db.server.ts'
import { seedReferenceData } from '../prisma/seed/run-seed.ts'
import { migrateDatabase } from '../server/database.ts'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/embedded-postgres.ts'
import { machineLines } from './lib/catalogue.ts'
import { scoreCase, summariseByKind, type CaseScore, type ScoreSummary } from './lib/relevance.ts'
import { markdownTable } from './lib/report.ts'
import { ilikeSearch } from './lib/search-baseline.ts'
import { cleanUpOnSignals } from './lib/processes.ts'

const TOP = 10
const log = (line: string) => console.log(`[bench] ${line}`)

const fixed = (value: number) => value.toFixed(3)

function scoreTable(adapter: ScoreSummary[], baseline: ScoreSummary[]): string {
  const rows = adapter.map((a, i) => {
    const b = baseline[i]
    return [
      a.group,
      String(a.cases),
      `${a.passed}/${a.cases}`,
      fixed(a.precisionAt3),
      fixed(a.recallAt10),
      fixed(a.mrr),
      `${b.passed}/${b.cases}`,
      fixed(b.precisionAt3),
      fixed(b.recallAt10),
      fixed(b.mrr),
    ]
  })
  return markdownTable(
    [
      { title: 'kind', align: 'left' },
      { title: 'cases', align: 'right' },
      { title: 'search passed', align: 'right' },
      { title: 'search P@3', align: 'right' },
      { title: 'search R@10', align: 'right' },
      { title: 'search MRR', align: 'right' },
      { title: 'ILIKE passed', align: 'right' },
      { title: 'ILIKE P@3', align: 'right' },
      { title: 'ILIKE R@10', align: 'right' },
      { title: 'ILIKE MRR', align: 'right' },
    ],
    rows,
  )
}

async function run(): Promise<void> {
  const db = getDb()
  const index = createPostgresSearch()
  const today = now()
  const adapter: CaseScore[] = []
  const baseline: CaseScore[] = []
  const misses: string[] = []
  for (const c of RELEVANCE_CASES) {
    const text = normaliseQuery(c.q).text
    const result = await index.search({ q: text, filters: {}, sort: 'relevance', page: 1, pageSize: TOP, today })
    const slugs = result.hits.map((hit) => hit.slug)
    const score = scoreCase(c, slugs)
    adapter.push(score)
    baseline.push(scoreCase(c, (await ilikeSearch(db, text, TOP)).slugs))
    if (!score.passed || score.recallAt10 < 1 || score.reciprocalRank < 1) {
      const relevant = new Set(relevantSlugs(c))
      const top = slugs.slice(0, 3).map((slug) => (relevant.has(slug) ? `${slug} ✓` : slug))
      misses.push(
        `  ${score.passed ? 'passed' : 'FAILED'} ${c.kind} "${c.q}": P@3 ${fixed(score.precisionAt3)}, ` +
          `R@10 ${fixed(score.recallAt10)}, RR ${fixed(score.reciprocalRank)} (${result.matchMode} mode); ` +
          `top 3: ${top.join(', ') || '(none)'}`,
      )
    }
  }

  const print = (...lines: string[]) => lines.forEach((line) => console.log(line))
  print(
    '',
    `${RELEVANCE_CASES.length} labelled queries on the reference catalogue, top ${TOP} hits of each. ` +
      `passed = the case's top-3 rule (passes()); P@3 = relevant hits among the first 3 ÷ min(3, relevant products); ` +
      `R@10 = relevant hits among the first 10 ÷ relevant products; MRR = mean of 1 ÷ rank of the first relevant hit ` +
      `in the top 10 (0 when none). Means over the cases of each row.`,
    '',
    scoreTable(summariseByKind(RELEVANCE_CASES, adapter), summariseByKind(RELEVANCE_CASES, baseline)),
    '',
    `search: cases that failed, left a relevant product out of the top ${TOP} or did not rank one first (✓ = relevant):`,
    ...(misses.length ? misses : ['  none']),
    '',
    'ILIKE baseline: `%words%` as typed, in the Vietnamese or English name or the Vietnamese description, newest ' +
      'first: no diacritic folding, ranking or typo tolerance, and place or village words only where the text has them.',
    '',
  )
}

async function main() {
  for (const line of machineLines()) log(line)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ocop-relevance-'))
  // As root the server runs as the `postgres` user, which must be able to reach the folder.
  chmodSync(dataDir, 0o755)
  let database: EmbeddedDatabase | null = null
  const cleanUp = async () => {
    await disconnectDb().catch(() => {})
    await database?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  cleanUpOnSignals(cleanUp, log)
  try {
    const started = Date.now()
    database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), database: 'ocop' })
    await migrateDatabase(database.url)
    process.env.DATABASE_URL = database.url
    process.env.MEDIA_DIR = path.join(dataDir, 'media')
    const seeded = await seedReferenceData(getDb(), { images: placeholderImages })
    log(
      `fresh database in ${path.join(dataDir, 'postgres')}: migrated and seeded with the reference data ` +
        `(${seeded.products} products) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
    await run()
  } finally {
    await cleanUp()
  }
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
