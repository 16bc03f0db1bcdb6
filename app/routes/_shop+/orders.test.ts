/** Who may see an order page, and the phone check that opens one: real Requests into the routes. */
import { type SubmissionResult } from '@conform-to/react'
import { expect, test } from 'vitest'
import { placeOrder } from '#app/modules/checkout/place-order.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { CLIENT_IP_HEADER } from '#app/utils/request.server.ts'
import { appRequest, createTestUser } from '#tests/factories/accounts.ts'
import { createTestProducer } from '#tests/factories/orders.ts'
import { callRoute, type Outcome } from '#tests/route-call.ts'
import * as accountOrders from '../_account+/($lang).account.orders.tsx'
import * as lookup from './($lang).orders._index.tsx'
import * as orderPage from './($lang).orders.$number.tsx'

const PHONE = '0987 654 321'
let ipCounter = 0
/** Each test its own address, so the per-IP limit of one test does not leak into another. */
const freshIp = () => `203.0.113.${++ipCounter}`

async function placedOrder(options: { userId?: string; paymentMethod?: 'COD' | 'VIETQR' } = {}) {
  const producer = await createTestProducer({ products: [{ priceVnd: 75_000, stock: 5, nameVi: 'Bánh cốm' }] })
  const cart = await getDb().cart.create({
    data: { lines: { create: { productId: producer.products[0]!.id, quantity: 2, seenPriceVnd: 75_000 } } },
    select: { id: true },
  })
  const result = await placeOrder({
    cartId: cart.id,
    userId: options.userId ?? null,
    contact: { name: 'Phạm Thị Nhận', phone: '0987654321', email: null },
    delivery: { communeCode: '00577', street: 'Xóm 2, thôn Giang Cao' },
    paymentMethod: options.paymentMethod ?? 'COD',
    checkoutKey: crypto.randomUUID(),
    locale: 'vi',
  })
  if (!result.ok) throw new Error(`refused: ${result.reason}`)
  return result.order
}

function view(number: string, init: { cookie?: string; lang?: string } = {}) {
  const path = `${init.lang ? `/${init.lang}` : ''}/orders/${number}`
  return callRoute(orderPage.loader, appRequest(path, { cookie: init.cookie }), {
    number,
    ...(init.lang ? { lang: init.lang } : {}),
  })
}

function unlock(number: string, phone: string, ip: string, cookie?: string) {
  return callRoute(
    orderPage.action,
    appRequest(`/orders/${number}`, { cookie, form: { intent: 'unlock', phone }, headers: { [CLIENT_IP_HEADER]: ip } }),
    { number },
  )
}

function formErrors(outcome: Outcome) {
  return (outcome.body as { result: SubmissionResult<string[]> }).result.error?.['']
}

function accessCookie(outcome: Outcome) {
  return (
    outcome.headers
      .getSetCookie()
      .find((c) => c.startsWith('__orders='))
      ?.split(';')[0] ?? null
  )
}

test('the owner sees the order; another user and a stranger get the phone form and nothing else', async () => {
  const owner = await createTestUser()
  const other = await createTestUser()
  const order = await placedOrder({ userId: owner.id })

  const mine = await view(order.number, { cookie: owner.cookie })
  expect(mine.headers.get('Cache-Control')).toBe('private, no-store')
  expect(mine.body).toMatchObject({
    locked: false,
    order: {
      number: order.number,
      status: 'PLACED',
      contactName: 'Phạm Thị Nhận',
      commune: { name: 'Bát Tràng', kind: 'xã' },
      shipments: [{ status: 'PENDING', lines: [{ nameVi: 'Bánh cốm', quantity: 2 }] }],
      events: [{ fromStatus: null, toStatus: 'PLACED' }],
    },
    payment: { kind: 'cod' },
  })

  for (const cookie of [other.cookie, undefined]) {
    const locked = await view(order.number, { cookie })
    expect(locked.status).toBe(200)
    expect(locked.body).toEqual({ locale: 'vi', number: order.number, locked: true, signedIn: cookie !== undefined })
  }
})

