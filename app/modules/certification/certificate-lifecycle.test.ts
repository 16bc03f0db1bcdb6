/**
 * One certificate through its life with a controllable clock: active → expiring (the daily job sends
 * the notice once) → expired (no stars on the product page, out of the star filters and facets) →
 * superseded by a re-evaluation (the new certificate gives the stars back).
 */
import { faker } from '@faker-js/faker'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { listProducts } from '#app/modules/catalog/listing.server.ts'
import { createPostgresSearch } from '#app/modules/search/postgres-search.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { createTestProducer } from '#tests/factories/orders.ts'
import { callRoute } from '#tests/route-call.ts'
import * as newCertificate from '../../routes/_admin+/($lang).admin.certificates.new.tsx'
import * as sellerDashboard from '../../routes/_seller+/($lang).seller._index.tsx'
import * as certificatePage from '../../routes/_shop+/($lang).certificates.$certificateId.tsx'
import * as productPage from '../../routes/_shop+/($lang).products.$slug.tsx'
import { runCertificateExpiry } from './certificate-expiry.server.ts'
import { getCertificateHistory, listCertificates, reEvaluate, recordCertificate } from './certificates.server.ts'

const d = (iso: string) => new Date(`${iso}T00:00:00Z`)
const DAYS = {
  issued: '2023-03-10', // valid through 2026-03-10
  active: '2026-01-15',
  expiring: '2026-02-20', // 18 days left
  expired: '2026-03-11', // the first day without stars
}

const previousToday = process.env.OCOP_TODAY
let office: TestUser
let owner: TestUser
let staff: TestUser
let producerId = ''
let product = { id: '', slug: '', tag: '' }
let listener: pg.Client
let notified: string[] = []

function at(day: string) {
  process.env.OCOP_TODAY = day
  return d(day)
}

async function catalogChanged(): Promise<boolean> {
  await listener.query('SELECT 1') // a round trip: notifications sent before it have arrived
  const seen = notified.length > 0
  notified = []
  return seen
}

beforeAll(async () => {
  const tag = `kx${faker.string.alpha({ length: 6, casing: 'lower' })}`
  const producer = await createTestProducer({ products: [{ nameVi: `Mật ong thử nghiệm ${tag}` }] })
  producerId = producer.id
  const row = await getDb().product.findUniqueOrThrow({
    where: { id: producer.products[0]!.id },
    select: { slug: true },
  })
  product = { id: producer.products[0]!.id, slug: row.slug, tag }
  ;[office, owner, staff] = await Promise.all([
    createTestUser({ roles: ['OFFICE_STAFF'] }),
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], name: 'Chị Lan', producers: [{ producerId, role: 'OWNER' }] }),
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], name: 'Mai Tran', producers: [{ producerId, role: 'STAFF' }] }),
  ])
  await getDb().user.update({ where: { id: staff.id }, data: { locale: 'en' } })
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await listener.connect()
  listener.on('notification', (message) => notified.push(message.channel))
  await listener.query('LISTEN catalog_changed')
})

afterAll(async () => {
  await listener.end()
  if (previousToday === undefined) delete process.env.OCOP_TODAY
  else process.env.OCOP_TODAY = previousToday
})

async function starsOnTheStorefront(today: Date) {
  const filtered = (stars: 3 | 4 | 5) =>
    listProducts({ producerId, stars, sort: 'newest', page: 1 }, today).then((r) => r.total)
  const all = await listProducts({ producerId, sort: 'newest', page: 1 }, today)
  const search = createPostgresSearch()
  const query = { q: product.tag, sort: 'relevance' as const, page: 1, pageSize: 24, today }
  const [found, foundWithThree] = await Promise.all([
    search.search({ ...query, filters: {} }),
    search.search({ ...query, filters: { stars: 3 } }),
  ])
  const page = await callRoute(productPage.loader, appRequest(`/products/${product.slug}`), { slug: product.slug })
  const body = page.body as { product: { stars: number | null }; certificate: { id: string; status: string } | null }
  return {
    listingStars: all.items[0]?.stars ?? null,
    threePlus: await filtered(3),
    fourPlus: await filtered(4),
    facets: all.facets.stars,
    searchHits: found.total,
    searchStars: found.hits[0]?.stars ?? null,
    searchFacets: found.facets.stars,
    searchThreePlus: foundWithThree.total,
    pageStars: body.product.stars,
    pageCertificate: body.certificate,
  }
}

