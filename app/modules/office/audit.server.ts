/**
 * The office's audit log: every office action writes one AuditEvent in the SAME transaction as the
 * change it records, so the log can never miss a change nor record one that was rolled back. Rows are
 * append-only (a database trigger refuses UPDATE and DELETE).
 */
import { type Prisma } from '#app/generated/prisma/client.ts'
import { getDb } from '#app/utils/db.server.ts'

export type AuditActor = { id: string; email: string }

export type AuditEntry = {
  /** Dotted verb, e.g. `producer.verify`, `certificate.record`, `certificate.revoke`, `listing.hide`. */
  action: string
  entityType: 'Producer' | 'Certificate' | 'Product' | 'ProgrammeTarget' | 'Payment' | (string & {})
  entityId: string
  /** One line a person reads in the log, in Vietnamese (the office's language). */
  summary: string
  before?: Prisma.InputJsonValue | null
  after?: Prisma.InputJsonValue | null
}

/** Records one office action inside the caller's transaction. */
export async function recordAudit(tx: Prisma.TransactionClient, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      summary: entry.summary,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  })
}

/** Dates become ISO strings; undefined fields are dropped: a snapshot JSON can hold. */
export function auditSnapshot(record: Record<string, unknown>): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(record)) as Prisma.InputJsonValue
}

export type AuditQuery = { q?: string; action?: string; entityId?: string; page?: number; pageSize?: number }

/** The log, newest first, searchable by words in the summary or e-mail, by action and by record. */
export async function listAuditEvents(query: AuditQuery = {}) {
  const pageSize = query.pageSize ?? 50
  const page = Math.max(1, query.page ?? 1)
  const q = query.q?.trim()
  const where: Prisma.AuditEventWhereInput = {
    ...(query.action ? { action: query.action } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
    ...(q
      ? {
          OR: [
            { summary: { contains: q, mode: 'insensitive' } },
            { actorEmail: { contains: q, mode: 'insensitive' } },
            { entityId: q },
          ],
        }
      : {}),
  }
  const db = getDb()
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: { createdAt: 'desc' }, skip: (page - 1) * pageSize, take: pageSize }),
    db.auditEvent.count({ where }),
  ])
  return { events, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
