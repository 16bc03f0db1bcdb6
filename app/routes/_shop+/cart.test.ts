/** /cart, /api/cart and the log-in merge driven as a browser would: real Requests, cookies carried along. */
import { describe, expect, test } from 'vitest'
import { type CartActionData } from '#app/modules/cart/cart-forms.ts'
import { getDb } from '#app/utils/db.server.ts'
import { CLIENT_IP_HEADER } from '#app/utils/request.server.ts'
import { appRequest, createTestUser, TEST_PASSWORD } from '#tests/factories/accounts.ts'
import { callRoute, toastOf, type Outcome } from '#tests/route-call.ts'
import * as login from '../_account+/($lang).account.login.tsx'
import * as signup from '../_account+/($lang).account.signup.tsx'
import * as cartApi from '../api+/cart.ts'
import * as cart from './($lang).cart.tsx'

type CartPage = Awaited<ReturnType<typeof cart.loader>>['data']

async function productOf(slug: string) {
  return getDb().product.findUniqueOrThrow({
    where: { slug },
    select: { id: true, nameVi: true, nameEn: true, priceVnd: true, stock: true },
  })
}

function cookieFrom(outcome: Outcome, name: string): string | null {
  const set = outcome.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))
  return set ? set.split(';')[0]! : null
}

function post(path: string, form: Record<string, string>, cookie?: string) {
  return appRequest(path, { form, cookie })
}

function lang(path: string): Record<string, string> {
  return path.startsWith('/en/') ? { lang: 'en' } : {}
}

async function act(path: string, form: Record<string, string>, cookie?: string) {
  return callRoute(cart.action, post(path, form, cookie), lang(path))
}

async function page(path: string, cookie?: string) {
  const outcome = await callRoute(cart.loader, appRequest(path, { cookie }), lang(path))
  expect(outcome.status).toBe(200)
  return { outcome, page: outcome.body as CartPage }
}

function answer(outcome: Outcome): CartActionData {
  return outcome.body as CartActionData
}

describe('adding from the product page', () => {
  test('without JavaScript: redirected to the cart with a message; the guest cookie is set once', async () => {
    const honey = await productOf('mat-ong-hoa-nhan-tuan-minh')
    const cartsBefore = await getDb().cart.count()
    const first = await act('/cart', { intent: 'add', productId: honey.id, quantity: '2' })
    expect(first.status).toBe(302)
    expect(first.location).toBe('/cart')
    expect(await toastOf(first)).toBe(`Đã thêm 2 × ${honey.nameVi} vào giỏ hàng.`)
    const cookie = cookieFrom(first, '__cart')
    expect(cookie).not.toBeNull()
    expect(first.headers.get('Cache-Control')).toBe('private, no-store')

    const second = await act('/cart', { intent: 'add', productId: honey.id, quantity: '1' }, cookie!)
    expect(second.status).toBe(302)
    expect(cookieFrom(second, '__cart')).toBeNull()
    expect(await getDb().cart.count()).toBe(cartsBefore + 1)

    const { page: view } = await page('/cart', cookie!)
    expect(view.cart.groups[0]?.lines[0]).toMatchObject({ productId: honey.id, quantity: 3 })
  })

  test('with JavaScript (a fetcher): data back, no redirect, in English under /en', async () => {
    const tea = await productOf('tra-hoa-vang-ba-che')
    const outcome = await act('/en/cart', { intent: 'add', productId: tea.id, quantity: '1', fetch: '1' })
    expect(outcome.status).toBe(200)
    expect(answer(outcome)).toMatchObject({ ok: true, message: `Added 1 × ${tea.nameEn} to your cart.` })
    expect(cookieFrom(outcome, '__cart')).not.toBeNull()
  })

  test('tampered quantities get a clear message in the user language, 400, and nothing is stored', async () => {
    const honey = await productOf('mat-ong-hoa-nhan-tuan-minh')
    const cartsBefore = await getDb().cart.count()
    for (const quantity of ['-1', '0', '1.5', '1000', '99999999999999999999', '1e400', 'mười', '']) {
      const vi = await act('/cart', { intent: 'add', productId: honey.id, quantity })
      expect(vi.status, quantity).toBe(400)
      expect(answer(vi).message).toBe('Số lượng phải là số nguyên từ 1 đến 999.')
      const en = await act('/en/cart', { intent: 'add', productId: honey.id, quantity, fetch: '1' })
      expect(en.status).toBe(400)
      expect(answer(en).message).toBe('The quantity must be a whole number from 1 to 999.')
    }
    expect(await getDb().cart.count()).toBe(cartsBefore)
  })

  test('drafts, archived products and unknown ids are refused with a message; nothing is stored', async () => {
    const draft = await productOf('gao-nang-huong-giang-thanh')
    const archived = await productOf('nam-so-kms-minh-phu')
    const cartsBefore = await getDb().cart.count()
    for (const productId of [draft.id, archived.id, 'ckzzzzzzzzzzzzzzzzzzzzzzz']) {
      const outcome = await act('/cart', { intent: 'add', productId, quantity: '1' })
      expect(outcome.status).toBe(400)
      expect(answer(outcome).message).toBe('Sản phẩm này không còn bán.')
    }
    const missing = await act('/cart', { intent: 'add', quantity: '1' })
    expect(missing.status).toBe(400)
    expect(answer(missing).message).toBe('Không rõ sản phẩm nào: hãy tải lại trang và thử lại.')
    expect(await getDb().cart.count()).toBe(cartsBefore)
  })

  test('an unknown intent is a 400', async () => {
    const outcome = await act('/cart', { intent: 'empty-everything' })
    expect(outcome.status).toBe(400)
    expect(answer(outcome)).toMatchObject({ ok: false, message: 'Yêu cầu không hợp lệ.' })
  })
})

