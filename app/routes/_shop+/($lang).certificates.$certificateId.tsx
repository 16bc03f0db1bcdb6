import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { StarBadge } from '#app/components/star-badge.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { getPublicCertificate } from '#app/modules/certification/certificates.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { formatDate } from '#app/utils/dates.ts'

/** Short: the status changes with the calendar (a revocation also clears the page cache at once). */
const CERTIFICATE_PAGE_CACHE = 'public, max-age=300'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const certificate = await getPublicCertificate(params.certificateId ?? '', now())
  if (!certificate) throw new Response('Not found', { status: 404 })
  const origin = new URL(request.url).origin
  return data({ locale, origin, certificate }, { headers: { 'Cache-Control': CERTIFICATE_PAGE_CACHE } })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: messagesFor('vi').errors.notFoundTitle }]
  const { certificate, locale, origin } = page
  const t = messagesFor(locale)
  const name = pick(locale, certificate.product.nameVi, certificate.product.nameEn)
  return [
    { title: `${t.certificates.public.metaTitle(name)} | ${t.siteName}` },
    { tagName: 'link', rel: 'canonical', href: `${origin}${localePath(locale, `/certificates/${certificate.id}`)}` },
    // Old certificates stay reachable (printed QR labels) but need not be in search engines.
    ...(certificate.status === 'active' || certificate.status === 'expiring'
      ? []
      : [{ name: 'robots', content: 'noindex' }]),
  ]
}

const TONE = {
  active: 'border-green-300 bg-green-50 text-green-950',
  expiring: 'border-amber-300 bg-amber-50 text-amber-950',
  expired: 'border-red-300 bg-red-50 text-red-950',
  revoked: 'border-red-400 bg-red-100 text-red-950',
  superseded: 'border-stone-300 bg-stone-100 text-stone-900',
  pending: 'border-sky-300 bg-sky-50 text-sky-950',
} as const

export default function CertificatePage() {
  const { certificate } = useLoaderData<typeof loader>()
  const t = useMessages().certificates
  const p = t.public
  const locale = useLocale()
  const date = (value: Date | string | null) => (value ? formatDate(value, locale) : t.none)
  const valid = certificate.status === 'active' || certificate.status === 'expiring'
  const name = pick(locale, certificate.product.nameVi, certificate.product.nameEn)
  const statusText = {
    active: p.statusActive(date(certificate.expiresOn)),
    expiring: p.statusExpiring(certificate.daysLeft, date(certificate.expiresOn)),
    expired: p.statusExpired(date(certificate.expiresOn)),
    revoked: p.statusRevoked(date(certificate.revokedAt)),
    superseded: p.statusSuperseded,
    pending: p.statusPending(date(certificate.issuedOn)),
  }[certificate.status]
  const rows: [string, React.ReactNode][] = [
    [
      t.fields.producer,
      certificate.product.producer.status === 'VERIFIED' ? (
        <Link
          key="producer"
          to={localePath(locale, `/producers/${certificate.product.producer.slug}`)}
          className="text-brand-800 underline"
        >
          {certificate.product.producer.name}
        </Link>
      ) : (
        certificate.product.producer.name
      ),
    ],
    [t.fields.stars, t.stars(certificate.stars)],
    [t.fields.score, certificate.score === null ? t.none : `${certificate.score}/100`],
    [t.fields.level, t.levels[certificate.level]],
    [t.fields.issuer, certificate.issuer],
    [t.fields.decisionNumber, certificate.decisionNumber],
    [t.fields.decisionDate, date(certificate.decisionDate)],
    [t.fields.legalBasis, certificate.legalBasis],
    [t.fields.issuedOn, date(certificate.issuedOn)],
    [t.fields.expiresOn, date(certificate.expiresOn)],
  ]
  return (
    <article className="mx-auto max-w-2xl space-y-6 py-4">
      <header className="space-y-2">
        <p className="text-sm font-semibold text-brand-700">{p.heading}</p>
        <h1 className="text-2xl font-bold sm:text-3xl">{name}</h1>
        <div className="flex flex-wrap items-center gap-2">
          {valid ? <StarBadge stars={certificate.stars} size="lg" /> : null}
          {valid && certificate.potentialFiveStar ? (
            <span className="text-sm font-medium text-brand-800">{t.potentialFiveStar}</span>
          ) : null}
        </div>
        <p className="text-sm text-stone-600">{p.intro}</p>
      </header>

      <section aria-labelledby="status-heading" className={`rounded-xl border p-4 ${TONE[certificate.status]}`}>
        <h2 id="status-heading" className="text-lg font-semibold">
          {t.fields.status}: {t.status[certificate.status]}
        </h2>
        <p className="mt-1">{statusText}</p>
        {certificate.supersededBy ? (
          <p className="mt-2">
            <Link
              to={localePath(locale, `/certificates/${certificate.supersededBy.id}`)}
              className="font-semibold underline"
            >
              {p.newer(certificate.supersededBy.decisionNumber)}
            </Link>
          </p>
        ) : null}
      </section>

      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-xl border border-stone-200 bg-white p-4 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-600">{label}</dt>
            <dd className="text-stone-900">{value}</dd>
          </div>
        ))}
      </dl>

      <ul className="space-y-1 text-sm">
        <li>
          {certificate.product.visible ? (
            <Link
              to={localePath(locale, `/products/${certificate.product.slug}`)}
              className="font-medium text-brand-800 underline"
            >
              {p.viewProduct}
            </Link>
          ) : (
            <span className="text-stone-700">{p.productUnavailable}</span>
          )}
        </li>
        {certificate.hasDecisionFile ? (
          <li>
            <a
              href={localePath(locale, `/certificates/${certificate.id}/decision`)}
              className="font-medium text-brand-800 underline"
            >
              {p.viewDecision}
            </a>
          </li>
        ) : null}
        {certificate.supersedes ? (
          <li>
            <Link
              to={localePath(locale, `/certificates/${certificate.supersedes.id}`)}
              className="text-brand-800 underline"
            >
              {p.older(certificate.supersedes.decisionNumber)}
            </Link>
          </li>
        ) : null}
      </ul>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
