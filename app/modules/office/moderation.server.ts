/**
 * Listing moderation by the OCOP office: any product can be hidden with a reason the producer reads
 * (status HIDDEN, which the storefront's read model never shows and the producer cannot change:
 * LISTING_TRANSITIONS), and the hiding lifted again, back to the status the product had before.
 * That status is taken from the audit event of the hiding, so nothing else has to remember it.
 */
import { Prisma, type ProductStatus } from '#app/generated/prisma/client.ts'
import { localePath, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { type Mail } from '#app/modules/mail/mailer.server.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { auditSnapshot, recordAudit, type AuditActor } from './audit.server.ts'
import { producerOwners, sendOfficeMails } from './office-mails.server.ts'

export const MODERATION_PAGE_SIZE = 30
export const HIDE_ACTION = 'listing.hide'
export const LIFT_ACTION = 'listing.unhide'

type Tx = Prisma.TransactionClient
const RESTORABLE: readonly ProductStatus[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED']

/**
 * Products of every producer whose name (either language), SKU or producer name contains the words
 * (folded as the storefront search folds them: "mat ong" finds "Mật ong"), newest change first.
 */
export async function searchListingsForModeration(options: { q?: string; hiddenOnly?: boolean; page?: number }) {
  const q = options.q?.trim().slice(0, 100) ?? ''
  const conditions: Prisma.Sql[] = []
  if (q) {
    conditions.push(Prisma.sql`(strpos(ocop_fold(p."nameVi"), ocop_fold(${q})) > 0
      OR strpos(ocop_fold(p."nameEn"), ocop_fold(${q})) > 0
      OR strpos(lower(p.sku), lower(${q})) > 0
      OR strpos(ocop_fold(pr.name), ocop_fold(${q})) > 0)`)
  }
  if (options.hiddenOnly) conditions.push(Prisma.sql`p.status = 'HIDDEN'`)
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty
  const db = getDb()
  const [{ total }] = await db.$queryRaw<[{ total: number }]>`
    SELECT count(*)::int AS total FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId" ${where}`
  const pageCount = Math.max(1, Math.ceil(total / MODERATION_PAGE_SIZE))
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pageCount)
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId" ${where}
    ORDER BY p."updatedAt" DESC, p.id
    LIMIT ${MODERATION_PAGE_SIZE} OFFSET ${(page - 1) * MODERATION_PAGE_SIZE}`
  const rows = await db.product.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    select: {
      id: true,
      sku: true,
      slug: true,
      nameVi: true,
      nameEn: true,
      status: true,
      moderationNote: true,
      hiddenAt: true,
      updatedAt: true,
      producer: { select: { id: true, name: true, status: true } },
      catalogEntry: { select: { visible: true } },
    },
  })
  const byId = new Map(rows.map((row) => [row.id, row]))
  const items = ids.flatMap(({ id }) => {
    const row = byId.get(id)
    if (!row) return []
    const { catalogEntry, ...item } = row
    return [{ ...item, visible: catalogEntry?.visible ?? false }]
  })
  return { items, total, page, pageCount }
}

export type ModerationResult =
  | { ok: true; name: string; status: ProductStatus }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'conflict'; name: string; status: ProductStatus }

type LockedProduct = {
  id: string
  nameVi: string
  status: ProductStatus
  moderationNote: string | null
  hiddenAt: Date | null
  producerId: string
}

async function lockProduct(tx: Tx, productId: string): Promise<LockedProduct | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Product" WHERE id = ${productId} FOR UPDATE`
  if (rows.length === 0) return null
  return tx.product.findUniqueOrThrow({
    where: { id: productId },
    select: { id: true, nameVi: true, status: true, moderationNote: true, hiddenAt: true, producerId: true },
  })
}

/** The notice in the producer's workspace and the mail to its owners (sent after the commit). */
async function tellProducer(
  tx: Tx,
  product: LockedProduct,
  kind: 'hidden' | 'lifted',
  /** The reason (hidden) or the status it is back in (lifted), in each reader's language. */
  detail: (locale: Locale) => string,
  origin: string,
): Promise<Mail[]> {
  const link = `/seller/listings/${product.id}`
  const notice = messagesFor('vi').office.notices.listing[kind](product.nameVi, detail('vi'))
  await notify(tx, {
    producerId: product.producerId,
    kind: `listing.${kind}`,
    title: notice.title,
    body: notice.body,
    link,
  })
  const owners = await producerOwners(tx, product.producerId)
  return owners.map((owner) => ({
    to: owner.email,
    ...messagesFor(owner.locale).office.mail.listing[kind]({
      name: owner.name,
      product: product.nameVi,
      detail: detail(owner.locale),
      url: origin + localePath(owner.locale, link),
    }),
  }))
}

/** Hides a draft, published or archived product with the reason the producer will read. */
export async function hideListing(
  actor: AuditActor,
  productId: string,
  reason: string,
  options: { origin?: string } = {},
): Promise<ModerationResult> {
  const note = reason.trim()
  if (!note) throw new Error('Hiding a listing needs a reason')
  const { result, mails } = await getDb().$transaction(async (tx) => {
    const product = await lockProduct(tx, productId)
    if (!product) return { result: { ok: false, reason: 'not-found' } as const, mails: [] }
    const hiddenAt = new Date()
    const { count } = await tx.product.updateMany({
      where: { id: productId, status: { in: [...RESTORABLE] } },
      data: { status: 'HIDDEN', moderationNote: note, hiddenAt },
    })
    if (count === 0) {
      return {
        result: { ok: false, reason: 'conflict', name: product.nameVi, status: product.status } as const,
        mails: [],
      }
    }
    await recordAudit(tx, actor, {
      action: HIDE_ACTION,
      entityType: 'Product',
      entityId: productId,
      summary: messagesFor('vi').office.audit.summaries.hide(product.nameVi, note),
      before: auditSnapshot({
        status: product.status,
        moderationNote: product.moderationNote,
        hiddenAt: product.hiddenAt,
      }),
      after: auditSnapshot({ status: 'HIDDEN', moderationNote: note, hiddenAt }),
    })
    const mails = await tellProducer(tx, product, 'hidden', () => note, options.origin ?? '')
    return { result: { ok: true, name: product.nameVi, status: 'HIDDEN' } as const, mails }
  })
  await sendOfficeMails(mails)
  return result
}

/** The status before the latest hiding, from its audit event (DRAFT when there is none). */
async function statusBeforeHiding(tx: Tx, productId: string): Promise<ProductStatus> {
  const event = await tx.auditEvent.findFirst({
    where: { entityType: 'Product', entityId: productId, action: HIDE_ACTION },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { before: true },
  })
  const before = event?.before
  const status =
    before && typeof before === 'object' && !Array.isArray(before) ? (before as Record<string, unknown>).status : null
  return RESTORABLE.find((candidate) => candidate === status) ?? 'DRAFT'
}

/** Lifts the hiding: the product goes back to the status it had (on sale again if it was). */
export async function liftListingHiding(
  actor: AuditActor,
  productId: string,
  options: { origin?: string } = {},
): Promise<ModerationResult> {
  const { result, mails } = await getDb().$transaction(async (tx) => {
    const product = await lockProduct(tx, productId)
    if (!product) return { result: { ok: false, reason: 'not-found' } as const, mails: [] }
    const restored = await statusBeforeHiding(tx, productId)
    const { count } = await tx.product.updateMany({
      where: { id: productId, status: 'HIDDEN' },
      data: { status: restored, moderationNote: null, hiddenAt: null },
    })
    if (count === 0) {
      return {
        result: { ok: false, reason: 'conflict', name: product.nameVi, status: product.status } as const,
        mails: [],
      }
    }
    // A product first published while hidden has no date on the shelf yet.
    if (restored === 'PUBLISHED') {
      await tx.product.updateMany({ where: { id: productId, publishedAt: null }, data: { publishedAt: new Date() } })
    }
    const vi = messagesFor('vi')
    await recordAudit(tx, actor, {
      action: LIFT_ACTION,
      entityType: 'Product',
      entityId: productId,
      summary: vi.office.audit.summaries.lift(product.nameVi, vi.listings.statusLabel[restored]),
      before: auditSnapshot({ status: 'HIDDEN', moderationNote: product.moderationNote, hiddenAt: product.hiddenAt }),
      after: auditSnapshot({ status: restored, moderationNote: null, hiddenAt: null }),
    })
    const mails = await tellProducer(
      tx,
      product,
      'lifted',
      (locale) => messagesFor(locale).listings.statusLabel[restored],
      options.origin ?? '',
    )
    return { result: { ok: true, name: product.nameVi, status: restored } as const, mails }
  })
  await sendOfficeMails(mails)
  return result
}
