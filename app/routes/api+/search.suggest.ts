import { type LoaderFunctionArgs } from '@remix-run/node'
import { suggestApi } from '#app/modules/search/search-api.server.ts'
import { now } from '#app/utils/clock.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const body = await suggestApi(new URL(request.url).searchParams, now())
  return Response.json(body, { headers: { 'Cache-Control': 'public, max-age=60' } })
}
