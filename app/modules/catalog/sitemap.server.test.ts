import { expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { sitemapEntries } from './sitemap.server.ts'

test('the sitemap lists storefront pages and the export sheets of export-ready products, with English alternates', async () => {
  const xml = await sitemapEntries('https://cho-ocop.example')
  const honey = await getDb().product.findFirstOrThrow({ where: { sku: 'TM-NHAN-500' }, select: { slug: true } })
  expect(xml).toContain(`<loc>https://cho-ocop.example/products/${honey.slug}</loc>`)
  expect(xml).toContain(`<loc>https://cho-ocop.example/export/products/${honey.slug}</loc>`)
  expect(xml).toContain(`hreflang="en" href="https://cho-ocop.example/en/export/products/${honey.slug}"`)
  // A product that is not export-ready has no export sheet.
  const notExport = await getDb().product.findFirstOrThrow({
    where: { status: 'PUBLISHED', exportTerms: null, producer: { status: 'VERIFIED' } },
    select: { slug: true },
  })
  expect(xml).toContain(`/products/${notExport.slug}</loc>`)
  expect(xml).not.toContain(`/export/products/${notExport.slug}</loc>`)
})
