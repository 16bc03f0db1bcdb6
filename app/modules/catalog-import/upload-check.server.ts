/** What the upload form refuses at once, before a job is made (the job checks the content). */
export type UploadProblem = 'noFile' | 'empty' | 'excel' | 'notCsv'

const ZIP = [0x50, 0x4b, 0x03, 0x04] // .xlsx, .ods
const OLE = [0xd0, 0xcf, 0x11, 0xe0] // .xls

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte)
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
}

/** Null when the upload looks like a CSV file worth a job; else why not. */
export function uploadProblem(file: FormDataEntryValue | null, bytes: Uint8Array | null): UploadProblem | null {
  if (!(file instanceof File) || (file.name === '' && file.size === 0) || !bytes) return 'noFile'
  if (bytes.length === 0) return 'empty'
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return 'excel'
  if (!/\.csv$/i.test(file.name.trim())) return 'notCsv'
  // A binary file with a .csv name; UTF-16 text has NULs too, but the job explains that one.
  if (!isUtf16(bytes) && bytes.subarray(0, 4096).includes(0)) return 'notCsv'
  return null
}