describe('the cart page', () => {
  test('groups lines by producer with shipping estimated to Hà Nội by default, or the province chosen', async () => {
    const honey = await productOf('mat-ong-hoa-nhan-tuan-minh') // Hà Nội
    const nectar = await productOf('mat-hoa-dua-tra-vinh-farm') // Vĩnh Long
    const first = await act('/cart', { intent: 'add', productId: honey.id, quantity: '1' })
    const cookie = cookieFrom(first, '__cart')!
    await act('/cart', { intent: 'add', productId: nectar.id, quantity: '1' }, cookie)

    const { outcome, page: hanoi } = await page('/cart', cookie)
    expect(cart.headers({} as never)).toEqual({ 'Cache-Control': 'private, no-store' })
    expect(outcome.headers.get('Cache-Control')).toBe('private, no-store')
    expect(hanoi.destination).toBe('01')
    expect(hanoi.cart.groups.map((g) => [g.producerSlug, g.shipping?.zone])).toEqual([
      ['htx-ong-tuan-minh', 'same-province'],
      ['tra-vinh-farm', 'other-region'],
    ])
    expect(hanoi.blocked).toBe(false)

    const { page: vinhLong } = await page('/cart?to=86', cookie)
    expect(vinhLong.cart.groups.map((g) => g.shipping?.zone)).toEqual(['other-region', 'same-province'])
    const { page: fallback } = await page('/cart?to=zz', cookie)
    expect(fallback.destination).toBe('01')
  })

  test('without a cart: an empty page, and no cart is created', async () => {
    const cartsBefore = await getDb().cart.count()
    const { page: empty } = await page('/cart')
    expect(empty.cart.groups).toEqual([])
    expect(await getDb().cart.count()).toBe(cartsBefore)
  })

  test('sold-out lines block checkout; a changed price is shown but does not', async () => {
    const product = await getDb().product.create({
      data: {
        ...(await getDb().product.findUniqueOrThrow({
          where: { slug: 'mat-ong-hoa-nhan-tuan-minh' },
          select: { producerId: true, groupCode: true, subgroupCode: true },
        })),
        sku: 'CART-ROUTE-1',
        slug: 'mat-ong-thu-trang-gio-hang',
        nameVi: 'Mật ong thử trang giỏ hàng',
        nameEn: 'Cart page test honey',
        priceVnd: 100_000,
        unitVi: 'chai',
        unitEn: 'bottle',
        weightGrams: 500,
        stock: 10,
        status: 'PUBLISHED',
        publishedAt: new Date(),
      },
      select: { id: true },
    })
    const cookie = cookieFrom(await act('/cart', { intent: 'add', productId: product.id, quantity: '2' }), '__cart')!
    await getDb().product.update({ where: { id: product.id }, data: { priceVnd: 120_000 } })
    const { page: changed } = await page('/cart', cookie)
    expect(changed.cart.groups[0]?.lines[0]?.problems).toEqual(['price-changed'])
    expect(changed).toMatchObject({ blocked: false, pricesChanged: true })

    await getDb().product.update({ where: { id: product.id }, data: { stock: 0 } })
    const { page: soldOut } = await page('/cart', cookie)
    expect(soldOut.cart.groups[0]?.lines[0]?.problems).toEqual(['sold-out', 'price-changed'])
    expect(soldOut.blocked).toBe(true)
  })

  test('quantities are updated and lines removed; a plain form goes back to the same estimate', async () => {
    const honey = await productOf('mat-ong-hoa-nhan-tuan-minh')
    const cookie = cookieFrom(await act('/cart', { intent: 'add', productId: honey.id, quantity: '1' }), '__cart')!

    const updated = await act('/cart', { intent: 'set-quantity', productId: honey.id, quantity: '4', to: '86' }, cookie)
    expect(updated.status).toBe(302)
    expect(updated.location).toBe('/cart?to=86')
    expect(await toastOf(updated)).toBe('Đã cập nhật số lượng.')

    const tooMany = await act(
      '/cart',
      { intent: 'set-quantity', productId: honey.id, quantity: String(honey.stock + 1), fetch: '1' },
      cookie,
    )
    expect(tooMany.status).toBe(400)
    expect(answer(tooMany).message).toBe(`Chỉ còn ${honey.stock} sản phẩm, và giỏ hàng của bạn đã có 4.`)
    // The refused quantity is not echoed back into the form.
    expect(answer(tooMany).result?.initialValue).not.toHaveProperty('quantity')

    for (const quantity of ['-3', '2.5', '1000', 'abc']) {
      const tampered = await act('/cart', { intent: 'set-quantity', productId: honey.id, quantity, fetch: '1' }, cookie)
      expect(tampered.status).toBe(400)
      expect(answer(tampered).message).toBe('Số lượng phải là số nguyên từ 0 đến 999 (0 để xóa).')
    }
    const { page: kept } = await page('/cart', cookie)
    expect(kept.cart.groups[0]?.lines[0]?.quantity).toBe(4)

    const removed = await act('/cart', { intent: 'remove', productId: honey.id, fetch: '1' }, cookie)
    expect(removed.status).toBe(200)
    expect(answer(removed)).toMatchObject({ ok: true, message: 'Đã xóa sản phẩm khỏi giỏ hàng.' })
    const again = await act('/cart', { intent: 'remove', productId: honey.id, fetch: '1' }, cookie)
    expect(again.status).toBe(400)
    expect(answer(again).message).toBe('Sản phẩm này không có trong giỏ hàng của bạn.')
    const { page: empty } = await page('/cart', cookie)
    expect(empty.cart.groups).toEqual([])
  })

  test("a user's cart is not readable with another user's session", async () => {
    const honey = await productOf('mat-ong-hoa-nhan-tuan-minh')
    const [owner, other] = await Promise.all([createTestUser(), createTestUser()])
    const added = await act('/cart', { intent: 'add', productId: honey.id, quantity: '2', fetch: '1' }, owner.cookie)
    expect(added.status).toBe(200)
    expect(cookieFrom(added, '__cart')).toBeNull()
    const { page: mine } = await page('/cart', owner.cookie)
    expect(mine.cart.itemCount).toBe(2)
    const { page: theirs } = await page('/cart', other.cookie)
    expect(theirs.cart.groups).toEqual([])
    const meddling = await act('/cart', { intent: 'remove', productId: honey.id, fetch: '1' }, other.cookie)
    expect(meddling.status).toBe(400)
    expect((await page('/cart', owner.cookie)).page.cart.itemCount).toBe(2)
  })
})

