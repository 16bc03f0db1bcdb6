import { getDb } from '#app/utils/db.server.ts'
import { type Suggestion } from './search-index.ts'

/**
 * Villages and producers are a few hundred rows at most: they are answered from PostgreSQL (the
 * same trigram-indexed queries as the PostgreSQL adapter) rather than from two more Meilisearch
 * indexes that would need their own outbox for so little data. Used by both adapters.
 */
export async function suggestVillagesAndProducers(tokens: string[]): Promise<Suggestion[]> {
  const db = getDb()
  // Folded names are [a-z0-9 ] only here, so the phrase is safe inside a regular expression.
  const wordStart = `(^| )${tokens.join(' ')}`
  const [villages, producers] = await Promise.all([
    db.$queryRaw<{ slug: string; name: string; nameEn: string }[]>`
      SELECT slug, name, "nameEn" FROM "CraftVillage"
      WHERE ocop_fold(name || ' ' || "nameEn") ~ ${wordStart}
      ORDER BY name LIMIT 3`,
    db.$queryRaw<{ slug: string; name: string }[]>`
      SELECT slug, name FROM "Producer"
      WHERE status = 'VERIFIED' AND ocop_fold(name) ~ ${wordStart}
      ORDER BY name LIMIT 3`,
  ])
  return [
    ...villages.map((v) => ({ kind: 'village' as const, slug: v.slug, label: v.name, labelEn: v.nameEn })),
    ...producers.map((p) => ({ kind: 'producer' as const, slug: p.slug, label: p.name, labelEn: p.name })),
  ]
}
