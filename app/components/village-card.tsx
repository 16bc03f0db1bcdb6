import { Link } from '@remix-run/react'
import { localePath, pick } from '#app/i18n/locale.ts'
import { useLocale, useMessages } from '#app/i18n/messages.ts'

export type VillageSummary = {
  slug: string
  name: string
  nameEn: string
  craftVi: string
  craftEn: string
  storyVi: string
  storyEn: string
  since: number | null
  commune: { name: string; kind: string; province: { nameVi: string; nameEn: string } }
}

export function VillageCard({ village }: { village: VillageSummary }) {
  const locale = useLocale()
  const t = useMessages()
  return (
    <article className="relative flex w-full flex-col rounded-xl border border-stone-200 bg-white p-4 hover:shadow-md">
      <h3 className="text-lg font-semibold text-brand-900">
        <Link to={localePath(locale, `/villages/${village.slug}`)} className="after:absolute after:inset-0">
          {pick(locale, village.name, village.nameEn)}
        </Link>
      </h3>
      <p className="text-sm text-stone-600">
        {pick(locale, village.craftVi, village.craftEn)} · {village.commune.kind} {village.commune.name},{' '}
        {pick(locale, village.commune.province.nameVi, village.commune.province.nameEn)}
      </p>
      <p className="mt-2 line-clamp-3 text-sm text-stone-800">{pick(locale, village.storyVi, village.storyEn)}</p>
      {village.since ? <p className="mt-auto pt-2 text-xs text-stone-600">{t.village.since(village.since)}</p> : null}
    </article>
  )
}

export function VillageGrid({ villages }: { villages: VillageSummary[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {villages.map((village) => (
        <li key={village.slug} className="flex">
          <VillageCard village={village} />
        </li>
      ))}
    </ul>
  )
}
