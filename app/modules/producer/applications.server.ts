/**
 * Producers applying through /seller/apply, and the OCOP office verifying or rejecting them. A producer
 * is shown in the market (through the CatalogEntry triggers) only once it is VERIFIED.
 */
import { randomBytes } from 'node:crypto'
import { type ProducerKind, type ProducerStatus, type Prisma } from '#app/generated/prisma/client.ts'
import { getDb } from '#app/utils/db.server.ts'
import { slugify } from '#app/utils/slug.ts'

export type ProducerApplication = {
  name: string
  kind: ProducerKind
  registrationNumber: string
  communeCode: string
  villageId: string | null
  womenLed: boolean
  ethnicMinority: boolean
  storyVi: string
  storyEn: string
  phone: string
  email: string
}

/** Communes for the application form, grouped by province (in province order). */
export async function listCommunesByProvince() {
  const provinces = await getDb().province.findMany({
    orderBy: { nameVi: 'asc' },
    select: {
      code: true,
      nameVi: true,
      nameEn: true,
      communes: { orderBy: { name: 'asc' }, select: { code: true, name: true, kind: true } },
    },
  })
  return provinces.filter((province) => province.communes.length > 0)
}

export function listVillageOptions() {
  return getDb().craftVillage.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, nameEn: true, commune: { select: { province: { select: { nameVi: true } } } } },
  })
}

export async function communeExists(code: string): Promise<boolean> {
  return (await getDb().commune.findUnique({ where: { code }, select: { code: true } })) !== null
}

export async function villageExists(id: string): Promise<boolean> {
  return (await getDb().craftVillage.findUnique({ where: { id }, select: { id: true } })) !== null
}

/** The producers a user already belongs to (the apply page mentions them). */
export function listUserProducers(userId: string) {
  return getDb().producer.findMany({
    where: { members: { some: { userId } } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, status: true },
  })
}

/** The name's slug, or with a short random suffix when another producer has it. */
async function uniqueProducerSlug(tx: Prisma.TransactionClient, name: string): Promise<string> {
  const base = slugify(name).slice(0, 80) || 'chu-the'
  let candidate = base
  while (await tx.producer.findUnique({ where: { slug: candidate }, select: { id: true } })) {
    candidate = `${base}-${randomBytes(3).toString('hex')}`
  }
  return candidate
}

/**
 * Creates the producer (PENDING, applied now), makes the user its OWNER, grants the PRODUCER role and
 * points the user's session at the new producer, all or nothing.
 */
export async function applyAsProducer(
  userId: string,
  sessionId: string | null,
  application: ProducerApplication,
): Promise<{ id: string; slug: string; name: string }> {
  return getDb().$transaction(async (tx) => {
    const slug = await uniqueProducerSlug(tx, application.name)
    const producer = await tx.producer.create({
      data: {
        slug,
        name: application.name,
        kind: application.kind,
        registrationNumber: application.registrationNumber,
        communeCode: application.communeCode,
        villageId: application.villageId,
        womenLed: application.womenLed,
        ethnicMinority: application.ethnicMinority,
        storyVi: application.storyVi,
        storyEn: application.storyEn,
        phone: application.phone,
        email: application.email,
        status: 'PENDING',
        appliedAt: new Date(),
        members: { create: { userId, role: 'OWNER' } },
      },
      select: { id: true, slug: true, name: true },
    })
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { roles: true } })
    if (!user.roles.includes('PRODUCER')) {
      await tx.user.update({ where: { id: userId }, data: { roles: { push: 'PRODUCER' } } })
    }
    if (sessionId) {
      await tx.session.updateMany({ where: { id: sessionId, userId }, data: { activeProducerId: producer.id } })
    }
    return producer
  })
}

// ─────────── The office's review ───────────

export async function listProducersForReview(status: ProducerStatus) {
  const db = getDb()
  const [producers, grouped] = await Promise.all([
    db.producer.findMany({
      where: { status },
      // Oldest application first: the queue is worked in the order people applied.
      orderBy: [{ appliedAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      take: 200,
      select: {
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
        _count: { select: { products: true } },
      },
    }),
    db.producer.groupBy({ by: ['status'], _count: { _all: true } }),
  ])
  const counts: Record<ProducerStatus, number> = { PENDING: 0, MORE_INFO: 0, VERIFIED: 0, REJECTED: 0, SUSPENDED: 0 }
  for (const row of grouped) counts[row.status] = row._count._all
  return { producers, counts }
}

export type ReviewResult = { ok: true; name: string } | { ok: false; reason: 'not-found' | 'conflict'; name?: string }

/** Verifies a waiting (or previously rejected) producer: its products on sale appear in the market. */
export function approveProducer(producerId: string): Promise<ReviewResult> {
  return getDb().$transaction(async (tx): Promise<ReviewResult> => {
    const producer = await tx.producer.findUnique({ where: { id: producerId }, select: { name: true, status: true } })
    if (!producer) return { ok: false, reason: 'not-found' }
    const { count } = await tx.producer.updateMany({
      where: { id: producerId, status: { in: ['PENDING', 'REJECTED'] } },
      data: { status: 'VERIFIED', verifiedAt: new Date(), reviewNote: null },
    })
    return count === 1 ? { ok: true, name: producer.name } : { ok: false, reason: 'conflict', name: producer.name }
  })
}

/** Rejects a waiting application with the reason the producer will read. */
export function rejectProducer(producerId: string, reason: string): Promise<ReviewResult> {
  return getDb().$transaction(async (tx): Promise<ReviewResult> => {
    const producer = await tx.producer.findUnique({ where: { id: producerId }, select: { name: true } })
    if (!producer) return { ok: false, reason: 'not-found' }
    const { count } = await tx.producer.updateMany({
      where: { id: producerId, status: 'PENDING' },
      data: { status: 'REJECTED', reviewNote: reason },
    })
    return count === 1 ? { ok: true, name: producer.name } : { ok: false, reason: 'conflict', name: producer.name }
  })
}
