import { type LoaderFunctionArgs } from '@remix-run/node'
import { sitemapEntries } from '#app/modules/catalog/sitemap.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = new URL(request.url).origin
  const xml = await sitemapEntries(origin)
  return new Response(xml, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
}
