/** The public export catalogue: its pages and downloads, called as an anonymous browser would. */
import { parse } from 'csv-parse/sync'
import { type LoaderFunctionArgs } from '@remix-run/node'
import { renderToString } from 'react-dom/server'
import { type RouteObject } from 'react-router-dom'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { Outlet } from '@remix-run/react'
import { beforeAll, describe, expect, test } from 'vitest'
import { type Locale } from '#app/i18n/locale.ts'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest } from '#tests/factories/accounts.ts'
import { callRoute } from '#tests/route-call.ts'
import * as csv from './($lang).export.catalogue[.]csv.ts'
import * as pdf from './($lang).export.catalogue[.]pdf.ts'
import * as catalogue from './($lang).export._index.tsx'
import * as sheetPage from './($lang).export.products.$slug.tsx'

const slugs: Record<string, string> = {}

beforeAll(async () => {
  const products = await getDb().product.findMany({
    where: { sku: { in: ['TM-NHAN-500', 'KH-40N-500', 'TQ-43N-500', 'PL-NH-5KG'] } },
    select: { sku: true, slug: true },
  })
  for (const product of products) slugs[product.sku] = product.slug
})

function paramsOf(path: string): Record<string, string> {
  return path.startsWith('/en/') ? { lang: 'en' } : {}
}

function get(loader: (args: LoaderFunctionArgs) => Promise<unknown>, path: string, extra: Record<string, string> = {}) {
  return callRoute(loader, appRequest(path), { ...paramsOf(path), ...extra })
}

type CatalogueData = Awaited<ReturnType<typeof catalogue.loader>>['data']
type SheetData = Awaited<ReturnType<typeof sheetPage.loader>>['data']

/**
 * Renders a route's page with its loader data inside a minimal router (the root supplies the
 * locale), as the server would: enough to catch a page that throws or misses its text.
 */