async function publicStatus(certificateId: string) {
  const page = await callRoute(certificatePage.loader, appRequest(`/certificates/${certificateId}`), { certificateId })
  expect(page.status).toBe(200)
  expect(page.headers.get('Cache-Control')).toBe('public, max-age=300')
  return (
    page.body as {
      certificate: { status: string; supersededBy: { id: string } | null; supersedes: { id: string } | null }
    }
  ).certificate
}

function mailsTo(email: string) {
  return getDb().mailMessage.findMany({ where: { to: email }, select: { subject: true, text: true } })
}

describe('a certificate through its life', () => {
  let firstId = ''

  test('recorded and active: 3 stars everywhere, nothing to notify', async () => {
    const today = at(DAYS.active)
    const recorded = await recordCertificate(
      { id: office.id, email: office.email },
      {
        productId: product.id,
        stars: 3,
        score: 64,
        level: 'PROVINCIAL',
        issuer: 'UBND huyện Ba Vì',
        decisionNumber: '512/QĐ-UBND',
        decisionDate: d('2023-03-08'),
        issuedOn: d(DAYS.issued),
        legalBasis: 'Quyết định 148/QĐ-TTg ngày 24/02/2023',
        potentialFiveStar: false,
      },
      { today },
    )
    expect(recorded.ok).toBe(true)
    firstId = recorded.ok ? recorded.id : ''
    const certificate = await getDb().certificate.findUniqueOrThrow({ where: { id: firstId } })
    expect(certificate.expiresOn.toISOString().slice(0, 10)).toBe('2026-03-10')
    expect(certificate.issuer).toBe('UBND huyện Ba Vì') // kept as recorded (a district, before July 2025)

    expect(await starsOnTheStorefront(today)).toMatchObject({
      listingStars: 3,
      threePlus: 1,
      searchHits: 1,
      searchStars: 3,
      searchThreePlus: 1,
      pageStars: 3,
      pageCertificate: { id: firstId, status: 'active' },
    })
    expect((await publicStatus(firstId)).status).toBe('active')

    await runCertificateExpiry(today)
    expect(await getDb().notification.count({ where: { producerId } })).toBe(0)
  })

  test('30 days before expiry: the job notifies the producer once, each member by mail in their language', async () => {
    const today = at(DAYS.expiring)
    // Two workers at once, then a third run the same day: the notice still goes out once.
    const [first, second] = await Promise.all([runCertificateExpiry(today), runCertificateExpiry(today)])
    expect(first.noticesSent + second.noticesSent).toBeGreaterThanOrEqual(1)
    expect((await runCertificateExpiry(today)).noticesSent).toBe(0)

    const notices = await getDb().notification.findMany({ where: { producerId } })
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({
      kind: 'certificate.expiring',
      link: '/seller/certificates',
      title: `Chứng nhận OCOP của “Mật ong thử nghiệm ${product.tag}” còn 18 ngày`,
    })
    const [ownerMails, staffMails] = await Promise.all([mailsTo(owner.email), mailsTo(staff.email)])
    expect(ownerMails).toHaveLength(1)
    expect(ownerMails[0]!.subject).toBe(`Chứng nhận OCOP của “Mật ong thử nghiệm ${product.tag}” còn 18 ngày hiệu lực`)
    expect(ownerMails[0]!.text).toContain('512/QĐ-UBND')
    expect(ownerMails[0]!.text).toContain('10/03/2026')
    expect(ownerMails[0]!.text).toContain('http://localhost:3000/seller/certificates')
    expect(staffMails).toHaveLength(1)
    expect(staffMails[0]!.subject).toContain('expires in 18 days')
    expect(staffMails[0]!.text).toContain('http://localhost:3000/en/seller/certificates')

    // Still valid: the stars stay until the last day.
    expect(await starsOnTheStorefront(today)).toMatchObject({ threePlus: 1, pageStars: 3 })
    expect((await publicStatus(firstId)).status).toBe('expiring')
    const queue = await listCertificates({ view: 'expiring', q: product.tag }, today)
    expect(queue.items.map((c) => [c.id, c.daysLeft])).toEqual([[firstId, 18]])

    // The producer sees the notice on the dashboard.
    const dashboard = await callRoute(sellerDashboard.loader, appRequest('/seller', { cookie: owner.cookie }))
    const { notices: shown } = dashboard.body as { notices: { items: { kind: string }[]; unread: number } }
    expect(shown.items.map((n) => n.kind)).toEqual(['certificate.expiring'])
    expect(shown.unread).toBe(1)
  })

  test('the day after its last day: no stars on the page, out of the star filters and facets', async () => {
    const today = at(DAYS.expired)
    notified = []
    const run = await runCertificateExpiry(today)
    expect(run.expiredToday).toBeGreaterThanOrEqual(1)
    expect(await catalogChanged()).toBe(true)
    expect(await getDb().notification.count({ where: { producerId } })).toBe(1)

    expect(await starsOnTheStorefront(today)).toEqual({
      listingStars: null,
      threePlus: 0,
      fourPlus: 0,
      facets: { '3': 0, '4': 0, '5': 0 },
      searchHits: 1,
      searchStars: null,
      searchFacets: { '3': 0, '4': 0, '5': 0 },
      searchThreePlus: 0,
      pageStars: null,
      pageCertificate: expect.objectContaining({ id: firstId, status: 'expired' }),
    })
    expect((await publicStatus(firstId)).status).toBe('expired')
    const queue = await listCertificates({ view: 'expired', q: product.tag }, today)
    expect(queue.items.map((c) => c.id)).toEqual([firstId])
  })

  test('re-evaluated by the office: the new certificate gives the stars back, the old one says superseded', async () => {
    const today = at(DAYS.expired)
    notified = []
    const outcome = await callRoute(
      newCertificate.action,
      appRequest('/admin/certificates/new', {
        cookie: office.cookie,
        form: {
          productId: product.id,
          supersedes: firstId,
          stars: '4',
          score: '78',
          level: 'PROVINCIAL',
          issuer: 'UBND thành phố Hà Nội',
          decisionNumber: '2210/QĐ-UBND',
          decisionDate: '2026-03-09',
          issuedOn: DAYS.expired,
          legalBasis: 'Quyết định 1489/QĐ-TTg (2025)',
        },
      }),
    )
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(302)
    const renewed = await getDb().certificate.findUniqueOrThrow({ where: { supersedesId: firstId } })
    expect(outcome.location).toBe(`/admin/certificates/${renewed.id}`)
    expect(renewed.expiresOn.toISOString().slice(0, 10)).toBe('2029-03-11')
    expect(await catalogChanged()).toBe(true)

    expect(await starsOnTheStorefront(today)).toMatchObject({
      listingStars: 4,
      threePlus: 1,
      fourPlus: 1,
      searchStars: 4,
      pageStars: 4,
      pageCertificate: { id: renewed.id, status: 'active' },
    })
    const old = await publicStatus(firstId)
    expect(old.status).toBe('superseded')
    expect(old.supersededBy?.id).toBe(renewed.id)
    expect((await publicStatus(renewed.id)).supersedes?.id).toBe(firstId)

    // The old one keeps its history, leaves the "needs re-evaluation" queue and cannot be re-evaluated twice.
    expect((await getCertificateHistory(renewed.id, today)).map((c) => [c.id, c.status])).toEqual([
      [firstId, 'superseded'],
      [renewed.id, 'active'],
    ])
    expect((await listCertificates({ view: 'expired', q: product.tag }, today)).total).toBe(0)
    const again = await reEvaluate(
      { id: office.id, email: office.email },
      firstId,
      {
        stars: 4,
        score: 80,
        level: 'PROVINCIAL',
        issuer: 'UBND thành phố Hà Nội',
        decisionNumber: '2299/QĐ-UBND',
        decisionDate: d('2026-03-10'),
        issuedOn: today,
        legalBasis: 'Quyết định 1489/QĐ-TTg (2025)',
        potentialFiveStar: false,
      },
      { today },
    )
    expect(again).toEqual({ ok: false, reason: 'superseded' })
  })
})
