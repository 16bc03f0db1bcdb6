import { type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { countCartItems } from '#app/modules/cart/cart.server.ts'

/** The header's cart count, asked for by the browser. Reads only: a visit never creates a cart. */
export async function loader({ request }: LoaderFunctionArgs) {
  const count = await countCartItems(request)
  return Response.json({ count }, { headers: { 'Cache-Control': 'private, no-store' } })
}

// Kept on the `.data` answers a fetcher gets, too.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders
