import { Link, useFetcher } from '@remix-run/react'
import { useSyncExternalStore } from 'react'
import { localePath } from '#app/i18n/locale.ts'
import { useLocale, useMessages } from '#app/i18n/messages.ts'
import { ADD_INTENT, FETCH_FIELD, MAX_QUANTITY, type CartActionData } from '#app/modules/cart/cart-fields.ts'

const noSubscription = () => () => {}

/** False in the server's HTML and until hydration, true once JavaScript runs the page. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
}

/**
 * Marks a cart form as sent by JavaScript (a fetcher), which gets data back instead of a redirect.
 * Rendered only after hydration, so a form posted without JavaScript never carries it.
 */
export function FetchFlag() {
  return useHydrated() ? <input type="hidden" name={FETCH_FIELD} value="1" /> : null
}

/**
 * Quantity and "Thêm vào giỏ" on the product page. Without JavaScript a plain post to the cart
 * page (which redirects there with a message); with it, a fetcher that stays on the page, says
 * "Đã thêm vào giỏ" and lets the header's count refresh. Shows "Hết hàng" instead when none are left.
 *
 * No Conform or zod here (they would double the product page's JavaScript): the cart's action checks
 * the form with AddToCartSchema and answers with messages in the user's language, shown below the
 * field (`noValidate`, as Conform had it: the browser's own messages would be in its language).
 */
export function AddToCart({ productId, stock }: { productId: string; stock: number }) {
  const t = useMessages().cart
  const locale = useLocale()
  const fetcher = useFetcher<CartActionData>({ key: `add-to-cart-${productId}` })
  if (stock <= 0) {
    return <p className="text-base font-semibold text-red-700">{t.addToCart.soldOut}</p>
  }
  const id = `add-to-cart-${productId}`
  const errors = fetcher.state === 'idle' ? fetcher.data?.result?.error : undefined
  const quantityErrors = errors?.quantity?.filter(Boolean) ?? []
  const formErrors = [...(errors?.[''] ?? []), ...(errors?.productId ?? [])].filter(Boolean)
  const quantityErrorId = `${id}-quantity-error`
  const busy = fetcher.state !== 'idle'
  const added = fetcher.state === 'idle' && fetcher.data?.ok === true
  return (
    <fetcher.Form
      id={id}
      method="post"
      noValidate
      action={localePath(locale, '/cart')}
      aria-label={t.addToCart.label}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="intent" value={ADD_INTENT} />
      <input type="hidden" name="productId" value={productId} />
      <FetchFlag />
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-quantity`} className="mb-1 block text-sm font-medium text-stone-800">
            {t.addToCart.quantity}
          </label>
          <input
            id={`${id}-quantity`}
            name="quantity"
            type="number"
            defaultValue="1"
            required
            min={1}
            max={Math.min(stock, MAX_QUANTITY)}
            step={1}
            inputMode="numeric"
            aria-invalid={quantityErrors.length ? true : undefined}
            aria-describedby={quantityErrors.length ? quantityErrorId : undefined}
            className="block w-24 rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none aria-[invalid]:border-red-500"
          />
        </div>
        <button
          type="submit"
          disabled={busy}
          className="inline-flex items-center justify-center rounded-md bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {busy ? t.addToCart.pending : t.addToCart.submit}
        </button>
      </div>
      {/* The same markup as ErrorList and FormError (ui/form.tsx), which would bring Conform along. */}
      {quantityErrors.length ? (
        <ul id={quantityErrorId} className="mt-1 space-y-0.5 text-sm text-red-700">
          {quantityErrors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
      {formErrors.length ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {formErrors.join(' ')}
        </div>
      ) : null}
      <div aria-live="polite" className="text-sm">
        {added ? (
          <p className="font-medium text-leaf-700">
            ✓ {t.addToCart.added}.{' '}
            <Link to={localePath(locale, '/cart')} className="text-brand-800 underline">
              {t.addToCart.viewCart}
            </Link>
          </p>
        ) : null}
      </div>
    </fetcher.Form>
  )
}
