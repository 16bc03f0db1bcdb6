/**
 * The office's audit log: every office action writes one AuditEvent in the SAME transaction as the
 * change it records, so the log can never miss a change nor record one that was rolled back. Rows are
 * append-only (a database trigger refuses UPDATE and DELETE).
 */
import { type Prisma } from '#app/generated/prisma/client.ts'
import { getDb } from '#app/utils/db.server.ts'

/** `id` is null only when the account no longer exists (the e-mail still says who it was). */
export type AuditActor = { id: string | null; email: string }

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
  // Every word must appear (in the summary or the e-mail, or be the record id), in any order.
  const words = (query.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10)
  const where: Prisma.AuditEventWhereInput = {
    ...(query.action ? { action: query.action } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
    ...(words.length > 0
      ? {
          AND: words.map((word) => ({
            OR: [
              { summary: { contains: word, mode: 'insensitive' as const } },
              { actorEmail: { contains: word, mode: 'insensitive' as const } },
              { entityId: word },
            ],
          })),
        }
      : {}),
  }
  const db = getDb()
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { actor: { select: { name: true } } },
    }),
    db.auditEvent.count({ where }),
  ])
  return { events, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

/** The actions that occur in the log (for the action filter), alphabetically. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await getDb().auditEvent.groupBy({ by: ['action'], orderBy: { action: 'asc' } })
  return rows.map((row) => row.action)
}

export type AuditChange = { key: string; before: Prisma.JsonValue | undefined; after: Prisma.JsonValue | undefined }

/** The top-level keys whose value differs between the two snapshots, in a stable order. */
export function auditChanges(before: Prisma.JsonValue | null, after: Prisma.JsonValue | null): AuditChange[] {
  const asObject = (value: Prisma.JsonValue | null): Record<string, Prisma.JsonValue> =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, Prisma.JsonValue>)
      : {}
  const b = asObject(before)
  const a = asObject(after)
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  return keys
    .filter((key) => JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null))
    .map((key) => ({ key, before: b[key], after: a[key] }))
}
