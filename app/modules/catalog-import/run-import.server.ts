/**
 * One catalogue import from start to finish, for the job and the CLI alike. Two passes over the
 * file: the first checks what concerns the whole file (size, encoding, quoting, header, number of
 * rows) so that such errors import nothing; the second validates rows and saves them in batches
 * (IMPORT_LIMITS.batchSize rows, one transaction each, the job's progress in the same transaction).
 * Format and decisions: docs/catalog-import.md.
 */
import { createReadStream } from 'node:fs'
import { stat, unlink } from 'node:fs/promises'
import { type ImportStatus, type Prisma } from '#app/generated/prisma/client.ts'
import { getDb } from '#app/utils/db.server.ts'
import { writeImportBatch, type ProducerRef } from './batch-writer.server.ts'
import {
  createRowValidator,
  readHeader,
  type CatalogHeader,
  type ImportRow,
  type Rejection,
  type RowContext,
} from './catalog-rows.server.ts'
import { CatalogFileError, readCsvRecords } from './csv-reader.server.ts'
import { FILE_ERRORS } from './import-messages.ts'
import { isOwnUpload } from './upload-dir.server.ts'

export const IMPORT_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
  batchSize: 500,
  /** Rejections kept for the report; the count covers them all. */
  keptRejections: 1_000,
  /**
   * Batches being written at once (each on its own connection): the catalogue triggers, not the
   * import, cost most of a batch, and a second transaction lets PostgreSQL use a second core.
   */
  batchesInFlight: 2,
} as const

export type ImportProgress = {
  totalRows: number
  processedRows: number
  createdCount: number
  updatedCount: number
  rejectedCount: number
}

export type ImportReport = ImportProgress & {
  id: string
  status: ImportStatus
  error: string | null
  rejections: Rejection[]
}

export type RunImportOptions = {
  /** Called after the first pass (with the row count) and after every batch. */
  onProgress?: (progress: ImportProgress) => void
}

const REPORT_SELECT = {
  id: true,
  status: true,
  error: true,
  totalRows: true,
  processedRows: true,
  createdCount: true,
  updatedCount: true,
  rejectedCount: true,
  rejections: true,
} as const satisfies Prisma.ImportJobSelect

function toReport(job: Prisma.ImportJobGetPayload<{ select: typeof REPORT_SELECT }>): ImportReport {
  return { ...job, rejections: job.rejections as Rejection[] }
}

async function readReport(jobId: string): Promise<ImportReport> {
  return toReport(await getDb().importJob.findUniqueOrThrow({ where: { id: jobId }, select: REPORT_SELECT }))
}

/** The first pass: header and row count, or the reason the file cannot be imported at all. */
export async function inspectCatalogFile(filePath: string): Promise<{ header: CatalogHeader; totalRows: number }> {
  const { size } = await stat(filePath)
  if (size > IMPORT_LIMITS.maxBytes) throw new CatalogFileError(FILE_ERRORS.tooLarge(IMPORT_LIMITS.maxBytes))
  let header: CatalogHeader | null = null
  let totalRows = 0
  for await (const record of readCsvRecords(createReadStream(filePath))) {
    if (!header) {
      const result = readHeader(record.fields)
      if (!result.ok) throw new CatalogFileError(result.error)
      header = result.header
      continue
    }
    totalRows++
    if (totalRows > IMPORT_LIMITS.maxRows) throw new CatalogFileError(FILE_ERRORS.tooManyRows(IMPORT_LIMITS.maxRows))
  }
  if (!header) throw new CatalogFileError(FILE_ERRORS.empty)
  if (totalRows === 0) throw new CatalogFileError(FILE_ERRORS.noRows)
  return { header, totalRows }
}

async function rowContext(producerVillageSlug: string | null): Promise<RowContext> {
  const villages = await getDb().craftVillage.findMany({ select: { slug: true } })
  return { villageSlugs: new Set(villages.map((village) => village.slug)), producerVillageSlug }
}

/** Prisma's P2002, or a raw statement's P2010 whose driver error is PostgreSQL's 23505. */
function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? JSON.stringify(error) : String(error)
  return /"code":"P2002"|"originalCode":"23505"|UniqueConstraintViolation/.test(text)
}

/** A batch races another writer of the same SKU or slug (the listing form) at worst: run it again. */
async function withUniqueRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error
    }
  }
}

async function removeUpload(filePath: string | null) {
  if (filePath && isOwnUpload(filePath)) await unlink(filePath).catch(() => undefined)
}

/** Marks a job that cannot go on as failed (the job's last attempt, the CLI after a crash). */
export async function failImportJob(jobId: string, error: string): Promise<void> {
  const job = await getDb().importJob.findUnique({ where: { id: jobId }, select: { filePath: true } })
  await getDb().importJob.updateMany({
    where: { id: jobId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'FAILED', error, finishedAt: new Date(), filePath: null },
  })
  await removeUpload(job?.filePath ?? null)
}

/**
 * Runs the import job `jobId`. Safe to repeat: a finished job (DONE or FAILED) is left as it is; a
 * queued one, or one left RUNNING by a crash, starts again from the first row, which is harmless
 * because rows are matched on (producer, SKU). Errors of the file end the job as FAILED; other
 * errors (database down) are thrown, for the job queue to retry. Null when there is no such job.
 */
