import path from 'node:path'

/** Where uploads wait for their job: UPLOAD_DIR (npm start sets `<data dir>/uploads`), else `.data/uploads`. */
export function uploadDir(): string {
  return path.resolve(process.env.UPLOAD_DIR ?? '.data/uploads')
}

/** Only files we stored ourselves are deleted after an import (the CLI's file belongs to its user). */
export function isOwnUpload(filePath: string): boolean {
  const relative = path.relative(uploadDir(), path.resolve(filePath))
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}
