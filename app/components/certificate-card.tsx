import { Link } from '@remix-run/react'
import { localePath } from '#app/i18n/locale.ts'
import { useLocale, useMessages } from '#app/i18n/messages.ts'
import { type CertificateStatus } from '#app/modules/certification/certificate-status.ts'
import { formatDate } from '#app/utils/dates.ts'
import { StarBadge } from './star-badge.tsx'

export type CertificateView = {
  id: string
  stars: number
  score: number | null
  level: 'PROVINCIAL' | 'NATIONAL'
  issuer: string
  decisionNumber: string
  issuedOn: string | Date
  expiresOn: string | Date
  legalBasis: string
  potentialFiveStar: boolean
  status: CertificateStatus
  daysLeft: number
}

function StatusText({ certificate }: { certificate: CertificateView }) {
  const t = useMessages()
  switch (certificate.status) {
    case 'active':
      return <span className="font-semibold text-leaf-700">{t.product.statusActive}</span>
    case 'expiring':
      return <span className="font-semibold text-amber-800">{t.product.statusExpiring(certificate.daysLeft)}</span>
    case 'expired':
      return <span className="font-semibold text-red-800">{t.product.statusExpired}</span>
    case 'revoked':
      return <span className="font-semibold text-red-800">{t.product.statusRevoked}</span>
    case 'pending':
      return <span className="font-semibold text-stone-700">{t.product.statusPending}</span>
  }
}

/**
 * The certificate behind the stars, with its validity; no stars when it is expired or revoked.
 * `linked`: the stars lead to the public certificate page (not in a producer's preview).
 */
export function CertificateCard({
  certificate,
  linked = false,
}: {
  certificate: CertificateView | null
  linked?: boolean
}) {
  const t = useMessages()
  const locale = useLocale()
  if (!certificate) {
    return (
      <section aria-labelledby="certificate-heading" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="certificate-heading" className="text-lg font-semibold">
          {t.product.certificate}
        </h2>
        <p className="mt-2 text-sm text-stone-700">{t.product.noCertificate}</p>
      </section>
    )
  }
  const valid = certificate.status === 'active' || certificate.status === 'expiring'
  const rows: [string, React.ReactNode][] = [
    [t.product.status, <StatusText key="status" certificate={certificate} />],
    [t.product.level, certificate.level === 'NATIONAL' ? t.product.levelNational : t.product.levelProvincial],
    [t.product.issuer, certificate.issuer],
    [t.product.decision, certificate.decisionNumber],
    [t.product.issuedOn, formatDate(certificate.issuedOn, locale)],
    [t.product.expiresOn, formatDate(certificate.expiresOn, locale)],
    [t.product.legalBasis, certificate.legalBasis],
  ]
  if (certificate.score !== null) rows.splice(1, 0, [t.product.score, `${certificate.score}/100`])
  return (
    <section
      aria-labelledby="certificate-heading"
      className={`rounded-xl border p-4 ${valid ? 'border-brand-200 bg-brand-50' : 'border-stone-200 bg-stone-50'}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="certificate-heading" className="text-lg font-semibold">
          {t.product.certificate}
        </h2>
        {valid ? (
          linked ? (
            <Link
              to={localePath(locale, `/certificates/${certificate.id}`)}
              aria-label={`${t.product.starsLabel(certificate.stars)} · ${t.certificates.public.heading}`}
              className="rounded-full hover:opacity-90"
            >
              <StarBadge stars={certificate.stars} size="lg" />
            </Link>
          ) : (
            <StarBadge stars={certificate.stars} size="lg" />
          )
        ) : null}
      </div>
      {certificate.potentialFiveStar && valid ? (
        <p className="mt-1 text-sm font-medium text-brand-800">{t.product.potentialFiveStar}</p>
      ) : null}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-600">{label}</dt>
            <dd className="text-stone-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