test('an unknown number looks exactly like a locked order', async () => {
  const order = await placedOrder()
  const unknown = order.number.slice(0, -4) + (order.number.endsWith('ZZZZ') ? 'YYYY' : 'ZZZZ')
  const locked = await view(order.number)
  const missing = await view(unknown)
  expect(missing.status).toBe(locked.status)
  expect(missing.body).toEqual({ ...(locked.body as object), number: unknown })

  const ip = freshIp()
  const wrong = await unlock(order.number, '0911111111', ip)
  const none = await unlock(unknown, PHONE, ip)
  expect(wrong.status).toBe(400)
  expect(none.status).toBe(400)
  expect(formErrors(wrong)).toEqual(['Mã đơn hàng hoặc số điện thoại không khớp. Hãy kiểm tra lại.'])
  expect(formErrors(none)).toEqual(formErrors(wrong))
  expect(accessCookie(wrong)).toBeNull()
})

test('the right phone number, however typed, opens the order in this browser', async () => {
  const order = await placedOrder({ paymentMethod: 'VIETQR' })
  const opened = await unlock(order.number, '+84 987 654 321', freshIp())
  expect(opened.status).toBe(302)
  expect(opened.location).toBe(`/orders/${order.number}`)
  const cookie = accessCookie(opened)!
  const page = await view(order.number, { cookie })
  expect(page.body).toMatchObject({
    locked: false,
    order: { status: 'AWAITING_PAYMENT' },
    payment: { kind: 'vietqr', transferNote: order.number, amountVnd: 150_000 + 22_000 },
  })
  expect((page.body as { payment: { qrSvg: string } }).payment.qrSvg).toContain('<svg')

  // A forged or edited cookie opens nothing.
  const forged = `__orders=${Buffer.from(JSON.stringify([order.number])).toString('base64')}`
  expect((await view(order.number, { cookie: forged })).body).toMatchObject({ locked: true })
})

test('the order lookup page: number and phone open the order; a typed variant of the number works', async () => {
  const order = await placedOrder()
  const typed = order.number.toLowerCase().replaceAll('-', ' ')
  const outcome = await callRoute(
    lookup.action,
    appRequest('/orders', {
      form: { intent: 'unlock', number: typed, phone: PHONE },
      headers: { [CLIENT_IP_HEADER]: freshIp() },
    }),
  )
  expect(outcome.status).toBe(302)
  expect(outcome.location).toBe(`/orders/${order.number}`)
  expect(accessCookie(outcome)).not.toBeNull()

  const bad = await callRoute(
    lookup.action,
    appRequest('/orders', {
      form: { intent: 'unlock', number: 'hello', phone: PHONE },
      headers: { [CLIENT_IP_HEADER]: freshIp() },
    }),
  )
  expect(bad.status).toBe(400)
  expect((bad.body as { result: SubmissionResult<string[]> }).result.error?.number).toEqual([
    'Mã đơn hàng có dạng OC-2611-4K7P.',
  ])
  // The page URL with a typed variant redirects to the canonical number.
  const variant = await callRoute(orderPage.loader, appRequest(`/orders/${order.number.toLowerCase()}`), {
    number: order.number.toLowerCase(),
  })
  expect(variant.location).toBe(`/orders/${order.number}`)
})

test('guessing is limited: after five wrong phones even the right one is refused for a while', async () => {
  const order = await placedOrder()
  const ip = freshIp()
  for (let i = 0; i < 5; i++) expect((await unlock(order.number, `090000000${i}`, ip)).status).toBe(400)
  const blocked = await unlock(order.number, PHONE, freshIp())
  expect(blocked.status).toBe(429)
  expect(formErrors(blocked)?.[0]).toMatch(/^Bạn đã thử quá nhiều lần/)
  expect(accessCookie(blocked)).toBeNull()
})

test('a buyer’s order history lists their orders only, newest first', async () => {
  const buyer = await createTestUser()
  const first = await placedOrder({ userId: buyer.id })
  const second = await placedOrder({ userId: buyer.id })
  await placedOrder()
  const outcome = await callRoute(accountOrders.loader, appRequest('/account/orders', { cookie: buyer.cookie }))
  const { history } = outcome.body as Awaited<ReturnType<typeof accountOrders.loader>>['data']
  expect(history.items.map((o) => o.number)).toEqual([second.number, first.number])
  expect(history.items[0]).toMatchObject({ status: 'PLACED', itemCount: 2, totalVnd: 150_000 + 22_000 + 10_000 })

  const guest = await callRoute(accountOrders.loader, appRequest('/account/orders'))
  expect(guest.status).toBe(302)
  expect(guest.location).toMatch(/^\/account\/login\?redirectTo=/)
})
