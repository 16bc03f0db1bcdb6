import { type LoaderFunctionArgs } from '@remix-run/node'
import { searchApi } from '#app/modules/search/search-api.server.ts'
import { now } from '#app/utils/clock.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const body = await searchApi(new URL(request.url).searchParams, now())
  return Response.json(body, {
    headers: { 'Cache-Control': 'public, max-age=0, s-maxage=30, stale-while-revalidate=300' },
  })
}
