import { getDb } from '#app/utils/db.server.ts'

/** A commune with what an origin trail shows: former names, province and region. */
export const COMMUNE_ORIGIN_SELECT = {
  code: true,
  name: true,
  kind: true,
  formerNames: { select: { formerCommune: true, formerDistrict: true } },
  province: {
    select: { code: true, nameVi: true, nameEn: true, region: { select: { slug: true, nameVi: true, nameEn: true } } },
  },
} as const

export async function listRegionsWithCounts() {
  const db = getDb()
  const [regions, counts] = await Promise.all([
    db.region.findMany({
      orderBy: { sortOrder: 'asc' },
      select: { slug: true, nameVi: true, nameEn: true, provinces: { select: { code: true } } },
    }),
    db.$queryRaw<{ region: string; n: number }[]>`
      SELECT "regionSlug" AS region, count(*)::int AS n FROM "CatalogEntry" WHERE visible GROUP BY "regionSlug"`,
  ])
  const byRegion = new Map(counts.map((c) => [c.region, c.n]))
  return regions.map((r) => ({
    slug: r.slug,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    provinceCount: r.provinces.length,
    productCount: byRegion.get(r.slug) ?? 0,
  }))
}

/** A craft village as product pages tell it: name, craft and story. */
export const VILLAGE_STORY_SELECT = {
  slug: true,
  name: true,
  nameEn: true,
  craftVi: true,
  craftEn: true,
  storyVi: true,
  storyEn: true,
} as const

const VILLAGE_SUMMARY = {
  ...VILLAGE_STORY_SELECT,
  id: true,
  since: true,
  commune: { select: COMMUNE_ORIGIN_SELECT },
} as const

export function listVillages(where: { provinceCode?: string } = {}) {
  return getDb().craftVillage.findMany({
    where: where.provinceCode ? { commune: { provinceCode: where.provinceCode } } : undefined,
    orderBy: { name: 'asc' },
    select: VILLAGE_SUMMARY,
  })
}

export function getVillage(slug: string) {
  return getDb().craftVillage.findUnique({
    where: { slug },
    select: {
      ...VILLAGE_SUMMARY,
      producers: {
        where: { status: 'VERIFIED' },
        orderBy: { name: 'asc' },
        select: { slug: true, name: true, kind: true, womenLed: true, ethnicMinority: true },
      },
    },
  })
}

export function getProducer(slug: string) {
  return getDb().producer.findFirst({
    where: { slug, status: 'VERIFIED' },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      womenLed: true,
      ethnicMinority: true,
      storyVi: true,
      storyEn: true,
      phone: true,
      email: true,
      address: true,
      village: { select: { slug: true, name: true, nameEn: true } },
      commune: VILLAGE_SUMMARY.commune,
      _count: { select: { products: { where: { status: 'PUBLISHED' } } } },
    },
  })
}

export function getRegion(slug: string) {
  return getDb().region.findUnique({
    where: { slug },
    select: {
      slug: true,
      nameVi: true,
      nameEn: true,
      provinces: { orderBy: { code: 'asc' }, select: { code: true, nameVi: true, nameEn: true, kind: true } },
    },
  })
}

export async function getProvince(code: string) {
  const db = getDb()
  const province = await db.province.findUnique({
    where: { code },
    select: {
      code: true,
      nameVi: true,
      nameEn: true,
      kind: true,
      region: { select: { slug: true, nameVi: true, nameEn: true } },
    },
  })
  if (!province) return null
  const communes = await db.commune.findMany({
    where: {
      provinceCode: code,
      producers: { some: { status: 'VERIFIED', products: { some: { status: 'PUBLISHED' } } } },
    },
    orderBy: { name: 'asc' },
    select: {
      code: true,
      name: true,
      kind: true,
      formerNames: { select: { formerCommune: true, formerDistrict: true } },
    },
  })
  return { ...province, communes }
}
