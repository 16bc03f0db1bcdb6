import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { expectedTotal, FileDownload, fileNameFrom, formatBytes, PDF_BYTES_PER_PRODUCT } from './file-download.tsx'

test('without JavaScript the download is a plain link to the file', () => {
  const html = renderToStaticMarkup(
    <FileDownload
      href="/export/catalogue.pdf?group=thuc-pham"
      label="Tải PDF"
      busyLabel="Đang tạo PDF…"
      errorLabel="Không tải được tệp."
    />,
  )
  expect(html).toMatch(/<a href="\/export\/catalogue.pdf\?group=thuc-pham" download=""[^>]*>.*Tải PDF<\/a>/)
  expect(html).toContain('role="status"')
  expect(html).not.toContain('role="progressbar"')
  expect(html).not.toContain('Không tải được tệp.')
})

test('the file name comes from Content-Disposition, the UTF-8 form first', () => {
  expect(
    fileNameFrom(
      `attachment; filename="danh-muc.pdf"; filename*=UTF-8''danh-m%E1%BB%A5c-xu%E1%BA%A5t-kh%E1%BA%A9u.pdf`,
      '/export/catalogue.pdf',
    ),
  ).toBe('danh-mục-xuất-khẩu.pdf')
  expect(fileNameFrom('attachment; filename="ocop-catalogue-2026-11-29.csv"', '/x')).toBe(
    'ocop-catalogue-2026-11-29.csv',
  )
  expect(fileNameFrom('attachment; filename=plain.pdf', '/x')).toBe('plain.pdf')
  expect(fileNameFrom(null, '/en/export/catalogue.pdf?stars=5')).toBe('catalogue.pdf')
})

test('the expected size: Content-Length, else the caller’s figure, else products × bytes per product', () => {
  expect(expectedTotal(new Headers({ 'Content-Length': '5000' }), undefined, 100)).toBe(5000)
  // A compressed body's length is not the number of bytes the reader gets.
  expect(expectedTotal(new Headers({ 'Content-Length': '5000', 'Content-Encoding': 'gzip' }), 9000, 100)).toBe(9000)
  const estimate = expectedTotal(new Headers({ 'X-Product-Count': '100' }), undefined, PDF_BYTES_PER_PRODUCT)
  expect(estimate).toBeGreaterThan(100 * PDF_BYTES_PER_PRODUCT)
  expect(expectedTotal(new Headers({ 'X-Product-Count': 'many' }), undefined, 100)).toBeNull()
  expect(expectedTotal(new Headers(), undefined, 100)).toBeNull()
})

test('sizes read the way the page’s language writes numbers', () => {
  expect(formatBytes(1_234_567, 'vi')).toBe('1,2 MB')
  expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB')
  expect(formatBytes(850_400, 'vi')).toBe('850 kB')
})
