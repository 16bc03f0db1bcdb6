/**
 * In-app notices, beside the e-mail: for one user (an export buyer's RFQ news) or for a producer's
 * whole workspace (a certificate about to expire, a new RFQ). Written in the same transaction as the
 * change they announce.
 */
import { type Prisma } from '#app/generated/prisma/client.ts'
import { getDb } from '#app/utils/db.server.ts'

export type NewNotification = {
  kind: string
  title: string
  body?: string
  /** Path without the locale prefix, e.g. `/seller/rfqs/abc`. */
  link?: string
} & ({ userId: string; producerId?: never } | { producerId: string; userId?: never })

export async function notify(tx: Prisma.TransactionClient, notice: NewNotification): Promise<void> {
  await tx.notification.create({
    data: {
      kind: notice.kind,
      title: notice.title,
      body: notice.body ?? '',
      link: notice.link ?? null,
      userId: notice.userId ?? null,
      producerId: notice.producerId ?? null,
    },
  })
}

const SELECT = { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const

export async function listNotifications(owner: { userId: string } | { producerId: string }, take = 20) {
  const where = 'userId' in owner ? { userId: owner.userId } : { producerId: owner.producerId }
  const db = getDb()
  const [items, unread] = await Promise.all([
    db.notification.findMany({ where, orderBy: { createdAt: 'desc' }, take, select: SELECT }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ])
  return { items, unread }
}

/** Marks the owner's notices read (all, or the ids given); another owner's ids are ignored. */
export async function markNotificationsRead(owner: { userId: string } | { producerId: string }, ids?: string[]) {
  const where = 'userId' in owner ? { userId: owner.userId } : { producerId: owner.producerId }
  await getDb().notification.updateMany({
    where: { ...where, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  })
}
