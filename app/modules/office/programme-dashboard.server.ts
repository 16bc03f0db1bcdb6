/**
 * The OCOP programme's numbers for the office, computed from the live data on every request (no
 * stored counters that could drift): certified products by stars, group, place and producer kind,
 * the inclusion figures Decision 148 rewards (women-led, ethnic-minority producers), certificates
 * issued, expiring and expired per month, and the year's progress against the targets the office
 * enters. Days and months are Vietnamese calendar ones; "today" is `now()`.
 */
import { type ProducerKind } from '#app/generated/prisma/client.ts'
import { pick, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { vietnamDay } from '#app/modules/orders/vietnam-time.ts'
import { now } from '#app/utils/clock.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { auditSnapshot, recordAudit, type AuditActor } from './audit.server.ts'

export const PROGRAMME_METRICS = ['new-products', 'national-evaluations', 're-evaluations'] as const
export type ProgrammeMetric = (typeof PROGRAMME_METRICS)[number]

/**
 * Hà Nội's plan: at least 400 new products evaluated and 20 national evaluations a year; every
 * expired certificate re-evaluated (so that target defaults to the number that expired this year).
 */
export const SUGGESTED_TARGETS: Record<ProgrammeMetric, number | null> = {
  'new-products': 400,
  'national-evaluations': 20,
  're-evaluations': null,
}

export const TARGET_MAX = 1_000_000
export const MONTHS_SHOWN = 12
const STARS = [3, 4, 5] as const
const PRODUCER_KINDS: ProducerKind[] = ['HOP_TAC_XA', 'DOANH_NGHIEP', 'HO_KINH_DOANH', 'TO_HOP_TAC']
/** A certificate enters its expiry notice window this many days before its last valid day. */
const NOTICE_DAYS = 30

/** The `count` months ending with the month of `day` (YYYY-MM-DD), oldest first, as YYYY-MM. */
export function monthsEnding(day: string, count: number): string[] {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7)) - 1
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(year, month - (count - 1 - i), 1))
    return date.toISOString().slice(0, 7)
  })
}

type CertifiedRow = {
  stars: number
  groupCode: string
  kind: ProducerKind
  womenLed: boolean
  ethnicMinority: boolean
  provinceCode: string
  regionSlug: string
  n: number
}

type MonthRow = { month: string; n: number }

function countBy<K extends string | number>(rows: CertifiedRow[], key: (row: CertifiedRow) => K): Map<K, number> {
  const counts = new Map<K, number>()
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + row.n)
  return counts
}

