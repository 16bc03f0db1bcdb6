import { getDb } from '#app/utils/db.server.ts'

/**
 * Small, rarely changing reference sets (groups, places, villages) used to validate filters and
 * label facets. Cached in process for a short time; writers call invalidateReferenceData().
 */
export type ReferenceData = Awaited<ReturnType<typeof loadReferenceData>>

const TTL_MS = 60_000
let cached: { data: Promise<ReferenceData>; at: number } | null = null

async function loadReferenceData() {
  const db = getDb()
  const [groups, subgroups, regions, provinces, villages] = await Promise.all([
    db.productGroup.findMany({ orderBy: { sortOrder: 'asc' }, select: { code: true, nameVi: true, nameEn: true } }),
    db.productSubgroup.findMany({
      orderBy: [{ groupCode: 'asc' }, { sortOrder: 'asc' }],
      select: { code: true, groupCode: true, nameVi: true, nameEn: true },
    }),
    db.region.findMany({ orderBy: { sortOrder: 'asc' }, select: { slug: true, nameVi: true, nameEn: true } }),
    db.province.findMany({
      orderBy: { code: 'asc' },
      select: { code: true, slug: true, nameVi: true, nameEn: true, regionSlug: true },
    }),
    db.craftVillage.findMany({ orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true, nameEn: true } }),
  ])
  return {
    groups,
    subgroups,
    regions,
    provinces,
    villages,
    groupByCode: new Map(groups.map((g) => [g.code, g])),
    subgroupByCode: new Map(subgroups.map((s) => [s.code, s])),
    regionBySlug: new Map(regions.map((r) => [r.slug, r])),
    provinceByCode: new Map(provinces.map((p) => [p.code, p])),
    villageBySlug: new Map(villages.map((v) => [v.slug, v])),
    villageById: new Map(villages.map((v) => [v.id, v])),
  }
}

export function getReferenceData(): Promise<ReferenceData> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const data = loadReferenceData()
    cached = { data, at: Date.now() }
    data.catch(() => {
      cached = null
    })
  }
  return cached.data
}

export function invalidateReferenceData() {
  cached = null
}
