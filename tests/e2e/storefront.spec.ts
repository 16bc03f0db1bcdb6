import { expect } from '@playwright/test'
import { expectNoSeriousA11yViolations, test } from './helpers.ts'

test('a shopper browses by region, filters 4★+ handicrafts, opens a product and switches to English', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Mỗi xã một sản phẩm')
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi')

  await page.getByRole('link', { name: /Đồng bằng sông Hồng/ }).click()
  await expect(page).toHaveURL(/\/regions\/dong-bang-song-hong$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Đồng bằng sông Hồng' })).toBeVisible()
  await page.getByRole('link', { name: 'Xem tất cả sản phẩm của vùng' }).click()
  await expect(page).toHaveURL(/\/products\?region=dong-bang-song-hong/)

  const filters = page.locator('aside')
  await filters.getByRole('link', { name: /Hàng thủ công mỹ nghệ/ }).click()
  await expect(page).toHaveURL(/group=thu-cong-my-nghe/)
  await filters.getByRole('link', { name: /Từ 4 sao/ }).click()
  await expect(page).toHaveURL(/stars=4/)
  await expect(page).toHaveURL(/region=dong-bang-song-hong/)

  const results = page.getByRole('region', { name: 'Sản phẩm OCOP' }).getByRole('article')
  // Every card on a 4★+ page carries a badge of at least four stars. Read the cards as one snapshot,
  // retried until the list has settled on the filtered result (the count line says how many).
  await expect(async () => {
    const cards = await results.allInnerTexts()
    expect(cards.length).toBeGreaterThan(0)
    for (const card of cards) expect(card).toMatch(/★{4,5}/)
  }).toPass({ timeout: 10_000 })

  await results.first().getByRole('link').click()
  await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/)
  const certificate = page.getByRole('region', { name: 'Chứng nhận OCOP' })
  await expect(certificate).toContainText(/Còn hiệu lực|Sắp hết hạn/)
  await expect(certificate).toContainText('Quyết định')
  await expect(certificate.getByText(/★{4,5}/)).toBeVisible()
  const origin = page.getByRole('navigation', { name: 'Xuất xứ' })
  await expect(origin).toContainText('Đồng bằng sông Hồng')
  await expect(origin).toContainText(/trước đây/)

  await page.getByRole('link', { name: 'Switch to English' }).click()
  await expect(page).toHaveURL(/\/en\/products\//)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('region', { name: 'OCOP certificate' })).toContainText(/Valid|Expiring soon/)
  await expect(page.getByRole('navigation', { name: 'Origin' })).toContainText('Red River Delta')
})

test('the listing keeps filters in a shareable URL, resets the page and shows counts', async ({ page }) => {
  await page.goto('/products?sort=price-asc&page=2')
  await expect(page.getByRole('link', { name: 'Trang 2' })).toHaveAttribute('aria-current', 'page')
  const prices = await page
    .getByRole('region', { name: 'Sản phẩm OCOP' })
    .getByRole('article')
    .locator('p.font-bold')
    .allTextContents()
  const values = prices.map((p) => Number(p.split('₫')[0].replace(/\D/g, '')))
  expect(values).toEqual([...values].sort((a, b) => a - b))

  const groupLink = page.locator('aside').getByRole('link', { name: /Thực phẩm/ })
  const countText = await groupLink.locator('span').last().textContent()
  await groupLink.click()
  await expect(page).toHaveURL(/group=thuc-pham/)
  await expect(page).not.toHaveURL(/page=/)
  await expect(page.getByRole('status').first()).toHaveText(`${countText} sản phẩm`)
})

test('malformed filters are corrected with a message, never an error page', async ({ page }) => {
  const response = await page.goto('/products?stars=9&page=-3&group=%27%3B%20DROP%20TABLE%20x&minPrice=abc')
  expect(response?.status()).toBe(200)
  const notice = page.getByRole('status').filter({ hasText: 'Bỏ qua' })
  await expect(notice).toContainText('stars=9')
  await expect(notice).toContainText('Số trang không hợp lệ')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sản phẩm OCOP')

  const tooFar = await page.goto('/products?page=99999')
  expect(tooFar?.status()).toBe(200)
  await expect(page.getByText(/Trang bạn yêu cầu không tồn tại/)).toBeVisible()
})

