import { describe, expect, test } from 'vitest'
import { CatalogFileError, detectDelimiter, readCsvRecords, type CsvRecord } from './csv-reader.server.ts'

/** The bytes in chunks of `size`, so that records, lines and characters straddle chunk boundaries. */
async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

async function read(input: string | Uint8Array, size = 5): Promise<CsvRecord[]> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  const records: CsvRecord[] = []
  for await (const record of readCsvRecords(chunks(bytes, size))) records.push(record)
  return records
}

async function fileError(input: string | Uint8Array): Promise<string> {
  const error = await read(input).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CatalogFileError)
  return (error as CatalogFileError).message
}

describe('readCsvRecords', () => {
  test('drops a UTF-8 BOM and keeps Vietnamese text split across chunks intact', async () => {
    const records = await read('\uFEFFsku,name_vi\nTM-1,Mật ong hoa nhãn Đan Phượng\n', 3)
    expect(records).toEqual([
      { line: 1, fields: ['sku', 'name_vi'] },
      { line: 2, fields: ['TM-1', 'Mật ong hoa nhãn Đan Phượng'] },
    ])
  })

  test('detects a semicolon delimiter from the header line (Excel in Vietnamese locale)', async () => {
    const records = await read('sku;name_vi;price_vnd\r\nTM-1;Mật ong, loại 1;150.000\r\n')
    expect(records.map((r) => r.fields)).toEqual([
      ['sku', 'name_vi', 'price_vnd'],
      ['TM-1', 'Mật ong, loại 1', '150.000'],
    ])
    expect(detectDelimiter('a,b;c,d')).toBe(',')
    expect(detectDelimiter('"a;b",c;d;e')).toBe(';')
  })

  test('counts physical lines through quoted fields with newlines (LF, CRLF) and blank lines', async () => {
    const lf = 'sku,description_vi\nA,"dòng 1\ndòng 2\ndòng 3"\n\nB,"có ""ngoặc"" và, dấu phẩy"\nC,x\n'
    expect((await read(lf)).map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'sku'],
      [2, 'A'],
      [6, 'B'],
      [7, 'C'],
    ])
    const records = await read(lf.replaceAll('\n', '\r\n'), 4)
    expect(records.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'sku'],
      [2, 'A'],
      [6, 'B'],
      [7, 'C'],
    ])
    expect(records[1]?.fields[1]).toBe('dòng 1\r\ndòng 2\r\ndòng 3')
    expect(records[2]?.fields[1]).toBe('có "ngoặc" và, dấu phẩy')
  })

  test('a lone CR inside quotes counts as a line break too', async () => {
    expect((await read('sku,d\nA,"x\ry"\nB,z\n')).map((r) => r.line)).toEqual([1, 2, 4])
  })

  test('reads a last line without a line break', async () => {
    expect((await read('sku\nA\nB')).map((r) => r.line)).toEqual([1, 2, 3])
  })

  test('an unclosed quote is a whole-file error naming the line the record starts on', async () => {
    const message = await fileError('sku,name_vi\nA,ok\nB,"không đóng\nC,x\nD,y\n')
    expect(message).toContain('dòng 3')
    expect(message).toContain('ngoặc kép')
  })

  test('a stray quote inside a field names its line', async () => {
    expect(await fileError('sku,name_vi\nA,"multi\nline"\nB,Hũ "đặc biệt"\n')).toContain('dòng 4')
    expect(await fileError('sku,name_vi\nA,"đóng"rồi thêm\n')).toContain('dòng 2')
  })

  test('invalid UTF-8 (a Windows-1258 file) is refused with advice to save as UTF-8, naming the line', async () => {
    // "Mật ong" in Windows-1258: 0xEA for ê-less "â"… any high byte alone is invalid UTF-8.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('sku,name_vi\nA,Mat ong\nB,M'),
      0xe2,
      0xf2,
      ...new TextEncoder().encode('t ong\n'),
    ])
    const message = await fileError(bytes)
    expect(message).toContain('UTF-8')
    expect(message).toContain('dòng 3')
    expect(message).toContain('Chưa có sản phẩm nào được nhập')
  })

  test('a quote that swallows the rest of a large file stops at a record length limit', async () => {
    const message = await fileError(`sku,name_vi\nA,ok\nB,"${'mật ong '.repeat(30_000)}`)
    expect(message).toContain('Bản ghi bắt đầu từ dòng 3 dài bất thường')
  })

  test('a UTF-16 file gets its own explanation', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x73, 0x00, 0x6b, 0x00, 0x75, 0x00])
    expect(await fileError(utf16)).toContain('UTF-16')
  })

  test('an empty file has no records', async () => {
    expect(await read('')).toEqual([])
    expect(await read('\uFEFF\n\n')).toEqual([])
  })
})
