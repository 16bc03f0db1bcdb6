/** Requests for quotation through the pages, as a browser drives them: real Requests into loaders and actions. */
import { renderToString } from 'react-dom/server'
import { type RouteObject } from 'react-router-dom'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { Outlet } from '@remix-run/react'
import { describe, expect, test } from 'vitest'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { createTestProducer } from '#tests/factories/orders.ts'
import {
  exportBuyer,
  pdfFile,
  producerStaff,
  seededExport,
  sendTestRfq,
  setToday,
  setUpRfqTests,
} from '#tests/factories/rfqs.ts'
import { callRoute, formResult, toastOf } from '#tests/route-call.ts'
import { type Locale } from '#app/i18n/locale.ts'
import { addDays } from '#app/modules/orders/vietnam-time.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as accountPage from '../_account+/($lang).account._index.tsx'
import * as buyerThread from '../_account+/($lang).account.rfqs.$rfqId.tsx'
import * as buyerList from '../_account+/($lang).account.rfqs._index.tsx'
import * as sellerPart from '../_seller+/($lang).seller.rfqs.$partId.tsx'
import * as sellerInbox from '../_seller+/($lang).seller.rfqs._index.tsx'
import * as attachmentRoute from './($lang).export.rfq.attachments.$attachmentId.ts'
import * as newRfq from './($lang).export.rfq.new.tsx'

const TODAY = '2026-12-01'
setUpRfqTests(TODAY)

type FormLoader = Extract<Awaited<ReturnType<typeof newRfq.loader>>['data'], { view: 'form' }>

function requestForm(fields: Record<string, string>, files: File[] = []): FormData {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  for (const file of files) form.append('attachments', file)
  return form
}

async function honeyAndSilkForm(overrides: Record<string, string> = {}) {
  const { honey, silk } = await seededExport()
  return {
    'items[0].productId': honey.id,
    'items[0].quantity': '300',
    'items[0].unitEn': 'jars (500 g)',
    'items[0].targetPrice': '5.90',
    'items[1].productId': silk.id,
    'items[1].quantity': '150',
    'items[1].unitEn': 'metres',
    'items[1].targetPrice': '',
    incoterm: 'FOB',
    destinationCountry: 'JP',
    destinationPort: 'Port of Yokohama',
    neededBy: addDays(TODAY, 45),
    message: 'Private label possible?',
    ...overrides,
  }
}

function postNew(user: TestUser, form: FormData, lang = '') {
  return callRoute(
    newRfq.action,
    appRequest(`${lang}/export/rfq/new`, { cookie: user.cookie, form }),
    lang ? { lang: 'en' } : {},
  )
}

async function rfqCount() {
  const db = getDb()
  return { rfqs: await db.rfq.count(), attachments: await db.rfqAttachment.count() }
}

