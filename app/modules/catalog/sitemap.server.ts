import { getDb } from '#app/utils/db.server.ts'

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * sitemap.xml with every public page in Vietnamese and its English alternate. A sitemap holds at
 * most 50,000 URLs; product URLs are capped (20,000, and 5,000 export sheets) to stay inside that.
 */
export async function sitemapEntries(origin: string): Promise<string> {
  const db = getDb()
  const [products, villages, producers, regions, provinces, exportProducts] = await Promise.all([
    db.product.findMany({
      where: { status: 'PUBLISHED', producer: { status: 'VERIFIED' } },
      select: { slug: true, updatedAt: true },
      orderBy: { updatedAt: 'desc' },
      take: 20_000,
    }),
    db.craftVillage.findMany({ select: { slug: true } }),
    db.producer.findMany({ where: { status: 'VERIFIED' }, select: { slug: true, updatedAt: true } }),
    db.region.findMany({ select: { slug: true } }),
    db.province.findMany({ select: { code: true } }),
    // The export catalogue's product sheets: export-ready products that the storefront shows.
    db.product.findMany({
      where: { exportTerms: { exportReady: true }, catalogEntry: { visible: true } },
      select: { slug: true, exportTerms: { select: { updatedAt: true } } },
      take: 5_000,
    }),
  ])
  const paths: { path: string; lastmod?: Date }[] = [
    { path: '/' },
    { path: '/products' },
    { path: '/villages' },
    ...regions.map((r) => ({ path: `/regions/${r.slug}` })),
    ...provinces.map((p) => ({ path: `/provinces/${p.code}` })),
    ...villages.map((v) => ({ path: `/villages/${v.slug}` })),
    ...producers.map((p) => ({ path: `/producers/${p.slug}`, lastmod: p.updatedAt })),
    ...products.map((p) => ({ path: `/products/${p.slug}`, lastmod: p.updatedAt })),
    { path: '/export' },
    ...exportProducts.map((p) => ({ path: `/export/products/${p.slug}`, lastmod: p.exportTerms?.updatedAt })),
  ]
  const urls = paths.map(({ path, lastmod }) => {
    const vi = `${origin}${path}`
    const en = `${origin}${path === '/' ? '/en' : `/en${path}`}`
    return [
      '<url>',
      `<loc>${escapeXml(vi)}</loc>`,
      lastmod ? `<lastmod>${lastmod.toISOString().slice(0, 10)}</lastmod>` : '',
      `<xhtml:link rel="alternate" hreflang="vi" href="${escapeXml(vi)}"/>`,
      `<xhtml:link rel="alternate" hreflang="en" href="${escapeXml(en)}"/>`,
      '</url>',
    ].join('')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
  ].join('\n')
}
