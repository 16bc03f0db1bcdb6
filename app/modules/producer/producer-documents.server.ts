/**
 * The papers a producer sends the OCOP office with its application (business registration, food
 * safety, lab tests…). Stored privately (media/documents.server.ts); the producer adds and removes
 * them while its application is open (PENDING, or MORE_INFO when the office asked for more), and
 * only the office downloads them. Every lookup is scoped to the producer: another producer's
 * document id behaves like an unknown one.
 */
import { type ProducerDocumentKind, type ProducerStatus } from '#app/generated/prisma/client.ts'
import {
  checkDocument,
  removeDocument,
  storeDocument,
  type DocumentType,
  type StoredDocument,
} from '#app/modules/media/documents.server.ts'
import { getDb } from '#app/utils/db.server.ts'

/** Scans and photos of papers: PDF, JPEG or PNG (decided by the bytes). */
export const PRODUCER_DOCUMENT_TYPES = ['pdf', 'jpeg', 'png'] as const satisfies readonly DocumentType[]

const FOLDER = 'producer-documents'

/** Papers can be added or removed only while the office has not decided. */
export function documentsEditable(status: ProducerStatus): boolean {
  return status === 'PENDING' || status === 'MORE_INFO'
}

/** Type and size check, then the file written to private storage (before any row refers to it). */
export async function storeProducerDocumentFile(
  file: File,
): Promise<{ ok: true; stored: StoredDocument } | { ok: false; problem: 'empty' | 'too-big' | 'wrong-type' }> {
  const checked = await checkDocument(file, { allowed: PRODUCER_DOCUMENT_TYPES })
  if (!checked.ok) return checked
  return { ok: true, stored: await storeDocument(FOLDER, file.name, checked) }
}

/** The row for a stored file (`url` holds the private storage key, never a public path). */
export function documentRow(kind: ProducerDocumentKind, stored: StoredDocument) {
  return {
    kind,
    fileName: stored.fileName,
    url: stored.storageKey,
    mimeType: stored.mimeType,
    sizeBytes: stored.sizeBytes,
  }
}

export function listProducerDocuments(producerId: string) {
  return getDb().producerDocument.findMany({
    where: { producerId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true },
  })
}

export type DocumentChangeResult =
  | { ok: true; fileName: string }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'locked'; status: ProducerStatus }

/**
 * Records an already stored file. The producer row is share-locked so that a decision taken at the
 * same moment waits for it (or the paper is refused and its file removed).
 */
export async function addProducerDocument(
  producerId: string,
  kind: ProducerDocumentKind,
  stored: StoredDocument,
): Promise<DocumentChangeResult> {
  const result = await getDb().$transaction(async (tx): Promise<DocumentChangeResult> => {
    const rows = await tx.$queryRaw<{ status: ProducerStatus }[]>`
      SELECT status::text AS status FROM "Producer" WHERE id = ${producerId} FOR SHARE`
    const status = rows[0]?.status
    if (!status) return { ok: false, reason: 'not-found' }
    if (!documentsEditable(status)) return { ok: false, reason: 'locked', status }
    await tx.producerDocument.create({ data: { producerId, ...documentRow(kind, stored) }, select: { id: true } })
    return { ok: true, fileName: stored.fileName }
  })
  if (!result.ok) await removeDocument(stored.storageKey)
  return result
}

/** Deletes the producer's own document (row, then file) while its application is open. */
export async function deleteProducerDocument(producerId: string, documentId: string): Promise<DocumentChangeResult> {
  const result = await getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: ProducerStatus }[]>`
      SELECT status::text AS status FROM "Producer" WHERE id = ${producerId} FOR SHARE`
    const status = rows[0]?.status
    const document = await tx.producerDocument.findFirst({
      where: { id: documentId, producerId },
      select: { id: true, url: true, fileName: true },
    })
    if (!status || !document) return { ok: false as const, reason: 'not-found' as const }
    if (!documentsEditable(status)) return { ok: false as const, reason: 'locked' as const, status }
    await tx.producerDocument.delete({ where: { id: document.id } })
    return { ok: true as const, document }
  })
  if (!result.ok) return result
  await removeDocument(result.document.url)
  return { ok: true, fileName: result.document.fileName }
}

/** What documentResponse needs, or null when this producer has no such document. */
export async function findProducerDocumentFile(producerId: string, documentId: string) {
  const document = await getDb().producerDocument.findFirst({
    where: { id: documentId, producerId },
    select: { url: true, fileName: true, mimeType: true },
  })
  return document ? { storageKey: document.url, fileName: document.fileName, mimeType: document.mimeType } : null
}