export async function runCatalogImport(jobId: string, options: RunImportOptions = {}): Promise<ImportReport | null> {
  const db = getDb()
  const job = await db.importJob.findUnique({
    where: { id: jobId },
    select: {
      status: true,
      filePath: true,
      producer: { select: { id: true, slug: true, village: { select: { slug: true } } } },
    },
  })
  if (!job) return null
  if (job.status === 'DONE' || job.status === 'FAILED') return readReport(jobId)
  const claimed = await db.importJob.updateMany({
    where: { id: jobId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: {
      status: 'RUNNING',
      startedAt: new Date(),
      finishedAt: null,
      error: null,
      totalRows: 0,
      processedRows: 0,
      createdCount: 0,
      updatedCount: 0,
      rejectedCount: 0,
      rejections: [],
    },
  })
  if (claimed.count === 0) return readReport(jobId)

  const producer: ProducerRef = { id: job.producer.id, slug: job.producer.slug }
  const { filePath } = job
  const progress: ImportProgress = {
    totalRows: 0,
    processedRows: 0,
    createdCount: 0,
    updatedCount: 0,
    rejectedCount: 0,
  }
  const rejections: Rejection[] = []
  let rejectionsWritten = 0
  const keepRejection = (rejection: Rejection) => {
    if (rejections.length < IMPORT_LIMITS.keptRejections) rejections.push(rejection)
  }
  const keptRejections = () => [...rejections].sort((a, b) => a.line - b.line)
  // Slugs given out by batches still in flight, which the database cannot see yet.
  const reservedSlugs = new Set<string>()

  /** One batch in its own transaction; counts are increments, so batches may commit in any order. */
  const flush = async (rows: ImportRow[], rejectedBefore: number) => {
    const result = await withUniqueRetry(() =>
      db.$transaction(
        async (tx) => {
          // A crash loses at most the last batches, which the rerun of the job writes again.
          await tx.$executeRaw`SET LOCAL synchronous_commit = off`
          const written = await writeImportBatch(tx, producer, rows, new Date(), reservedSlugs)
          const rejected = rejectedBefore + written.rejections.length
          const snapshot = rejections.length + written.rejections.length !== rejectionsWritten
          await tx.importJob.update({
            where: { id: jobId },
            data: {
              processedRows: { increment: rows.length + rejectedBefore },
              createdCount: { increment: written.created },
              updatedCount: { increment: written.updated },
              rejectedCount: { increment: rejected },
              // The complete list is written at the end; meanwhile, what is known so far.
              ...(snapshot ? { rejections: [...keptRejections(), ...written.rejections] } : {}),
            },
          })
          return written
        },
        { maxWait: 30_000, timeout: 120_000 },
      ),
    )
    result.rejections.forEach(keepRejection)
    rejectionsWritten = rejections.length
    progress.processedRows += rows.length + rejectedBefore
    progress.createdCount += result.created
    progress.updatedCount += result.updated
    progress.rejectedCount += rejectedBefore + result.rejections.length
    options.onProgress?.({ ...progress })
  }

  // The next batch is read and checked while earlier ones are being written.
  const inFlight = new Set<Promise<void>>()
  const startFlush = async (rows: ImportRow[], rejectedBefore: number) => {
    while (inFlight.size >= IMPORT_LIMITS.batchesInFlight) await Promise.race(inFlight)
    const pending = flush(rows, rejectedBefore).finally(() => inFlight.delete(pending))
    // Failures surface through the awaits above and below; this keeps them from being "unhandled".
    pending.catch(() => undefined)
    inFlight.add(pending)
  }
  const settleFlushes = async () => {
    const results = await Promise.allSettled([...inFlight])
    const failed = results.find((result) => result.status === 'rejected')
    if (failed) throw failed.reason
  }

  try {
    if (!filePath) throw new CatalogFileError(FILE_ERRORS.fileMissing)
    const exists = await stat(filePath).then(
      (stats) => stats.isFile(),
      () => false,
    )
    if (!exists) throw new CatalogFileError(FILE_ERRORS.fileMissing)
    const { header, totalRows } = await inspectCatalogFile(filePath)
    progress.totalRows = totalRows
    await db.importJob.update({ where: { id: jobId }, data: { totalRows } })
    options.onProgress?.({ ...progress })

    const validate = createRowValidator(header, await rowContext(job.producer.village?.slug ?? null))
    let batch: ImportRow[] = []
    let rejectedSinceFlush = 0
    let seenHeader = false
    let rows = 0
    try {
      for await (const record of readCsvRecords(createReadStream(filePath))) {
        if (!seenHeader) {
          seenHeader = true
          continue
        }
        if (++rows > totalRows) throw new CatalogFileError(FILE_ERRORS.changedDuringImport)
        const result = validate(record)
        if (result.ok) batch.push(result.row)
        else {
          rejectedSinceFlush++
          keepRejection(result.rejection)
        }
        if (batch.length + rejectedSinceFlush >= IMPORT_LIMITS.batchSize) {
          await startFlush(batch, rejectedSinceFlush)
          batch = []
          rejectedSinceFlush = 0
        }
      }
      if (batch.length > 0 || rejectedSinceFlush > 0) await startFlush(batch, rejectedSinceFlush)
    } finally {
      await settleFlushes()
    }
    if (rows !== totalRows) throw new CatalogFileError(FILE_ERRORS.changedDuringImport)

    await db.importJob.update({
      where: { id: jobId },
      data: { status: 'DONE', finishedAt: new Date(), filePath: null, rejections: keptRejections() },
    })
    await removeUpload(filePath)
  } catch (error) {
    if (!(error instanceof CatalogFileError)) throw error
    await db.importJob.update({
      where: { id: jobId },
      data: {
        status: 'FAILED',
        error: error.message,
        finishedAt: new Date(),
        filePath: null,
        rejections: keptRejections(),
      },
    })
    await removeUpload(filePath)
  }
  return readReport(jobId)
}
