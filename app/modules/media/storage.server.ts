import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Files under the media directory are served at this URL prefix by the Express server. */
export const MEDIA_URL_PREFIX = '/media'

/** Absolute path of the local media directory: env MEDIA_DIR, default `<cwd>/.data/media`. */
export function getMediaDir(): string {
  const configured = process.env.MEDIA_DIR
  return path.resolve(configured && configured.trim() !== '' ? configured : path.join(process.cwd(), '.data', 'media'))
}

function resolveMediaPath(relativePath: string): string {
  const mediaDir = getMediaDir()
  const absolute = path.resolve(mediaDir, relativePath)
  if (absolute !== mediaDir && !absolute.startsWith(mediaDir + path.sep)) {
    throw new Error(`Media path escapes the media directory: ${relativePath}`)
  }
  return absolute
}

/**
 * Writes through a temporary file and a rename so that a reader (or a concurrent writer in another
 * process) never sees a half-written image.
 */
export async function writeMediaFile(relativePath: string, data: Buffer): Promise<void> {
  const target = resolveMediaPath(relativePath)
  await mkdir(path.dirname(target), { recursive: true })
  const temporary = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(temporary, data)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

export function mediaFileExists(relativePath: string): boolean {
  return existsSync(resolveMediaPath(relativePath))
}
