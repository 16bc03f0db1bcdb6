/**
 * Issue 7 end to end: the OCOP office verifies a waiting producer, records a 4★ certificate for its
 * product, the market shows the stars (linked to the public certificate page), the office revokes
 * it and the stars go; the programme dashboard and the audit log follow every step.
 */
import { expect, type Browser, type Page } from '@playwright/test'
import { logInAs, query } from './database.ts'
import { expectNoSeriousA11yViolations, test } from './helpers.ts'

/** The number of products whose valid certificate carries 4 stars, as the dashboard shows it. */
async function fourStarProducts(page: Page): Promise<number> {
  await page.goto('/en/admin/dashboard')
  const figure = page.getByRole('figure', { name: 'By star rating' })
  const row = figure.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '4 stars', exact: true }) })
  const text = await row.getByRole('cell').innerText()
  return Number(text.replace(/\D/g, ''))
}

/**
 * What a shopper sees: a fresh browser each time (nothing cached), retried briefly because the
 * server's page cache is cleared by a notification that follows the change.
 */
async function asShopper(browser: Browser, path: string, check: (page: Page) => Promise<void>) {
  await expect(async () => {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await page.goto(path)
      await check(page)
    } finally {
      await context.close()
    }
  }).toPass({ timeout: 20_000 })
}

