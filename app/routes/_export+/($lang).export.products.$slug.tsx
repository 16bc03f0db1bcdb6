import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CertificateCard } from '#app/components/certificate-card.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ProductGallery } from '#app/components/product-gallery.tsx'
import { StarBadge } from '#app/components/star-badge.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { countryName } from '#app/modules/export/countries.ts'
import { certificationName, formatUsdCents } from '#app/modules/export/export-catalogue-format.ts'
import { loadExportProductPage } from '#app/modules/export/export-catalogue.server.ts'
import { checkHsCode } from '#app/modules/export/hs-codes.ts'
import { formatDate } from '#app/utils/dates.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const page = await loadExportProductPage(params.slug ?? '')
  if (!page) throw new Response('Not found', { status: 404 })
  return data({ locale, origin: new URL(request.url).origin, ...page }, { headers: cacheHeaders('page') })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: messagesFor('vi').errors.notFoundTitle }]
  const { sheet, locale, origin } = page
  const t = messagesFor(locale)
  const name = pick(locale, sheet.nameVi, sheet.nameEn)
  const path = `/export/products/${sheet.slug}`
  return [
    { title: `${name} | ${t.exportCatalogue.title} | ${t.siteName}` },
    { name: 'description', content: sheet.descriptionEn.slice(0, 200) },
    { tagName: 'link', rel: 'canonical', href: `${origin}${localePath(locale, path)}` },
    { tagName: 'link', rel: 'alternate', hrefLang: 'en', href: `${origin}${localePath('en', path)}` },
    { tagName: 'link', rel: 'alternate', hrefLang: 'vi', href: `${origin}${localePath('vi', path)}` },
  ]
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type Sheet = LoaderData['sheet']

