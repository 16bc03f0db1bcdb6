import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ProductDetail } from '#app/components/product-detail.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { getListingPreview } from '#app/modules/producer/listings.server.ts'
import { now } from '#app/utils/clock.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'read:listing:own')
  const product = await getListingPreview(producer.id, params.productId ?? '', now())
  if (!product) throw new Response('Not found', { status: 404 })
  return { title: `${messagesFor(locale).listings.preview.banner}: ${product.nameVi}`, product }
}

/** The product page as buyers would see it, for the producer only, whatever the listing's status. */
export default function ListingPreviewPage() {
  const { product } = useLoaderData<typeof loader>()
  const t = useMessages()
  const locale = useLocale()
  const v = t.listings.preview
  return (
    <div className="space-y-6">
      <div role="status" className="rounded-lg border-2 border-dashed border-brand-400 bg-brand-50 px-4 py-3 text-sm">
        <p className="text-base font-bold text-brand-900">{v.banner}</p>
        <p className="mt-1 text-stone-800">{v.bannerText}</p>
        <p className="mt-1 font-medium text-stone-900">{product.visible ? v.visible : v.notVisible[product.status]}</p>
        <div className="mt-2 flex flex-wrap gap-4">
          <Link
            to={localePath(locale, `/seller/listings/${product.id}`)}
            className="font-medium text-brand-800 underline"
          >
            {v.backToEdit}
          </Link>
          {product.visible ? (
            <Link to={localePath(locale, `/products/${product.slug}`)} className="font-medium text-brand-800 underline">
              {v.openLive}
            </Link>
          ) : null}
        </div>
      </div>

      <ProductDetail product={product} certificate={product.certificate} live={false} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
