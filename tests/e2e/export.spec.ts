/**
 * Issue 6 end to end: an export buyer abroad finds products in the export catalogue, takes the
 * selection away as CSV and PDF, and asks two producers for a quotation; the producers answer in
 * their own workspace and the buyer accepts a quote. The thread stays private to the people in it.
 */
import { readFileSync } from 'node:fs'
import { expect, request as playwrightRequest, type Browser, type Page } from '@playwright/test'
import { PDFParse } from 'pdf-parse'
import { logInAs, query, sessionCookieValue } from './database.ts'
import { expectNoSeriousA11yViolations, test } from './helpers.ts'

const HONEY = { en: 'Tuan Minh longan blossom honey', vi: 'Mật ong hoa nhãn Tuấn Minh', producer: 'HTX Ong Tuấn Minh' }
const SILK = { en: 'Van Phuc mulberry silk fabric', producer: 'HTX Dệt lụa Vạn Phúc' }
/** HACCP-certified too, but its certificate is past its expiry in the seed (and its MOQ is 600). */
const FISH_SAUCE = { en: 'Thanh Quoc fish sauce, 43° protein', vi: 'Nước mắm Thanh Quốc 43 độ đạm' }

/** A day `days` after an ISO day (YYYY-MM-DD), for date inputs. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) })
  try {
    return (await parser.getText()).text
  } finally {
    await parser.destroy()
  }
}

/** A producer member answers from the seller workspace (Vietnamese, the default language). */
async function openPartAs(browser: Browser, baseURL: string, email: string, number: string): Promise<Page> {
  const context = await browser.newContext()
  await logInAs(context, baseURL, email)
  const page = await context.newPage()
  await page.goto('/seller/rfqs')
  await expect(page.getByRole('heading', { level: 1, name: 'Yêu cầu báo giá' })).toBeVisible()
  await page.getByRole('link', { name: `Mở yêu cầu ${number}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Yêu cầu báo giá ${number}` })).toBeVisible()
  await expect(page.getByText('Sakura Fine Foods K.K.')).toBeVisible()
  return page
}

