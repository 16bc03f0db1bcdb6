/**
 * The triggers that keep "CatalogEntry" current (migrations 20261128010000_catalog_entries,
 * 20261128020000_search, 20261128030000_search_outbox, 20261129010000_catalog_refresh_speed): the
 * cheaper paths (a stock or price change without recomputing the search document, the search
 * document's producer parts computed once per producer, unchanged rows not rewritten) must give
 * exactly the rows the original per-product formula gives, and still enqueue the search outbox and
 * send NOTIFY catalog_changed.
 */
import pg from 'pg'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { createPostgresSearch } from '#app/modules/search/postgres-search.server.ts'
import { buildSearchDocuments } from '#app/modules/search/search-documents.server.ts'
import { type SearchQuery } from '#app/modules/search/search-index.ts'

/**
 * Every "CatalogEntry" column as the original refresh_catalog_entries() (20261128020000_search)
 * computed it, one product at a time: the reference the faster paths must match.
 */
const REFERENCE_ENTRIES = `
  SELECT p.id AS "productId", (p.status = 'PUBLISHED' AND pr.status = 'VERIFIED') AS visible, p.slug, p."nameVi",
    p."nameEn", p."priceVnd", p."unitVi", p."unitEn", p.stock, p."publishedAt", p."groupCode", p."subgroupCode",
    pr.id AS "producerId", pr.name AS "producerName", pr.kind AS "producerKind", pr."womenLed", pr."ethnicMinority",
    pr."villageId", c.code AS "communeCode", pv.code AS "provinceCode", pv."regionSlug", pv."nameVi" AS "provinceVi",
    pv."nameEn" AS "provinceEn", cert.stars AS "certStars", cert."issuedOn" AS "certIssuedOn",
    cert."expiresOn" AS "certExpiresOn", img.url AS "imageUrl", img."altVi" AS "imageAltVi", img."altEn" AS "imageAltEn",
    v.slug AS "villageSlug", v.name AS "villageName", v."nameEn" AS "villageNameEn",
    ocop_fold(p."nameVi" || ' ' || p."nameEn") AS "searchNames",
    ocop_fold(concat_ws(' ', p."nameVi", p."nameEn", pr.name, v.name, v."nameEn", places.text, groups.text)) AS "searchText",
    setweight(to_tsvector('simple', ocop_fold(p."nameVi" || ' ' || p."nameEn")), 'A')
      || setweight(to_tsvector('simple', distinct_words(ocop_fold(concat_ws(' ', pr.name, v.name, v."nameEn", v."craftVi", v."craftEn")))), 'B')
      || setweight(to_tsvector('simple', distinct_words(ocop_fold(concat_ws(' ', places.text, groups.text)))), 'C')
      || setweight(to_tsvector('simple', ocop_fold(p."descriptionVi" || ' ' || p."descriptionEn")), 'D') AS "searchVector"
  FROM "Product" p
  JOIN "Producer" pr ON pr.id = p."producerId"
  JOIN "Commune" c ON c.code = pr."communeCode"
  JOIN "Province" pv ON pv.code = c."provinceCode"
  JOIN "Region" r ON r.slug = pv."regionSlug"
  JOIN "ProductGroup" g ON g.code = p."groupCode"
  JOIN "ProductSubgroup" sg ON sg.code = p."subgroupCode"
  LEFT JOIN "CraftVillage" v ON v.id = pr."villageId"
  LEFT JOIN LATERAL (
    SELECT concat_ws(' ', c.name, pv."nameVi", pv."nameEn", r."nameVi", r."nameEn",
      string_agg(concat_ws(' ', f."formerCommune", f."formerDistrict"), ' ')) AS text
    FROM "CommuneFormerName" f WHERE f."communeCode" = c.code
  ) places ON true
  CROSS JOIN LATERAL (SELECT concat_ws(' ', g."nameVi", g."nameEn", sg."nameVi", sg."nameEn") AS text) groups
  LEFT JOIN LATERAL (
    SELECT ce.stars, ce."issuedOn", ce."expiresOn" FROM "Certificate" ce
    WHERE ce."productId" = p.id AND ce."revokedAt" IS NULL
    ORDER BY ce."issuedOn" DESC, ce."createdAt" DESC LIMIT 1
  ) cert ON true
  LEFT JOIN LATERAL (
    SELECT i.url, i."altVi", i."altEn" FROM "ProductImage" i
    WHERE i."productId" = p.id ORDER BY i.position, i.id LIMIT 1
  ) img ON true`

