import { expect, type Page } from '@playwright/test'
import { logInAs, query } from './database.ts'
import { expectNoSeriousA11yViolations, test } from './helpers.ts'

type Listed = { slug: string; nameVi: string; producerName: string }

/** A product for sale with plenty of stock, of the demo producer with this slug. */
async function productOf(producerSlug: string, skip = 0): Promise<Listed> {
  const rows = await query<Listed>(
    `SELECT c.slug, c."nameVi", c."producerName" FROM "CatalogEntry" c JOIN "Producer" p ON p.id = c."producerId"
     WHERE p.slug = $1 AND c.visible AND c.stock >= 20 ORDER BY c.slug OFFSET $2 LIMIT 1`,
    [producerSlug, skip],
  )
  if (!rows[0]) throw new Error(`no product of ${producerSlug} with stock`)
  return rows[0]
}

async function addToCart(page: Page, product: Listed, quantity = 1) {
  await page.goto(`/products/${product.slug}`)
  await page.getByLabel('Số lượng').fill(String(quantity))
  await page.getByRole('button', { name: 'Thêm vào giỏ' }).click()
  await expect(page.getByText('Đã thêm vào giỏ')).toBeVisible()
}

async function fillDelivery(page: Page, name: string, phone: string) {
  await page.getByLabel('Họ và tên').fill(name)
  await page.getByLabel('Số điện thoại di động').fill(phone)
  await page.getByLabel('Tỉnh, thành phố').selectOption('01')
  // The communes of the chosen province arrive without a reload.
  await expect(page.getByLabel('Xã, phường, đặc khu').locator('option[value="09784"]')).toHaveCount(1)
  await page.getByLabel('Xã, phường, đặc khu').selectOption('09784')
  await expect(page.getByText(/Trước 01\/7\/2025:.*Đan Phượng/)).toBeVisible()
  await page.getByLabel('Số nhà, tên đường, thôn, xóm').fill('Số 8 ngõ 12 phố Phùng Hưng')
}

test('a guest buys from two producers with cash on delivery and follows the order with its number and phone', async ({
  page,
  browser,
}) => {
  const honey = await productOf('htx-ong-tuan-minh')
  const silk = await productOf('htx-det-lua-van-phuc')
  await addToCart(page, honey, 2)
  await addToCart(page, silk, 1)

  await page.goto('/cart')
  await expect(page.getByRole('heading', { name: 'Giỏ hàng của bạn' })).toBeVisible()
  await expect(page.getByText(honey.producerName).first()).toBeVisible()
  await expect(page.getByText(silk.producerName).first()).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('link', { name: 'Thanh toán' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Đặt hàng và thanh toán' })).toBeVisible()
  // A wrong phone number is explained next to the field; nothing is ordered.
  await fillDelivery(page, 'Phạm Thị Mai', '12345')
  await page.getByRole('button', { name: 'Đặt hàng', exact: true }).click()
  await expect(page.getByText(/Số điện thoại không hợp lệ/)).toBeVisible()
  await page.getByLabel('Số điện thoại di động').fill('0912 345 678')
  await expect(page.getByLabel('Thanh toán khi nhận hàng (COD)')).toBeChecked()
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Đặt hàng', exact: true }).click()

  await expect(page).toHaveURL(/\/orders\/OC-\d{4}-[A-Z0-9]{4}/)
  const number = page.url().match(/OC-\d{4}-[A-Z0-9]{4}/)![0]
  await expect(page.getByRole('heading', { level: 1, name: `Đơn hàng ${number}` })).toBeVisible()
  await expect(page.getByText(`Kiện hàng từ ${honey.producerName}`)).toBeVisible()
  await expect(page.getByText(`Kiện hàng từ ${silk.producerName}`)).toBeVisible()
  await expect(page.getByText('Đã đặt hàng').first()).toBeVisible()

  // Another browser, without the placing browser's cookie, unlocks the order with the phone number.
  const other = await browser.newContext()
  const follow = await other.newPage()
  await follow.goto('/orders')
  await follow.getByLabel('Mã đơn hàng').fill(number)
  await follow.getByLabel('Số điện thoại').fill('0987654321')
  await follow.getByRole('button', { name: 'Xem đơn hàng' }).click()
  await expect(follow.getByText('Mã đơn hàng hoặc số điện thoại không khớp. Hãy kiểm tra lại.')).toBeVisible()
  await follow.getByLabel('Số điện thoại').fill('+84 912 345 678')
  await follow.getByRole('button', { name: 'Xem đơn hàng' }).click()
  await expect(follow.getByRole('heading', { level: 1, name: `Đơn hàng ${number}` })).toBeVisible()
  await expect(follow.getByText(`Kiện hàng từ ${silk.producerName}`)).toBeVisible()
  await other.close()
})

test('a buyer pays by VietQR and the office confirms the transfer', async ({ page, browser, baseURL }) => {
  const honey = await productOf('htx-ong-tuan-minh', 1)
  await addToCart(page, honey, 1)
  await page.goto('/checkout')
  await fillDelivery(page, 'Đỗ Văn Hùng', '0987 654 321')
  await page.getByLabel('Chuyển khoản ngân hàng (VietQR)').check()
  await page.getByRole('button', { name: 'Đặt hàng', exact: true }).click()

  await expect(page).toHaveURL(/\/orders\/OC-/)
  const number = page.url().match(/OC-\d{4}-[A-Z0-9]{4}/)![0]
  await expect(page.getByRole('heading', { name: 'Chuyển khoản bằng VietQR' })).toBeVisible()
  await expect(
    page
      .locator('svg')
      .filter({ has: page.locator('path') })
      .first(),
  ).toBeVisible()
  await expect(page.getByText(number).first()).toBeVisible()
  await expect(page.getByText('Chờ thanh toán').first()).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  const office = await browser.newContext()
  await logInAs(office, baseURL!, 'vanphong@ocop.local')
  const desk = await office.newPage()
  await desk.goto('/admin/payments')
  await desk.getByRole('button', { name: `Xác nhận đã nhận tiền cho đơn ${number}` }).click()
  await expect(desk.getByText(`Đã xác nhận nhận tiền cho đơn ${number}.`)).toBeVisible()
  await office.close()

  await page.reload()
  await expect(page.getByText('Đã thanh toán').first()).toBeVisible()
})
