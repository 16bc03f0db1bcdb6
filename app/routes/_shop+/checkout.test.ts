/** /checkout driven as a browser would: real Requests, the guest cart cookie carried along. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type SubmissionResult } from '@conform-to/react'
import { addToCart } from '#app/modules/cart/cart.server.ts'
import { COD_FEE_VND } from '#app/modules/checkout/shipping.ts'
import { resetStripeForTests } from '#app/modules/payments/stripe.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { resetEnvForTests } from '#app/utils/env.server.ts'
import { appRequest, createTestUser } from '#tests/factories/accounts.ts'
import { createTestProducer, type TestProduct } from '#tests/factories/orders.ts'
import { startStripeFake, type StripeFake } from '#tests/fakes/stripe-fake.ts'
import { callRoute, toastOf, type Outcome } from '#tests/route-call.ts'
import * as checkout from './($lang).checkout.tsx'
import * as orderPage from './($lang).orders.$number.tsx'

type CheckoutPage = Extract<Awaited<ReturnType<typeof checkout.loader>>['data'], { empty: false }>

/** Đan Phượng (Hà Nội) and, for the tampering tests, Phố Hiến in Hưng Yên. */
const HANOI = { province: '01', communeCode: '09784' }
const HUNG_YEN_COMMUNE = '11953'

function cookieFrom(outcome: Outcome, name: string): string | null {
  const set = outcome.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))
  return set ? set.split(';')[0]! : null
}

/** A guest with `quantity` of the product in a new cart: the Cookie header of that browser. */
async function guestWith(product: TestProduct, quantity = 1): Promise<string> {
  const change = await addToCart(appRequest('/'), product.id, quantity)
  if (!change.ok || !change.setCookie) throw new Error('could not fill a cart')
  return change.setCookie.split(';')[0]!
}

function form(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Lê Thị Mua',
    phone: '0912 345 678',
    email: 'le.mua@example.com',
    ...HANOI,
    street: 'Số 3 ngõ 5 đường Phùng',
    paymentMethod: 'COD',
    checkoutKey: crypto.randomUUID(),
    ...overrides,
  }
}

function place(cookie: string, fields: Record<string, string>, path = '/checkout') {
  return callRoute(
    checkout.action,
    appRequest(path, { cookie, form: fields }),
    path.startsWith('/en') ? { lang: 'en' } : {},
  )
}

function fieldErrors(outcome: Outcome) {
  return (outcome.body as { result: SubmissionResult<string[]> }).result.error ?? {}
}

async function counts(productId: string) {
  const db = getDb()
  const [orders, product] = await Promise.all([
    db.order.count(),
    db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } }),
  ])
  return { orders, stock: product.stock }
}

test('the page prices the cart for the chosen province and payment method, COD fee included', async () => {
  const producer = await createTestProducer({ products: [{ priceVnd: 100_000, stock: 5 }] })
  const cookie = await guestWith(producer.products[0]!, 2)

  const cod = await callRoute(checkout.loader, appRequest('/checkout?province=01', { cookie }))
  const codPage = cod.body as CheckoutPage
  expect(cod.headers.get('Cache-Control')).toBe('private, no-store')
  expect(codPage.empty).toBe(false)
  expect(codPage.communes.map((c) => c.code)).toContain('09784')
  expect(codPage.communes.every((c) => c.code !== HUNG_YEN_COMMUNE)).toBe(true)
  // Two 500 g boxes, same province: 22 000 ₫ and the COD fee.
  expect(codPage.cart).toMatchObject({ subtotalVnd: 200_000, shippingVnd: 22_000, codFeeVnd: COD_FEE_VND })
  expect(codPage.cart.totalVnd).toBe(200_000 + 22_000 + COD_FEE_VND)

  const transfer = await callRoute(
    checkout.loader,
    appRequest('/checkout?province=01&paymentMethod=VIETQR', { cookie }),
  )
  expect((transfer.body as CheckoutPage).cart).toMatchObject({ codFeeVnd: 0, totalVnd: 222_000 })
  // A method that is not offered (no Stripe key here) falls back to cash on delivery.
  const card = await callRoute(checkout.loader, appRequest('/checkout?province=01&paymentMethod=STRIPE', { cookie }))
  expect((card.body as CheckoutPage).paymentMethod).toBe('COD')
  expect((card.body as CheckoutPage).paymentMethods).toEqual(['COD', 'VIETQR'])
})