test('the office verifies a producer, records a 4★ certificate, revokes it; the market and the dashboard follow', async ({
  page,
  context,
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(60_000)
  // A producer that applied with a product on sale and no certificate yet.
  const stamp = Date.now().toString(36)
  const producerName = `HTX Mật ong bạc hà Mèo Vạc ${stamp}`
  const product = {
    id: `e2e-product-${stamp}`,
    slug: `mat-ong-bac-ha-meo-vac-${stamp}`,
    nameVi: `Mật ong bạc hà Mèo Vạc ${stamp}`,
    nameEn: `Meo Vac mint-flower honey ${stamp}`,
  }
  const producerId = `e2e-producer-${stamp}`
  await query(
    `INSERT INTO "Producer" (id, slug, name, kind, status, "communeCode", "storyVi", "appliedAt", "updatedAt")
     VALUES ($1, $2, $3, 'HOP_TAC_XA', 'PENDING', '30796', 'Ong nội địa nuôi trên cao nguyên đá.', now(), now())`,
    [producerId, `htx-mat-ong-meo-vac-${stamp}`, producerName],
  )
  await query(
    `INSERT INTO "Product" (id, "producerId", sku, slug, "groupCode", "subgroupCode", "nameVi", "nameEn",
       "priceVnd", "unitVi", "unitEn", "weightGrams", stock, status, "publishedAt", "updatedAt")
     VALUES ($1, $2, 'MV-BH-500', $3, 'thuc-pham', 'mat-ong-nong-san-khac', $4, $5,
       320000, 'chai 500 ml', '500 ml bottle', 750, 30, 'PUBLISHED', now(), now())`,
    [product.id, producerId, product.slug, product.nameVi, product.nameEn],
  )
  const productPath = `/en/products/${product.slug}`
  // Not in the market while the producer waits for verification.
  expect((await request.get(productPath)).status()).toBe(404)

  await logInAs(context, baseURL!, 'vanphong@ocop.local')
  const fourStarsBefore = await fourStarProducts(page)
  await expectNoSeriousA11yViolations(page)

  // Verify the producer from its application page.
  await page.goto('/en/admin/producers')
  await page.getByRole('link', { name: `Open the application of ${producerName}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: producerName })).toBeVisible()
  await expect(page.getByText('1 on sale · 0 draft · 0 archived · 0 hidden')).toBeVisible()
  await page.getByRole('button', { name: `Verify ${producerName}` }).click()
  await expect(
    page.getByText(`Verified “${producerName}”: its products on sale are now shown in the market.`),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: `Verify ${producerName}` })).toHaveCount(0)

  await asShopper(browser, productPath, async (shop) => {
    await expect(shop.getByRole('heading', { level: 1, name: product.nameEn })).toBeVisible({ timeout: 3_000 })
    await expect(shop.getByText('This product has no valid OCOP certificate.')).toBeVisible()
  })

  // Record a 4★ certificate.
  await page.goto(`/en/admin/certificates/new?productId=${product.id}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Record an OCOP certificate' })).toBeVisible()
  await expect(page.getByText('Currently shows no stars on Chợ OCOP.')).toBeVisible()
  const decision = `QĐ-E2E-${stamp}`
  await page.getByLabel('Stars', { exact: true }).selectOption('4')
  await page.getByLabel('Score', { exact: true }).fill('75')
  await page.getByLabel('Level', { exact: true }).selectOption('PROVINCIAL')
  await page.getByLabel('Issued by', { exact: true }).fill('UBND tỉnh Hà Giang')
  await page.getByLabel('Decision number', { exact: true }).fill(decision)
  const decisionDate = page.getByLabel('Decision date', { exact: true })
  const today = (await decisionDate.getAttribute('max'))!
  await decisionDate.fill(today)
  await page.getByLabel('Issued on', { exact: true }).fill(today)
  await page.getByLabel('Legal basis (criteria set)').fill('Quyết định 148/QĐ-TTg ngày 24/02/2023')
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Record the certificate' }).click()
  await expect(page.getByText(`Certificate ${decision} recorded.`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: `Certificate ${decision}` })).toBeVisible()
  const certificateId = new URL(page.url()).pathname.split('/').pop()!

  // The market shows 4 stars, linked to the public certificate page, which says it is valid.
  await asShopper(browser, productPath, async (shop) => {
    const stars = shop.getByRole('link', { name: '4 OCOP stars · OCOP product certificate' })
    await expect(stars).toBeVisible({ timeout: 3_000 })
    await expect(stars).toHaveAttribute('href', `/en/certificates/${certificateId}`)
    await expect(shop.getByText(decision)).toBeVisible()
    await stars.click()
    await expect(shop.getByRole('heading', { level: 1, name: product.nameEn })).toBeVisible()
    await expect(shop.getByRole('heading', { level: 2, name: 'Status: Valid' })).toBeVisible()
    await expect(shop.getByText(/^This certificate is valid until the end of /)).toBeVisible()
    await expect(shop.getByText('75/100')).toBeVisible()
    await expectNoSeriousA11yViolations(shop)
  })
  expect(await fourStarProducts(page)).toBe(fourStarsBefore + 1)

  // Revoke it with a reason.
  const reason = `Kiểm tra sau chứng nhận: nhãn không đúng hồ sơ (${stamp})`
  await page.goto(`/en/admin/certificates/${certificateId}`)
  await page.getByLabel('Reason for revocation').fill(reason)
  await page.getByRole('button', { name: 'Revoke the certificate' }).click()
  await expect(page.getByText(`Certificate ${decision} revoked.`)).toBeVisible()
  await expect(page.getByText(/^This certificate was revoked on /)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Revoke the certificate' })).toHaveCount(0)

  // The stars are gone from the product page; the public page says the certificate was revoked.
  await asShopper(browser, productPath, async (shop) => {
    await expect(shop.getByRole('heading', { level: 1, name: product.nameEn })).toBeVisible()
    await expect(shop.getByRole('link', { name: /OCOP stars/ })).toHaveCount(0, { timeout: 3_000 })
    await expect(shop.getByText('4 OCOP stars')).toHaveCount(0)
  })
  await asShopper(browser, `/en/certificates/${certificateId}`, async (shop) => {
    await expect(shop.getByRole('heading', { level: 2, name: 'Status: Revoked' })).toBeVisible({ timeout: 3_000 })
    await expect(shop.getByText('4 OCOP stars')).toHaveCount(0)
  })
  expect(await fourStarProducts(page)).toBe(fourStarsBefore)

  // The audit log holds the three decisions.
  await page.goto('/en/admin/audit')
  await page.getByLabel('Words').fill(stamp)
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page.getByText('3 actions')).toBeVisible()
  const log = page.getByRole('list', { name: 'Actions, newest first' })
  await expect(log.getByText(`Xác minh chủ thể “${producerName}”.`)).toBeVisible()
  await expect(log.getByText(`Ghi nhận chứng nhận 4 sao (QĐ ${decision}) cho “${product.nameVi}”`)).toBeVisible()
  await expect(log.getByText(`Thu hồi chứng nhận QĐ ${decision} của “${product.nameVi}”: ${reason}`)).toBeVisible()
  await expect(log.getByRole('heading', { name: 'Producer verified' })).toBeVisible()
  await expect(log.getByText('vanphong@ocop.local').first()).toBeVisible()
})