describe('/api/cart', () => {
  test('answers the count, never cached, and creates no cart', async () => {
    const cartsBefore = await getDb().cart.count()
    const none = await callRoute(cartApi.loader, appRequest('/api/cart'))
    expect(none.status).toBe(200)
    expect(JSON.parse(none.body as string)).toEqual({ count: 0 })
    expect(none.headers.get('Cache-Control')).toContain('no-store')
    expect(none.headers.getSetCookie()).toEqual([])
    expect(await getDb().cart.count()).toBe(cartsBefore)

    const honey = await productOf('mat-ong-hoa-nhan-tuan-minh')
    const cookie = cookieFrom(await act('/cart', { intent: 'add', productId: honey.id, quantity: '3' }), '__cart')!
    const some = await callRoute(cartApi.loader, appRequest('/api/cart', { cookie }))
    expect(JSON.parse(some.body as string)).toEqual({ count: 3 })
  })
})

describe('logging in or signing up merges the guest cart', () => {
  function withIp(path: string, form: Record<string, string>, cookie: string) {
    return appRequest(path, {
      form,
      cookie,
      headers: { [CLIENT_IP_HEADER]: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
    })
  }

  /** Log-in lower-cases what is typed: the account's address must be lower case too. */
  function customer() {
    return createTestUser({ email: `khach.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.vn` })
  }

  test('at log-in: quantities summed, guest cart deleted, cookie cleared', async () => {
    const honey = await productOf('mat-ong-hoa-nhan-tuan-minh')
    const tea = await productOf('tra-hoa-vang-ba-che')
    const user = await customer()
    await act('/cart', { intent: 'add', productId: honey.id, quantity: '2', fetch: '1' }, user.cookie)
    const cookie = cookieFrom(await act('/cart', { intent: 'add', productId: honey.id, quantity: '3' }), '__cart')!
    await act('/cart', { intent: 'add', productId: tea.id, quantity: '1' }, cookie)
    const guestCart = await getDb().cart.findFirstOrThrow({
      where: { userId: null, lines: { some: { productId: tea.id } } },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    })

    const outcome = await callRoute(
      login.action,
      withIp('/account/login', { email: user.email, password: TEST_PASSWORD, redirectTo: '/cart' }, cookie),
    )
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe('/cart')
    const cleared = outcome.headers.getSetCookie().find((c) => c.startsWith('__cart='))
    expect(cleared).toMatch(/^__cart=;.*Max-Age=0/)
    expect(cookieFrom(outcome, '__session')).not.toBeNull()
    expect(await getDb().cart.findUnique({ where: { id: guestCart.id } })).toBeNull()

    const session = cookieFrom(outcome, '__session')!
    const { page: merged } = await page('/cart', session)
    const quantities = new Map(merged.cart.groups.flatMap((g) => g.lines).map((l) => [l.productId, l.quantity]))
    expect(quantities).toEqual(
      new Map([
        [honey.id, 5],
        [tea.id, 1],
      ]),
    )
  })

  test('at sign-up: the new account starts with the guest cart', async () => {
    const honey = await productOf('mat-ong-hoa-nhan-tuan-minh')
    const cookie = cookieFrom(await act('/cart', { intent: 'add', productId: honey.id, quantity: '2' }), '__cart')!
    const email = `gio-hang.${Date.now()}@example.vn`
    const outcome = await callRoute(
      signup.action,
      withIp(
        '/account/signup',
        { name: 'Lê Văn Giỏ', email, password: 'mật khẩu đủ dài', confirmPassword: 'mật khẩu đủ dài' },
        cookie,
      ),
    )
    expect(outcome.status).toBe(302)
    expect(outcome.headers.getSetCookie().some((c) => /^__cart=;.*Max-Age=0/.test(c))).toBe(true)
    const user = await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    const userCart = await getDb().cart.findUniqueOrThrow({
      where: { userId: user.id },
      select: { lines: { select: { productId: true, quantity: true } } },
    })
    expect(userCart.lines).toEqual([{ productId: honey.id, quantity: 2 }])
  })

  test('a log-in without a guest cart sets no cart cookie', async () => {
    const user = await customer()
    const outcome = await callRoute(
      login.action,
      withIp('/account/login', { email: user.email, password: TEST_PASSWORD }, ''),
    )
    expect(outcome.status).toBe(302)
    expect(cookieFrom(outcome, '__cart')).toBeNull()
  })
})
