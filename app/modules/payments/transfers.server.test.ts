/** VietQR and cash-on-delivery payments, the office's transfer confirmation and its /admin/payments page. */
import { beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { createTestOrder, createTestProducer, type TestProduct } from '#tests/factories/orders.ts'
import { callRoute, toastOf } from '#tests/route-call.ts'
import * as paymentsPage from '../../routes/_admin+/($lang).admin.payments.tsx'
import { ORDER_FOR_PAYMENT_SELECT, type OrderForPayment } from './payment-port.ts'
import { paymentInstructions, startPayment } from './payments.server.ts'
import { confirmTransfer } from './transfers.server.ts'
import { readVietQr } from './vietqr.ts'

let office: TestUser
let admin: TestUser
let customer: TestUser
let producerUser: TestUser
let producerId = ''
let product: TestProduct

beforeAll(async () => {
  const producer = await createTestProducer({ products: [{ priceVnd: 150_000 }] })
  producerId = producer.id
  product = producer.products[0]!
  ;[office, admin, customer, producerUser] = await Promise.all([
    createTestUser({ roles: ['OFFICE_STAFF'], name: 'Lê Thu Hà' }),
    createTestUser({ roles: ['ADMIN'] }),
    createTestUser({ roles: ['CUSTOMER'] }),
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId }] }),
  ])
})

/** A VietQR order as checkout places it: 2 × 150 000 + 30 000 shipping = 330 000 ₫, held for an hour. */
async function placeOrder(method: 'VIETQR' | 'COD' = 'VIETQR'): Promise<OrderForPayment> {
  const created = await createTestOrder({
    status: method === 'COD' ? 'PLACED' : 'AWAITING_PAYMENT',
    paymentMethod: method,
    shipments: [{ producerId, lines: [{ product, quantity: 2 }] }],
  })
  const order = await getDb().order.update({
    where: { id: created.id },
    data: { holdExpiresAt: method === 'COD' ? null : new Date(Date.now() + 3_600_000) },
    select: ORDER_FOR_PAYMENT_SELECT,
  })
  await getDb().$transaction((tx) => startPayment(tx, order))
  return order
}

function mailsAbout(number: string) {
  return getDb().mailMessage.findMany({ where: { subject: { contains: number } }, select: { subject: true } })
}

describe('starting a payment and the order page instructions', () => {
  test('VietQR: a pending payment keyed by the transfer note, and a QR the banking app reads back', async () => {
    const order = await placeOrder()
    expect(
      await getDb().payment.findMany({
        where: { orderId: order.id },
        select: { method: true, status: true, amount: true, currency: true, providerRef: true },
      }),
    ).toEqual([{ method: 'VIETQR', status: 'PENDING', amount: 330_000, currency: 'VND', providerRef: order.number }])
    const shown = await paymentInstructions(order)
    if (shown.kind !== 'vietqr') throw new Error(`expected VietQR instructions, got ${shown.kind}`)
    expect(shown).toMatchObject({
      status: 'PENDING',
      bin: '970436',
      accountNumber: '0000000000',
      accountName: 'CHO OCOP DEMO',
      amountVnd: 330_000,
      transferNote: order.number,
      demo: true,
    })
    expect(readVietQr(shown.payload)).toEqual({
      bin: '970436',
      accountNumber: '0000000000',
      initiation: 'dynamic',
      amountVnd: 330_000,
      purpose: order.number,
    })
    expect(shown.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  })

  test('cash on delivery: a pending payment collected by the courier', async () => {
    const order = await placeOrder('COD')
    expect(await paymentInstructions(order)).toEqual({ kind: 'cod', amountVnd: 330_000 })
    expect(
      await getDb().payment.findFirst({
        where: { orderId: order.id },
        select: { method: true, status: true, amount: true },
      }),
    ).toEqual({
      method: 'COD',
      status: 'PENDING',
      amount: 330_000,
    })
  })

  test('cards cannot be started while Stripe is not configured', async () => {
    const order = await placeOrder()
    await expect(getDb().$transaction((tx) => startPayment(tx, { ...order, paymentMethod: 'STRIPE' }))).rejects.toThrow(
      /not available/,
    )
  })
})

describe('confirmTransfer', () => {
  test('two operators confirming at once: one PAID event, one confirmation, one mail', async () => {
    const order = await placeOrder()
    const results = await Promise.all([confirmTransfer(order.id, office.id), confirmTransfer(order.id, admin.id)])
    expect(results.map((r) => r.ok && r.changed).sort()).toEqual([false, true])

    const events = await getDb().orderEvent.findMany({
      where: { orderId: order.id, toStatus: 'PAID' },
      select: { fromStatus: true, actorUserId: true, note: true },
    })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ fromStatus: 'AWAITING_PAYMENT', note: `VietQR ${order.number}` })
    const payment = await getDb().payment.findFirstOrThrow({
      where: { orderId: order.id },
      select: { status: true, confirmedBy: true, confirmedAt: true },
    })
    expect(payment.status).toBe('SUCCEEDED')
    expect(payment.confirmedBy).toBe(events[0]!.actorUserId)
    expect(payment.confirmedAt).not.toBeNull()
    const paid = await getDb().order.findUniqueOrThrow({
      where: { id: order.id },
      select: { status: true, paidAt: true },
    })
    expect(paid.status).toBe('PAID')
    expect(paid.paidAt).not.toBeNull()
    expect(await mailsAbout(order.number)).toHaveLength(1)

    // And once more later: still nothing new.
    expect(await confirmTransfer(order.id, office.id)).toEqual({ ok: true, number: order.number, changed: false })
    expect(await getDb().orderEvent.count({ where: { orderId: order.id, toStatus: 'PAID' } })).toBe(1)
  })

  test('an order cancelled by the hold expiry is not confirmed; unknown and non-VietQR orders are not found', async () => {
    const order = await placeOrder()
    await getDb().order.update({ where: { id: order.id }, data: { status: 'CANCELLED' } })
    expect(await confirmTransfer(order.id, office.id)).toEqual({
      ok: false,
      reason: 'not-awaiting',
      number: order.number,
      status: 'CANCELLED',
    })
    expect(await getDb().payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      status: 'PENDING',
    })
    expect(await confirmTransfer('no-such-order', office.id)).toEqual({ ok: false, reason: 'not-found' })
    const cod = await placeOrder('COD')
    expect(await confirmTransfer(cod.id, office.id)).toEqual({ ok: false, reason: 'not-found' })
  })
})