const COLUMNS = `"productId", visible, slug, "nameVi", "nameEn", "priceVnd", "unitVi", "unitEn", stock, "publishedAt",
  "groupCode", "subgroupCode", "producerId", "producerName", "producerKind", "womenLed", "ethnicMinority",
  "villageId", "communeCode", "provinceCode", "regionSlug", "provinceVi", "provinceEn", "certStars",
  "certIssuedOn", "certExpiresOn", "imageUrl", "imageAltVi", "imageAltEn", "villageSlug", "villageName",
  "villageNameEn", "searchNames", "searchText", "searchVector"`

/** Products whose entry differs from the reference, or is missing, or is left over. */
async function entriesOffReference(): Promise<string[]> {
  const rows = await getDb().$queryRawUnsafe<{ id: string }[]>(`
    SELECT COALESCE(e."productId", ref."productId") AS id
    FROM (SELECT ${COLUMNS} FROM "CatalogEntry") e
    FULL JOIN (${REFERENCE_ENTRIES}) ref ON ref."productId" = e."productId"
    WHERE ROW(e.*) IS DISTINCT FROM ROW(ref.*)`)
  return rows.map((row) => row.id)
}

type Entry = {
  productId: string
  version: string
  stock: number
  priceVnd: number
  visible: boolean
  searchNames: string
  searchText: string
  searchVector: string
}

async function entries(productIds: string[]): Promise<Map<string, Entry>> {
  const rows = await getDb().$queryRaw<Entry[]>`
    SELECT "productId", xmin::text AS version, stock, "priceVnd", visible, "searchNames", "searchText",
      "searchVector"::text AS "searchVector"
    FROM "CatalogEntry" WHERE "productId" = ANY(${productIds}::text[])`
  return new Map(rows.map((row) => [row.productId, row]))
}

async function entry(productId: string): Promise<Entry> {
  const found = (await entries([productId])).get(productId)
  if (!found) throw new Error(`no catalogue entry for ${productId}`)
  return found
}

async function outboxIds(): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ productId: string }[]>`SELECT "productId" FROM "SearchOutbox" ORDER BY id`
  return rows.map((row) => row.productId)
}

// One LISTEN connection for the file: NOTIFY is delivered on commit, so each write below has committed.
let listener: pg.Client
let notifications: string[] = []
let payloads: string[] = []

async function notified(): Promise<boolean> {
  // A round trip on the listening connection makes sure a notification sent before it has arrived.
  await listener.query('SELECT 1')
  return notifications.length > 0
}

beforeAll(async () => {
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await listener.connect()
  listener.on('notification', (message) => {
    notifications.push(message.channel)
    payloads.push(message.payload ?? '')
  })
  await listener.query('LISTEN catalog_changed')
})

afterAll(async () => {
  await listener.end()
})

beforeEach(async () => {
  await getDb().$executeRaw`DELETE FROM "SearchOutbox"`
  await listener.query('SELECT 1')
  notifications = []
  payloads = []
})

const today = new Date()
function query(q: string): SearchQuery {
  return { q, filters: {}, sort: 'relevance', page: 1, pageSize: 24, today }
}

async function visibleProductWithStock() {
  const found = await getDb().catalogEntry.findFirstOrThrow({
    where: { visible: true, stock: { gt: 1 } },
    select: { productId: true, stock: true, priceVnd: true },
    orderBy: { productId: 'asc' },
  })
  return found
}

test('the seeded catalogue matches the original per-product formula exactly', async () => {
  expect(await entriesOffReference()).toEqual([])
})

