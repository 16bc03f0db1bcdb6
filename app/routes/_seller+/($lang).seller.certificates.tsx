import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useRef } from 'react'
import { CertificateStatusBadge } from '#app/components/certificate-status-badge.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { listProducerCertificates } from '#app/modules/certification/certificates.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { useNonce } from '#app/utils/nonce.tsx'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'read:listing:own')
  const certificates = await listProducerCertificates(producer.id, now())
  return { title: `${messagesFor(locale).certificates.seller.title} · ${producer.name}`, certificates }
}

/**
 * Printing shows only the labels; "Print label" marks one label so that only it prints. Without
 * JavaScript the browser's own Print command prints every label.
 */
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  .qr-labels, .qr-labels * { visibility: visible; }
  .qr-labels { position: absolute; left: 0; top: 0; width: 100%; }
  .qr-labels[data-only] .qr-label:not([data-print]) { display: none; }
  .qr-label-actions { display: none; }
}`

export default function SellerCertificatesPage() {
  const { certificates } = useLoaderData<typeof loader>()
  const t = useMessages().certificates
  const s = t.seller
  const locale = useLocale()
  const labels = useRef<HTMLUListElement>(null)
  const nonce = useNonce()
  const printable = certificates.filter((c) => c.printable)

  function printOne(id: string) {
    const list = labels.current
    const label = list?.querySelector<HTMLElement>(`[data-label="${id}"]`)
    if (!list || !label) return
    list.dataset.only = 'true'
    label.dataset.print = 'true'
    window.print()
    delete list.dataset.only
    delete label.dataset.print
  }

  return (
    <div className="space-y-8">
      <style nonce={nonce}>{PRINT_CSS}</style>
      <header>
        <h1 className="text-2xl font-bold">{s.title}</h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-700">{s.intro}</p>
      </header>

      {certificates.length === 0 ? (
        <p className="rounded-md border border-stone-200 bg-white px-4 py-6 text-center text-stone-700">{s.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{s.tableCaption}</caption>
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.product}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.stars}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.decision}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.validity}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.status}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.fields.daysLeft}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {certificates.map((c) => (
                <tr key={c.id} className="align-top">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <span className="font-medium">{pick(locale, c.product.nameVi, c.product.nameEn)}</span>
                    <span className="block text-xs text-stone-500">{c.product.sku}</span>
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <span aria-hidden="true">{'★'.repeat(c.stars)}</span>
                    <span className="sr-only">{t.stars(c.stars)}</span>
                    {c.potentialFiveStar ? (
                      <span className="block text-xs text-brand-800">{t.potentialFiveStar}</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    <Link to={localePath(locale, `/certificates/${c.id}`)} className="text-brand-800 underline">
                      {c.decisionNumber}
                    </Link>
                    <span className="block text-xs text-stone-500">
                      {c.issuer} · {t.levels[c.level]}
                    </span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                    {formatDate(c.issuedOn, locale)}
                    <span className="block">{formatDate(c.expiresOn, locale)}</span>
                  </td>
                  <td className="px-3 py-2">
                    <CertificateStatusBadge status={c.status} />
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {c.status === 'revoked' || c.status === 'superseded' ? t.none : t.daysLeft(c.daysLeft)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {certificates.length > 0 ? (
        <section aria-labelledby="labels-heading" className="space-y-3">
          <h2 id="labels-heading" className="text-xl font-semibold">
            {s.labelsHeading}
          </h2>
          <p className="max-w-3xl text-sm text-stone-700">{s.labelsHint}</p>
          <noscript>
            <p className="text-sm text-stone-700">{s.printNoScript}</p>
          </noscript>
          {printable.length < certificates.length ? <p className="text-sm text-stone-600">{s.noLabel}</p> : null}
          <ul ref={labels} className="qr-labels grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {printable.map((c) => {
              const name = pick(locale, c.product.nameVi, c.product.nameEn)
              return (
                <li
                  key={c.id}
                  data-label={c.id}
                  className="qr-label flex break-inside-avoid gap-3 rounded-lg border-2 border-stone-800 bg-white p-3 text-stone-900"
                >
                  <img
                    src={localePath(locale, `/certificates/${c.id}/qr.svg`)}
                    alt={t.public.qrLabel}
                    width={112}
                    height={112}
                    className="size-28 shrink-0"
                  />
                  <div className="min-w-0 space-y-1 text-sm">
                    <p className="font-bold">{name}</p>
                    <p className="font-semibold">
                      <span aria-hidden="true">{'★'.repeat(c.stars)}</span> {t.starsLabel(c.stars)}
                    </p>
                    <p>{s.labelCertificate(c.decisionNumber)}</p>
                    <p>{s.labelValidUntil(formatDate(c.expiresOn, locale))}</p>
                    <p className="text-xs">{s.labelScan}</p>
                    <div className="qr-label-actions flex flex-wrap gap-3 pt-1">
                      <button
                        type="button"
                        onClick={() => printOne(c.id)}
                        aria-label={s.printLabel(name)}
                        className="rounded-md border border-stone-300 px-3 py-1 text-xs font-medium hover:bg-stone-100"
                      >
                        {s.print}
                      </button>
                      <Link
                        to={localePath(locale, `/certificates/${c.id}`)}
                        className="py-1 text-xs text-brand-800 underline"
                      >
                        {s.viewPublic}
                      </Link>
                    </div>
                  </div>
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
