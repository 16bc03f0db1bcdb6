import { expect, test } from 'vitest'
import { thrownStatus } from '#tests/route-call.ts'
import { readUploadForm } from './documents.server.ts'

const BOUNDARY = 'x-test-boundary'

function multipart(parts: string[]): Request {
  const body = parts.map((part) => `--${BOUNDARY}\r\n${part}\r\n`).join('') + `--${BOUNDARY}--\r\n`
  return new Request('http://localhost/seller/documents', {
    method: 'POST',
    body,
    headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
  })
}

test('an upload form with its fields and file is read', async () => {
  const upload = await readUploadForm(
    multipart([
      'Content-Disposition: form-data; name="intent"\r\n\r\nupload',
      'Content-Disposition: form-data; name="file"; filename="giay-phep.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4',
    ]),
  )
  expect(upload.ok && upload.form.get('intent')).toBe('upload')
  expect(upload.ok && upload.files('file').map((f) => f.name)).toEqual(['giay-phep.pdf'])
})

test('a malformed multipart body (a part without a name) is a 400, not a 500', async () => {
  expect(await thrownStatus(readUploadForm(multipart(['Content-Disposition: form-data; name=""\r\n\r\nvalue'])))).toBe(
    400,
  )
})

test('a NUL character in a field or a file name is a 400', async () => {
  expect(
    await thrownStatus(readUploadForm(multipart(['Content-Disposition: form-data; name="note"\r\n\r\na\u0000b']))),
  ).toBe(400)
  const nulName =
    'Content-Disposition: form-data; name="file"; filename="a\u0000.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF'
  expect(await thrownStatus(readUploadForm(multipart([nulName])))).toBe(400)
})
