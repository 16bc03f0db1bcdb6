/**
 * The authorization matrix: every page × every role over real HTTP against the running server, and
 * every state-changing action producer B might try on producer A's records. A route added without
 * its check shows up here as a wrong status.
 */
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test'
import { query, sessionCookieValue } from './database.ts'
import { test } from './helpers.ts'

const ROLES = ['anonymous', 'customer', 'producerA', 'producerB', 'exportBuyer', 'office', 'admin'] as const
type RoleName = (typeof ROLES)[number]

const ACCOUNTS: Record<Exclude<RoleName, 'anonymous'>, string> = {
  customer: 'khach@ocop.local',
  producerA: 'ong@ocop.local',
  producerB: 'lua@ocop.local',
  exportBuyer: 'buyer@ocop.local',
  office: 'vanphong@ocop.local',
  admin: 'admin@ocop.local',
}

/** What a role gets: a page (200), sent to log in, refused (403), "not found" (404), or sent elsewhere. */
type Outcome = 200 | 'login' | 403 | 404 | { redirect: string }

const clients = new Map<RoleName, APIRequestContext>()
let ids: {
  aProduct: string
  bProduct: string
  aShipment: string
  aShipmentStatus: string
  aJob: string
  pending: string
  exportSlug: string
  exportProduct: string
  certificate: string
}

test.beforeAll(async ({ baseURL }) => {
  for (const role of ROLES) {
    const headers: Record<string, string> = { Origin: baseURL! }
    if (role !== 'anonymous') headers.Cookie = `__session=${await sessionCookieValue(ACCOUNTS[role])}`
    clients.set(role, await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: headers, maxRedirects: 0 }))
  }
  const producer = async (slug: string) =>
    (await query<{ id: string }>('SELECT id FROM "Producer" WHERE slug = $1', [slug]))[0]!.id
  const [a, b] = [await producer('htx-ong-tuan-minh'), await producer('htx-det-lua-van-phuc')]
  const firstProduct = async (producerId: string) =>
    (
      await query<{ id: string }>('SELECT id FROM "Product" WHERE "producerId" = $1 ORDER BY id LIMIT 1', [producerId])
    )[0]!.id
  const shipment = (
    await query<{ id: string; status: string }>(
      `SELECT id, status FROM "Shipment" WHERE "producerId" = $1 AND status = 'PENDING' ORDER BY id LIMIT 1`,
      [a],
    )
  )[0]!
  const job = `e2e-job-${Date.now()}`
  await query(
    `INSERT INTO "ImportJob" (id, "producerId", "fileName", status, "totalRows", "processedRows", "createdCount")
     VALUES ($1, $2, 'mat-ong.csv', 'DONE', 3, 3, 3)`,
    [job, a],
  )
  const pending = (await query<{ id: string }>(`SELECT id FROM "Producer" WHERE status = 'PENDING' LIMIT 1`))[0]!.id
  const [honey] = await query<{ id: string; slug: string }>(`SELECT id, slug FROM "Product" WHERE sku = 'TM-NHAN-500'`)
  const [certificate] = await query<{ id: string }>(
    'SELECT id FROM "Certificate" WHERE "productId" = $1 AND "revokedAt" IS NULL LIMIT 1',
    [honey!.id],
  )
  ids = {
    aProduct: await firstProduct(a),
    bProduct: await firstProduct(b),
    aShipment: shipment.id,
    aShipmentStatus: shipment.status,
    aJob: job,
    pending,
    exportSlug: honey!.slug,
    exportProduct: honey!.id,
    certificate: certificate!.id,
  }
})

test.afterAll(async () => {
  for (const client of clients.values()) await client.dispose()
})

function outcomeOf(status: number, location: string | undefined): Outcome {
  if (status === 302 || status === 303) {
    if (location?.includes('/account/login?redirectTo=')) return 'login'
    return { redirect: location!.split('?')[0]! }
  }
  return status as Outcome
}

const everyone = (outcome: Outcome) => Object.fromEntries(ROLES.map((r) => [r, outcome])) as Record<RoleName, Outcome>
const signedIn = (outcome: Outcome) => ({ ...everyone(outcome), anonymous: 'login' as Outcome })
const sellers = (a: Outcome, b: Outcome) => ({
  ...signedIn(403),
  producerA: a,
  producerB: b,
})
const officeOnly = (outcome: Outcome) => ({ ...signedIn(403), office: outcome, admin: outcome })

