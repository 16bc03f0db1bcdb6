import { type LoaderFunctionArgs } from '@remix-run/node'
import { listCommunes } from '#app/modules/checkout/places.server.ts'

/**
 * The communes and wards of one province (`?province=01`) with their former names, for the
 * checkout's address form: the commune list follows the province without a page reload.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const province = new URL(request.url).searchParams.get('province') ?? ''
  const communes = await listCommunes(province)
  // The same for everyone and changed only by a migration: shared caches may keep it.
  return Response.json({ province, communes }, { headers: { 'Cache-Control': 'public, max-age=3600' } })
}
