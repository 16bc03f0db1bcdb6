/**
 * The programme dashboard against the seeded data: every figure is recomputed here with plain Prisma
 * queries (not the dashboard's SQL), and follows when the office records a certificate. The yearly
 * targets form and the CSV export.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { vietnamDay } from '#app/modules/orders/vietnam-time.ts'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { createTestProducer } from '#tests/factories/orders.ts'
import { callRoute, formResult, toastOf } from '#tests/route-call.ts'
import * as csv from './($lang).admin.dashboard[.]csv.ts'
import * as dashboardRoute from './($lang).admin.dashboard.tsx'

const previousToday = process.env.OCOP_TODAY
const DAY = vietnamDay(new Date())
const YEAR = Number(DAY.slice(0, 4))
const TODAY = new Date(`${DAY}T00:00:00Z`)
const YEAR_START = new Date(`${YEAR}-01-01T00:00:00Z`)
const MONTH_START = new Date(`${DAY.slice(0, 7)}-01T00:00:00Z`)
let office: TestUser

beforeAll(async () => {
  // The dashboard and these expectations agree on the day, even across midnight.
  process.env.OCOP_TODAY = DAY
  office = await createTestUser({ roles: ['OFFICE_STAFF'] })
})

afterAll(() => {
  if (previousToday === undefined) delete process.env.OCOP_TODAY
  else process.env.OCOP_TODAY = previousToday
})

type Dashboard = Awaited<ReturnType<typeof dashboardRoute.loader>>['dashboard']

async function dashboard(): Promise<Dashboard> {
  const outcome = await callRoute(dashboardRoute.loader, appRequest('/admin/dashboard', { cookie: office.cookie }))
  expect(outcome.status).toBe(200)
  return (outcome.body as { dashboard: Dashboard }).dashboard
}

function tally<K extends string | number>(keys: K[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const key of keys) counts[String(key)] = (counts[String(key)] ?? 0) + 1
  return counts
}

function nonZero(rows: { value: number }[], key: (row: never) => string | number): Record<string, number> {
  return Object.fromEntries(rows.filter((row) => row.value > 0).map((row) => [String(key(row as never)), row.value]))
}

/** The same figures, the slow and obvious way. */
async function expected() {
  const db = getDb()
  const valid = await db.certificate.findMany({
    where: { revokedAt: null, issuedOn: { lte: TODAY }, expiresOn: { gte: TODAY } },
    orderBy: [{ issuedOn: 'desc' }, { id: 'asc' }],
    select: {
      productId: true,
      stars: true,
      product: {
        select: {
          groupCode: true,
          producer: {
            select: {
              kind: true,
              womenLed: true,
              ethnicMinority: true,
              commune: { select: { province: { select: { code: true, regionSlug: true } } } },
            },
          },
        },
      },
    },
  })
  const newest = new Map<string, (typeof valid)[number]>()
  for (const certificate of valid)
    if (!newest.has(certificate.productId)) newest.set(certificate.productId, certificate)
  const products = [...newest.values()]
  const all = await db.certificate.findMany({ select: { productId: true, issuedOn: true } })
  const firsts = new Map<string, Date>()
  for (const c of all) {
    const first = firsts.get(c.productId)
    if (!first || c.issuedOn < first) firsts.set(c.productId, c.issuedOn)
  }
  const inYear = { gte: YEAR_START, lte: TODAY }
  return {
    certified: products.length,
    stars: tally(products.map((c) => c.stars)),
    groups: tally(products.map((c) => c.product.groupCode)),
    regions: tally(products.map((c) => c.product.producer.commune.province.regionSlug)),
    provinces: tally(products.map((c) => c.product.producer.commune.province.code)),
    kinds: tally(products.map((c) => c.product.producer.kind)),
    womenLedProducts: products.filter((c) => c.product.producer.womenLed).length,
    ethnicMinorityProducts: products.filter((c) => c.product.producer.ethnicMinority).length,
    womenLedProducers: await db.producer.count({ where: { status: 'VERIFIED', womenLed: true } }),
    ethnicMinorityProducers: await db.producer.count({ where: { status: 'VERIFIED', ethnicMinority: true } }),
    issuedThisMonth: await db.certificate.count({ where: { issuedOn: { gte: MONTH_START, lte: TODAY } } }),
    newProducts: [...firsts.values()].filter((first) => first >= YEAR_START && first <= TODAY).length,
    national: await db.certificate.count({ where: { level: 'NATIONAL', issuedOn: inYear } }),
    reEvaluations: await db.certificate.count({ where: { supersedesId: { not: null }, issuedOn: inYear } }),
    // Valid through expiresOn: expired this year when the day after falls in it.
    expiredThisYear: await db.certificate.count({
      where: {
        revokedAt: null,
        expiresOn: { gte: new Date(YEAR_START.getTime() - 86_400_000), lt: TODAY },
      },
    }),
  }
}