test('an export buyer filters, downloads the catalogue, asks two producers for a quote, and accepts one', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000)
  await logInAs(context, baseURL!, 'buyer@ocop.local')

  // Food, HACCP, FOB, MOQ up to 500 — chosen in the filter form.
  await page.goto('/en/export')
  await expect(page.getByRole('heading', { level: 1, name: 'Export catalogue' })).toBeVisible()
  const filters = page.getByRole('complementary', { name: 'Filters' })
  await filters.getByLabel('Product group').selectOption('thuc-pham')
  await filters
    .getByRole('group', { name: 'Valid certifications' })
    .getByRole('checkbox', { name: /^HACCP/ })
    .check()
  await filters.getByRole('group', { name: 'Incoterms' }).getByRole('checkbox', { name: /^FOB/ }).check()
  await filters.getByLabel('Maximum MOQ').fill('500')
  await filters.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL(/group=thuc-pham/)
  await expect(page).toHaveURL(/cert=HACCP/)
  await expect(page).toHaveURL(/incoterm=FOB/)
  await expect(page).toHaveURL(/moqMax=500/)
  await expect(page.getByRole('link', { name: 'Remove filter MOQ ≤ 500' })).toBeVisible()
  await expect(page.getByRole('link', { name: HONEY.en, exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: FISH_SAUCE.en })).toHaveCount(0)
  await expectNoSeriousA11yViolations(page)

  // The selection as CSV: opens in Excel with its diacritics (UTF-8 with a BOM).
  const csvDownload = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download CSV' }).click()
  const csvFile = await csvDownload
  expect(csvFile.suggestedFilename()).toMatch(/\.csv$/)
  const csv = readFileSync(await csvFile.path()).toString('utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  expect(csv).toContain(HONEY.vi)
  expect(csv).toContain(HONEY.en)
  expect(csv).not.toContain(FISH_SAUCE.vi)

  // The same selection as PDF (fetched by the page with a progress bar, then saved).
  const pdfDownload = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download PDF' }).click()
  const pdfFile = await pdfDownload
  expect(pdfFile.suggestedFilename()).toMatch(/\.pdf$/)
  const pdf = readFileSync(await pdfFile.path())
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const text = await pdfText(pdf)
  expect(text).toContain(HONEY.vi)
  expect(text).not.toContain(FISH_SAUCE.vi)

  // Widen the search (drop the group and the certification) to pick the Van Phuc silk as well.
  await page.getByRole('link', { name: 'Remove filter Food' }).click()
  await expect(page).not.toHaveURL(/group=/)
  await page.getByRole('link', { name: 'Remove filter HACCP' }).click()
  await expect(page).not.toHaveURL(/cert=/)
  await expect(page.getByRole('link', { name: SILK.en, exact: true })).toBeVisible()
  await page.getByRole('checkbox', { name: `Select “${HONEY.en}” for a quotation` }).check()
  await page.getByRole('checkbox', { name: `Select “${SILK.en}” for a quotation` }).check()
  await page.getByRole('button', { name: 'Request quotation for selected' }).click()

  // The request for quotation.
  await expect(page.getByRole('heading', { level: 1, name: 'Request a quotation' })).toBeVisible()
  await expect(page.getByText('Sending as Sakura Fine Foods K.K. (Japan).')).toBeVisible()
  const honeyLine = page.getByRole('listitem').filter({ hasText: HONEY.en })
  const silkLine = page.getByRole('listitem').filter({ hasText: SILK.en })
  await expect(honeyLine.getByText('MOQ: 300 jars (500 g)')).toBeVisible()
  await honeyLine.getByLabel('Quantity').fill('500')
  await silkLine.getByLabel('Quantity').fill('300')
  await page.getByLabel('Incoterm').selectOption('FOB')
  await page.getByLabel('Destination country').selectOption('JP')
  await page.getByLabel('Destination port or place').fill('Port of Yokohama')
  const neededBy = page.getByLabel('Needed by', { exact: true })
  const tomorrow = (await neededBy.getAttribute('min'))!
  await neededBy.fill(addDays(tomorrow, 59))
  await page
    .getByLabel('Message to the producers')
    .fill('Private-label jars for our Tokyo stores; please include the HACCP certificate with the quote.')
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Send the request' }).click()

  const title = page.getByRole('heading', { level: 1, name: /^Request for quotation RFQ-/ })
  await expect(title).toBeVisible()
  const number = ((await title.textContent()) ?? '').replace('Request for quotation ', '').trim()
  await expect(page.getByText(`Request for quotation ${number} sent. The producers have been notified.`)).toBeVisible()
  await expect(page.getByText('Port of Yokohama, Japan')).toBeVisible()
  const rfqId = new URL(page.url()).pathname.split('/').pop()!
  const parts = await query<{ id: string; slug: string }>(
    `SELECT p.id, pr.slug FROM "RfqPart" p JOIN "Producer" pr ON pr.id = p."producerId" WHERE p."rfqId" = $1`,
    [rfqId],
  )
  expect(parts.map((p) => p.slug).sort()).toEqual(['htx-det-lua-van-phuc', 'htx-ong-tuan-minh'])
  const honeyPartId = parts.find((p) => p.slug === 'htx-ong-tuan-minh')!.id
  const silkPartId = parts.find((p) => p.slug === 'htx-det-lua-van-phuc')!.id

  // The honey cooperative quotes.
  const ong = await openPartAs(browser, baseURL!, 'ong@ocop.local', number)
  await expect(ong.getByText('Port of Yokohama, Nhật Bản')).toBeVisible()
  await expect(ong.getByText(SILK.en)).toHaveCount(0)
  await ong.getByLabel(/Đơn giá/).fill('5.90')
  const validUntil = ong.getByLabel('Báo giá có hiệu lực đến')
  await validUntil.fill(addDays((await validUntil.getAttribute('min'))!, 45))
  await ong.getByLabel('Thời gian sản xuất và giao (ngày)').fill('25')
  await ong.getByRole('button', { name: 'Gửi báo giá' }).click()
  await expect(ong.getByText(`Đã gửi báo giá cho yêu cầu ${number}.`)).toBeVisible()
  await expect(ong.getByRole('region', { name: 'Báo giá đã gửi' })).toContainText('US$5.90')
  await expectNoSeriousA11yViolations(ong)

  // The silk cooperative declines, with its reason.
  const reason = 'Xưởng đã kín lịch dệt đến hết quý sau, không kịp ngày giao.'
  const lua = await openPartAs(browser, baseURL!, 'lua@ocop.local', number)
  await lua.getByLabel('Lý do').fill(reason)
  await lua.getByRole('button', { name: 'Từ chối', exact: true }).click()
  await expect(lua.getByText(`Đã từ chối yêu cầu ${number}.`)).toBeVisible()
  await expect(lua.getByText('Bạn đã từ chối yêu cầu này')).toBeVisible()

  // Back to the buyer: one quote, one decline with its reason.
  await page.reload()
  const honeyPart = page.getByRole('region', { name: `Part sent to ${HONEY.producer}` })
  const silkPart = page.getByRole('region', { name: `Part sent to ${SILK.producer}` })
  await expect(honeyPart).toContainText('Quoted')
  await expect(honeyPart).toContainText('US$5.90')
  await expect(honeyPart).toContainText(/US\$2,?950\.00/)
  await expect(silkPart.getByText('The producer declined to quote')).toBeVisible()
  await expect(silkPart.getByText(reason)).toBeVisible()
  await expect(silkPart.getByRole('button', { name: 'Accept the quote' })).toHaveCount(0)
  await expectNoSeriousA11yViolations(page)

  await honeyPart.getByRole('button', { name: 'Accept the quote' }).click()
  await expect(page.getByText(`Quote of ${HONEY.producer} accepted. The producer has been notified.`)).toBeVisible()
  await expect(honeyPart.getByText('Accepted', { exact: true }).first()).toBeVisible()
  await expect(honeyPart.getByRole('button', { name: 'Accept the quote' })).toHaveCount(0)
  const statuses = await query<{ id: string; status: string }>('SELECT id, status FROM "RfqPart" WHERE "rfqId" = $1', [
    rfqId,
  ])
  expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
    [honeyPartId]: 'ACCEPTED',
    [silkPartId]: 'DECLINED',
  })

  // The producer sees the acceptance; everyone was told by mail.
  await ong.reload()
  await expect(ong.getByText('Đã chấp nhận', { exact: true }).first()).toBeVisible()
  await page.goto('/dev/mailbox')
  for (const subject of [
    new RegExp(`Sakura Fine Foods K\\.K\\..*${number}`),
    new RegExp(`${HONEY.producer}.*${number}`),
    new RegExp(`${SILK.producer}.*${number}`),
  ]) {
    await expect(page.getByRole('link', { name: subject }).first()).toBeVisible()
  }
  await ong.context().close()
  await lua.context().close()

  // Nobody else reads the thread: a third producer, the honey producer on the silk part, another buyer.
  const stamp = Date.now().toString(36)
  const otherProducer = `nuoc-mam.${stamp}@example.vn`
  const otherBuyer = `maple.${stamp}@example.ca`
  await query(
    `INSERT INTO "User" (id, email, name, roles, "updatedAt") VALUES ($1, $2, 'Phạm Văn Hải', '{CUSTOMER,PRODUCER}', now())`,
    [`e2e-producer-${stamp}`, otherProducer],
  )
  await query(
    `INSERT INTO "ProducerMember" ("userId", "producerId", role)
     SELECT $1, id, 'OWNER' FROM "Producer" WHERE slug = 'nuoc-mam-khai-hoan'`,
    [`e2e-producer-${stamp}`],
  )
  await query(
    `INSERT INTO "User" (id, email, name, roles, company, country, "updatedAt")
     VALUES ($1, $2, 'Olivia Tremblay', '{CUSTOMER,EXPORT_BUYER}', 'Maple Fine Imports Ltd.', 'CA', now())`,
    [`e2e-buyer-${stamp}`, otherBuyer],
  )
  // A producer is refused the buyers' pages outright (403); a record of someone else is "not found".
  const attempts: [email: string, path: string, status: number][] = [
    [otherProducer, `/seller/rfqs/${honeyPartId}`, 404],
    [otherProducer, `/seller/rfqs/${silkPartId}`, 404],
    [otherProducer, `/account/rfqs/${rfqId}`, 403],
    ['ong@ocop.local', `/seller/rfqs/${silkPartId}`, 404],
    ['lua@ocop.local', `/seller/rfqs/${honeyPartId}`, 404],
    [otherBuyer, `/account/rfqs/${rfqId}`, 404],
    [otherBuyer, `/en/account/rfqs/${rfqId}`, 404],
  ]
  for (const [email, path, status] of attempts) {
    const client = await playwrightRequest.newContext({
      baseURL,
      extraHTTPHeaders: { Cookie: `__session=${await sessionCookieValue(email)}`, Origin: baseURL! },
      maxRedirects: 0,
    })
    const response = await client.get(path)
    expect(response.status(), `${email} ${path}`).toBe(status)
    expect(await response.text(), `${email} ${path}`).not.toContain(number)
    if (email === otherBuyer) {
      // Nor can that buyer act on it.
      const quoteId = (await query<{ id: string }>('SELECT id FROM "Quote" WHERE "partId" = $1', [honeyPartId]))[0]!.id
      const post = await client.post(path, { multipart: { intent: 'decline-quote', quoteId, reason: 'x' } })
      expect(post.status(), `${email} POST ${path}`).toBe(404)
    }
    await client.dispose()
  }
  const [after] = await query<{ status: string }>('SELECT status FROM "RfqPart" WHERE id = $1', [honeyPartId])
  expect(after!.status).toBe('ACCEPTED')
})