describe('/export/rfq/new', () => {
  test('a guest logs in first; a logged-in non-buyer is told to sign up as an export buyer', async () => {
    const { honey } = await seededExport()
    const path = `/export/rfq/new?product=${honey.id}`
    const guest = await callRoute(newRfq.loader, appRequest(path))
    expect(guest.status).toBe(302)
    expect(guest.location).toBe(`/account/login?redirectTo=${encodeURIComponent(path)}`)

    for (const roles of [['CUSTOMER'], ['PRODUCER']] as const) {
      const user = await createTestUser({ roles: [...roles] })
      const page = await callRoute(newRfq.loader, appRequest(path, { cookie: user.cookie }))
      expect(page.status).toBe(403)
      expect(page.body).toMatchObject({ view: 'not-buyer' })
      const post = await postNew(user, requestForm(await honeyAndSilkForm()))
      expect(post.status).toBe(403)
    }
  })

  test('the form lists the products asked for with their MOQ and leaves out those not open to export', async () => {
    const buyer = await exportBuyer()
    const { honey, silk, notReady } = await seededExport()
    const page = await callRoute(
      newRfq.loader,
      appRequest(`/export/rfq/new?product=${honey.id}&product=${silk.id}&product=${notReady.id}`, {
        cookie: buyer.cookie,
      }),
    )
    expect(page.status).toBe(200)
    const body = page.body as FormLoader
    expect(body.products.map((p) => [p.sku, p.moqQuantity, p.moqUnitEn])).toEqual([
      ['TM-NHAN-500', 300, 'jars (500 g)'],
      ['VP-LUA-M', 100, 'metres'],
    ])
    expect(body.unavailable).toHaveLength(1)
    expect(body.defaultCountry).toBe('JP')
    expect(body.defaultIncoterm).toBe('EXW')
  })

  test('sending goes to the request’s page with a message; both producers have it in their inbox', async () => {
    setToday(TODAY)
    const buyer = await exportBuyer()
    const outcome = await postNew(buyer, requestForm(await honeyAndSilkForm(), [pdfFile()]))
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(302)
    const rfq = await getDb().rfq.findFirstOrThrow({
      where: { buyerId: buyer.id },
      select: { id: true, number: true, _count: { select: { parts: true, attachments: true } } },
    })
    expect(outcome.location).toBe(`/account/rfqs/${rfq.id}`)
    expect(await toastOf(outcome)).toBe(`Đã gửi yêu cầu báo giá ${rfq.number}. Các nhà sản xuất đã được thông báo.`)
    expect(rfq._count).toEqual({ parts: 2, attachments: 1 })

    const { ong } = await seededExport()
    const staff = await producerStaff(ong.id)
    const inbox = await callRoute(sellerInbox.loader, appRequest('/seller/rfqs?status=OPEN', { cookie: staff.cookie }))
    const items = (inbox.body as Awaited<ReturnType<typeof sellerInbox.loader>>).items
    expect(items.map((p) => p.rfq.number)).toContain(rfq.number)

    const list = await callRoute(buyerList.loader, appRequest('/account/rfqs', { cookie: buyer.cookie }))
    const listed = (list.body as { items: { number: string; status: string }[] }).items
    expect(listed).toEqual([expect.objectContaining({ number: rfq.number, status: 'OPEN' })])
  })

  test('below the MOQ, a product not open to export, a wrong file, a past date: messages, nothing saved', async () => {
    setToday(TODAY)
    const buyer = await exportBuyer()
    const { notReady } = await seededExport()
    const before = await rfqCount()

    const belowMoq = await postNew(buyer, requestForm(await honeyAndSilkForm({ 'items[0].quantity': '120' })))
    expect(belowMoq.status).toBe(400)
    expect(formResult(belowMoq).error).toMatchObject({
      'items[0].quantity': ['Thấp hơn số lượng đặt tối thiểu (MOQ) của sản phẩm: 300 jars (500 g).'],
    })

    const notOpen = await postNew(buyer, requestForm(await honeyAndSilkForm({ 'items[1].productId': notReady.id })))
    expect(formResult(notOpen).error).toMatchObject({
      'items[1].productId': ['Sản phẩm này hiện không nhận yêu cầu báo giá xuất khẩu.'],
    })

    const text = new File(['just text, not a PDF'], 'price-list.pdf', { type: 'application/pdf' })
    const wrongFile = await postNew(buyer, requestForm(await honeyAndSilkForm(), [pdfFile(), text]))
    expect(wrongFile.status).toBe(400)
    expect(formResult(wrongFile).error).toMatchObject({
      attachments: ['Tệp “price-list.pdf” không phải PDF, JPEG, PNG hay WebP.'],
    })

    const past = await postNew(buyer, requestForm(await honeyAndSilkForm({ neededBy: addDays(TODAY, -1) })))
    expect(formResult(past).error).toMatchObject({
      neededBy: ['Ngày cần hàng phải từ ngày mai đến tối đa 2 năm tới.'],
    })

    const english = await postNew(buyer, requestForm(await honeyAndSilkForm({ 'items[1].quantity': '99' })), '/en')
    expect(formResult(english).error).toMatchObject({
      'items[1].quantity': ["Below the product's minimum order quantity (MOQ): 100 metres."],
    })

    expect(await rfqCount()).toEqual(before)
  })
})

