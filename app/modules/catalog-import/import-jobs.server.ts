/** Import jobs as the seller pages see them, and the start of an import from an upload. */
import { randomUUID } from 'node:crypto'
import { mkdir, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { getDb } from '#app/utils/db.server.ts'
import { type Rejection } from './catalog-rows.server.ts'
import { enqueueCatalogImport } from './import-queue.server.ts'
import { uploadDir } from './upload-dir.server.ts'

/** The name shown in the list: the browser's file name without any folder, at most 200 characters. */
function displayName(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop()?.trim() ?? ''
  return (base || 'catalogue.csv').slice(0, 200)
}

/**
 * Stores the uploaded file under UPLOAD_DIR, records the job and enqueues it; returns the job id.
 * The job deletes the file when it is done.
 */
export async function createImportJob(
  producerId: string,
  userId: string | null,
  fileName: string,
  bytes: Uint8Array,
): Promise<string> {
  const dir = path.join(uploadDir(), 'catalog-import')
  await mkdir(dir, { recursive: true })
  const filePath = path.join(dir, `${randomUUID()}.csv`)
  await writeFile(filePath, bytes)
  const db = getDb()
  let jobId: string
  try {
    jobId = (
      await db.importJob.create({
        data: { producerId, userId, fileName: displayName(fileName), filePath },
        select: { id: true },
      })
    ).id
  } catch (error) {
    await unlink(filePath).catch(() => undefined)
    throw error
  }
  try {
    await enqueueCatalogImport(jobId)
  } catch (error) {
    await db.importJob.delete({ where: { id: jobId } }).catch(() => undefined)
    await unlink(filePath).catch(() => undefined)
    throw error
  }
  return jobId
}

const SUMMARY_SELECT = {
  id: true,
  fileName: true,
  status: true,
  totalRows: true,
  processedRows: true,
  createdCount: true,
  updatedCount: true,
  rejectedCount: true,
  createdAt: true,
  finishedAt: true,
} as const

/** The producer's latest imports, newest first. */
export async function listImportJobs(producerId: string, take = 20) {
  return getDb().importJob.findMany({
    where: { producerId },
    orderBy: { createdAt: 'desc' },
    take,
    select: SUMMARY_SELECT,
  })
}

/** One import of this producer with its report; null for another producer's job (the page 404s). */
export async function getImportJob(producerId: string, jobId: string) {
  const job = await getDb().importJob.findFirst({
    where: { id: jobId, producerId },
    select: { ...SUMMARY_SELECT, error: true, rejections: true, startedAt: true },
  })
  return job ? { ...job, rejections: job.rejections as Rejection[] } : null
}