function Terms({ sheet }: { sheet: Sheet }) {
  const t = useMessages()
  const s = t.exportCatalogue.sheet
  const locale = useLocale()
  const number = (value: number) => value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US')
  const hs = checkHsCode(sheet.hsCode)
  const hsDescription = hs.ok && hs.description ? hs.description[locale] : sheet.hsDescription
  const rows: [string, React.ReactNode][] = [
    [s.hsCode, hsDescription ? `${sheet.hsCode} · ${hsDescription}` : sheet.hsCode],
    [s.moq, `${number(sheet.moqQuantity)} ${sheet.moqUnitEn}`],
    [
      s.capacity,
      sheet.monthlyCapacity === null ? s.notStated : `${number(sheet.monthlyCapacity)} ${sheet.capacityUnitEn ?? ''}`,
    ],
    [s.sampleLead, sheet.sampleLeadDays === null ? s.notStated : s.days(sheet.sampleLeadDays)],
    [s.orderLead, s.days(sheet.orderLeadDays)],
    [
      s.incoterms,
      <ul key="incoterms" className="flex flex-wrap gap-1">
        {sheet.incoterms.map((incoterm) => (
          <li
            key={incoterm}
            className="rounded bg-stone-100 px-2 py-0.5 text-sm"
            title={t.exportTerms.incoterms[incoterm]}
          >
            {incoterm}
            <span className="sr-only">: {t.exportTerms.incoterms[incoterm]}</span>
          </li>
        ))}
      </ul>,
    ],
    [s.loadingPlace, sheet.loadingPlace ?? s.notStated],
    [s.packaging, sheet.packagingEn || s.notStated],
    [s.shelfLife, sheet.shelfLifeMonths === null ? s.notStated : s.months(sheet.shelfLifeMonths)],
  ]
  return (
    <section aria-labelledby="terms-heading" className="rounded-md border border-stone-200 bg-white p-4">
      <h2 id="terms-heading" className="text-lg font-semibold">
        {s.terms}
      </h2>
      <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
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

function Tiers({ sheet }: { sheet: Sheet }) {
  const s = useMessages().exportCatalogue.sheet
  const basis =
    sheet.tierBasis === 'EXW'
      ? s.tierBasisExw
      : sheet.loadingPlace
        ? s.tierBasisFob(sheet.loadingPlace)
        : s.tierBasisFobNoPlace
  return (
    <section aria-labelledby="tiers-heading" className="rounded-md border border-stone-200 bg-white p-4">
      <h2 id="tiers-heading" className="text-lg font-semibold">
        {s.tiers}
      </h2>
      <p className="text-sm font-medium text-brand-800">{basis}</p>
      {sheet.tiers.length === 0 ? (
        <p className="mt-2 text-sm text-stone-700">{s.noTiers}</p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">
            {s.tiers}, {basis}
          </caption>
          <thead>
            <tr className="border-b border-stone-200 text-left text-stone-600">
              <th scope="col" className="py-1.5 pr-4 font-medium">
                {s.tierQuantity}
              </th>
              <th scope="col" className="py-1.5 text-right font-medium">
                {s.tierPrice}
              </th>
            </tr>
          </thead>
          <tbody>
            {sheet.tiers.map((tier, i) => {
              const next = sheet.tiers[i + 1]
              return (
                <tr key={tier.minQuantity} className="border-b border-stone-100">
                  <td className="py-1.5 pr-4">
                    {next
                      ? s.tierRange(tier.minQuantity, next.minQuantity - 1, sheet.moqUnitEn)
                      : s.tierFrom(tier.minQuantity, sheet.moqUnitEn)}
                  </td>
                  <td className="py-1.5 text-right font-semibold tabular-nums">{formatUsdCents(tier.priceUsdCents)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}

function Certifications({ sheet }: { sheet: Sheet }) {
  const t = useMessages()
  const s = t.exportCatalogue.sheet
  const locale = useLocale()
  return (
    <section aria-labelledby="certifications-heading" className="rounded-md border border-stone-200 bg-white p-4">
      <h2 id="certifications-heading" className="text-lg font-semibold">
        {s.certifications}
      </h2>
      {sheet.certifications.length === 0 ? (
        <p className="mt-2 text-sm text-stone-700">{s.noCertifications}</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {sheet.certifications.map((cert) => {
            const name = certificationName(cert, t)
            return (
              <li
                key={cert.id}
                className={`rounded-md border p-3 text-sm ${cert.expired ? 'border-stone-200 bg-stone-50 text-stone-500' : 'border-leaf-600/30 bg-white'}`}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className={`font-semibold ${cert.expired ? 'text-stone-600' : 'text-stone-900'}`}>{name}</h3>
                  {cert.expired ? (
                    <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-semibold text-stone-700">
                      {s.expired}
                    </span>
                  ) : null}
                </div>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
                  <dt>{s.certificationNumber}</dt>
                  <dd>{cert.number}</dd>
                  <dt>{s.certificationIssuer}</dt>
                  <dd>{cert.issuer}</dd>
                  <dt>{s.certificationExpires}</dt>
                  <dd>{formatDate(cert.expiresOn, locale)}</dd>
                </dl>
                {cert.hasFile ? (
                  <a
                    href={localePath(locale, `/export/certifications/${cert.id}/file`)}
                    className="mt-1 inline-block text-brand-800 underline"
                  >
                    {s.viewFile(name)}
                  </a>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

function ExportProfile({ sheet }: { sheet: Sheet }) {
  const t = useMessages()
  const s = t.exportCatalogue.sheet
  const locale = useLocale()
  const { producer } = sheet
  return (
    <section aria-labelledby="profile-heading" className="rounded-md border border-stone-200 bg-white p-4">
      <h2 id="profile-heading" className="text-lg font-semibold">
        {s.exportProfile}
      </h2>
      <p className="mt-1 font-medium">
        {producer.name} · {t.producerKinds[producer.kind]} · {pick(locale, producer.provinceVi, producer.provinceEn)}
      </p>
      {producer.womenLed || producer.ethnicMinority ? (
        <ul className="mt-1 flex flex-wrap gap-1 text-xs">
          {producer.womenLed ? <li className="rounded-full bg-brand-100 px-2 py-0.5">{s.womenLed}</li> : null}
          {producer.ethnicMinority ? (
            <li className="rounded-full bg-brand-100 px-2 py-0.5">{s.ethnicMinority}</li>
          ) : null}
        </ul>
      ) : null}
      {producer.exportProfileEn ? (
        <>
          <p lang="en" className="mt-2 text-sm whitespace-pre-line text-stone-800">
            {producer.exportProfileEn}
          </p>
          {locale === 'vi' ? <p className="mt-1 text-xs text-stone-500">{s.exportProfileNote}</p> : null}
        </>
      ) : (
        <p className="mt-2 text-sm text-stone-600">{s.noExportProfile}</p>
      )}
      {producer.exportMarkets.length > 0 ? (
        <p className="mt-2 text-sm">
          <span className="text-stone-600">{s.markets}: </span>
          {producer.exportMarkets.map((code) => countryName(code, locale)).join(', ')}
        </p>
      ) : null}
    </section>
  )
}

export default function ExportProductPage() {
  const page = useLoaderData<typeof loader>()
  const t = useMessages()
  const s = t.exportCatalogue.sheet
  const locale = useLocale()
  const { sheet } = page
  const name = pick(locale, sheet.nameVi, sheet.nameEn)
  const otherName = locale === 'vi' ? sheet.nameEn : sheet.nameVi
  const description = pick(locale, page.descriptionVi, sheet.descriptionEn)
  const group = t.exportCatalogue.filters.group
  const rfqHref = `${localePath(locale, '/export/rfq/new')}?${new URLSearchParams({ product: sheet.productId })}`
  return (
    <article>
      <Link to={localePath(locale, '/export')} className="text-sm text-brand-800 underline">
        ‹ {s.back}
      </Link>
      <div className="mt-4 grid gap-8 lg:grid-cols-2">
        <ProductGallery images={page.images} name={name} />
        <div className="flex flex-col gap-4">
          <div>
            <h1 className="text-2xl font-bold sm:text-3xl">{name}</h1>
            {otherName && otherName !== name ? (
              <p lang={locale === 'vi' ? 'en' : 'vi'} className="mt-1 text-stone-600">
                {otherName}
              </p>
            ) : null}
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <StarBadge stars={sheet.ocopStars} size="lg" />
              <span className="text-sm text-stone-700">
                {group}: {pick(locale, page.group.nameVi, page.group.nameEn)} ·{' '}
                {pick(locale, page.subgroup.nameVi, page.subgroup.nameEn)}
              </span>
            </div>
            <p className="mt-2 text-stone-800">
              <span className="text-stone-600">{s.producer}: </span>
              {sheet.producer.name} · {pick(locale, sheet.producer.provinceVi, sheet.producer.provinceEn)}
            </p>
          </div>
          <div className="rounded-md border border-brand-200 bg-brand-50 p-4">
            <Link
              to={rfqHref}
              className="inline-block rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800"
            >
              {s.requestQuote}
            </Link>
            <p className="mt-2 text-sm text-stone-700">{s.requestQuoteHint}</p>
          </div>
          {description ? (
            <section aria-labelledby="description-heading">
              <h2 id="description-heading" className="text-lg font-semibold">
                {s.description}
              </h2>
              <p
                lang={locale === 'vi' && !page.descriptionVi ? 'en' : undefined}
                className="mt-1 whitespace-pre-line text-stone-800"
              >
                {description}
              </p>
            </section>
          ) : null}
          <Link to={localePath(locale, `/products/${sheet.slug}`)} className="text-sm text-brand-800 underline">
            {s.storefrontPage}
          </Link>
        </div>
      </div>
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Terms sheet={sheet} />
        <Tiers sheet={sheet} />
        <Certifications sheet={sheet} />
        <div className="flex flex-col gap-6">
          <CertificateCard certificate={page.certificate} />
          <ExportProfile sheet={sheet} />
        </div>
      </div>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
