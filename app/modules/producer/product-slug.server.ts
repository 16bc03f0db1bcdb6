import { randomBytes } from 'node:crypto'
import { type Prisma } from '#app/generated/prisma/client.ts'
import { slugify } from '#app/utils/slug.ts'

/**
 * A storefront slug for a new product: the Vietnamese name, then the producer's slug when the name is
 * taken, then a short random suffix. Slugs never change afterwards (links and search keep working).
 */
export async function uniqueProductSlug(
  db: Prisma.TransactionClient,
  nameVi: string,
  producerSlug: string,
): Promise<string> {
  const base = slugify(nameVi).slice(0, 80) || 'san-pham'
  const candidates = [base, `${base}-${producerSlug}`.slice(0, 120)]
  const taken = new Set(
    (await db.product.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((p) => p.slug),
  )
  const free = candidates.find((c) => !taken.has(c))
  return free ?? `${base}-${randomBytes(3).toString('hex')}`
}