function figures(d: Dashboard) {
  const target = (metric: string) => d.targets.find((t) => t.metric === metric)!
  return {
    certified: d.certifiedProducts,
    stars: nonZero(d.byStars, (r: { stars: number }) => r.stars),
    groups: nonZero(d.byGroup, (r: { code: string }) => r.code),
    regions: nonZero(d.byRegion, (r: { slug: string }) => r.slug),
    provinces: nonZero(d.byProvince, (r: { code: string }) => r.code),
    kinds: nonZero(d.byKind, (r: { kind: string }) => r.kind),
    womenLedProducts: d.inclusion.womenLed.products,
    ethnicMinorityProducts: d.inclusion.ethnicMinority.products,
    womenLedProducers: d.inclusion.womenLed.producers,
    ethnicMinorityProducers: d.inclusion.ethnicMinority.producers,
    issuedThisMonth: d.monthly.at(-1)!.issued,
    newProducts: target('new-products').value,
    national: target('national-evaluations').value,
    reEvaluations: target('re-evaluations').value,
    expiredThisYear: d.expiredThisYear,
  }
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date)
  result.setUTCMonth(result.getUTCMonth() + months)
  return result
}

describe('the programme dashboard', () => {
  test('matches the seeded data, and follows when a certificate is recorded', async () => {
    const before = await dashboard()
    const seeded = await expected()
    expect(figures(before)).toEqual(seeded)
    expect(seeded.certified).toBeGreaterThan(0)
    expect(before.monthly).toHaveLength(12)
    expect(before.monthly.at(-1)!.month).toBe(DAY.slice(0, 7))
    expect(before.byProvince).toHaveLength(await getDb().province.count())

    // A women-led cooperative's product gets its first certificate today, 5 stars, national level…
    const producer = await createTestProducer({ products: [{ status: 'PUBLISHED' }] })
    await getDb().producer.update({ where: { id: producer.id }, data: { womenLed: true } })
    const first = await getDb().certificate.create({
      data: {
        productId: producer.products[0]!.id,
        stars: 5,
        score: 92,
        level: 'NATIONAL',
        issuer: 'Bộ Nông nghiệp và Môi trường',
        decisionNumber: `QĐ-THU-${Date.now()}`,
        issuedOn: TODAY,
        expiresOn: addMonths(TODAY, 36),
        legalBasis: 'Quyết định 148/QĐ-TTg',
      },
      select: { id: true },
    })
    const after = figures(await dashboard())
    expect(after).toEqual(await expected())
    expect(after.certified).toBe(seeded.certified + 1)
    expect(after.stars['5']).toBe((seeded.stars['5'] ?? 0) + 1)
    expect(after.provinces['01']).toBe((seeded.provinces['01'] ?? 0) + 1)
    expect(after.kinds.HOP_TAC_XA).toBe((seeded.kinds.HOP_TAC_XA ?? 0) + 1)
    expect(after.womenLedProducts).toBe(seeded.womenLedProducts + 1)
    expect(after.womenLedProducers).toBe(seeded.womenLedProducers + 1)
    expect(after.issuedThisMonth).toBe(seeded.issuedThisMonth + 1)
    expect(after.newProducts).toBe(seeded.newProducts + 1)
    expect(after.national).toBe(seeded.national + 1)

    // …and a re-evaluation replaces it: one more re-evaluation, still one certified product.
    await getDb().certificate.create({
      data: {
        productId: producer.products[0]!.id,
        stars: 5,
        level: 'NATIONAL',
        issuer: 'Bộ Nông nghiệp và Môi trường',
        decisionNumber: `QĐ-THU-LAI-${Date.now()}`,
        issuedOn: TODAY,
        expiresOn: addMonths(TODAY, 36),
        legalBasis: 'Quyết định 148/QĐ-TTg',
        supersedesId: first.id,
      },
    })
    const reevaluated = figures(await dashboard())
    expect(reevaluated).toEqual(await expected())
    expect(reevaluated.reEvaluations).toBe(seeded.reEvaluations + 1)
    expect(reevaluated.certified).toBe(after.certified)
    expect(reevaluated.newProducts).toBe(after.newProducts)
  })

  test('the targets form refuses negative and non-numeric targets, saves the others once, in the audit log', async () => {
    const post = (form: Record<string, string>) =>
      callRoute(
        dashboardRoute.action,
        appRequest('/admin/dashboard', { cookie: office.cookie, form: { intent: 'save-targets', ...form } }),
      )
    const negative = await post({ newProducts: '-5', nationalEvaluations: 'hai mươi', reEvaluations: '' })
    expect(negative.status).toBe(400)
    expect(formResult(negative).error).toMatchObject({
      newProducts: ['Chỉ tiêu không được âm.'],
      nationalEvaluations: ['Chỉ tiêu là số nguyên, ví dụ 400.'],
    })
    expect(await getDb().programmeTarget.count({ where: { year: YEAR } })).toBe(0)

    const saved = await post({ newProducts: '1.200', nationalEvaluations: '20', reEvaluations: '' })
    expect(saved.status).toBe(302)
    expect(await toastOf(saved)).toBe(`Đã lưu chỉ tiêu năm ${YEAR}.`)
    expect(
      await getDb().programmeTarget.findMany({
        where: { year: YEAR },
        orderBy: { metric: 'asc' },
        select: { metric: true, target: true },
      }),
    ).toEqual([
      { metric: 'national-evaluations', target: 20 },
      { metric: 'new-products', target: 1200 },
    ])
    const again = await post({ newProducts: '1200', nationalEvaluations: '20', reEvaluations: '' })
    expect(await toastOf(again)).toBe('Chỉ tiêu không thay đổi.')
    const log = await getDb().auditEvent.findMany({ where: { action: 'programme.targets' } })
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({
      entityType: 'ProgrammeTarget',
      entityId: String(YEAR),
      actorEmail: office.email,
      before: { 'new-products': null, 'national-evaluations': null },
      after: { 'new-products': 1200, 'national-evaluations': 20 },
    })

    const d = await dashboard()
    const figuresNow = await expected()
    expect(d.targets).toEqual([
      {
        metric: 'new-products',
        value: figuresNow.newProducts,
        target: 1200,
        effective: 1200,
        suggested: 400,
        percent: Math.round((figuresNow.newProducts / 1200) * 100),
      },
      {
        metric: 'national-evaluations',
        value: figuresNow.national,
        target: 20,
        effective: 20,
        suggested: 20,
        percent: Math.round((figuresNow.national / 20) * 100),
      },
      {
        metric: 're-evaluations',
        value: figuresNow.reEvaluations,
        target: null,
        // Without a target: every certificate that expired this year should be re-evaluated.
        effective: figuresNow.expiredThisYear,
        suggested: null,
        percent:
          figuresNow.expiredThisYear > 0
            ? Math.round((figuresNow.reEvaluations / figuresNow.expiredThisYear) * 100)
            : null,
      },
    ])
  })

  test('the CSV starts with a UTF-8 BOM and has every section in the long format', async () => {
    const response = (await csv.loader({
      request: appRequest('/admin/dashboard.csv', { cookie: office.cookie }),
      params: {},
      context: {},
    })) as Response
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toContain(`ocop-chuong-trinh-${DAY}.csv`)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toBe('section,key,label,value')
    const sections = new Set(lines.slice(1).map((line) => line.split(',')[0]))
    expect([...sections]).toEqual([
      'summary',
      'stars',
      'groups',
      'regions',
      'provinces',
      'producer-kinds',
      'inclusion',
      'certificates-issued',
      'certificates-expiring',
      'certificates-expired',
      'targets',
    ])
    const d = await dashboard()
    expect(lines).toContain(`summary,certified-products,Sản phẩm có chứng nhận còn hiệu lực,${d.certifiedProducts}`)
    expect(lines).toContain(`stars,5,5 sao,${d.byStars.find((r) => r.stars === 5)!.value}`)
    // A label with a comma is quoted.
    expect(lines.find((line) => line.startsWith('groups,du-lich,'))).toMatch(
      /^groups,du-lich,"Dịch vụ du lịch cộng đồng, .*",\d+$/,
    )
  })
})