describe('the thread', () => {
  test('quote, accept and messages through the pages; expired quote and late quote get a clear message', async () => {
    setToday(TODAY)
    const buyer = await exportBuyer()
    const sent = await sendTestRfq(buyer.id, { neededBy: addDays(TODAY, 5) })
    const ongStaff = await producerStaff(sent.ong.id)
    const luaStaff = await producerStaff(sent.lua.id)
    const partUrl = (id: string) => `/seller/rfqs/${id}`
    const sellerPost = (user: TestUser, partId: string, form: Record<string, string> | FormData) =>
      callRoute(sellerPart.action, appRequest(partUrl(partId), { cookie: user.cookie, form }), { partId })
    const buyerPost = (form: Record<string, string> | FormData) =>
      callRoute(buyerThread.action, appRequest(`/account/rfqs/${sent.id}`, { cookie: buyer.cookie, form }), {
        rfqId: sent.id,
      })
    const itemId = sent.honeyPart.items[0]!.id
    const quoteForm = (overrides: Record<string, string> = {}) => ({
      intent: 'quote',
      currency: 'USD',
      'lines[0].itemId': itemId,
      'lines[0].unitPrice': '5.75',
      validUntil: TODAY,
      leadTimeDays: '21',
      incoterm: 'FOB',
      terms: 'T/T 30/70',
      ...overrides,
    })

    const badPrice = await sellerPost(ongStaff, sent.honeyPart.id, quoteForm({ 'lines[0].unitPrice': '5.755' }))
    expect(badPrice.status).toBe(400)
    expect(formResult(badPrice).error).toMatchObject({
      'lines[0].unitPrice': ['Đơn giá USD phải lớn hơn 0, tối đa 2 chữ số thập phân (ví dụ 5.60).'],
    })
    const noReason = await sellerPost(luaStaff, sent.silkPart!.id, { intent: 'decline', reason: '  ' })
    expect(formResult(noReason).error).toMatchObject({ reason: ['Vui lòng ghi lý do.'] })

    const quoted = await sellerPost(ongStaff, sent.honeyPart.id, quoteForm())
    expect(quoted.status).toBe(302)
    expect(await toastOf(quoted)).toBe(`Đã gửi báo giá cho yêu cầu ${sent.number}.`)
    const declined = await sellerPost(luaStaff, sent.silkPart!.id, {
      intent: 'decline',
      reason: 'Sold out this season.',
    })
    expect(await toastOf(declined)).toBe(`Đã từ chối yêu cầu ${sent.number}.`)

    // The producer's page shows its own part and quote, the buyer's page both parts.
    const ongView = await callRoute(
      sellerPart.loader,
      appRequest(partUrl(sent.honeyPart.id), { cookie: ongStaff.cookie }),
      {
        partId: sent.honeyPart.id,
      },
    )
    const ongPart = (ongView.body as Awaited<ReturnType<typeof sellerPart.loader>>).part
    expect(ongPart.quotes.map((q) => [q.status, q.lines[0]!.unitPrice])).toEqual([['PENDING', 575]])
    expect(ongPart.rfq.company).toBe('Sakura Test Trading K.K.')

    // The quote was valid only today: tomorrow it cannot be accepted.
    const quoteId = ongPart.quotes[0]!.id
    setToday(addDays(TODAY, 1))
    const tooLate = await buyerPost({ intent: 'accept-quote', quoteId })
    expect(tooLate.status).toBe(302)
    expect(await toastOf(tooLate)).toBe(
      'Báo giá này chỉ có hiệu lực đến ngày 01/12/2026: không thể chấp nhận báo giá đã hết hiệu lực. Bạn có thể nhắn nhà sản xuất gửi báo giá mới.',
    )
    const requote = await sellerPost(ongStaff, sent.honeyPart.id, quoteForm({ validUntil: addDays(TODAY, 4) }))
    expect(requote.status).toBe(302)
    const fresh = await getDb().quote.findFirstOrThrow({
      where: { partId: sent.honeyPart.id, status: 'PENDING' },
      select: { id: true },
    })
    const accepted = await buyerPost({ intent: 'accept-quote', quoteId: fresh.id })
    expect(await toastOf(accepted)).toContain('Đã chấp nhận báo giá của')
    const again = await buyerPost({ intent: 'accept-quote', quoteId: fresh.id })
    expect(await toastOf(again)).toBe(
      'Báo giá này đã được xử lý (hoặc đã được thay bằng báo giá mới). Trang đã được cập nhật.',
    )

    // Messages with a file, both ways.
    const message = new FormData()
    message.append('intent', 'message')
    message.append('partId', sent.honeyPart.id)
    message.append('body', 'Could you send a sample by DHL?')
    message.append('attachments', pdfFile('label-artwork.pdf'))
    const posted = await buyerPost(message)
    expect(await toastOf(posted)).toBe('Đã gửi tin nhắn.')
    const reply = await sellerPost(ongStaff, sent.honeyPart.id, {
      intent: 'message',
      partId: sent.honeyPart.id,
      body: 'Yes, next week.',
    })
    expect(reply.status).toBe(302)
    const page = await callRoute(buyerThread.loader, appRequest(`/account/rfqs/${sent.id}`, { cookie: buyer.cookie }), {
      rfqId: sent.id,
    })
    const rfq = (page.body as Awaited<ReturnType<typeof buyerThread.loader>>['data']).rfq
    const honey = rfq.parts.find((p) => p.id === sent.honeyPart.id)!
    expect(honey.status).toBe('ACCEPTED')
    expect(honey.messages.map((m) => [m.side, m.body, m.attachments.length])).toEqual([
      ['buyer', 'Could you send a sample by DHL?', 1],
      ['producer', 'Yes, next week.', 0],
    ])
    expect(rfq.parts.find((p) => p.id === sent.silkPart!.id)).toMatchObject({
      status: 'DECLINED',
      declineReason: 'Sold out this season.',
    })

    // After the needed-by day a request can no longer be quoted: the producer is told why.
    const lateRfq = await sendTestRfq(buyer.id, { honeyOnly: true, neededBy: addDays(TODAY, 2) })
    setToday(addDays(TODAY, 3))
    const lateQuote = await sellerPost(ongStaff, lateRfq.honeyPart.id, {
      ...quoteForm({ validUntil: addDays(TODAY, 10) }),
      'lines[0].itemId': lateRfq.honeyPart.items[0]!.id,
    })
    expect(lateQuote.status).toBe(302)
    expect(await toastOf(lateQuote)).toBe(
      'Yêu cầu báo giá này đã hết hạn ngày 03/12/2026: không thể báo giá, từ chối hay chấp nhận sau khi hết hạn.',
    )
    setToday(TODAY)
  })

  test('another buyer and a third producer get 404 on the thread, the part and the files; producer B on A’s part', async () => {
    setToday(TODAY)
    const buyer = await exportBuyer()
    const sent = await sendTestRfq(buyer.id, { files: [pdfFile('brief.pdf')] })
    const ongStaff = await producerStaff(sent.ong.id)
    const luaStaff = await producerStaff(sent.lua.id)
    const message = new FormData()
    message.append('intent', 'message')
    message.append('partId', sent.honeyPart.id)
    message.append('body', 'Our certificate, as asked.')
    message.append('attachments', pdfFile('haccp.pdf'))
    const posted = await callRoute(
      sellerPart.action,
      appRequest(`/seller/rfqs/${sent.honeyPart.id}`, { cookie: ongStaff.cookie, form: message }),
      { partId: sent.honeyPart.id },
    )
    expect(posted.status).toBe(302)
    const files = await getDb().rfqAttachment.findMany({
      where: { rfqId: sent.id },
      select: { id: true, fileName: true },
    })
    const briefId = files.find((f) => f.fileName === 'brief.pdf')!.id
    const haccpId = files.find((f) => f.fileName === 'haccp.pdf')!.id

    const otherBuyer = await exportBuyer('Nordic Import AB', 'SE')
    const third = await createTestProducer()
    const thirdStaff = await producerStaff(third.id)

    const threadAs = (user: TestUser) =>
      callRoute(buyerThread.loader, appRequest(`/account/rfqs/${sent.id}`, { cookie: user.cookie }), { rfqId: sent.id })
    const partAs = (user: TestUser, partId: string) =>
      callRoute(sellerPart.loader, appRequest(`/seller/rfqs/${partId}`, { cookie: user.cookie }), { partId })
    const fileAs = (user: TestUser, attachmentId: string) =>
      callRoute(
        attachmentRoute.loader,
        appRequest(`/export/rfq/attachments/${attachmentId}`, { cookie: user.cookie }),
        {
          attachmentId,
        },
      )

    expect((await threadAs(buyer)).status).toBe(200)
    expect((await threadAs(otherBuyer)).status).toBe(404)
    const strangerPost = await callRoute(
      buyerThread.action,
      appRequest(`/account/rfqs/${sent.id}`, {
        cookie: otherBuyer.cookie,
        form: { intent: 'message', partId: sent.honeyPart.id, body: 'Hi' },
      }),
      { rfqId: sent.id },
    )
    expect(strangerPost.status).toBe(404)

    expect((await partAs(ongStaff, sent.honeyPart.id)).status).toBe(200)
    expect((await partAs(thirdStaff, sent.honeyPart.id)).status).toBe(404)
    expect((await partAs(luaStaff, sent.honeyPart.id)).status).toBe(404)
    const thirdQuote = await callRoute(
      sellerPart.action,
      appRequest(`/seller/rfqs/${sent.honeyPart.id}`, {
        cookie: thirdStaff.cookie,
        form: { intent: 'decline', reason: 'x' },
      }),
      { partId: sent.honeyPart.id },
    )
    expect(thirdQuote.status).toBe(404)

    const download = await fileAs(buyer, haccpId)
    expect(download.status).toBe(200)
    expect(download.headers.get('Content-Type')).toBe('application/pdf')
    expect((await fileAs(luaStaff, briefId)).status).toBe(200)
    for (const [user, id] of [
      [otherBuyer, briefId],
      [otherBuyer, haccpId],
      [thirdStaff, briefId],
      [thirdStaff, haccpId],
      [luaStaff, haccpId],
    ] as const) {
      expect((await fileAs(user, id)).status).toBe(404)
    }
    expect((await fileAs(buyer, 'no-such-file')).status).toBe(404)
  })
})

