/**
 * Saves one batch of valid rows for one producer: existing products (matched on producer + SKU)
 * are updated, new ones inserted, each with one set-based statement, so the catalogue triggers run
 * once per batch rather than once per row. Runs inside the caller's transaction.
 */
import { randomBytes } from 'node:crypto'
import { type Prisma } from '#app/generated/prisma/client.ts'
import { LISTING_TRANSITIONS, type ListingStatus } from '#app/modules/producer/listing-rules.ts'
import { slugify } from '#app/utils/slug.ts'
import { type ImportRow, type Rejection } from './catalog-rows.server.ts'
import { REASONS } from './import-messages.ts'

export type ProducerRef = { id: string; slug: string }
export type BatchResult = { created: number; updated: number; rejections: Rejection[] }

let idSequence = 0

/** A cuid-like id (25 characters, starts with "c"), like the ids Prisma makes for products. */
function newProductId(): string {
  idSequence = (idSequence + 1) % 1_679_616
  const time = Date.now().toString(36).padStart(8, '0').slice(-8)
  const count = idSequence.toString(36).padStart(4, '0')
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(36)
    .padStart(12, '0')
    .slice(-12)
  return `c${time}${count}${random}`
}

/** Timestamps are stored as UTC in `timestamp(3)` columns, as Prisma writes them. */
function sqlTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '')
}

/**
 * Storefront slugs for new products, in the order of `names`, with the same candidates as
 * uniqueProductSlug (the name, then name + producer, then a random suffix), checked for the whole
 * batch in one query, and distinct within the batch.
 */
export async function allocateProductSlugs(
  db: Prisma.TransactionClient,
  names: readonly string[],
  producerSlug: string,
  /** Slugs given out by other batches not committed yet: treated as taken, and the new ones added. */
  reserved: Set<string> = new Set(),
): Promise<string[]> {
  const bases = names.map((name) => slugify(name).slice(0, 80) || 'san-pham')
  const candidatesOf = (base: string) => [base, `${base}-${producerSlug}`.slice(0, 120)]
  const wanted = [...new Set(bases.flatMap(candidatesOf))]
  const taken = new Set(
    wanted.length === 0
      ? []
      : (await db.$queryRaw<{ slug: string }[]>`SELECT slug FROM "Product" WHERE slug = ANY(${wanted}::text[])`).map(
          (row) => row.slug,
        ),
  )
  const isTaken = (slug: string) => taken.has(slug) || reserved.has(slug)
  const slugs: string[] = []
  const random: number[] = []
  bases.forEach((base, i) => {
    const free = candidatesOf(base).find((candidate) => !isTaken(candidate))
    if (free) {
      taken.add(free)
      slugs.push(free)
    } else {
      slugs.push('')
      random.push(i)
    }
  })
  // Random suffixes: 16 million per name, so a clash is rare; any clash is drawn again.
  let pending = random
  while (pending.length > 0) {
    const drawn = pending.map((i) => {
      let slug: string
      do slug = `${bases[i]}-${randomBytes(3).toString('hex')}`
      while (isTaken(slug))
      taken.add(slug)
      slugs[i] = slug
      return slug
    })
    const clashes = new Set(
      (await db.$queryRaw<{ slug: string }[]>`SELECT slug FROM "Product" WHERE slug = ANY(${drawn}::text[])`).map(
        (row) => row.slug,
      ),
    )
    pending = pending.filter((i) => clashes.has(slugs[i]))
  }
  for (const slug of slugs) reserved.add(slug)
  return slugs
}

type Existing = { id: string; sku: string; status: ListingStatus }

/** Rows whose product exists get the update; a status change the listing rules forbid rejects the row. */
export async function writeImportBatch(
  db: Prisma.TransactionClient,
  producer: ProducerRef,
  rows: readonly ImportRow[],
  now: Date,
  reservedSlugs?: Set<string>,
): Promise<BatchResult> {
  if (rows.length === 0) return { created: 0, updated: 0, rejections: [] }
  const existing = new Map(
    (
      await db.$queryRaw<Existing[]>`
        SELECT id, sku, status::text AS status FROM "Product"
        WHERE "producerId" = ${producer.id} AND sku = ANY(${rows.map((row) => row.sku)}::text[])`
    ).map((product) => [product.sku, product]),
  )
  const rejections: Rejection[] = []
  const inserts: ImportRow[] = []
  const updates: { row: ImportRow; id: string }[] = []
  for (const row of rows) {
    const product = existing.get(row.sku)
    if (!product) {
      inserts.push(row)
    } else if (
      row.status &&
      row.status !== product.status &&
      !LISTING_TRANSITIONS[product.status].includes(row.status)
    ) {
      const reason = product.status === 'HIDDEN' ? REASONS.hiddenByOffice : REASONS.archivedToPublished
      rejections.push({ line: row.line, sku: row.sku, reasons: [reason] })
    } else {
      updates.push({ row, id: product.id })
    }
  }
  const at = sqlTimestamp(now)
  if (inserts.length > 0) await insertProducts(db, producer, inserts, at, reservedSlugs)
  if (updates.length > 0) await updateProducts(db, updates, at)
  return { created: inserts.length, updated: updates.length, rejections }
}

