/**
 * Private documents (producers' application papers, certificate decision scans, export certification
 * files, RFQ attachments). Unlike product photos they are stored as sent, outside the public /media
 * directory, and served only by routes that check who asks (each feature has its own download route
 * calling `readDocument`). The type is decided by the bytes (magic numbers), never by the file name
 * or the browser's MIME type.
 */
import { randomBytes } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from '@remix-run/node'
import { getMediaDir } from './storage.server.ts'
import { badRequest, hasNulCharacter, readFormData } from '#app/utils/form-data.server.ts'

export type DocumentType = 'pdf' | 'jpeg' | 'png' | 'webp'

export const DOCUMENT_MIME: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
}

/** Defaults: PDF or photo of a paper, 10 MB, 5 files per form. */
export const DOCUMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxFiles: 5 } as const
export const DOCUMENT_MAX_MEGABYTES = DOCUMENT_LIMITS.maxBytes / (1024 * 1024)

/** Directory of private documents: env DOCUMENTS_DIR, default `<media dir>-private` beside the media dir. */
export function getDocumentsDir(): string {
  const configured = process.env.DOCUMENTS_DIR
  if (configured && configured.trim() !== '') return path.resolve(configured)
  const media = getMediaDir()
  return path.join(path.dirname(media), `${path.basename(media)}-private`)
}

/** The type the bytes say, or null for anything else (a renamed .exe stays an .exe). */
export function sniffDocumentType(data: Uint8Array): DocumentType | null {
  const starts = (bytes: number[], offset = 0) => bytes.every((b, i) => data[offset + i] === b)
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf' // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg'
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp' // RIFF....WEBP
  return null
}

export type DocumentProblem = 'empty' | 'too-big' | 'wrong-type'

export type StoredDocument = {
  storageKey: string
  fileName: string
  mimeType: string
  sizeBytes: number
}

/** A safe display name: no path, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim()
  return (cleaned || 'document').slice(-120)
}

function resolveDocumentPath(storageKey: string): string {
  const root = getDocumentsDir()
  const absolute = path.resolve(root, storageKey)
  if (!absolute.startsWith(root + path.sep)) throw new Error(`Document key escapes the directory: ${storageKey}`)
  return absolute
}

/** Checks a file against the allowed types and size; does not store it. */
export async function checkDocument(
  file: File,
  options: { allowed?: readonly DocumentType[]; maxBytes?: number } = {},
): Promise<{ ok: true; data: Buffer; type: DocumentType } | { ok: false; problem: DocumentProblem }> {
  const maxBytes = options.maxBytes ?? DOCUMENT_LIMITS.maxBytes
  if (file.size === 0) return { ok: false, problem: 'empty' }
  if (file.size > maxBytes) return { ok: false, problem: 'too-big' }
  const data = Buffer.from(await file.arrayBuffer())
  const type = sniffDocumentType(data)
  const allowed = options.allowed ?? (['pdf', 'jpeg', 'png', 'webp'] as const)
  if (!type || !allowed.includes(type)) return { ok: false, problem: 'wrong-type' }
  return { ok: true, data, type }
}

/**
 * Writes a checked document under `<folder>/<random>.<ext>` (through a temporary file and a rename,
 * so a reader never sees half a file). Call it before the transaction that records the row; a row
 * that then fails to save leaves an orphan file, never a row without its file.
 */
export async function storeDocument(
  folder: string,
  fileName: string,
  checked: { data: Buffer; type: DocumentType },
): Promise<StoredDocument> {
  const safeFolder = folder.replace(/[^a-z0-9/-]/gi, '')
  const storageKey = `${safeFolder}/${randomBytes(12).toString('hex')}.${checked.type === 'jpeg' ? 'jpg' : checked.type}`
  const target = resolveDocumentPath(storageKey)
  await mkdir(path.dirname(target), { recursive: true })
  const temporary = `${target}.${process.pid}.tmp`
  try {
    await writeFile(temporary, checked.data)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  return {
    storageKey,
    fileName: cleanFileName(fileName),
    mimeType: DOCUMENT_MIME[checked.type],
    sizeBytes: checked.data.byteLength,
  }
}

export async function removeDocument(storageKey: string): Promise<void> {
  await rm(resolveDocumentPath(storageKey), { force: true })
}

/**
 * The HTTP response for a stored document, once the caller has checked the reader may see it.
 * `inline` for PDFs and images the browser shows; the name goes in Content-Disposition (RFC 6266).
 */
export async function documentResponse(doc: {
  storageKey: string
  fileName: string
  mimeType: string
}): Promise<Response> {
  const file = resolveDocumentPath(doc.storageKey)
  if (!existsSync(file)) throw new Response('Not found', { status: 404 })
  const { size } = await stat(file)
  const ascii =
    doc.fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'document'
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: {
      'Content-Type': doc.mimeType,
      'Content-Length': String(size),
      'Content-Disposition': `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

class TooManyFilesError extends Error {}

export type UploadForm =
  { ok: true; form: FormData; files: (field: string) => File[] } | { ok: false; problem: 'too-big' | 'too-many' }

/**
 * Reads a multipart form into memory, each file at most `maxBytes`, at most `maxFiles` files: a larger
 * or extra file stops the reading at once (a message on the form, not an error page). A request that is
 * not multipart is read as an ordinary form.
 */
export async function readUploadForm(
  request: Request,
  options: { maxBytes?: number; maxFiles?: number } = {},
): Promise<UploadForm> {
  const maxBytes = options.maxBytes ?? DOCUMENT_LIMITS.maxBytes
  const maxFiles = options.maxFiles ?? DOCUMENT_LIMITS.maxFiles
  let form: FormData
  const multipart = (request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('multipart/form-data')
  if (!multipart) {
    form = await readFormData(request)
  } else {
    const memory = unstable_createMemoryUploadHandler({ maxPartSize: maxBytes })
    let fileParts = 0
    const handler: UploadHandler = async (part) => {
      if (part.filename) {
        fileParts += 1
        if (fileParts > maxFiles) throw new TooManyFilesError()
      }
      return memory(part)
    }
    try {
      form = await unstable_parseMultipartFormData(request, handler)
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return { ok: false, problem: 'too-big' }
      if (error instanceof TooManyFilesError) return { ok: false, problem: 'too-many' }
      // Anything else is the parser's: a malformed body (a bad boundary, a part without a name).
      throw badRequest()
    }
  }
  if (hasNulCharacter(form)) throw badRequest()
  return {
    ok: true,
    form,
    files: (field) =>
      form
        .getAll(field)
        // An empty file input still sends a part, with no name and no bytes.
        .filter((value): value is File => typeof value !== 'string' && !(value.name === '' && value.size === 0)),
  }
}
