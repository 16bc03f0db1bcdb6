import { getDb } from '#app/utils/db.server.ts'
import { type SearchDocument } from './search-index.ts'

const DAY_MS = 86_400_000

/** Days since the epoch of a UTC date, the unit of certIssuedDay / certExpiresDay and of "today" in filters. */
export function epochDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS)
}

type DocumentRow = Omit<
  SearchDocument,
  'publishedAt' | 'certIssuedDay' | 'certExpiresDay' | 'places' | 'groupNames'
> & {
  publishedAt: Date | null
  certIssuedOn: Date | null
  certExpiresOn: Date | null
  places: (string | null)[]
  groupNames: string[]
}

/**
 * The search documents of these products, from the trigger-maintained "CatalogEntry" row plus what
 * it does not hold (descriptions, commune and region names, former place names, group names), in
 * one query. Products that no longer exist are simply absent; invisible ones come back with
 * `visible: false` so the caller can remove them from the index.
 */
export async function buildSearchDocuments(productIds: string[]): Promise<SearchDocument[]> {
  if (productIds.length === 0) return []
  const rows = await getDb().$queryRaw<DocumentRow[]>`
    SELECT e."productId" AS id, e.slug, e.visible, e."nameVi", e."nameEn",
      p."descriptionVi", p."descriptionEn", e."producerName",
      e."villageName", e."villageNameEn", e."villageSlug",
      ARRAY[c.name, e."provinceVi", e."provinceEn", r."nameVi", r."nameEn"] || COALESCE(former.names, '{}') AS places,
      e."groupCode", e."subgroupCode",
      ARRAY[g."nameVi", g."nameEn", sg."nameVi", sg."nameEn"] AS "groupNames",
      e."regionSlug", e."provinceCode", e."villageId", e."producerKind"::text AS "producerKind", e."womenLed",
      e."priceVnd", e.stock, e."publishedAt", e."certStars", e."certIssuedOn", e."certExpiresOn",
      e."unitVi", e."unitEn", e."provinceVi", e."provinceEn", e."imageUrl", e."imageAltVi", e."imageAltEn"
    FROM "CatalogEntry" e
    JOIN "Product" p ON p.id = e."productId"
    JOIN "Commune" c ON c.code = e."communeCode"
    JOIN "Region" r ON r.slug = e."regionSlug"
    JOIN "ProductGroup" g ON g.code = e."groupCode"
    JOIN "ProductSubgroup" sg ON sg.code = e."subgroupCode"
    LEFT JOIN LATERAL (
      -- "phường Vạn Phúc" and "quận Hà Đông" as separate places: people search either.
      SELECT array_agg(DISTINCT name ORDER BY name) AS names
      FROM "CommuneFormerName" f, unnest(ARRAY[f."formerCommune", f."formerDistrict"]) AS name
      WHERE f."communeCode" = e."communeCode" AND name IS NOT NULL
    ) former ON true
    WHERE e."productId" = ANY(${productIds}::text[])
    ORDER BY e."productId"`
  return rows.map(toDocument)
}

function toDocument(row: DocumentRow): SearchDocument {
  return {
    id: row.id,
    slug: row.slug,
    visible: row.visible,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    descriptionVi: row.descriptionVi,
    descriptionEn: row.descriptionEn,
    producerName: row.producerName,
    villageName: row.villageName,
    villageNameEn: row.villageNameEn,
    villageSlug: row.villageSlug,
    places: row.places.filter((place): place is string => place !== null),
    groupCode: row.groupCode,
    subgroupCode: row.subgroupCode,
    groupNames: row.groupNames,
    regionSlug: row.regionSlug,
    provinceCode: row.provinceCode,
    villageId: row.villageId,
    producerKind: row.producerKind,
    womenLed: row.womenLed,
    priceVnd: row.priceVnd,
    stock: row.stock,
    // Only visible (so published) products are indexed; a draft has no date and sorts last.
    publishedAt: row.publishedAt?.getTime() ?? 0,
    certStars: row.certStars,
    certIssuedDay: row.certIssuedOn ? epochDay(row.certIssuedOn) : null,
    certExpiresDay: row.certExpiresOn ? epochDay(row.certExpiresOn) : null,
    unitVi: row.unitVi,
    unitEn: row.unitEn,
    provinceVi: row.provinceVi,
    provinceEn: row.provinceEn,
    imageUrl: row.imageUrl,
    imageAltVi: row.imageAltVi,
    imageAltEn: row.imageAltEn,
  }
}

/** Ids of every visible product, in id order from `after` on, for rebuilding an index in batches. */
export async function visibleProductIds(after: string | null, limit: number): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT "productId" AS id FROM "CatalogEntry"
    WHERE visible AND (${after}::text IS NULL OR "productId" > ${after}::text)
    ORDER BY "productId" LIMIT ${limit}`
  return rows.map((row) => row.id)
}
