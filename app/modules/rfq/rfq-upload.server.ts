import { type Messages } from '#app/i18n/vi.ts'
import { readUploadForm } from '#app/modules/media/documents.server.ts'
import { RFQ_LIMITS } from './rfq-schema.ts'

export type RfqForm = { ok: true; form: FormData; files: (field: string) => File[] } | { ok: false; message: string }

/**
 * Reads an RFQ form (the request, a quote, a message) with its attachments within the RFQ limits; too
 * many or too large files stop the reading and come back as a message in the user's language.
 */
export async function readRfqForm(request: Request, errors: Messages['rfq']['errors']): Promise<RfqForm> {
  const upload = await readUploadForm(request, {
    maxFiles: RFQ_LIMITS.maxAttachments,
    maxBytes: RFQ_LIMITS.attachmentMaxMegabytes * 1024 * 1024,
  })
  if (upload.ok) return upload
  return {
    ok: false,
    message:
      upload.problem === 'too-many'
        ? errors.tooManyFiles(RFQ_LIMITS.maxAttachments)
        : errors.uploadTooBig(RFQ_LIMITS.attachmentMaxMegabytes),
  }
}