test('a stock-only update changes the entry’s stock, keeps its search document, and is still enqueued and notified', async () => {
  const { productId, stock } = await visibleProductWithStock()
  const before = await entry(productId)

  await getDb().product.update({ where: { id: productId }, data: { stock: { decrement: 1 } } })

  const after = await entry(productId)
  expect(after.stock).toBe(stock - 1)
  expect(after.version).not.toBe(before.version)
  expect({ ...after, version: '', stock: 0 }).toEqual({ ...before, version: '', stock: 0 })
  // The external index holds the stock: the product goes to the outbox, and its document has the new stock.
  expect(await outboxIds()).toEqual([productId])
  expect((await buildSearchDocuments([productId]))[0]?.stock).toBe(stock - 1)
  expect(await notified()).toBe(true)

  // Down to zero (out of stock), a price change and unpublishing: all light, all enqueued.
  await getDb().$executeRaw`DELETE FROM "SearchOutbox"`
  await getDb().product.update({ where: { id: productId }, data: { stock: 0, priceVnd: { increment: 1000 } } })
  expect(await entry(productId)).toMatchObject({ stock: 0, visible: true })
  expect(await outboxIds()).toEqual([productId])
  await getDb().product.update({ where: { id: productId }, data: { status: 'DRAFT' } })
  expect((await entry(productId)).visible).toBe(false)
  expect(await outboxIds()).toEqual([productId, productId])
  expect(await entriesOffReference()).toEqual([])
})

test('a notice says "stock" when only stock counts moved; running out, coming back and other edits say more', async () => {
  const { productId, stock } = await visibleProductWithStock()
  const db = getDb()
  const noticeOf = async (write: () => Promise<unknown>) => {
    await listener.query('SELECT 1')
    payloads = []
    await write()
    await listener.query('SELECT 1')
    return payloads
  }
  // As checkout takes stock: a conditional update in SQL.
  expect(
    await noticeOf(() => db.$executeRaw`UPDATE "Product" SET stock = stock - 1 WHERE id = ${productId} AND stock >= 1`),
  ).toEqual(['stock'])
  expect(
    await noticeOf(() => db.product.update({ where: { id: productId }, data: { stock: { increment: 1 } } })),
  ).toEqual(['stock'])
  expect(await noticeOf(() => db.product.update({ where: { id: productId }, data: { stock: 0 } }))).toEqual([''])
  expect(await noticeOf(() => db.product.update({ where: { id: productId }, data: { stock } }))).toEqual([''])
  expect(
    await noticeOf(() => db.product.update({ where: { id: productId }, data: { weightGrams: { increment: 1 } } })),
  ).toEqual([''])
  expect(
    await noticeOf(() =>
      db.product.update({ where: { id: productId }, data: { stock: { decrement: 1 }, priceVnd: { increment: 1000 } } }),
    ),
  ).toEqual([''])
})

test('a weight-only update (not in the catalogue) changes no entry and enqueues nothing, but still notifies', async () => {
  const { productId } = await visibleProductWithStock()
  const before = await entry(productId)
  await getDb().product.update({ where: { id: productId }, data: { weightGrams: { increment: 5 } } })
  expect(await entry(productId)).toEqual(before)
  expect(await outboxIds()).toEqual([])
  // Product pages show the weight: the page caches must still hear of it.
  expect(await notified()).toBe(true)
})

test('a name change updates the search columns and the new name is found', async () => {
  const { productId } = await visibleProductWithStock()
  expect((await createPostgresSearch().search(query('Quýt Zebrovka'))).hits.map((hit) => hit.id)).not.toContain(
    productId,
  )

  await getDb().product.update({ where: { id: productId }, data: { nameVi: 'Quýt Zebrovka Bắc Kạn' } })

  const after = await entry(productId)
  expect(after.searchNames).toContain('quyt zebrovka bac kan')
  expect(after.searchText).toContain('quyt zebrovka bac kan')
  expect(after.searchVector).toContain("'zebrovka':")
  const result = await createPostgresSearch().search(query('quyt zebrovka'))
  expect(result.hits.map((hit) => hit.id)).toContain(productId)
  expect(await outboxIds()).toEqual([productId])
  expect(await notified()).toBe(true)
  expect(await entriesOffReference()).toEqual([])
})

test('a description change updates the search vector', async () => {
  const { productId } = await visibleProductWithStock()
  await getDb().product.update({ where: { id: productId }, data: { descriptionEn: 'Aged in xylophonic caves.' } })
  expect((await entry(productId)).searchVector).toContain("'xylophonic':")
  expect(await outboxIds()).toEqual([productId])
  expect(await entriesOffReference()).toEqual([])
})