export async function getProgrammeDashboard(instant: Date = now()) {
  const db = getDb()
  const today = vietnamDay(instant)
  const year = Number(today.slice(0, 4))
  const yearStart = `${year}-01-01`
  const months = monthsEnding(today, MONTHS_SHOWN)
  const firstMonthStart = `${months[0]}-01`

  const [certified, producers, groups, regions, provinces, issued, expiring, expired, metrics, targets] =
    await Promise.all([
      // Each product once, with the stars of its newest certificate valid today.
      db.$queryRaw<CertifiedRow[]>`
        WITH current AS (
          SELECT DISTINCT ON (c."productId") c."productId", c.stars
          FROM "Certificate" c
          WHERE c."revokedAt" IS NULL AND c."issuedOn" <= ${today}::date AND c."expiresOn" >= ${today}::date
          ORDER BY c."productId", c."issuedOn" DESC, c.id
        )
        SELECT cur.stars, p."groupCode", pr.kind::text AS kind, pr."womenLed", pr."ethnicMinority",
          pv.code AS "provinceCode", pv."regionSlug", count(*)::int AS n
        FROM current cur
        JOIN "Product" p ON p.id = cur."productId"
        JOIN "Producer" pr ON pr.id = p."producerId"
        JOIN "Commune" cm ON cm.code = pr."communeCode"
        JOIN "Province" pv ON pv.code = cm."provinceCode"
        GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      db.$queryRaw<[{ verified: number; womenLed: number; ethnicMinority: number }]>`
        SELECT count(*)::int AS verified,
          count(*) FILTER (WHERE "womenLed")::int AS "womenLed",
          count(*) FILTER (WHERE "ethnicMinority")::int AS "ethnicMinority"
        FROM "Producer" WHERE status = 'VERIFIED'`,
      db.productGroup.findMany({ orderBy: { sortOrder: 'asc' }, select: { code: true, nameVi: true, nameEn: true } }),
      db.region.findMany({ orderBy: { sortOrder: 'asc' }, select: { slug: true, nameVi: true, nameEn: true } }),
      db.province.findMany({
        orderBy: { code: 'asc' },
        select: { code: true, nameVi: true, nameEn: true, regionSlug: true },
      }),
      db.$queryRaw<MonthRow[]>`
        SELECT to_char("issuedOn", 'YYYY-MM') AS month, count(*)::int AS n FROM "Certificate"
        WHERE "issuedOn" BETWEEN ${firstMonthStart}::date AND ${today}::date GROUP BY 1`,
      db.$queryRaw<MonthRow[]>`
        SELECT to_char("expiresOn" - ${NOTICE_DAYS}::int, 'YYYY-MM') AS month, count(*)::int AS n FROM "Certificate"
        WHERE "revokedAt" IS NULL
          AND "expiresOn" - ${NOTICE_DAYS}::int BETWEEN ${firstMonthStart}::date AND ${today}::date GROUP BY 1`,
      // Valid through expiresOn: it counts as expired from the day after.
      db.$queryRaw<MonthRow[]>`
        SELECT to_char("expiresOn" + 1, 'YYYY-MM') AS month, count(*)::int AS n FROM "Certificate"
        WHERE "revokedAt" IS NULL AND "expiresOn" + 1 BETWEEN ${firstMonthStart}::date AND ${today}::date GROUP BY 1`,
      db.$queryRaw<[{ newProducts: number; national: number; reEvaluations: number; expiredThisYear: number }]>`
        SELECT
          (SELECT count(*)::int FROM (
             SELECT min("issuedOn") AS first FROM "Certificate" GROUP BY "productId") f
           WHERE f.first BETWEEN ${yearStart}::date AND ${today}::date) AS "newProducts",
          (SELECT count(*)::int FROM "Certificate"
           WHERE level = 'NATIONAL' AND "issuedOn" BETWEEN ${yearStart}::date AND ${today}::date) AS national,
          (SELECT count(*)::int FROM "Certificate"
           WHERE "supersedesId" IS NOT NULL AND "issuedOn" BETWEEN ${yearStart}::date AND ${today}::date)
             AS "reEvaluations",
          (SELECT count(*)::int FROM "Certificate"
           WHERE "revokedAt" IS NULL AND "expiresOn" + 1 BETWEEN ${yearStart}::date AND ${today}::date)
             AS "expiredThisYear"`,
      db.programmeTarget.findMany({ where: { year }, select: { metric: true, target: true } }),
    ])

  const certifiedProducts = certified.reduce((sum, row) => sum + row.n, 0)
  const stars = countBy(certified, (row) => row.stars)
  const byGroup = countBy(certified, (row) => row.groupCode)
  const byRegion = countBy(certified, (row) => row.regionSlug)
  const byProvince = countBy(certified, (row) => row.provinceCode)
  const byKind = countBy(certified, (row) => row.kind)
  const inMonth = (rows: MonthRow[]) => new Map(rows.map((row) => [row.month, row.n]))
  const [issuedBy, expiringBy, expiredBy] = [inMonth(issued), inMonth(expiring), inMonth(expired)]
  const stored = new Map(targets.map((row) => [row.metric, row.target]))
  const m = metrics[0]
  const values: Record<ProgrammeMetric, number> = {
    'new-products': m.newProducts,
    'national-evaluations': m.national,
    're-evaluations': m.reEvaluations,
  }

  return {
    today,
    year,
    certifiedProducts,
    byStars: STARS.map((n) => ({ stars: n, value: stars.get(n) ?? 0 })),
    byGroup: groups.map((g) => ({ ...g, value: byGroup.get(g.code) ?? 0 })),
    byRegion: regions.map((r) => ({ ...r, value: byRegion.get(r.slug) ?? 0 })),
    byProvince: provinces
      .map((p) => ({ ...p, value: byProvince.get(p.code) ?? 0 }))
      .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code)),
    byKind: PRODUCER_KINDS.map((kind) => ({ kind, value: byKind.get(kind) ?? 0 })),
    inclusion: {
      verifiedProducers: producers[0].verified,
      womenLed: {
        producers: producers[0].womenLed,
        products: certified.filter((row) => row.womenLed).reduce((sum, row) => sum + row.n, 0),
      },
      ethnicMinority: {
        producers: producers[0].ethnicMinority,
        products: certified.filter((row) => row.ethnicMinority).reduce((sum, row) => sum + row.n, 0),
      },
    },
    monthly: months.map((month) => ({
      month,
      issued: issuedBy.get(month) ?? 0,
      expiring: expiringBy.get(month) ?? 0,
      expired: expiredBy.get(month) ?? 0,
    })),
    expiredThisYear: m.expiredThisYear,
    targets: PROGRAMME_METRICS.map((metric) => {
      const target = stored.get(metric) ?? null
      // Every expired certificate should be re-evaluated: without a target, that is the target.
      const effective = target ?? (metric === 're-evaluations' ? m.expiredThisYear : null)
      return {
        metric,
        value: values[metric],
        target,
        effective,
        suggested: SUGGESTED_TARGETS[metric],
        percent: effective && effective > 0 ? Math.round((values[metric] / effective) * 100) : null,
      }
    }),
  }
}

export type ProgrammeDashboard = Awaited<ReturnType<typeof getProgrammeDashboard>>

/**
 * Stores the year's targets (null clears one) and logs the change, in one transaction; a form saved
 * without any change writes nothing.
 */
export async function saveProgrammeTargets(
  actor: AuditActor,
  year: number,
  targets: Record<ProgrammeMetric, number | null>,
): Promise<{ changed: boolean }> {
  return getDb().$transaction(async (tx) => {
    const rows = await tx.programmeTarget.findMany({
      where: { year, metric: { in: [...PROGRAMME_METRICS] } },
      select: { metric: true, target: true },
    })
    const before = Object.fromEntries(PROGRAMME_METRICS.map((metric) => [metric, null])) as Record<
      ProgrammeMetric,
      number | null
    >
    for (const row of rows) before[row.metric as ProgrammeMetric] = row.target
    const changed = PROGRAMME_METRICS.filter((metric) => before[metric] !== targets[metric])
    if (changed.length === 0) return { changed: false }
    for (const metric of changed) {
      const target = targets[metric]
      if (target === null) {
        await tx.programmeTarget.delete({ where: { year_metric: { year, metric } } })
      } else {
        await tx.programmeTarget.upsert({
          where: { year_metric: { year, metric } },
          create: { year, metric, target },
          update: { target },
        })
      }
    }
    await recordAudit(tx, actor, {
      action: 'programme.targets',
      entityType: 'ProgrammeTarget',
      entityId: String(year),
      summary: messagesFor('vi').office.audit.summaries.targets(
        year,
        changed.map((metric) => `${metric}: ${before[metric] ?? '—'} → ${targets[metric] ?? '—'}`).join(', '),
      ),
      before: auditSnapshot(Object.fromEntries(changed.map((metric) => [metric, before[metric]]))),
      after: auditSnapshot(Object.fromEntries(changed.map((metric) => [metric, targets[metric]]))),
    })
    return { changed: true }
  })
}

// ─────────── CSV ───────────

function csvCell(value: string | number): string {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * The dashboard as CSV in a long format (`section,key,label,value`): one table Excel and scripts
 * both read, UTF-8 with a BOM so that Excel does not take it for a legacy code page.
 */
export function programmeDashboardCsv(dashboard: ProgrammeDashboard, locale: Locale): string {
  const t = messagesFor(locale)
  const d = t.office.dashboard
  const rows: (string | number)[][] = [['section', 'key', 'label', 'value']]
  rows.push(['summary', 'date', d.csv.date, dashboard.today])
  rows.push(['summary', 'certified-products', d.certifiedProducts, dashboard.certifiedProducts])
  for (const row of dashboard.byStars) rows.push(['stars', String(row.stars), d.starLabel(row.stars), row.value])
  for (const row of dashboard.byGroup) rows.push(['groups', row.code, pick(locale, row.nameVi, row.nameEn), row.value])
  for (const row of dashboard.byRegion)
    rows.push(['regions', row.slug, pick(locale, row.nameVi, row.nameEn), row.value])
  for (const row of dashboard.byProvince) {
    rows.push(['provinces', row.code, pick(locale, row.nameVi, row.nameEn), row.value])
  }
  for (const row of dashboard.byKind) rows.push(['producer-kinds', row.kind, t.producerKinds[row.kind], row.value])
  const inclusion = dashboard.inclusion
  rows.push(['inclusion', 'verified-producers', d.verifiedProducers, inclusion.verifiedProducers])
  rows.push(['inclusion', 'women-led-producers', d.womenLedProducers, inclusion.womenLed.producers])
  rows.push(['inclusion', 'women-led-products', d.womenLedProducts, inclusion.womenLed.products])
  rows.push(['inclusion', 'ethnic-minority-producers', d.ethnicMinorityProducers, inclusion.ethnicMinority.producers])
  rows.push(['inclusion', 'ethnic-minority-products', d.ethnicMinorityProducts, inclusion.ethnicMinority.products])
  for (const series of ['issued', 'expiring', 'expired'] as const) {
    for (const row of dashboard.monthly) {
      rows.push([`certificates-${series}`, row.month, d.monthLabel(row.month), row[series]])
    }
  }
  for (const row of dashboard.targets) {
    rows.push(['targets', `${row.metric}:value`, `${d.metrics[row.metric]} (${dashboard.year})`, row.value])
    rows.push(['targets', `${row.metric}:target`, `${d.csv.target} (${dashboard.year})`, row.effective ?? ''])
  }
  rows.push(['targets', 'expired-this-year', `${d.expiredThisYear} (${dashboard.year})`, dashboard.expiredThisYear])
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
