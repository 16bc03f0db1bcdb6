/**
 * The producer's side of export: the export terms of their products (with USD price tiers and
 * certification documents) and their export profile. Every query takes the producer's id and looks
 * the product up within it, so another producer's product answers "not-found", never its data.
 */
import { type Prisma } from '#app/generated/prisma/client.ts'
import { type ExportCertificationKind } from '#app/generated/prisma/enums.ts'
import { can } from '#app/modules/accounts/permissions.ts'
import { startOfUtcDay } from '#app/modules/certification/certificate-status.ts'
import {
  checkDocument,
  DOCUMENT_MIME,
  removeDocument,
  storeDocument,
  type DocumentProblem,
  type DocumentType,
} from '#app/modules/media/documents.server.ts'
import { now } from '#app/utils/clock.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type CertificationInput, type ExportProfileInput, type ExportTermsInput } from './export-terms-schema.ts'

type Tx = Prisma.TransactionClient

/** Certification files: PDF or a photo (JPEG, PNG) of the paper. */
export const CERTIFICATION_FILE_TYPES: readonly DocumentType[] = ['pdf', 'jpeg', 'png']

/** Valid through its expiry date inclusive; expired from the next day on. */
export function isCertificationExpired(cert: { expiresOn: Date }, today: Date): boolean {
  return startOfUtcDay(cert.expiresOn).getTime() < startOfUtcDay(today).getTime()
}

const TERMS_SELECT = {
  exportReady: true,
  hsCode: true,
  moqQuantity: true,
  moqUnitEn: true,
  monthlyCapacity: true,
  capacityUnitEn: true,
  sampleLeadDays: true,
  orderLeadDays: true,
  incoterms: true,
  loadingPlace: true,
  tierBasis: true,
  packagingEn: true,
  shelfLifeMonths: true,
  updatedAt: true,
} satisfies Prisma.ExportTermsSelect

const CERTIFICATION_SELECT = {
  id: true,
  kind: true,
  otherName: true,
  number: true,
  issuer: true,
  issuedOn: true,
  expiresOn: true,
  fileName: true,
  fileUrl: true,
} satisfies Prisma.ExportCertificationSelect

/** The product's export terms for the producer's form (null terms when never saved), or null when not theirs. */
export async function getExportTermsForEdit(producerId: string, productId: string, today: Date = now()) {
  const product = await getDb().product.findFirst({
    where: { id: productId, producerId },
    select: {
      id: true,
      sku: true,
      nameVi: true,
      nameEn: true,
      descriptionEn: true,
      status: true,
      exportTerms: { select: TERMS_SELECT },
      exportTiers: { orderBy: { minQuantity: 'asc' }, select: { minQuantity: true, priceUsdCents: true } },
      exportCerts: { orderBy: [{ expiresOn: 'desc' }, { id: 'asc' }], select: CERTIFICATION_SELECT },
    },
  })
  if (!product) return null
  const { exportCerts, ...rest } = product
  return {
    ...rest,
    certifications: exportCerts.map(({ fileUrl, ...cert }) => ({
      ...cert,
      hasFile: fileUrl !== null,
      expired: isCertificationExpired(cert, today),
    })),
  }
}

export type ExportTermsForEdit = NonNullable<Awaited<ReturnType<typeof getExportTermsForEdit>>>

/** Just enough to know the product is this producer's (and its name, for messages). */
export function findOwnProduct(producerId: string, productId: string) {
  return getDb().product.findFirst({ where: { id: productId, producerId }, select: { id: true, nameVi: true } })
}

async function lockOwnProduct(tx: Tx, producerId: string, productId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Product" WHERE id = ${productId} AND "producerId" = ${producerId} FOR UPDATE`
  return rows.length === 1
}

export type SaveExportTermsResult = { ok: true; name: string } | { ok: false; reason: 'not-found' }

/**
 * Saves the terms, replaces the price tiers and updates the product's English name and description,
 * all in one transaction: a buyer never sees new terms with old tiers.
 */
export function saveExportTerms(
  producerId: string,
  productId: string,
  input: ExportTermsInput,
): Promise<SaveExportTermsResult> {
  const { nameEn, descriptionEn, tiers, ...terms } = input
  return getDb().$transaction(async (tx): Promise<SaveExportTermsResult> => {
    if (!(await lockOwnProduct(tx, producerId, productId))) return { ok: false, reason: 'not-found' }
    const product = await tx.product.update({
      where: { id: productId },
      data: { nameEn, descriptionEn },
      select: { nameVi: true },
    })
    await tx.exportTerms.upsert({
      where: { productId },
      create: { productId, ...terms },
      update: terms,
    })
    await tx.exportPriceTier.deleteMany({ where: { productId } })
    if (tiers.length > 0) {
      await tx.exportPriceTier.createMany({
        data: tiers.map((tier) => ({ productId, minQuantity: tier.minQuantity, priceUsdCents: tier.priceUsdCents })),
      })
    }
    return { ok: true, name: product.nameVi }
  })
}

// ─────────── Certifications ───────────