describe('/admin/payments', () => {
  test('customers and producers get 403, for the page and for the action', async () => {
    const order = await placeOrder()
    for (const user of [customer, producerUser]) {
      expect(
        (await callRoute(paymentsPage.loader, appRequest('/admin/payments', { cookie: user.cookie }))).status,
      ).toBe(403)
      const posted = await callRoute(
        paymentsPage.action,
        appRequest('/admin/payments', { cookie: user.cookie, form: { intent: 'confirm-transfer', orderId: order.id } }),
      )
      expect(posted.status).toBe(403)
    }
    expect((await getDb().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('AWAITING_PAYMENT')
    const guest = await callRoute(paymentsPage.loader, appRequest('/admin/payments'))
    expect(guest.status).toBe(302)
  })

  test('the office sees the orders awaiting a transfer, confirms one, and finds it under recent confirmations', async () => {
    const order = await placeOrder()
    const page = await callRoute(paymentsPage.loader, appRequest('/admin/payments', { cookie: office.cookie }))
    expect(page.status).toBe(200)
    const { awaiting } = page.body as {
      awaiting: { orders: { id: string; number: string; transferNote: string; totalVnd: number }[] }
    }
    expect(awaiting.orders.find((o) => o.id === order.id)).toMatchObject({
      number: order.number,
      transferNote: order.number,
      totalVnd: 330_000,
    })

    const confirmed = await callRoute(
      paymentsPage.action,
      appRequest('/admin/payments', { cookie: office.cookie, form: { intent: 'confirm-transfer', orderId: order.id } }),
    )
    expect(confirmed.status).toBe(302)
    expect(confirmed.location).toBe('/admin/payments')
    expect(await toastOf(confirmed)).toBe(
      `Đã xác nhận nhận tiền cho đơn ${order.number}. Người mua sẽ nhận được email.`,
    )

    const again = await callRoute(
      paymentsPage.action,
      appRequest('/en/admin/payments', {
        cookie: office.cookie,
        form: { intent: 'confirm-transfer', orderId: order.id },
      }),
      { lang: 'en' },
    )
    expect(again.location).toBe('/en/admin/payments')
    expect(await toastOf(again)).toBe(`Order ${order.number} had already been confirmed.`)

    const after = await callRoute(paymentsPage.loader, appRequest('/admin/payments', { cookie: office.cookie }))
    const body = after.body as {
      awaiting: { orders: { id: string }[] }
      recent: { order: { number: string }; confirmedByName: string | null }[]
    }
    expect(body.awaiting.orders.map((o) => o.id)).not.toContain(order.id)
    expect(body.recent.find((p) => p.order.number === order.number)).toMatchObject({ confirmedByName: 'Lê Thu Hà' })
  })

  test('an unknown intent is 400 and an unknown order 404', async () => {
    const unknown = await callRoute(
      paymentsPage.action,
      appRequest('/admin/payments', { cookie: office.cookie, form: { intent: 'refund', orderId: 'x' } }),
    )
    expect(unknown.status).toBe(400)
    const missing = await callRoute(
      paymentsPage.action,
      appRequest('/admin/payments', { cookie: office.cookie, form: { intent: 'confirm-transfer', orderId: 'nope' } }),
    )
    expect(missing.status).toBe(404)
  })
})
