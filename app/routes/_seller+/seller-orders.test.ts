/** The seller's order pages driven as a browser would: real Requests into the loaders and actions. */
import { type SubmissionResult } from '@conform-to/react'
import { type LoaderFunctionArgs } from '@remix-run/node'
import { expect, test } from 'vitest'
import { appRequest, createTestUser } from '#tests/factories/accounts.ts'
import { createTestOrder, createTestProducer } from '#tests/factories/orders.ts'
import { getDb } from '#app/utils/db.server.ts'
import { readToast } from '#app/utils/toast.server.ts'
import * as dashboardRoute from './($lang).seller._index.tsx'
import * as detailRoute from './($lang).seller.orders.$shipmentId.tsx'
import * as listRoute from './($lang).seller.orders._index.tsx'

type Outcome = { status: number; headers: Headers; location: string | null; body: unknown }
type RouteFunction = (args: LoaderFunctionArgs) => Promise<unknown>

/** Runs a loader or action and reads what the browser would get, whether it was returned or thrown. */
async function run(fn: RouteFunction, request: Request, params: Record<string, string> = {}): Promise<Outcome> {
  let value: unknown
  try {
    value = await fn({ request, params, context: {} })
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    value = thrown
  }
  if (value instanceof Response) {
    return { status: value.status, headers: value.headers, location: value.headers.get('Location'), body: null }
  }
  if (typeof value === 'object' && value !== null && 'type' in value && value.type === 'DataWithResponseInit') {
    const { data, init } = value as unknown as { data: unknown; init: ResponseInit | null }
    return { status: init?.status ?? 200, headers: new Headers(init?.headers), location: null, body: data }
  }
  return { status: 200, headers: new Headers(), location: null, body: value }
}

async function toastOf(outcome: Outcome) {
  const cookie = outcome.headers.get('Set-Cookie')?.split(';')[0]
  const { toast } = await readToast(new Request('http://localhost:3000/', { headers: { Cookie: cookie ?? '' } }))
  return toast
}

function fieldErrors(outcome: Outcome): Record<string, string[] | null> | undefined {
  return (outcome.body as { result: SubmissionResult<string[]> }).result.error
}

async function sellerWithOrder() {
  const producer = await createTestProducer({ products: [{ priceVnd: 200_000, stock: 10 }] })
  const staff = await createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: producer.id }] })
  const order = await createTestOrder({
    shipments: [{ producerId: producer.id, lines: [{ product: producer.products[0]!, quantity: 2 }] }],
  })
  return { producer, staff, order, shipmentId: order.shipmentIds[0]! }
}

const detail = (id: string, lang = '') => `${lang}/seller/orders/${id}`

test('another producer’s shipment answers 404 to its page and to its forms', async () => {
  const { shipmentId, producer } = await sellerWithOrder()
  const other = await createTestProducer()
  const stranger = await createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: other.id }] })

  const page = await run(detailRoute.loader, appRequest(detail(shipmentId), { cookie: stranger.cookie }), {
    shipmentId,
  })
  expect(page.status).toBe(404)
  const post = await run(
    detailRoute.action,
    appRequest(detail(shipmentId), {
      cookie: stranger.cookie,
      form: { intent: 'cancel', reason: 'Không phải đơn của tôi' },
    }),
    { shipmentId },
  )
  expect(post.status).toBe(404)
  const row = await getDb().shipment.findUniqueOrThrow({ where: { id: shipmentId }, select: { status: true } })
  expect(row.status).toBe('PENDING')
  const product = await getDb().product.findUniqueOrThrow({ where: { id: producer.products[0]!.id } })
  expect(product.stock).toBe(10)

  const list = await run(listRoute.loader, appRequest('/seller/orders', { cookie: stranger.cookie }))
  expect((list.body as { items: unknown[] }).items).toEqual([])

  // A customer without a producer membership may not even try.
  const customer = await createTestUser({ roles: ['CUSTOMER'] })
  expect(
    (await run(detailRoute.loader, appRequest(detail(shipmentId), { cookie: customer.cookie }), { shipmentId })).status,
  ).toBe(403)
})

test('confirm, ship and deliver through the forms, with a message after each redirect', async () => {
  const { staff, shipmentId, order } = await sellerWithOrder()
  const post = (form: Record<string, string>) =>
    run(detailRoute.action, appRequest(detail(shipmentId), { cookie: staff.cookie, form }), { shipmentId })

  const confirmed = await post({ intent: 'confirm', from: 'PENDING' })
  expect(confirmed.status).toBe(302)
  expect(confirmed.location).toBe(`/seller/orders/${shipmentId}`)
  expect(await toastOf(confirmed)).toEqual({ kind: 'success', message: `Đã xác nhận đơn ${order.number}.` })

  // Errors come back next to the field, in Vietnamese, with status 400; nothing changes.
  const noTracking = await post({ intent: 'ship', from: 'CONFIRMED', carrier: 'GHN', trackingCode: '' })
  expect(noTracking.status).toBe(400)
  expect(fieldErrors(noTracking)).toMatchObject({ trackingCode: ['Vui lòng nhập mã vận đơn.'] })
  const noCarrier = await post({ intent: 'ship', from: 'CONFIRMED', carrier: 'OTHER', trackingCode: 'ABC123' })
  expect(fieldErrors(noCarrier)).toMatchObject({ carrierName: ['Vui lòng nhập tên đơn vị vận chuyển.'] })
  expect((await getDb().shipment.findUniqueOrThrow({ where: { id: shipmentId } })).status).toBe('CONFIRMED')

  const shipped = await post({ intent: 'ship', from: 'CONFIRMED', carrier: 'JT_EXPRESS', trackingCode: 'JT0001234' })
  expect(shipped.status).toBe(302)
  const row = await getDb().shipment.findUniqueOrThrow({ where: { id: shipmentId } })
  expect([row.status, row.carrier, row.trackingCode]).toEqual(['SHIPPED', 'J&T Express', 'JT0001234'])

  const delivered = await post({ intent: 'deliver', from: 'SHIPPED' })
  expect(await toastOf(delivered)).toMatchObject({ kind: 'success' })

  const page = await run(detailRoute.loader, appRequest(detail(shipmentId), { cookie: staff.cookie }), { shipmentId })
  const data = page.body as Awaited<ReturnType<typeof detailRoute.loader>>
  expect(data.shipment.status).toBe('DELIVERED')
  expect(data.shipment.order.status).toBe('DELIVERED')
  expect(data.shipment.events.filter((e) => e.scope === 'shipment').map((e) => [e.toStatus, e.actorName])).toEqual([
    ['CONFIRMED', expect.any(String)],
    ['SHIPPED', expect.any(String)],
    ['DELIVERED', expect.any(String)],
  ])
})

