import { useMessages } from '#app/i18n/messages.ts'
import { type CertificateLifecycle } from '#app/modules/certification/certificate-status.ts'

const TONE: Record<CertificateLifecycle, string> = {
  active: 'bg-green-100 text-green-900',
  expiring: 'bg-amber-100 text-amber-900',
  expired: 'bg-red-100 text-red-900',
  revoked: 'bg-red-700 text-white',
  superseded: 'bg-stone-200 text-stone-800',
  pending: 'bg-sky-100 text-sky-900',
}

/** A certificate's status as a coloured pill (office and producer pages). */
export function CertificateStatusBadge({ status }: { status: CertificateLifecycle }) {
  const t = useMessages().certificates
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${TONE[status]}`}>
      {t.status[status]}
    </span>
  )
}
