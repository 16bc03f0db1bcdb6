import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeJpeg, makePng } from '#tests/factories/images.ts'
import { checkDocument, documentResponse, storeDocument } from './documents.server.ts'

let documentsDir = ''
const previous = process.env.DOCUMENTS_DIR

beforeAll(async () => {
  documentsDir = await mkdtemp(path.join(os.tmpdir(), 'ocop-documents-'))
  process.env.DOCUMENTS_DIR = documentsDir
})

afterAll(async () => {
  if (previous === undefined) delete process.env.DOCUMENTS_DIR
  else process.env.DOCUMENTS_DIR = previous
  await rm(documentsDir, { recursive: true, force: true })
})

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

describe('checkDocument: the bytes decide, not the name or the Content-Type the browser sent', () => {
  const disguised: [string, string, string][] = [
    ['HTML page named .pdf', 'giay-phep.pdf', '<!DOCTYPE html><html><script>alert(document.cookie)</script></html>'],
    ['HTML named .jpg', 'anh-san-pham.jpg', '<html><body onload="alert(1)"></body></html>'],
    [
      'SVG with a script named .png',
      'logo.png',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ],
    ['JavaScript named .pdf', 'chung-nhan.pdf', 'fetch("/account").then((r) => r.text())'],
    ['a program named .pdf', 'brochure.pdf', 'MZ\x90\x00 this program cannot be run in DOS mode'],
    ['PDF magic after leading whitespace (a polyglot)', 'ho-so.pdf', '  \n%PDF-1.7 <script>alert(1)</script>'],
  ]
  for (const [what, name, content] of disguised) {
    test(`${what} is refused`, async () => {
      const type = name.endsWith('.pdf') ? 'application/pdf' : name.endsWith('.png') ? 'image/png' : 'image/jpeg'
      const file = new File([Buffer.from(content)], name, { type })
      expect(await checkDocument(file)).toEqual({ ok: false, problem: 'wrong-type' })
    })
  }

  test('real PDF, JPEG and PNG files pass, whatever they are called', async () => {
    expect(await checkDocument(new File([PDF], 'scan.jpg', { type: 'image/jpeg' }))).toMatchObject({
      ok: true,
      type: 'pdf',
    })
    const jpeg = await makeJpeg(20, 20)
    expect(await checkDocument(new File([new Uint8Array(jpeg)], 'x.pdf', { type: 'application/pdf' }))).toMatchObject({
      ok: true,
      type: 'jpeg',
    })
    const png = await makePng(20, 20)
    expect(await checkDocument(new File([new Uint8Array(png)], 'x', { type: 'text/html' }))).toMatchObject({
      ok: true,
      type: 'png',
    })
  })

  test('a type the route does not allow is refused even when genuine', async () => {
    const png = await makePng(20, 20)
    expect(await checkDocument(new File([new Uint8Array(png)], 'a.png'), { allowed: ['pdf'] })).toEqual({
      ok: false,
      problem: 'wrong-type',
    })
  })
})

test('a stored document is served as its sniffed type, never sniffed by the browser, with a clean name', async () => {
  const checked = await checkDocument(new File([PDF], 'Giấy "phép" <x>.html', { type: 'text/html' }))
  if (!checked.ok) throw new Error('expected a PDF')
  const stored = await storeDocument('producers/test', 'Giấy "phép" <x>.html', checked)
  expect(stored.mimeType).toBe('application/pdf')
  expect(stored.storageKey).toMatch(/\.pdf$/)
  const response = await documentResponse(stored)
  expect(response.headers.get('content-type')).toBe('application/pdf')
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('cache-control')).toBe('private, no-store')
  const disposition = response.headers.get('content-disposition')!
  expect(disposition).toMatch(/^inline; filename="[^"<>]*"; filename\*=UTF-8''/)
  expect(disposition).not.toMatch(/[<>]/)
  expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true)
})