test('cancelling needs a reason (in the page’s language) and the second click of a double submission changes nothing', async () => {
  const { staff, shipmentId, producer } = await sellerWithOrder()
  const post = (form: Record<string, string>, lang = '') =>
    run(detailRoute.action, appRequest(detail(shipmentId, lang), { cookie: staff.cookie, form }), {
      shipmentId,
      ...(lang ? { lang: 'en' } : {}),
    })

  const empty = await post({ intent: 'cancel', from: 'PENDING', reason: '' })
  expect(empty.status).toBe(400)
  expect(fieldErrors(empty)).toMatchObject({ reason: ['Vui lòng ghi lý do hủy đơn.'] })
  const english = await post({ intent: 'cancel', from: 'PENDING', reason: '' }, '/en')
  expect(fieldErrors(english)).toMatchObject({ reason: ['Please give a reason for cancelling.'] })

  const first = await post({ intent: 'cancel', from: 'PENDING', reason: 'Hết hàng trong kho' })
  expect(first.status).toBe(302)
  const second = await post({ intent: 'cancel', from: 'PENDING', reason: 'Hết hàng trong kho' })
  expect(second.status).toBe(302)
  expect(await toastOf(second)).toMatchObject({ kind: 'error' })
  expect(await getDb().orderEvent.count({ where: { shipmentId } })).toBe(1)
  expect((await getDb().product.findUniqueOrThrow({ where: { id: producer.products[0]!.id } })).stock).toBe(12)

  const unknown = await post({ intent: 'refund' })
  expect(unknown.status).toBe(400)
})

test('the order list filters by status and shows only the producer’s share of a shared order', async () => {
  const a = await createTestProducer({ products: [{ priceVnd: 100_000 }] })
  const b = await createTestProducer({ products: [{ priceVnd: 700_000 }] })
  const staff = await createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: a.id }] })
  await createTestOrder({
    shipments: [
      { producerId: a.id, lines: [{ product: a.products[0]!, quantity: 1 }] },
      { producerId: b.id, lines: [{ product: b.products[0]!, quantity: 2 }] },
    ],
  })
  await createTestOrder({
    shipments: [{ producerId: a.id, status: 'SHIPPED', lines: [{ product: a.products[0]!, quantity: 3 }] }],
  })
  const all = await run(listRoute.loader, appRequest('/seller/orders', { cookie: staff.cookie }))
  const body = all.body as Awaited<ReturnType<typeof listRoute.loader>>
  expect(body.items.map((i) => [i.status, i.subtotalVnd, i.lineCount])).toEqual([
    ['SHIPPED', 300_000, 1],
    ['PENDING', 100_000, 1],
  ])
  expect(body.counts).toMatchObject({ ALL: 2, PENDING: 1, SHIPPED: 1 })
  const shipped = await run(listRoute.loader, appRequest('/seller/orders?status=SHIPPED', { cookie: staff.cookie }))
  expect((shipped.body as typeof body).items).toHaveLength(1)
  const bogus = await run(listRoute.loader, appRequest('/seller/orders?status=LOST&page=abc', { cookie: staff.cookie }))
  expect((bogus.body as typeof body).status).toBeNull()
  expect((bogus.body as typeof body).items).toHaveLength(2)
})

test('the demo producers’ dashboards and order lists have seeded data in every state', async () => {
  for (const email of ['ong@ocop.local', 'lua@ocop.local']) {
    const user = await getDb().user.findUniqueOrThrow({
      where: { email },
      select: { id: true, memberships: { select: { producerId: true } } },
    })
    const session = await createTestUser({
      roles: ['CUSTOMER', 'PRODUCER'],
      producers: user.memberships.map((m) => ({ producerId: m.producerId })),
    })
    const list = await run(listRoute.loader, appRequest('/seller/orders', { cookie: session.cookie }))
    const counts = (list.body as Awaited<ReturnType<typeof listRoute.loader>>).counts
    for (const status of ['PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const) {
      expect(counts[status], `${email} ${status}`).toBeGreaterThan(0)
    }
    const dashboard = await run(dashboardRoute.loader, appRequest('/seller?days=90', { cookie: session.cookie }))
    const data = (dashboard.body as Awaited<ReturnType<typeof dashboardRoute.loader>>).dashboard
    expect(data.period).toBe(90)
    expect(data.days).toHaveLength(90)
    expect(data.totals.orders).toBeGreaterThan(5)
    expect(data.topProducts.byQuantity.length).toBeGreaterThan(0)
    expect(data.pending.toConfirm).toBeGreaterThan(0)
  }
})
