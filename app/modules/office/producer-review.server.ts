/**
 * The OCOP office verifying producers: the queue, one application in full, and the decisions
 * (approve, reject, ask for more, suspend, reinstate). A producer is shown in the market (through
 * the CatalogEntry triggers) only while it is VERIFIED, so suspending takes its listings off the
 * storefront and reinstating puts them back, without touching the products.
 *
 * Each decision is a conditional update (from the statuses it applies to only, so a double click or
 * two officers at once change nothing twice), written with its audit event and the producer's
 * notification in one transaction; the owners' mail goes out after the commit.
 */
import { type Prisma, type ProducerStatus } from '#app/generated/prisma/client.ts'
import { localePath } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { startOfUtcDay } from '#app/modules/certification/certificate-status.ts'
import { type Mail } from '#app/modules/mail/mailer.server.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { auditSnapshot, recordAudit, type AuditActor } from './audit.server.ts'
import { producerOwners, sendOfficeMails } from './office-mails.server.ts'

export const REVIEW_STATUSES = [
  'PENDING',
  'MORE_INFO',
  'VERIFIED',
  'REJECTED',
  'SUSPENDED',
] as const satisfies readonly ProducerStatus[]

export const REVIEW_ACTIONS = ['approve', 'reject', 'request-info', 'suspend', 'reinstate'] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

type ReviewRule = {
  from: readonly ProducerStatus[]
  to: ProducerStatus
  /** The audit log's verb. */
  audit: string
  /** Reject, ask for more and suspend say why: the producer reads it. */
  needsNote: boolean
}

export const REVIEW_RULES: Record<ReviewAction, ReviewRule> = {
  approve: { from: ['PENDING', 'MORE_INFO', 'REJECTED'], to: 'VERIFIED', audit: 'producer.verify', needsNote: false },
  reject: { from: ['PENDING', 'MORE_INFO'], to: 'REJECTED', audit: 'producer.reject', needsNote: true },
  'request-info': { from: ['PENDING'], to: 'MORE_INFO', audit: 'producer.request-info', needsNote: true },
  suspend: { from: ['VERIFIED'], to: 'SUSPENDED', audit: 'producer.suspend', needsNote: true },
  reinstate: { from: ['SUSPENDED'], to: 'VERIFIED', audit: 'producer.reinstate', needsNote: false },
}

/** The decisions open for a producer in this status, in the order the page offers them. */
export function reviewActionsFor(status: ProducerStatus): ReviewAction[] {
  return REVIEW_ACTIONS.filter((action) => REVIEW_RULES[action].from.includes(status))
}

export function isReviewAction(value: unknown): value is ReviewAction {
  return typeof value === 'string' && (REVIEW_ACTIONS as readonly string[]).includes(value)
}

// ─────────── Reading ───────────

const QUEUE_SELECT = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  status: true,
  registrationNumber: true,
  womenLed: true,
  ethnicMinority: true,
  storyVi: true,
  storyEn: true,
  phone: true,
  email: true,
  appliedAt: true,
  verifiedAt: true,
  reviewNote: true,
  commune: { select: { name: true, kind: true, province: { select: { nameVi: true, nameEn: true } } } },
  village: { select: { name: true, nameEn: true } },
  members: {
    where: { role: 'OWNER' },
    orderBy: { createdAt: 'asc' },
    select: { user: { select: { id: true, name: true, email: true } } },
  },
  _count: { select: { products: true, documents: true } },
} satisfies Prisma.ProducerSelect

/** The producers in one status (oldest application first), optionally matching a name, number or e-mail. */
export async function listProducersForReview(status: ProducerStatus, options: { q?: string } = {}) {
  const db = getDb()
  const q = options.q?.trim().slice(0, 100) ?? ''
  const where: Prisma.ProducerWhereInput = {
    status,
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: 'insensitive' } },
            { registrationNumber: { contains: q, mode: 'insensitive' } },
            { email: { contains: q, mode: 'insensitive' } },
            { members: { some: { user: { email: { contains: q, mode: 'insensitive' } } } } },
          ],
        }
      : {}),
  }
  const [producers, grouped] = await Promise.all([
    db.producer.findMany({
      where,
      // Oldest application first: the queue is worked in the order people applied.
      orderBy: [{ appliedAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      take: 200,
      select: QUEUE_SELECT,
    }),
    db.producer.groupBy({ by: ['status'], _count: { _all: true } }),
  ])
  const counts: Record<ProducerStatus, number> = { PENDING: 0, MORE_INFO: 0, VERIFIED: 0, REJECTED: 0, SUSPENDED: 0 }
  for (const row of grouped) counts[row.status] = row._count._all
  return { producers, counts }
}

/** One producer as the office reviews it: application, owners, papers, products and its history. */
export async function getProducerForReview(producerId: string) {
  const db = getDb()
  const producer = await db.producer.findUnique({
    where: { id: producerId },
    select: {
      ...QUEUE_SELECT,
      address: true,
      website: true,
      createdAt: true,
      members: {
        orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
        select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true, phone: true } } },
      },
      documents: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true },
      },
    },
  })
  if (!producer) return null
  const today = startOfUtcDay(now())
  const [byStatus, certifiedProducts, history] = await Promise.all([
    db.product.groupBy({ by: ['status'], where: { producerId }, _count: { _all: true } }),
    db.product.count({
      where: {
        producerId,
        certificates: { some: { revokedAt: null, issuedOn: { lte: today }, expiresOn: { gte: today } } },
      },
    }),
    db.auditEvent.findMany({
      where: { entityType: 'Producer', entityId: producerId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 100,
      select: { id: true, action: true, actorEmail: true, summary: true, before: true, after: true, createdAt: true },
    }),
  ])
  const productCounts = { DRAFT: 0, PUBLISHED: 0, ARCHIVED: 0, HIDDEN: 0 }
  for (const row of byStatus) productCounts[row.status] = row._count._all
  return { ...producer, productCounts, certifiedProducts, history, actions: reviewActionsFor(producer.status) }
}