function pages(): [string, Record<RoleName, Outcome>][] {
  const { aProduct, bProduct, aShipment, aJob, pending, exportSlug, exportProduct, certificate } = ids
  return [
    ['/', everyone(200)],
    ['/products', everyone(200)],
    ['/en/villages', everyone(200)],
    ['/dev/mailbox', everyone(200)],
    ['/account/forgot-password', everyone(200)],
    ['/account/login', { ...everyone({ redirect: '/account' }), anonymous: 200 }],
    ['/account/signup', { ...everyone({ redirect: '/account' }), anonymous: 200 }],
    ['/account', signedIn(200)],
    ['/en/account', signedIn(200)],
    ['/seller/apply', signedIn(200)],
    ['/seller', sellers(200, 200)],
    ['/en/seller', sellers(200, 200)],
    ['/seller/listings', sellers(200, 200)],
    ['/seller/listings/new', sellers(200, 200)],
    ['/seller/import', sellers(200, 200)],
    ['/seller/orders', sellers(200, 200)],
    [`/seller/listings/${aProduct}`, sellers(200, 404)],
    [`/seller/listings/${aProduct}/preview`, sellers(200, 404)],
    [`/seller/orders/${aShipment}`, sellers(200, 404)],
    [`/seller/import/${aJob}`, sellers(200, 404)],
    [`/en/seller/orders/${aShipment}`, sellers(200, 404)],
    [`/seller/listings/${bProduct}`, sellers(404, 200)],
    // Guessed ids look exactly like someone else's: "not found".
    ['/seller/listings/cm0000000000000000000000', sellers(404, 404)],
    ['/seller/orders/cm0000000000000000000000', sellers(404, 404)],
    ['/seller/import/cm0000000000000000000000', sellers(404, 404)],
    ['/admin', officeOnly({ redirect: '/admin/dashboard' })],
    ['/en/admin', officeOnly({ redirect: '/en/admin/dashboard' })],
    ['/admin/dashboard', officeOnly(200)],
    ['/admin/dashboard.csv', officeOnly(200)],
    ['/admin/producers', officeOnly(200)],
    [`/admin/producers/${pending}`, officeOnly(200)],
    ['/admin/producers/cm0000000000000000000000', officeOnly(404)],
    ['/admin/certificates', officeOnly(200)],
    ['/admin/certificates/new', officeOnly(200)],
    [`/admin/certificates/${certificate}`, officeOnly(200)],
    ['/admin/certificates/cm0000000000000000000000', officeOnly(404)],
    ['/admin/listings', officeOnly(200)],
    ['/admin/audit', officeOnly(200)],
    ['/admin/payments', officeOnly(200)],
    // The export area is a public shop window; only the request for quotation needs an export buyer.
    ['/export', everyone(200)],
    ['/en/export', everyone(200)],
    [`/en/export/products/${exportSlug}`, everyone(200)],
    ['/export/catalogue.csv', everyone(200)],
    [`/export/rfq/new?product=${exportProduct}`, { ...signedIn(403), exportBuyer: 200 }],
    // A buyer's requests (read:rfq:own) and the parts sent to a producer (read:rfq-part:own) are
    // different grants: neither side reaches the other's pages.
    ['/account/rfqs', { ...signedIn(403), exportBuyer: 200 }],
    ['/seller/rfqs', sellers(200, 200)],
    ['/seller/rfqs/cm0000000000000000000000', sellers(404, 404)],
    ['/account/rfqs/cm0000000000000000000000', { ...signedIn(403), exportBuyer: 404 }],
    ['/seller/certificates', sellers(200, 200)],
    ['/seller/export-profile', sellers(200, 200)],
    ['/seller/documents', sellers(200, 200)],
    [`/seller/listings/${aProduct}/export`, sellers(200, 404)],
    [`/certificates/${certificate}`, everyone(200)],
    [`/en/certificates/${certificate}`, everyone(200)],
    ['/cart', everyone(200)],
    ['/checkout', everyone(200)],
    ['/orders', everyone(200)],
    ['/account/orders', signedIn(200)],
  ]
}