async function insertProducts(
  db: Prisma.TransactionClient,
  producer: ProducerRef,
  rows: ImportRow[],
  at: string,
  reservedSlugs?: Set<string>,
) {
  const slugs = await allocateProductSlugs(
    db,
    rows.map((row) => row.nameVi),
    producer.slug,
    reservedSlugs,
  )
  await db.$executeRawUnsafe(
    `INSERT INTO "Product" (
       id, "producerId", sku, slug, "groupCode", "subgroupCode", "nameVi", "nameEn", "descriptionVi",
       "descriptionEn", "priceVnd", "unitVi", "unitEn", "weightGrams", stock, status, "publishedAt",
       "createdAt", "updatedAt")
     SELECT v.id, $1, v.sku, v.slug, v.group_code, v.subgroup_code, v.name_vi, v.name_en, v.description_vi,
       v.description_en, v.price_vnd, v.unit_vi, v.unit_en, v.weight_grams, v.stock, v.status::"ProductStatus",
       CASE WHEN v.status = 'PUBLISHED' THEN $2::timestamp END, $2::timestamp, $2::timestamp
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
       $10::text[], $11::text[], $12::int[], $13::text[], $14::text[], $15::int[], $16::int[], $17::text[])
       AS v(id, sku, slug, group_code, subgroup_code, name_vi, name_en, description_vi, description_en,
         price_vnd, unit_vi, unit_en, weight_grams, stock, status)`,
    producer.id,
    at,
    rows.map(() => newProductId()),
    rows.map((row) => row.sku),
    slugs,
    rows.map((row) => row.groupCode),
    rows.map((row) => row.subgroupCode),
    rows.map((row) => row.nameVi),
    rows.map((row) => row.nameEn ?? ''),
    rows.map((row) => row.descriptionVi ?? ''),
    rows.map((row) => row.descriptionEn ?? ''),
    rows.map((row) => row.priceVnd),
    rows.map((row) => row.unitVi),
    rows.map((row) => row.unitEn),
    rows.map((row) => row.weightGrams),
    rows.map((row) => row.stock),
    rows.map((row) => row.status ?? 'DRAFT'),
  )
}

/**
 * Empty optional cells (null) keep the product's value. Publishing (again) stamps publishedAt, as
 * the listing pages do. Rows identical to the product are left alone: no new updatedAt, no
 * catalogue refresh, no search re-index for a re-imported file.
 */
async function updateProducts(db: Prisma.TransactionClient, updates: { row: ImportRow; id: string }[], at: string) {
  const rows = updates.map((update) => update.row)
  await db.$executeRawUnsafe(
    `WITH v AS (
       SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::int[], $10::text[], $11::text[], $12::int[], $13::int[], $14::text[])
         AS v(id, group_code, subgroup_code, name_vi, name_en, description_vi, description_en, price_vnd,
           unit_vi, unit_en, weight_grams, stock, status)
     ), next AS (
       SELECT p.id, v.group_code, v.subgroup_code, v.name_vi,
         COALESCE(v.name_en, p."nameEn") AS name_en,
         COALESCE(v.description_vi, p."descriptionVi") AS description_vi,
         COALESCE(v.description_en, p."descriptionEn") AS description_en,
         v.price_vnd, v.unit_vi, v.unit_en, v.weight_grams, v.stock,
         COALESCE(v.status, p.status::text) AS status,
         CASE WHEN v.status = 'PUBLISHED' AND p.status <> 'PUBLISHED' THEN $1::timestamp
           ELSE p."publishedAt" END AS published_at
       FROM v JOIN "Product" p ON p.id = v.id
     )
     UPDATE "Product" AS p SET
       "groupCode" = n.group_code, "subgroupCode" = n.subgroup_code, "nameVi" = n.name_vi, "nameEn" = n.name_en,
       "descriptionVi" = n.description_vi, "descriptionEn" = n.description_en, "priceVnd" = n.price_vnd,
       "unitVi" = n.unit_vi, "unitEn" = n.unit_en, "weightGrams" = n.weight_grams, stock = n.stock,
       status = n.status::"ProductStatus", "publishedAt" = n.published_at, "updatedAt" = $1::timestamp
     FROM next n
     WHERE p.id = n.id
       AND (p."groupCode", p."subgroupCode", p."nameVi", p."nameEn", p."descriptionVi", p."descriptionEn",
         p."priceVnd", p."unitVi", p."unitEn", p."weightGrams", p.stock, p.status::text, p."publishedAt")
         IS DISTINCT FROM
         (n.group_code, n.subgroup_code, n.name_vi, n.name_en, n.description_vi, n.description_en,
         n.price_vnd, n.unit_vi, n.unit_en, n.weight_grams, n.stock, n.status, n.published_at)`,
    at,
    updates.map((update) => update.id),
    rows.map((row) => row.groupCode),
    rows.map((row) => row.subgroupCode),
    rows.map((row) => row.nameVi),
    rows.map((row) => row.nameEn),
    rows.map((row) => row.descriptionVi),
    rows.map((row) => row.descriptionEn),
    rows.map((row) => row.priceVnd),
    rows.map((row) => row.unitVi),
    rows.map((row) => row.unitEn),
    rows.map((row) => row.weightGrams),
    rows.map((row) => row.stock),
    rows.map((row) => row.status),
  )
}