test('a producer rename reaches the search text of all its products; an unrelated producer change refreshes nothing', async () => {
  const db = getDb()
  const producer = await db.producer.findFirstOrThrow({
    where: { products: { some: {} } },
    orderBy: { products: { _count: 'desc' } },
    select: { id: true, products: { select: { id: true } } },
  })
  const ids = producer.products.map((product) => product.id)
  expect(ids.length).toBeGreaterThan(1)

  await db.producer.update({ where: { id: producer.id }, data: { name: 'HTX Quạ Trắng Zanzibar' } })

  for (const current of (await entries(ids)).values()) {
    expect(current.searchText).toContain('htx qua trang zanzibar')
    expect(current.searchVector).toContain("'zanzibar':")
  }
  expect(new Set(await outboxIds())).toEqual(new Set(ids))
  expect(await notified()).toBe(true)
  expect(await entriesOffReference()).toEqual([])

  // A new phone number: nothing the catalogue holds, so no entry is rewritten and nothing is enqueued.
  await db.$executeRaw`DELETE FROM "SearchOutbox"`
  notifications = []
  const before = await entries(ids)
  await db.producer.update({ where: { id: producer.id }, data: { phone: '0912 345 678' } })
  expect(await entries(ids)).toEqual(before)
  expect(await outboxIds()).toEqual([])
  expect(await notified()).toBe(true)
})

test('a village rename reaches the search text of every product of its producers', async () => {
  const db = getDb()
  const village = await db.craftVillage.findFirstOrThrow({
    where: { producers: { some: { products: { some: {} } } } },
    select: { id: true },
  })
  const ids = (await db.product.findMany({ where: { producer: { villageId: village.id } }, select: { id: true } })).map(
    (product) => product.id,
  )

  await db.craftVillage.update({ where: { id: village.id }, data: { nameEn: 'Xanadu pottery village' } })

  for (const current of (await entries(ids)).values()) {
    expect(current.searchText).toContain('xanadu pottery village')
    expect(current.searchVector).toContain("'xanadu':")
  }
  expect(new Set(await outboxIds())).toEqual(new Set(ids))
  expect(await entriesOffReference()).toEqual([])

  const result = await createPostgresSearch().search(query('xanadu'))
  const visibleIds = [...(await entries(ids)).values()].filter((e) => e.visible).map((e) => e.productId)
  expect(result.hits.map((hit) => hit.id).sort()).toEqual(visibleIds.sort())
})

test('an identical re-write leaves every entry as it was and enqueues nothing', async () => {
  const db = getDb()
  const ids = (await db.product.findMany({ select: { id: true } })).map((product) => product.id)
  const before = await entries(ids)

  // The same values again (Prisma still sets a new updatedAt), then a refresh of the whole catalogue.
  const product = await db.product.findFirstOrThrow({ where: { id: ids[0] } })
  await db.product.update({
    where: { id: product.id },
    data: { nameVi: product.nameVi, stock: product.stock, priceVnd: product.priceVnd },
  })
  await db.$executeRaw`UPDATE "Product" SET "updatedAt" = "updatedAt"`
  await db.$executeRaw`SELECT refresh_catalog_entries(ARRAY(SELECT id FROM "Product"))`

  // xmin is unchanged: not even a new row version of the same values.
  expect(await entries(ids)).toEqual(before)
  expect(await outboxIds()).toEqual([])
  expect(await notified()).toBe(true)
})

test('a product written while the triggers were off gets its entry on its next update, even a stock-only one', async () => {
  const db = getDb()
  const { productId } = await visibleProductWithStock()
  await db.$executeRaw`DELETE FROM "CatalogEntry" WHERE "productId" = ${productId}`
  await db.$executeRaw`DELETE FROM "SearchOutbox"`

  await db.product.update({ where: { id: productId }, data: { stock: { increment: 3 } } })

  expect((await entries([productId])).has(productId)).toBe(true)
  expect(await outboxIds()).toEqual([productId])
  expect(await entriesOffReference()).toEqual([])
})