async function render(Page: () => React.ReactNode, path: string, loaderData: unknown, locale: Locale) {
  const routes: RouteObject[] = [
    {
      id: 'root',
      path: '/',
      loader: () => ({ locale, user: null, toast: null }),
      element: <Outlet />,
      children: [
        { id: 'page', path: path.split('?')[0]!.slice(1), loader: () => loaderData ?? null, element: <Page /> },
      ],
    },
  ]
  const handler = createStaticHandler(routes)
  const context = await handler.query(new Request(`http://localhost${path}`))
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`)
  const router = createStaticRouter(handler.dataRoutes, context)
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />)
}

describe('/export (the catalogue page)', () => {
  test('is public and cacheable: 200 for an anonymous visitor, in English and Vietnamese', async () => {
    for (const path of ['/en/export', '/export']) {
      const outcome = await get(catalogue.loader, path)
      expect(outcome.status, path).toBe(200)
      expect(outcome.headers.get('Cache-Control')).toContain('public')
      const data = outcome.body as CatalogueData
      expect(data.total).toBe(23)
      expect(data.sheets).toHaveLength(23)
      // The server's file paths (for the PDF) stay on the server.
      expect(JSON.stringify(data)).not.toContain('imageFile')
    }
    expect((await get(catalogue.loader, '/fr/export', { lang: 'fr' })).status).toBe(404)
  })

  test('applies the filters of the URL and says which ones it ignored', async () => {
    const outcome = await get(
      catalogue.loader,
      '/en/export?cert=HACCP&group=thuc-pham&moqMax=500&incoterm=FOB&stars=9&kind=nope',
    )
    expect(outcome.status).toBe(200)
    const data = outcome.body as CatalogueData
    const found = data.sheets.map((s) => s.slug)
    expect(found).toContain(slugs['TM-NHAN-500'])
    expect(found).toContain(slugs['KH-40N-500'])
    expect(found).not.toContain(slugs['TQ-43N-500'])
    expect(data.filters.ignored.map((i) => i.param).sort()).toEqual(['kind', 'stars'])
  })

  test('renders cards, filters, the download links of the selection and one RFQ form', async () => {
    const path = '/en/export?cert=HACCP&incoterm=FOB&q=honey'
    const data = (await get(catalogue.loader, path)).body as CatalogueData
    const html = await render(catalogue.default, path, data, 'en')
    expect(html).toContain('Results for “honey”')
    expect(html).toContain('href="/en/export/catalogue.csv?q=honey&amp;cert=HACCP&amp;incoterm=FOB"')
    expect(html).toContain('href="/en/export/catalogue.pdf?q=honey&amp;cert=HACCP&amp;incoterm=FOB"')
    expect(html).toMatch(/<form method="get" action="\/en\/export\/rfq\/new"/)
    const honey = data.sheets.find((s) => s.slug === slugs['TM-NHAN-500'])!
    expect(html).toMatch(new RegExp(`<input [^>]*type="checkbox" name="product" [^>]*value="${honey.productId}"`))
    expect(html).toContain('from $4.95 / unit (FOB)')
    expect(html).toContain('Request quotation for selected')
    expect(html).toContain('Remove filter HACCP')
  })

  test('the Vietnamese page is in Vietnamese, and shows an expired certification as expired', async () => {
    const data = (await get(catalogue.loader, '/export?q=nuoc mam')).body as CatalogueData
    const html = await render(catalogue.default, '/export', data, 'vi')
    expect(html).toContain('Yêu cầu báo giá các sản phẩm đã chọn')
    expect(html).toContain('Tải CSV')
    expect(html).toMatch(/line-through">HACCP<\/span><span class="sr-only">: (<!-- -->)?Hết hạn ngày/)
  })

  test('an empty selection says so', async () => {
    const data = (await get(catalogue.loader, '/en/export?moqMax=1')).body as CatalogueData
    expect(data.total).toBe(0)
    const html = await render(catalogue.default, '/en/export', data, 'en')
    expect(html).toContain('No export product matches these filters.')
  })
})

describe('/export/products/:slug (the product sheet)', () => {
  test('is public: terms, tiers, certifications, OCOP certificate and the RFQ link', async () => {
    const slug = slugs['TM-NHAN-500']!
    const path = `/en/export/products/${slug}`
    const outcome = await get(sheetPage.loader, path, { slug })
    expect(outcome.status).toBe(200)
    expect(outcome.headers.get('Cache-Control')).toContain('public')
    const data = outcome.body as SheetData
    const html = await render(sheetPage.default, path, data, 'en')
    expect(html).toContain('FOB Hai Phong port')
    expect(html).toContain('300–999 jars (500 g)')
    expect(html).toContain('$6.20')
    expect(html).toContain('HACCP-VN-2291')
    expect(html).toContain('0409.00.00 · Natural honey')
    expect(html).toContain(`href="/en/export/rfq/new?product=${data.sheet.productId}"`)
    expect(html).toContain('Japan, South Korea, Germany')
  })

  test('greys out an expired certification, in Vietnamese too', async () => {
    const slug = slugs['TQ-43N-500']!
    const outcome = await get(sheetPage.loader, `/export/products/${slug}`, { slug })
    expect(outcome.status).toBe(200)
    const html = await render(sheetPage.default, `/export/products/${slug}`, outcome.body, 'vi')
    expect(html).toMatch(/HACCP<\/h3><span[^>]*>Hết hạn<\/span>/)
  })

  test('404 for a product that is not export-ready, not on the storefront, or unknown', async () => {
    const notExport = await getDb().product.findFirstOrThrow({
      where: { status: 'PUBLISHED', exportTerms: null },
      select: { slug: true },
    })
    for (const slug of [notExport.slug, slugs['PL-NH-5KG']!, 'khong-co-san-pham-nay']) {
      expect((await get(sheetPage.loader, `/en/export/products/${slug}`, { slug })).status, slug).toBe(404)
    }
  })
})

describe('downloads', () => {
  async function download(loader: typeof csv.loader, path: string) {
    const response = await loader({ request: appRequest(path), params: paramsOf(path), context: {} })
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) }
  }

  test('the CSV holds the filtered selection: BOM, header row, one row per product', async () => {
    const { response, bytes } = await download(
      csv.loader,
      '/en/export/catalogue.csv?cert=HACCP&group=thuc-pham&moqMax=500&incoterm=FOB',
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="ocop-export-catalogue-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.split('\r\n')[0]).toMatch(/^Product \(EN\),Product \(VI\),Producer,/)
    const rows = parse(text, { columns: true }) as Record<string, string>[]
    const expected = (await get(catalogue.loader, '/en/export?cert=HACCP&group=thuc-pham&moqMax=500&incoterm=FOB'))
      .body as CatalogueData
    expect(rows).toHaveLength(expected.total)
    expect(rows.map((r) => r['Product URL'])).toContain(
      `http://localhost:3000/en/export/products/${slugs['TM-NHAN-500']}`,
    )
    const fishSauce = rows.find((r) => r['Product (VI)'].startsWith('Nước mắm Phú Quốc Khải Hoàn'))
    expect(fishSauce?.Certifications).toContain('HACCP HACCP-PQ-0032 (Bureau Veritas Vietnam, exp. ')
  })

  test('the PDF holds the same selection', async () => {
    const { response, bytes } = await download(pdf.loader, '/en/export/catalogue.pdf?q=honey')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="ocop-export-catalogue-[\d-]+\.pdf"$/,
    )
    const expected = (await get(catalogue.loader, '/en/export?q=honey')).body as CatalogueData
    expect(expected.total).toBeGreaterThan(0)
    expect(response.headers.get('X-Product-Count')).toBe(String(expected.total))
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('%PDF')
  })
})
