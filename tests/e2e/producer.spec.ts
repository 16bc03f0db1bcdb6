import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, type Page } from '@playwright/test'
import sharp from 'sharp'
import { logInAs } from './database.ts'
import { expectNoSeriousA11yViolations, test } from './helpers.ts'

/** A phone-like JPEG photo (a honey-coloured gradient), written to a temporary file. */
async function samplePhoto(): Promise<string> {
  const width = 1600
  const height = 1200
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      pixels[i] = 200 + Math.round((x / width) * 55)
      pixels[i + 1] = 120 + Math.round((y / height) * 60)
      pixels[i + 2] = 30
    }
  }
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ocop-e2e-')), 'mat-ong.jpg')
  writeFileSync(
    file,
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 80 })
      .toBuffer(),
  )
  return file
}

async function signUp(page: Page, name: string, email: string) {
  await page.goto('/account/signup')
  await page.getByLabel('Họ và tên').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-ong-rung-2026')
  await page.getByLabel('Nhập lại mật khẩu').fill('mat-ong-rung-2026')
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
  await expect(page.getByRole('heading', { name: 'Tài khoản của tôi' })).toBeVisible()
}

test('a producer signs up, applies, is verified by the office, lists a product with a photo and finds it in the market', async ({
  page,
  browser,
  baseURL,
}) => {
  const stamp = Date.now().toString(36)
  const producerName = `HTX Mật ong Rừng Tràm ${stamp}`
  const productName = `Mật ong rừng tràm U Minh ${stamp}`
  await signUp(page, 'Võ Thị Lan', `lan.${stamp}@example.vn`)

  // Apply as a producer.
  await page.getByRole('link', { name: 'Đăng ký bán hàng' }).click()
  await expect(page.getByRole('heading', { name: 'Đăng ký bán hàng trên Chợ OCOP' })).toBeVisible()
  await page.getByLabel('Tên chủ thể').fill(producerName)
  await page.getByLabel('Loại hình').selectOption('HOP_TAC_XA')
  await page.getByLabel('Mã số thuế hoặc số đăng ký hợp tác xã').fill('0104-HTX-2026')
  await page.getByLabel('Xã, phường').selectOption('09784')
  await page.getByLabel('Chủ thể do phụ nữ làm chủ hoặc điều hành').check()
  await page
    .getByLabel('Câu chuyện của chủ thể (tiếng Việt)')
    .fill('Nuôi ong dưới tán rừng tràm, mật thu hoạch thủ công.')
  await page.getByLabel('Số điện thoại').fill('0912345678')
  await page.getByLabel('Email liên hệ').fill(`htx.${stamp}@example.vn`)
  await page.getByRole('button', { name: 'Gửi hồ sơ đăng ký' }).click()
  await expect(page.getByText(`Đã gửi hồ sơ “${producerName}”`)).toBeVisible()
  await expect(page.getByText('Đang chờ Văn phòng OCOP xác minh')).toBeVisible()

  // The office verifies the application.
  const office = await browser.newContext()
  await logInAs(office, baseURL!, 'vanphong@ocop.local')
  const officePage = await office.newPage()
  await officePage.goto('/admin/producers')
  await expectNoSeriousA11yViolations(officePage)
  await officePage.getByRole('button', { name: `Xác minh ${producerName}` }).click()
  await expect(officePage.getByText(`Đã xác minh “${producerName}”`)).toBeVisible()
  await office.close()

  // A listing with a photo, published.
  await page.goto('/seller/listings')
  await expect(page.getByText('Đang chờ Văn phòng OCOP xác minh')).toHaveCount(0)
  await page.getByRole('link', { name: 'Thêm sản phẩm' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Thêm sản phẩm' })).toBeVisible()
  await page.getByLabel('Mã SKU', { exact: true }).fill('MO-TRAM-500')
  await page.getByLabel('Tên sản phẩm (tiếng Việt)').fill(productName)
  await page.getByLabel('Nhóm sản phẩm OCOP').selectOption('thuc-pham')
  await page.getByLabel('Phân nhóm').selectOption('mat-ong-nong-san-khac')
  await page.getByLabel('Giá bán (đồng)').fill('-5')
  await page.getByLabel('Quy cách bán (tiếng Việt)').fill('chai 500 ml')
  await page.getByLabel('Khối lượng khi giao (gam)').fill('700')
  await page.getByLabel('Số lượng tồn kho').fill('40')
  await page.getByRole('button', { name: 'Thêm sản phẩm' }).click()
  await expect(page.getByText('Giá bán không được là số âm.')).toBeVisible()
  await page.getByLabel('Giá bán (đồng)').fill('185.000')
  await page.getByRole('button', { name: 'Thêm sản phẩm' }).click()
  await expect(page.getByText(`Đã thêm sản phẩm “${productName}”.`)).toBeVisible()

  await page.getByLabel('Chọn ảnh từ máy').setInputFiles(await samplePhoto())
  await page.getByRole('button', { name: 'Tải ảnh lên' }).click()
  await expect(page.getByText('Đã thêm 1 ảnh.')).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await page.goto('/seller/listings')
  await page.getByRole('button', { name: `Đăng bán: ${productName}` }).click()
  await expect(page.getByText(`Đã đăng bán “${productName}”.`)).toBeVisible()

  // A buyer finds it by typing without tone marks, and sees the photo and the producer.
  const buyer = await browser.newContext()
  const shop = await buyer.newPage()
  await shop.goto(`/products?q=${encodeURIComponent(`mat ong rung tram ${stamp}`)}`)
  await shop.getByRole('link', { name: productName }).first().click()
  await expect(shop.getByRole('heading', { level: 1, name: productName })).toBeVisible()
  await expect(shop.getByText('185.000')).toBeVisible()
  await expect(shop.getByRole('img', { name: productName }).first()).toBeVisible()
  await expect(shop.getByRole('link', { name: producerName }).first()).toBeVisible()
  await buyer.close()
})

test('a producer imports a catalogue CSV, watches it run and reads the report with line numbers', async ({
  page,
  context,
  baseURL,
}) => {
  await logInAs(context, baseURL!, 'ong@ocop.local')
  const stamp = Date.now().toString(36).toUpperCase()
  const csv = [
    'sku;name_vi;group;subgroup;price_vnd;unit;weight_g;stock;status',
    `CSV-${stamp}-1;Mật ong hoa cà phê ${stamp};thuc-pham;mat-ong-nong-san-khac;210.000;chai 500 ml;700;30;đang bán`,
    `CSV-${stamp}-2;"Mật ong bạc hà; Hà Giang ${stamp}";thuc-pham;mat-ong-nong-san-khac;320000;chai 500 ml;700;12;published`,
    `CSV-${stamp}-3;Sáp ong ${stamp};thuc-pham;mat-ong-nong-san-khac;-5;hộp;200;4;draft`,
    `CSV-${stamp}-4;Phấn hoa ${stamp};thuc-an;mat-ong-nong-san-khac;90000;lọ;250;8;draft`,
  ].join('\r\n')
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ocop-e2e-')), 'mat-ong.csv')
  writeFileSync(file, '\uFEFF' + csv)

  await page.goto('/seller/import')
  await expect(page.getByRole('heading', { level: 1, name: 'Nhập sản phẩm từ tệp CSV' })).toBeVisible()
  await page.getByLabel('Tệp CSV').setInputFiles(file)
  await page.getByRole('button', { name: 'Tải lên và nhập' }).click()
  const summary = page.getByRole('region', { name: 'Đã nhập xong.' })
  await expect(summary).toBeVisible({ timeout: 30_000 })
  await expect(summary).toContainText(/Tạo mới\s*2/)
  await expect(summary).toContainText(/Cập nhật\s*0/)
  await expect(summary).toContainText(/Bị từ chối\s*2/)

  const rejections = page.getByRole('table').filter({ hasText: 'Lý do' })
  await expect(rejections.getByRole('row')).toHaveCount(3)
  await expect(rejections.getByRole('row').nth(1)).toContainText('4')
  await expect(rejections.getByRole('row').nth(1)).toContainText('Giá không được âm.')
  await expect(rejections.getByRole('row').nth(2)).toContainText('5')
  await expect(rejections.getByRole('row').nth(2)).toContainText('Nhóm sản phẩm “thuc-an” không có')
  await expectNoSeriousA11yViolations(page)

  // The published rows are in the producer's list (and the market); the rejected ones are nowhere.
  await page.goto(`/seller/listings?q=${stamp}`)
  await expect(page.getByText(`Mật ong hoa cà phê ${stamp}`)).toBeVisible()
  await expect(page.getByText(`Mật ong bạc hà; Hà Giang ${stamp}`)).toBeVisible()
  await expect(page.getByText(`Sáp ong ${stamp}`)).toHaveCount(0)
})
