/**
 * Producers applying through /seller/apply. The office's review of the applications lives in
 * app/modules/office/producer-review.server.ts; a producer is shown in the market (through the
 * CatalogEntry triggers) only once it is VERIFIED.
 */
import { randomBytes } from 'node:crypto'
import { type ProducerDocumentKind, type ProducerKind, type Prisma } from '#app/generated/prisma/client.ts'
import { type StoredDocument } from '#app/modules/media/documents.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { slugify } from '#app/utils/slug.ts'
import { documentRow } from './producer-documents.server.ts'

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
 * Creates the producer (PENDING, applied now) with the papers sent along (already stored), makes the
 * user its OWNER, grants the PRODUCER role and points the user's session at the new producer, all or
 * nothing.
 */
export async function applyAsProducer(
  userId: string,
  sessionId: string | null,
  application: ProducerApplication,
  documents: { kind: ProducerDocumentKind; stored: StoredDocument }[] = [],
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
        documents: { create: documents.map((document) => documentRow(document.kind, document.stored)) },
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