// ─────────── Deciding ───────────

export type ReviewResult =
  | { ok: true; name: string; status: ProducerStatus }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'conflict'; name: string; status: ProducerStatus }

function decisionData(action: ReviewAction, note: string | null, at: Date): Prisma.ProducerUpdateManyMutationInput {
  switch (action) {
    case 'approve':
      return { status: 'VERIFIED', verifiedAt: at, reviewNote: null }
    case 'reinstate':
      return { status: 'VERIFIED', reviewNote: null }
    case 'reject':
      return { status: 'REJECTED', reviewNote: note }
    case 'request-info':
      return { status: 'MORE_INFO', reviewNote: note }
    case 'suspend':
      return { status: 'SUSPENDED', reviewNote: note }
  }
}

/** Where the producer's notice and mail point to: the papers page when the office wants more. */
function sellerLink(action: ReviewAction): string {
  return action === 'request-info' ? '/seller/documents' : '/seller'
}

/**
 * Applies one decision. `note` is required (non-blank) for reject, request-info and suspend; the
 * caller validates it with the form, this refuses to write a decision without it all the same.
 */
export async function reviewProducer(
  actor: AuditActor,
  producerId: string,
  action: ReviewAction,
  note: string | null,
  options: { origin?: string } = {},
): Promise<ReviewResult> {
  const rule = REVIEW_RULES[action]
  const reason = note?.trim() || null
  if (rule.needsNote && !reason) throw new Error(`A ${action} decision needs a note`)
  const { result, mails } = await getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Producer" WHERE id = ${producerId} FOR UPDATE`
    if (locked.length === 0) return { result: { ok: false, reason: 'not-found' } as const, mails: [] }
    const before = await tx.producer.findUniqueOrThrow({
      where: { id: producerId },
      select: { name: true, status: true, reviewNote: true, verifiedAt: true },
    })
    const at = new Date()
    const { count } = await tx.producer.updateMany({
      where: { id: producerId, status: { in: [...rule.from] } },
      data: decisionData(action, rule.needsNote ? reason : null, at),
    })
    if (count === 0) {
      return { result: { ok: false, reason: 'conflict', name: before.name, status: before.status } as const, mails: [] }
    }
    const after = await tx.producer.findUniqueOrThrow({
      where: { id: producerId },
      select: { status: true, reviewNote: true, verifiedAt: true },
    })
    const vi = messagesFor('vi').office
    await recordAudit(tx, actor, {
      action: rule.audit,
      entityType: 'Producer',
      entityId: producerId,
      summary: vi.audit.summaries[action](before.name, reason),
      before: auditSnapshot({ status: before.status, reviewNote: before.reviewNote, verifiedAt: before.verifiedAt }),
      after: auditSnapshot({ ...after, note: reason }),
    })
    const notice = vi.notices.producer[action](before.name, reason ?? '')
    await notify(tx, {
      producerId,
      kind: `producer.${action}`,
      title: notice.title,
      body: notice.body,
      link: sellerLink(action),
    })
    const owners = await producerOwners(tx, producerId)
    const mails: Mail[] = owners.map((owner) => {
      const text = messagesFor(owner.locale).office.mail.producer[action]({
        name: owner.name,
        producer: before.name,
        note: reason ?? '',
        url: (options.origin ?? '') + localePath(owner.locale, sellerLink(action)),
      })
      return { to: owner.email, ...text }
    })
    return { result: { ok: true, name: before.name, status: after.status } as const, mails }
  })
  await sendOfficeMails(mails)
  return result
}

export type ResubmitResult = { ok: true } | { ok: false; reason: 'conflict'; status: ProducerStatus | null }

/**
 * The producer answers the office's request for more (MORE_INFO → PENDING): the application is back
 * in the queue. Logged like the office's decisions, so the producer's history reads in one place.
 */
export async function resubmitApplication(actor: AuditActor, producerId: string): Promise<ResubmitResult> {
  return getDb().$transaction(async (tx): Promise<ResubmitResult> => {
    const producer = await tx.producer.findUnique({ where: { id: producerId }, select: { name: true, status: true } })
    const { count } = await tx.producer.updateMany({
      where: { id: producerId, status: 'MORE_INFO' },
      data: { status: 'PENDING' },
    })
    if (!producer || count === 0) return { ok: false, reason: 'conflict', status: producer?.status ?? null }
    await recordAudit(tx, actor, {
      action: 'producer.resubmit',
      entityType: 'Producer',
      entityId: producerId,
      summary: messagesFor('vi').office.audit.summaries.resubmit(producer.name),
      before: auditSnapshot({ status: 'MORE_INFO' }),
      after: auditSnapshot({ status: 'PENDING' }),
    })
    return { ok: true }
  })
}