test('an empty cart gets the friendly page, and a post from it places nothing', async () => {
  const outcome = await callRoute(checkout.loader, appRequest('/checkout'))
  expect(outcome.body).toMatchObject({ empty: true })
  const before = await getDb().order.count()
  const posted = await callRoute(checkout.action, appRequest('/checkout', { form: form() }))
  expect(posted.status).toBe(409)
  expect((posted.body as { result: SubmissionResult<string[]> }).result.error?.['']).toEqual([
    'Giỏ hàng đang trống: không có gì để đặt.',
  ])
  expect(await getDb().order.count()).toBe(before)
})

describe('tampered or wrong input: 400 with messages, nothing created', () => {
  test.each([
    [
      'an unknown commune',
      { communeCode: '99999' },
      'communeCode',
      'Không có xã, phường này. Hãy chọn lại từ danh sách.',
    ],
    [
      'a commune of another province',
      { communeCode: HUNG_YEN_COMMUNE },
      'communeCode',
      'Xã, phường này không thuộc tỉnh, thành phố đã chọn. Hãy chọn lại.',
    ],
    [
      'a payment method not offered',
      { paymentMethod: 'STRIPE' },
      'paymentMethod',
      'Phương thức thanh toán này hiện không dùng được. Hãy chọn phương thức khác.',
    ],
    [
      'a payment method that does not exist',
      { paymentMethod: 'BITCOIN' },
      'paymentMethod',
      'Phương thức thanh toán này hiện không dùng được. Hãy chọn phương thức khác.',
    ],
    [
      'a phone number that is not Vietnamese',
      { phone: '0212345678' },
      'phone',
      'Số điện thoại không hợp lệ: cần 10 số bắt đầu bằng 03, 05, 07, 08, 09 (hoặc dạng +84).',
    ],
    ['no checkout key', { checkoutKey: '' }, 'checkoutKey', 'Trang đặt hàng đã cũ. Hãy tải lại trang rồi đặt hàng.'],
  ])('%s', async (_name, overrides, field, message) => {
    const producer = await createTestProducer({ products: [{ stock: 3 }] })
    const product = producer.products[0]!
    const cookie = await guestWith(product)
    const before = await counts(product.id)

    const outcome = await place(cookie, form(overrides))
    expect(outcome.status).toBe(400)
    expect(fieldErrors(outcome)[field]).toEqual([message])
    expect(await counts(product.id)).toEqual(before)
    expect(cookieFrom(outcome, '__orders')).toBeNull()
  })

  test('messages come in the page’s language', async () => {
    const producer = await createTestProducer({ products: [{ stock: 3 }] })
    const cookie = await guestWith(producer.products[0]!)
    const outcome = await place(cookie, form({ phone: '12345', name: '' }), '/en/checkout')
    expect(outcome.status).toBe(400)
    expect(fieldErrors(outcome)).toMatchObject({
      phone: ['Invalid phone number: 10 digits starting 03, 05, 07, 08 or 09 (or the +84 form).'],
      name: ['Please enter the recipient’s full name.'],
    })
  })
})

