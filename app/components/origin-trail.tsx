import { Link } from '@remix-run/react'
import { localePath, pick } from '#app/i18n/locale.ts'
import { useLocale, useMessages } from '#app/i18n/messages.ts'

export type OriginCommune = {
  name: string
  kind: string
  formerNames: { formerCommune: string | null; formerDistrict: string | null }[]
  province: { code: string; nameVi: string; nameEn: string; region: { slug: string; nameVi: string; nameEn: string } }
}

export function formerNameText(former: { formerCommune: string | null; formerDistrict: string | null }): string {
  return [former.formerCommune, former.formerDistrict].filter(Boolean).join(', ')
}

const SHOWN_FORMER_NAMES = 2

/**
 * "(formerly phường Vạn Phúc, quận Hà Đông; … +7)": a merged ward can have ten former names; the
 * first ones are what people remember, the full list stays in the tooltip.
 */
function FormerNames({ names }: { names: string[] }) {
  const t = useMessages()
  const hidden = names.length - SHOWN_FORMER_NAMES
  return (
    <span className="font-normal text-stone-600" title={names.join('; ')}>
      {' '}
      ({t.product.formerly}: {names.slice(0, SHOWN_FORMER_NAMES).join('; ')}
      {hidden > 0 ? `; … +${hidden}` : ''})
    </span>
  )
}

/** Region → province → commune, with the names the place had before July 2025. */
export function OriginTrail({ commune }: { commune: OriginCommune }) {
  const t = useMessages()
  const locale = useLocale()
  const { province } = commune
  const formerly = commune.formerNames.map(formerNameText).filter(Boolean)
  return (
    <nav aria-label={t.product.origin} className="text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-stone-700">
        <li>
          <Link
            className="underline-offset-2 hover:underline"
            to={localePath(locale, `/regions/${province.region.slug}`)}
          >
            {pick(locale, province.region.nameVi, province.region.nameEn)}
          </Link>
        </li>
        <li aria-hidden="true">›</li>
        <li>
          <Link className="underline-offset-2 hover:underline" to={localePath(locale, `/provinces/${province.code}`)}>
            {pick(locale, province.nameVi, province.nameEn)}
          </Link>
        </li>
        <li aria-hidden="true">›</li>
        <li className="font-medium text-stone-900">
          {commune.kind} {commune.name}
          {formerly.length > 0 ? <FormerNames names={formerly} /> : null}
        </li>
      </ol>
    </nav>
  )
}
