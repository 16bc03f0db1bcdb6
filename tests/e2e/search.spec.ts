import { expect } from '@playwright/test'
import { expectNoSeriousA11yViolations, test } from './helpers.ts'

test('a shopper types without diacritics, picks a suggestion, narrows by a facet and opens a product', async ({
  page,
}) => {
  await page.goto('/')
  const box = page.getByRole('combobox', { name: 'Tìm sản phẩm, làng nghề, chủ thể' })
  await box.pressSequentially('mat ong', { delay: 40 })
  const listbox = page.getByRole('listbox', { name: 'Gợi ý' })
  await expect(listbox).toBeVisible()
  const completion = listbox.getByRole('option', { name: /mật ong.*Tìm kiếm/ })
  await expect(completion).toBeVisible()

  // Keyboard: the first option is the completion of what was typed.
  await box.press('ArrowDown')
  await expect(box).toHaveAttribute('aria-activedescendant', /.+/)
  await expect(completion).toHaveAttribute('aria-selected', 'true')
  await box.press('Enter')

  await expect(page).toHaveURL(/\/products\?q=m%E1%BA%ADt\+ong|\/products\?q=m%E1%BA%ADt%20ong/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kết quả cho “mật ong”')
  const results = page.getByRole('region', { name: 'Sản phẩm OCOP' }).getByRole('article')
  await expect(results.first().locator('mark').first()).toHaveText(/Mật|ong/i)

  const filters = page.locator('aside')
  await filters.getByRole('link', { name: /Đồng bằng sông Hồng/ }).click()
  await expect(page).toHaveURL(/region=dong-bang-song-hong/)
  await expect(page).toHaveURL(/q=/)
  const count = await results.count()
  expect(count).toBeGreaterThan(0)
  await results.first().getByRole('link').click()
  await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Mật ong/i)
})

test('search works without JavaScript by submitting the form', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/')
  await page.getByRole('combobox', { name: 'Tìm sản phẩm, làng nghề, chủ thể' }).fill('lua van phuc')
  await page.getByRole('button', { name: 'Tìm', exact: true }).click()
  await expect(page).toHaveURL(/\/products\?q=lua\+van\+phuc/)
  await expect(page.getByRole('region', { name: 'Sản phẩm OCOP' }).getByRole('article').first()).toContainText(
    /Vạn Phúc|lụa/i,
  )
  await context.close()
})

test('nothing found: a helpful empty state, never an error', async ({ page }) => {
  const response = await page.goto('/products?q=' + encodeURIComponent('xqzw ✨ %_\\ "'))
  expect(response?.status()).toBe(200)
  await expect(page.getByText(/Không tìm thấy sản phẩm nào cho/)).toBeVisible()
  await expect(page.getByText('Hoặc xem theo nhóm sản phẩm:')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('the JSON search API answers with hits and facets', async ({ request }) => {
  const response = await request.get('/api/search?q=nuoc%20mam&stars=4')
  expect(response.status()).toBe(200)
  const body = await response.json()
  expect(body.total).toBeGreaterThan(0)
  expect(body.hits[0]).toMatchObject({
    slug: expect.any(String),
    name: expect.stringMatching(/Nước mắm/i),
    url: expect.stringMatching(/^\/products\//),
  })
  for (const hit of body.hits) expect(hit.stars).toBeGreaterThanOrEqual(4)
  expect(body.facets.group['thuc-pham']).toBeGreaterThan(0)

  const bad = await request.get('/api/search?q=' + encodeURIComponent("'; DROP TABLE x; --") + '&stars=banana&page=-1')
  expect(bad.status()).toBe(200)
  const badBody = await bad.json()
  expect(badBody.warnings.length).toBeGreaterThan(0)
  expect(JSON.stringify(badBody)).not.toMatch(/syntax error|SELECT|postgres/i)
})

test('letters typed before the page is ready still bring suggestions', async ({ page }) => {
  // Hold the page's messages (entry.client.tsx waits for them before hydrating) until the shopper has typed.
  let release: () => void = () => {}
  const typed = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/vi-[\w-]+\.js$/, async (route) => {
    await typed
    await route.continue()
  })
  await page.goto('/', { waitUntil: 'domcontentloaded' })
  const box = page.getByRole('combobox', { name: 'Tìm sản phẩm, làng nghề, chủ thể' })
  await box.pressSequentially('mat ong', { delay: 20 })
  release()
  const listbox = page.getByRole('listbox', { name: 'Gợi ý' })
  await expect(listbox.getByRole('option', { name: /mật ong.*Tìm kiếm/ })).toBeVisible()
  await expect(box).toHaveValue('mat ong')
})