test('every page answers every role as expected', async () => {
  const mismatches: string[] = []
  let checked = 0
  for (const [path, expected] of pages()) {
    for (const role of ROLES) {
      const response = await clients.get(role)!.get(path)
      const got = outcomeOf(response.status(), response.headers()['location'])
      checked++
      if (JSON.stringify(got) !== JSON.stringify(expected[role])) {
        mismatches.push(`${path} as ${role}: expected ${JSON.stringify(expected[role])}, got ${JSON.stringify(got)}`)
      }
      // A NUL byte in a page shows as "��" in the middle of a Vietnamese word (see entry.server.tsx).
      if (response.headers()['content-type']?.startsWith('text/html') && (await response.body()).includes(0)) {
        mismatches.push(`${path} as ${role}: the page contains NUL bytes`)
      }
    }
  }
  expect(mismatches).toEqual([])
  expect(checked).toBe(pages().length * ROLES.length)
})

async function productState(id: string) {
  return (
    await query<{ status: string; priceVnd: number; stock: number; nameVi: string }>(
      'SELECT status, "priceVnd", stock, "nameVi" FROM "Product" WHERE id = $1',
      [id],
    )
  )[0]!
}

test('producer B cannot change producer A’s listings, photos or orders, whatever it posts', async () => {
  const { aProduct, aShipment, aShipmentStatus } = ids
  const b = clients.get('producerB')!
  const productBefore = await productState(aProduct)
  const imagesBefore = await query('SELECT id FROM "ProductImage" WHERE "productId" = $1', [aProduct])

  const attempts: [string, Record<string, string>][] = [
    ['/seller/listings', { intent: 'publish', productId: aProduct }],
    ['/seller/listings', { intent: 'unpublish', productId: aProduct }],
    ['/seller/listings', { intent: 'archive', productId: aProduct }],
    [
      `/seller/listings/${aProduct}`,
      {
        intent: 'save-listing',
        sku: 'STOLEN-1',
        nameVi: 'Đã bị sửa',
        groupCode: 'thuc-pham',
        subgroupCode: 'mat-ong-nong-san-khac',
        priceVnd: '1000',
        unitVi: 'chai',
        weightGrams: '100',
        stock: '0',
        status: 'DRAFT',
      },
    ],
    [`/seller/listings/${aProduct}`, { intent: 'delete-photo', imageId: String(imagesBefore[0]?.id ?? 'x') }],
    [`/seller/listings/${aProduct}`, { intent: 'move-photo', imageId: 'x', direction: 'up' }],
    [`/seller/orders/${aShipment}`, { intent: 'confirm', from: aShipmentStatus }],
    [`/seller/orders/${aShipment}`, { intent: 'cancel', from: aShipmentStatus, reason: 'Hết hàng' }],
  ]
  for (const [path, form] of attempts) {
    const response = await b.post(path, { form })
    expect(response.status(), `${path} ${form.intent}`).toBe(404)
  }
  const upload = await b.post(`/seller/listings/${aProduct}`, {
    multipart: {
      intent: 'upload-photos',
      photos: { name: 'x.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') },
    },
  })
  expect(upload.status()).toBe(404)

  expect(await productState(aProduct)).toEqual(productBefore)
  expect(await query('SELECT id FROM "ProductImage" WHERE "productId" = $1', [aProduct])).toEqual(imagesBefore)
  const [shipment] = await query<{ status: string }>('SELECT status FROM "Shipment" WHERE id = $1', [aShipment])
  expect(shipment!.status).toBe(aShipmentStatus)
})

test('only the office verifies producers, and a post from another site is refused for everyone', async ({
  baseURL,
}) => {
  const { pending, aProduct } = ids
  for (const role of ['customer', 'producerA', 'exportBuyer'] as const) {
    const response = await clients
      .get(role)!
      .post('/admin/producers', { form: { intent: 'approve', producerId: pending } })
    expect(response.status(), role).toBe(403)
  }
  const anonymous = await clients
    .get('anonymous')!
    .post('/admin/producers', { form: { intent: 'approve', producerId: pending } })
  expect(outcomeOf(anonymous.status(), anonymous.headers()['location'])).toBe('login')
  const [producer] = await query<{ status: string }>('SELECT status FROM "Producer" WHERE id = $1', [pending])
  expect(producer!.status).toBe('PENDING')

  // Producer A's own listing, but the form was posted from another site: refused before any route runs.
  const forged = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: {
      Cookie: `__session=${await sessionCookieValue(ACCOUNTS.producerA)}`,
      Origin: 'https://evil.example',
    },
    maxRedirects: 0,
  })
  const before = await productState(aProduct)
  const response = await forged.post('/seller/listings', { form: { intent: 'archive', productId: aProduct } })
  expect(response.status()).toBe(403)
  expect(await productState(aProduct)).toEqual(before)
  await forged.dispose()
})
