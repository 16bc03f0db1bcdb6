/**
 * The naive search the benchmarks compare with: `ILIKE '%words%'` over the product table, newest
 * first, through the same Prisma client as the adapter. It does not fold diacritics ("mat ong" does
 * not find "Mật ong"), has no ranking, no typo tolerance, no facet counts and ignores filters.
 */
import { type PrismaClient } from '#app/generated/prisma/client.ts'

export type BaselineResult = { slugs: string[]; total: number }

/** `%text%` with LIKE's own wildcards escaped, so the user's words are taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Hits (newest first) and the total for the words as typed, in name or Vietnamese description. */
export async function ilikeSearch(db: PrismaClient, text: string, limit: number): Promise<BaselineResult> {
  const pattern = containsPattern(text)
  const [rows, counted] = await Promise.all([
    db.$queryRaw<{ slug: string; nameVi: string; nameEn: string; priceVnd: number }[]>`
      SELECT p.slug, p."nameVi", p."nameEn", p."priceVnd" FROM "Product" p
      WHERE p.status = 'PUBLISHED'
        AND (p."nameVi" ILIKE ${pattern} OR p."nameEn" ILIKE ${pattern} OR p."descriptionVi" ILIKE ${pattern})
      ORDER BY p."publishedAt" DESC LIMIT ${limit}`,
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Product" p
      WHERE p.status = 'PUBLISHED'
        AND (p."nameVi" ILIKE ${pattern} OR p."nameEn" ILIKE ${pattern} OR p."descriptionVi" ILIKE ${pattern})`,
  ])
  return { slugs: rows.map((row) => row.slug), total: counted[0]?.n ?? 0 }
}

/** Autocomplete the naive way: product names containing the prefix as typed, newest first. */
export async function ilikeSuggest(db: PrismaClient, prefix: string, limit: number): Promise<string[]> {
  const pattern = containsPattern(prefix)
  const rows = await db.$queryRaw<{ slug: string; nameVi: string }[]>`
    SELECT p.slug, p."nameVi" FROM "Product" p
    WHERE p.status = 'PUBLISHED' AND (p."nameVi" ILIKE ${pattern} OR p."nameEn" ILIKE ${pattern})
    ORDER BY p."publishedAt" DESC LIMIT ${limit}`
  return rows.map((row) => row.slug)
}
