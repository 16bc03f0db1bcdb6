/** The `catalog-import` task of graphile-worker (registered in app/modules/jobs/worker.server.ts). */
import { type JobHelpers } from 'graphile-worker'
import { z } from 'zod'
import { type JobContext } from '#app/modules/jobs/worker.server.ts'
import { FILE_ERRORS } from './import-messages.ts'
import { failImportJob, runCatalogImport } from './run-import.server.ts'

const CatalogImportPayloadSchema = z.object({ importJobId: z.string().min(1) })

export async function runCatalogImportTask(context: JobContext, helpers: JobHelpers): Promise<void> {
  const payload = CatalogImportPayloadSchema.safeParse(helpers.job.payload)
  if (!payload.success) {
    context.log(`catalog-import: ignoring job ${helpers.job.id} with a malformed payload`)
    return
  }
  const { importJobId } = payload.data
  try {
    const report = await runCatalogImport(importJobId)
    if (!report) context.log(`catalog-import: import ${importJobId} no longer exists`)
    else if (report.status === 'FAILED') context.log(`catalog-import: import ${importJobId} refused: ${report.error}`)
  } catch (error) {
    // graphile-worker counts this attempt already: on the last one, say so on the page, not only in logs.
    if (helpers.job.attempts >= helpers.job.max_attempts) await failImportJob(importJobId, FILE_ERRORS.crashed)
    throw error
  }
}
