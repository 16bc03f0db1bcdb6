import { useMessages } from '#app/i18n/messages.ts'

/** The OCOP star badge. Renders nothing without valid stars: expired or revoked means no stars. */
export function StarBadge({ stars, size = 'sm' }: { stars: number | null; size?: 'sm' | 'lg' }) {
  const t = useMessages()
  if (!stars) return null
  const big = size === 'lg'
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full bg-brand-700 font-semibold text-white ${big ? 'px-3 py-1 text-base' : 'px-2 py-0.5 text-xs'}`}
      title={t.product.certificateStars(stars)}
    >
      <span aria-hidden="true">{'★'.repeat(stars)}</span>
      <span className="sr-only">{t.product.starsLabel(stars)}</span>
      <span aria-hidden="true">OCOP</span>
    </span>
  )
}
