import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from '@remix-run/node'
import { PHOTO_LIMITS } from '#app/modules/media/uploads.server.ts'
import { badRequest, hasNulCharacter } from '#app/utils/form-data.server.ts'

export const PHOTO_FIELD = 'photos'

class TooManyFilesError extends Error {}

export type PhotoUpload =
  { ok: true; intent: string | null; files: File[] } | { ok: false; problem: 'too-big' | 'too-many' }

export function isMultipart(request: Request): boolean {
  return (request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('multipart/form-data')
}

/**
 * Reads an upload form into memory, each part at most PHOTO_LIMITS.maxBytes: a larger file stops the
 * reading at once and comes back as `too-big` (a message on the form, not an error page). More file
 * parts than a product can hold stop it too, so one request cannot fill the server's memory.
 */
export async function readPhotoUpload(request: Request): Promise<PhotoUpload> {
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: PHOTO_LIMITS.maxBytes })
  let fileParts = 0
  const handler: UploadHandler = async (part) => {
    if (part.filename) {
      fileParts += 1
      if (fileParts > PHOTO_LIMITS.maxPerProduct) throw new TooManyFilesError()
    }
    return memory(part)
  }
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, handler)
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, problem: 'too-big' }
    if (error instanceof TooManyFilesError) return { ok: false, problem: 'too-many' }
    // Anything else is the parser's: a malformed body (a bad boundary, a part without a name).
    throw badRequest()
  }
  if (hasNulCharacter(form)) throw badRequest()
  const intent = form.get('intent')
  const files = form
    .getAll(PHOTO_FIELD)
    // An empty file input still sends a part, with no name and no bytes.
    .filter((value): value is File => typeof value !== 'string' && !(value.name === '' && value.size === 0))
  return { ok: true, intent: typeof intent === 'string' ? intent : null, files }
}
