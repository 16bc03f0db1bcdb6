import { expect } from '@playwright/test'
import { expectNoSeriousA11yViolations, test } from './helpers.ts'

test('on a phone the filters fold away and the product grid stays readable', async ({ page }) => {
  await page.goto('/products')
  const summary = page.getByText('Lọc sản phẩm')
  await expect(summary).toBeVisible()
  const details = page.locator('details')
  await expect(details).not.toHaveAttribute('open', '')
  await summary.click()
  await details.getByRole('link', { name: /Thực phẩm/ }).click()
  await expect(page).toHaveURL(/group=thuc-pham/)
  // No horizontal scrolling on a 412 px wide screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await expectNoSeriousA11yViolations(page)
})