test('unknown pages answer 404 in the reader’s language', async ({ page }) => {
  let response = await page.goto('/products/khong-co-san-pham-nay')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible()
  response = await page.goto('/en/villages/no-such-village')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  response = await page.goto('/fr/products')
  expect(response?.status()).toBe(404)
})

test('expired and revoked certificates show no stars', async ({ page }) => {
  await page.goto('/products/gio-lua-cong-thinh')
  const certificate = page.getByRole('region', { name: 'Chứng nhận OCOP' })
  await expect(certificate).toContainText('Đã hết hạn')
  await expect(page.getByText(/★{3}/)).toHaveCount(0)

  await page.goto('/products/mat-ong-hoa-vai-thanh-ha')
  await expect(page.getByRole('region', { name: 'Chứng nhận OCOP' })).toContainText('Đã bị thu hồi')
  await expect(page.getByRole('main').getByText(/★{3}/)).toHaveCount(0)

  await page.goto('/products?stars=3')
  await expect(page.getByRole('link', { name: /Giò lụa Công Thịnh/ })).toHaveCount(0)
})

test('a product page carries schema.org JSON-LD and Open Graph tags', async ({ page }) => {
  await page.goto('/products/bo-bat-dia-hoa-sen-do')
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
  expect(jsonLd['@type']).toBe('Product')
  expect(jsonLd.offers.priceCurrency).toBe('VND')
  expect(jsonLd.offers.price).toBeGreaterThan(0)
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Bộ bát đĩa/)
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/media\//)
  const image = page.getByRole('img').first()
  await expect(image).toHaveJSProperty('complete', true)
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
})

test('villages, producers and provinces have their own pages', async ({ page }) => {
  await page.goto('/villages')
  await page
    .getByRole('link', { name: /Làng lụa Vạn Phúc/ })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Vạn Phúc')
  await expect(page.getByRole('navigation', { name: 'Xuất xứ' })).toContainText(/Vạn Phúc.*Hà Đông|Hà Đông/)
  await page.getByRole('region', { name: 'Chủ thể sản xuất trong làng' }).getByRole('link').first().click()
  await expect(page).toHaveURL(/\/producers\//)
  await expect(page.getByRole('heading', { level: 2, name: /Sản phẩm/ })).toBeVisible()
  await page.goto('/provinces/01')
  await expect(page.getByRole('heading', { level: 1, name: 'Hà Nội' })).toBeVisible()
})

test('health, sitemap and robots', async ({ request }) => {
  expect((await request.get('/healthz')).status()).toBe(200)
  const sitemap = await request.get('/sitemap.xml')
  expect(sitemap.headers()['content-type']).toContain('xml')
  expect(await sitemap.text()).toContain('/products/bo-bat-dia-hoa-sen-do')
  expect(await (await request.get('/robots.txt')).text()).toContain('Sitemap:')
})

test('fingerprinted assets are cached for a year and responses carry security headers', async ({ request }) => {
  const response = await request.get('/')
  expect(response.headers()['x-content-type-options']).toBe('nosniff')
  expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(response.headers()['x-frame-options']).toBe('DENY')
  const html = await response.text()
  const asset = html.match(/<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/)?.[1]
  expect(asset, 'a fingerprinted script preloaded by the page').toBeTruthy()
  const assetResponse = await request.get(asset!)
  expect(assetResponse.status()).toBe(200)
  expect(assetResponse.headers()['cache-control']).toContain('max-age=31536000')
  expect(assetResponse.headers()['cache-control']).toContain('immutable')
})

test('an anonymous page seen a moment ago comes from the page cache', async ({ request }) => {
  const url = '/products?group=sinh-vat-canh&sort=price-desc'
  const first = await request.get(url)
  expect(first.status()).toBe(200)
  await expect.poll(async () => (await request.get(url)).headers()['x-page-cache'], { timeout: 5_000 }).toBe('hit')
  const cached = await request.get(url)
  // The same page, except for its CSP nonce: every response gets its own (server/page-cache.ts).
  const withoutNonce = async (response: typeof first) => (await response.text()).replace(/nonce="[^"]+"/g, 'nonce=""')
  expect(await withoutNonce(cached)).toBe(await withoutNonce(first))
  expect(await cached.text()).not.toBe(await first.text())
})

for (const path of ['/', '/products', '/products/bo-bat-dia-hoa-sen-do', '/en/products?group=thu-cong-my-nghe']) {
  test(`no serious accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path)
    await expectNoSeriousA11yViolations(page)
  })
}