export type AddCertificationResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'file'; problem: DocumentProblem }

/**
 * Adds a certification with its document. The file is checked by its bytes (PDF, JPEG, PNG, at most
 * 10 MB) and written before the transaction that records the row; when the row cannot be recorded
 * the file is removed again.
 */
export async function addExportCertification(
  producerId: string,
  productId: string,
  input: CertificationInput,
  file: File,
): Promise<AddCertificationResult> {
  if (!(await findOwnProduct(producerId, productId))) return { ok: false, reason: 'not-found' }
  const checked = await checkDocument(file, { allowed: CERTIFICATION_FILE_TYPES })
  if (!checked.ok) return { ok: false, reason: 'file', problem: checked.problem }
  const stored = await storeDocument(`export-certifications/${productId}`, file.name, checked)
  let result: AddCertificationResult
  try {
    result = await getDb().$transaction(async (tx): Promise<AddCertificationResult> => {
      if (!(await lockOwnProduct(tx, producerId, productId))) return { ok: false, reason: 'not-found' }
      const created = await tx.exportCertification.create({
        data: { productId, ...input, fileUrl: stored.storageKey, fileName: stored.fileName },
        select: { id: true },
      })
      await dropCachedPages(tx)
      return { ok: true, id: created.id }
    })
  } catch (error) {
    await removeDocument(stored.storageKey)
    throw error
  }
  if (!result.ok) await removeDocument(stored.storageKey)
  return result
}

export type RemoveCertificationResult =
  { ok: true; kind: ExportCertificationKind; otherName: string | null } | { ok: false; reason: 'not-found' }

/** Removes one certification of the producer's product, then its file. */
export async function removeExportCertification(
  producerId: string,
  productId: string,
  certificationId: string,
): Promise<RemoveCertificationResult> {
  const removed = await getDb().$transaction(async (tx) => {
    if (!(await lockOwnProduct(tx, producerId, productId))) return null
    const cert = await tx.exportCertification.findFirst({
      where: { id: certificationId, productId },
      select: { id: true, kind: true, otherName: true, fileUrl: true },
    })
    if (!cert) return null
    await tx.exportCertification.delete({ where: { id: cert.id } })
    await dropCachedPages(tx)
    return cert
  })
  if (!removed) return { ok: false, reason: 'not-found' }
  if (removed.fileUrl) await removeDocument(removed.fileUrl)
  return { ok: true, kind: removed.kind, otherName: removed.otherName }
}

/** The stored MIME type follows the key's extension, which storeDocument took from the sniffed bytes. */
const TYPE_OF_EXTENSION: Record<string, DocumentType> = { pdf: 'pdf', jpg: 'jpeg', png: 'png', webp: 'webp' }

function mimeTypeOf(storageKey: string): string {
  const type = TYPE_OF_EXTENSION[storageKey.split('.').pop() ?? '']
  return type ? DOCUMENT_MIME[type] : 'application/octet-stream'
}

/**
 * The certification's file, when this reader may open it: a member of the producer always; a holder
 * of 'read:export-catalogue:any' (export buyers, the office) when the product is export-ready and
 * visible in the catalogue. Anything else is null (the route answers 404).
 */
export async function findCertificationFileForReader(
  reader: { id: string; roles: readonly string[] },
  certificationId: string,
): Promise<{ storageKey: string; fileName: string; mimeType: string } | null> {
  const db = getDb()
  const cert = await db.exportCertification.findUnique({
    where: { id: certificationId },
    select: {
      fileUrl: true,
      fileName: true,
      product: {
        select: {
          producerId: true,
          exportTerms: { select: { exportReady: true } },
          catalogEntry: { select: { visible: true } },
        },
      },
    },
  })
  if (!cert?.fileUrl) return null
  const file = {
    storageKey: cert.fileUrl,
    fileName: cert.fileName ?? 'certificate',
    mimeType: mimeTypeOf(cert.fileUrl),
  }
  const member = await db.producerMember.findUnique({
    where: { userId_producerId: { userId: reader.id, producerId: cert.product.producerId } },
    select: { userId: true },
  })
  if (member) return file
  const listed = cert.product.exportTerms?.exportReady === true && cert.product.catalogEntry?.visible === true
  return listed && can(reader, 'read:export-catalogue:any') ? file : null
}

// ─────────── Export profile ───────────

export function getExportProfile(producerId: string) {
  return getDb().producer.findUniqueOrThrow({
    where: { id: producerId },
    select: { exportProfileEn: true, exportMarkets: true },
  })
}

export async function saveExportProfile(producerId: string, input: ExportProfileInput): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await tx.producer.update({
      where: { id: producerId },
      data: { exportProfileEn: input.exportProfileEn, exportMarkets: input.exportMarkets },
    })
    await dropCachedPages(tx)
  })
}

/**
 * Export terms live beside the product, outside the catalogue triggers: tell every app process (on
 * commit) to drop cached /export pages, as the triggers do for product changes.
 */
async function dropCachedPages(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify('catalog_changed', '')`
}
