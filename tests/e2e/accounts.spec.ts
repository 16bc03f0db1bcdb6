import { expect } from '@playwright/test'
import { expectNoSeriousA11yViolations, test } from './helpers.ts'

test('a shopper signs up, verifies the e-mail from the dev mailbox, logs out, resets the password and logs in', async ({
  page,
}) => {
  const email = `hoa.${Date.now()}@example.vn`
  await page.goto('/')
  await page.getByRole('link', { name: 'Đăng ký', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Tạo tài khoản' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  // Mistakes are explained next to the fields, in Vietnamese, and nothing is created.
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa')
  await page.getByLabel('Email').fill('not-an-email')
  await page.getByLabel('Mật khẩu', { exact: true }).fill('ngan')
  await page.getByLabel('Nhập lại mật khẩu').fill('khac')
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
  await expect(page.getByText('Email không hợp lệ, ví dụ đúng: ten@example.com.')).toBeVisible()
  await expect(page.getByText(/Mật khẩu cần ít nhất \d+ ký tự/)).toBeVisible()

  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-ong-rung-2026')
  await page.getByLabel('Nhập lại mật khẩu').fill('mat-ong-rung-2026')
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
  await expect(page.getByText(`Chúng tôi đã gửi thư xác nhận tới ${email}`)).toBeVisible()
  await expect(page.getByText(`Email ${email} chưa được xác nhận`)).toBeVisible()

  // The confirmation mail waits in the dev mailbox; its link verifies the address.
  await page.goto('/dev/mailbox')
  await page
    .getByRole('link', { name: new RegExp(email.replace('.', '\\.')) })
    .first()
    .click()
  await page.getByRole('link', { name: /\/account\/verify-email\?token=/ }).click()
  await expect(page.getByText('Cảm ơn bạn, email đã được xác nhận.')).toBeVisible()

  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).first().click()
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Đăng nhập', exact: true })).toBeVisible()

  // Wrong password: one generic message that does not say whether the account exists.
  await page.getByRole('link', { name: 'Đăng nhập', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible()
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau')
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page.getByText('Email hoặc mật khẩu không đúng.')).toBeVisible()

  await page.getByRole('link', { name: 'Quên mật khẩu?' }).click()
  await expect(page.getByRole('heading', { name: 'Quên mật khẩu' })).toBeVisible()
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Gửi đường dẫn' }).click()
  await expect(page.getByRole('heading', { name: 'Hãy kiểm tra hộp thư' })).toBeVisible()
  await page.getByRole('link', { name: 'Mở hộp thư thử nghiệm' }).click()
  await page
    .getByRole('link', { name: new RegExp(email.replace('.', '\\.')) })
    .first()
    .click()
  await page.getByRole('link', { name: /\/account\/reset-password\?token=/ }).click()
  await expect(page.getByRole('heading', { name: 'Đặt mật khẩu mới' })).toBeVisible()
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('lua-van-phuc-2026')
  await page.getByLabel('Nhập lại mật khẩu mới').fill('lua-van-phuc-2026')
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click()
  await expect(page.getByText('Đã đặt mật khẩu mới.')).toBeVisible()

  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).first().click()
  // The log-out has gone through (not cut short by the next navigation).
  await expect(page.getByRole('link', { name: 'Đăng nhập', exact: true })).toBeVisible()
  await page.goto('/account/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Mật khẩu').fill('lua-van-phuc-2026')
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page.getByRole('link', { name: 'Tài khoản của Nguyễn Thị Hoa' })).toBeVisible()
})

test('pages for signed-in people send guests to log in and bring them back afterwards', async ({ page }) => {
  await page.goto('/account')
  await expect(page).toHaveURL(/\/account\/login\?redirectTo=%2Faccount/)
  await page.getByLabel('Email').fill('khach@ocop.local')
  await page.getByLabel('Mật khẩu').fill('ocop-demo-2026')
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('heading', { name: 'Tài khoản của tôi' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})
