/**
 * The names a commune replaced on 1 July 2025, as one line people recognise: "xã Tân Hội, huyện
 * Đan Phượng" for one former commune, "xã A, xã B, huyện C; phường D, quận E" for several. An entry
 * with only a district (the commune took in part of it) shows the district alone, unless one of its
 * communes is already listed.
 */
export type FormerName = { formerCommune: string | null; formerDistrict: string | null }

export function formatFormerNames(names: readonly FormerName[]): string | null {
  const groups = new Map<string, string[]>()
  for (const { formerCommune, formerDistrict } of names) {
    const district = formerDistrict ?? ''
    const communes = groups.get(district) ?? []
    if (formerCommune && !communes.includes(formerCommune)) communes.push(formerCommune)
    groups.set(district, communes)
  }
  const parts = [...groups.entries()]
    .map(([district, communes]) => [...communes, district].filter(Boolean).join(', '))
    .filter(Boolean)
  return parts.length ? parts.join('; ') : null
}