test('the account page lists the buyer’s notifications and marks them read', async () => {
  setToday(TODAY)
  const buyer = await exportBuyer()
  const sent = await sendTestRfq(buyer.id, { honeyOnly: true })
  const ongStaff = await producerStaff(sent.ong.id)
  await callRoute(
    sellerPart.action,
    appRequest(`/seller/rfqs/${sent.honeyPart.id}`, {
      cookie: ongStaff.cookie,
      form: { intent: 'decline', reason: 'No honey left before the new harvest.' },
    }),
    { partId: sent.honeyPart.id },
  )
  const load = async () =>
    (await callRoute(accountPage.loader, appRequest('/account', { cookie: buyer.cookie }))).body as Awaited<
      ReturnType<typeof accountPage.loader>
    >['data']
  const before = await load()
  expect(before.notifications.unread).toBe(1)
  expect(before.notifications.items[0]).toMatchObject({
    kind: 'rfq.declined',
    link: `/account/rfqs/${sent.id}`,
    body: 'No honey left before the new harvest.',
  })
  const marked = await callRoute(
    accountPage.action,
    appRequest('/account', { cookie: buyer.cookie, form: { intent: 'mark-notifications-read' } }),
  )
  expect(await toastOf(marked)).toBe('Đã đánh dấu tất cả thông báo là đã đọc.')
  expect((await load()).notifications.unread).toBe(0)
})