test('placing: the order page with a toast, access for this browser, a confirmation mail, an emptied cart', async () => {
  const producer = await createTestProducer({ products: [{ priceVnd: 150_000, stock: 4, nameVi: 'Mật ong bạc hà' }] })
  const product = producer.products[0]!
  const cookie = await guestWith(product, 2)
  const fields = form({ phone: '+84 912 345 678', note: 'Gọi trước khi giao' })

  const outcome = await place(cookie, fields)
  expect(outcome.status).toBe(302)
  const number = /^\/orders\/(OC-\d{4}-[2-9A-HJ-NP-Z]{4})$/.exec(outcome.location ?? '')?.[1]
  expect(number).toBeDefined()
  expect(await toastOf(outcome)).toBe(`Đã đặt đơn hàng ${number}. Cảm ơn bạn!`)
  const access = cookieFrom(outcome, '__orders')
  expect(access).not.toBeNull()

  const order = await getDb().order.findUniqueOrThrow({
    where: { number: number! },
    select: { phone: true, note: true, totalVnd: true, status: true, userId: true },
  })
  expect(order).toEqual({
    phone: '0912345678',
    note: 'Gọi trước khi giao',
    totalVnd: 300_000 + 22_000 + COD_FEE_VND,
    status: 'PLACED',
    userId: null,
  })
  expect((await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(2)
  const mails = await getDb().mailMessage.findMany({
    where: { to: 'le.mua@example.com', subject: { contains: number! } },
  })
  expect(mails).toHaveLength(1)
  expect(mails[0]!.text).toContain('Mật ong bạc hà × 2')
  expect(mails[0]!.text).toContain(`http://localhost:3000/orders/${number}`)
  expect(mails[0]!.text).toContain('Thanh toán khi nhận hàng')

  // The browser that placed it sees it; the cart is empty now.
  const view = await callRoute(orderPage.loader, appRequest(`/orders/${number}`, { cookie: `${cookie}; ${access}` }), {
    number: number!,
  })
  expect(view.body).toMatchObject({ locked: false, order: { number } })
  const after = await callRoute(checkout.loader, appRequest('/checkout', { cookie }))
  expect(after.body).toMatchObject({ empty: true })

  // Posting the same form again (back and resubmit) finds the same order: no second order or mail.
  const again = await place(cookie, fields)
  expect(again.location).toBe(`/orders/${number}`)
  expect(await getDb().order.count({ where: { checkoutKey: fields.checkoutKey } })).toBe(1)
  expect(await getDb().mailMessage.count({ where: { subject: { contains: number! } } })).toBe(1)
})

test('a logged-in buyer’s order is theirs; English pages mail in English', async () => {
  const user = await createTestUser()
  const producer = await createTestProducer({ products: [{ stock: 4 }] })
  await getDb().cart.create({
    data: {
      userId: user.id,
      lines: { create: { productId: producer.products[0]!.id, quantity: 1, seenPriceVnd: 100_000 } },
    },
  })
  const outcome = await place(user.cookie, form({ paymentMethod: 'VIETQR', email: user.email }), '/en/checkout')
  expect(outcome.status).toBe(302)
  const number = outcome.location!.replace('/en/orders/', '')
  expect(await toastOf(outcome)).toBe(`Order ${number} placed. Please make the transfer as shown below.`)
  const order = await getDb().order.findUniqueOrThrow({ where: { number }, select: { userId: true, status: true } })
  expect(order).toEqual({ userId: user.id, status: 'AWAITING_PAYMENT' })
  const mail = await getDb().mailMessage.findFirstOrThrow({ where: { to: user.email.toLowerCase() } })
  expect(mail.subject).toBe(`OCOP Market: order ${number} confirmed`)
  expect(mail.text).toContain(`Transfer note: ${number}`)
  expect(mail.text).toContain('please do not transfer real money')
})

test('sold out since it went into the cart: “Hết hàng” naming the product, nothing placed', async () => {
  const producer = await createTestProducer({ products: [{ stock: 3, nameVi: 'Chè Shan tuyết' }, { stock: 3 }] })
  const [tea, other] = producer.products
  const cookie = await guestWith(tea!, 2)
  await addToCart(appRequest('/', { cookie }), other!.id, 1)
  await getDb().product.update({ where: { id: tea!.id }, data: { stock: 1 } })

  const page = (await callRoute(checkout.loader, appRequest('/checkout?province=01', { cookie }))).body as CheckoutPage
  expect(page.blocked).toBe(true)

  const before = await counts(other!.id)
  const outcome = await place(cookie, form())
  expect(outcome.status).toBe(409)
  expect(fieldErrors(outcome)['']).toEqual([
    'Hết hàng: Chè Shan tuyết (bạn đặt 2, chỉ còn 1). Hãy sửa giỏ hàng rồi đặt lại.',
  ])
  expect(await counts(other!.id)).toEqual(before)
  expect((await getDb().product.findUniqueOrThrow({ where: { id: tea!.id } })).stock).toBe(1)
})

describe('paying by card', () => {
  let fake: StripeFake
  beforeAll(async () => {
    fake = await startStripeFake()
    Object.assign(process.env, fake.env)
    resetEnvForTests()
    resetStripeForTests()
  })
  afterAll(async () => {
    await fake.close()
    for (const key of Object.keys(fake.env)) delete process.env[key]
    resetEnvForTests()
    resetStripeForTests()
  })

  test('the order is placed, then the browser goes to Stripe Checkout', async () => {
    const producer = await createTestProducer({ products: [{ priceVnd: 200_000, stock: 2 }] })
    const cookie = await guestWith(producer.products[0]!)
    const outcome = await place(cookie, form({ paymentMethod: 'STRIPE' }))
    expect(outcome.status).toBe(302)
    const session = [...fake.sessions.values()].at(-1)!
    expect(outcome.location).toBe(session.url)
    expect(session.amount_total).toBe(200_000 + 18_000)
    expect(cookieFrom(outcome, '__orders')).not.toBeNull()
    const order = await getDb().order.findFirstOrThrow({
      where: { number: session.metadata.orderNumber },
      select: { status: true, holdExpiresAt: true },
    })
    expect(order.status).toBe('AWAITING_PAYMENT')
    expect(order.holdExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000)
  })
})
