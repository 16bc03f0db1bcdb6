/**
 * The delivery address choices: provinces, then the communes and wards of one province with the
 * names they replaced in July 2025 (people still know their address by the old names).
 */
import { getDb } from '#app/utils/db.server.ts'
import { formatFormerNames } from './former-names.ts'

export type ProvinceOption = { code: string; nameVi: string; nameEn: string }
export type CommuneOption = { code: string; name: string; kind: string; formerNames: string | null }

const sortKey = (name: string) => name.replace(/^TP\.\s*/, '')

export async function listProvinces(): Promise<ProvinceOption[]> {
  const provinces = await getDb().province.findMany({ select: { code: true, nameVi: true, nameEn: true } })
  return provinces.sort((a, b) => sortKey(a.nameVi).localeCompare(sortKey(b.nameVi), 'vi'))
}

export async function listCommunes(provinceCode: string): Promise<CommuneOption[]> {
  if (!/^\d{2}$/.test(provinceCode)) return []
  const communes = await getDb().commune.findMany({
    where: { provinceCode },
    select: {
      code: true,
      name: true,
      kind: true,
      formerNames: { orderBy: { id: 'asc' }, select: { formerCommune: true, formerDistrict: true } },
    },
  })
  return communes
    .map(({ formerNames, ...c }) => ({ ...c, formerNames: formatFormerNames(formerNames) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
}

/** The province of a commune, or null for an unknown code. */
export async function provinceOfCommune(communeCode: string): Promise<string | null> {
  const commune = await getDb().commune.findUnique({ where: { code: communeCode }, select: { provinceCode: true } })
  return commune?.provinceCode ?? null
}

export async function provinceExists(code: string): Promise<boolean> {
  return (await getDb().province.count({ where: { code } })) === 1
}