/** Renders a page with its loader data in a minimal router, as the server would: catches a page that throws. */
async function render(Page: () => React.ReactNode, path: string, loaderData: unknown, locale: Locale = 'vi') {
  const routes: RouteObject[] = [
    {
      id: 'root',
      path: '/',
      loader: () => ({ locale, user: null, toast: null }),
      element: <Outlet />,
      children: [
        { id: 'page', path: path.split('?')[0]!.slice(1), loader: () => loaderData ?? null, element: <Page /> },
      ],
    },
  ]
  const handler = createStaticHandler(routes)
  const context = await handler.query(new Request(`http://localhost${path}`))
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`)
  const router = createStaticRouter(handler.dataRoutes, context)
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />)
}

test('the pages render for each side, in Vietnamese and English', async () => {
  setToday(TODAY)
  const buyer = await exportBuyer()
  const { honey, silk } = await seededExport()
  const sent = await sendTestRfq(buyer.id, { files: [pdfFile('brief.pdf')] })
  const ongStaff = await producerStaff(sent.ong.id)
  await callRoute(
    sellerPart.action,
    appRequest(`/seller/rfqs/${sent.honeyPart.id}`, {
      cookie: ongStaff.cookie,
      form: {
        intent: 'quote',
        currency: 'VND',
        'lines[0].itemId': sent.honeyPart.items[0]!.id,
        'lines[0].unitPrice': '145.000',
        validUntil: addDays(TODAY, 10),
        leadTimeDays: '21',
        incoterm: 'FOB',
        terms: '',
      },
    }),
    { partId: sent.honeyPart.id },
  )
  const customer = await createTestUser({ roles: ['CUSTOMER'] })

  for (const locale of ['vi', 'en'] as const) {
    const lang = locale === 'en' ? '/en' : ''
    const params: Record<string, string> = locale === 'en' ? { lang: 'en' } : {}
    const formPath = `${lang}/export/rfq/new?product=${honey.id}&product=${silk.id}`
    const form = await callRoute(newRfq.loader, appRequest(formPath, { cookie: buyer.cookie }), params)
    const formHtml = await render(newRfq.default, formPath, form.body, locale)
    expect(formHtml).toContain('MOQ: 300 jars (500 g)')
    expect(formHtml).toMatch(/enctype="multipart\/form-data"/i)
    expect(formHtml).toContain('name="items[1].quantity"')

    const notBuyer = await callRoute(newRfq.loader, appRequest(formPath, { cookie: customer.cookie }), params)
    expect(await render(newRfq.default, formPath, notBuyer.body, locale)).toContain(
      locale === 'en' ? 'Sign up as an export buyer' : 'Đăng ký tài khoản người mua xuất khẩu',
    )

    const threadPath = `${lang}/account/rfqs/${sent.id}`
    const thread = await callRoute(buyerThread.loader, appRequest(threadPath, { cookie: buyer.cookie }), {
      ...params,
      rfqId: sent.id,
    })
    const threadHtml = await render(buyerThread.default, threadPath, thread.body, locale)
    expect(threadHtml).toContain(sent.number)
    expect(threadHtml).toContain('145.000')
    expect(threadHtml).toContain(locale === 'en' ? 'Accept the quote' : 'Chấp nhận báo giá')
    expect(threadHtml).toContain('brief.pdf')

    const listPath = `${lang}/account/rfqs`
    const list = await callRoute(buyerList.loader, appRequest(listPath, { cookie: buyer.cookie }), params)
    expect(await render(buyerList.default, listPath, list.body, locale)).toContain(sent.number)

    const partPath = `${lang}/seller/rfqs/${sent.silkPart!.id}`
    const luaStaff = await producerStaff(sent.lua.id)
    const part = await callRoute(sellerPart.loader, appRequest(partPath, { cookie: luaStaff.cookie }), {
      ...params,
      partId: sent.silkPart!.id,
    })
    const partHtml = await render(sellerPart.default, partPath, part.body, locale)
    expect(partHtml).toContain('Sakura Test Trading K.K.')
    expect(partHtml).toContain(locale === 'en' ? 'Send the quote' : 'Gửi báo giá')
    expect(partHtml).not.toContain('145.000')

    const inboxPath = `${lang}/seller/rfqs`
    const inbox = await callRoute(sellerInbox.loader, appRequest(inboxPath, { cookie: luaStaff.cookie }), params)
    expect(await render(sellerInbox.default, inboxPath, inbox.body, locale)).toContain(sent.number)

    const account = await callRoute(accountPage.loader, appRequest(`${lang}/account`, { cookie: buyer.cookie }), params)
    const accountHtml = await render(accountPage.default, `${lang}/account`, account.body, locale)
    expect(accountHtml).toContain(locale === 'en' ? 'My quotation requests' : 'Yêu cầu báo giá của tôi')
    expect(accountHtml).toContain(locale === 'en' ? 'Notifications' : 'Thông báo')
  }
})
