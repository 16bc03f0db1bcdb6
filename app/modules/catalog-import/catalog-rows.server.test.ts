import { describe, expect, test } from 'vitest'
import {
  COLUMNS,
  createRowValidator,
  parsePriceVnd,
  parseStatus,
  readHeader,
  type CatalogHeader,
  type Column,
  type RowContext,
} from './catalog-rows.server.ts'

const context: RowContext = {
  villageSlugs: new Set(['lang-nuoi-ong-dan-phuong', 'lang-gom-bat-trang']),
  producerVillageSlug: 'lang-nuoi-ong-dan-phuong',
}

const VALID: Record<Column, string> = {
  sku: 'TM-NHAN-500',
  name_vi: 'Mật ong hoa nhãn',
  name_en: 'Longan blossom honey',
  group: 'thuc-pham',
  subgroup: 'mat-ong-nong-san-khac',
  price_vnd: '250.000',
  unit: 'chai 500 ml',
  unit_en: '',
  weight_g: '750',
  stock: '120',
  village_slug: 'lang-nuoi-ong-dan-phuong',
  description_vi: 'Mật ong vụ tháng Ba.',
  description_en: '',
  status: 'đang bán',
}

function headerOf(columns: readonly string[] = COLUMNS): CatalogHeader {
  const result = readHeader(columns)
  if (!result.ok) throw new Error(result.error)
  return result.header
}

/** Validates rows given as overrides of VALID, on lines 2, 3, … */
function validate(...rows: Partial<Record<Column, string>>[]) {
  const validator = createRowValidator(headerOf(), context)
  return rows.map((row, i) => {
    const values = { ...VALID, ...row }
    return validator({ line: i + 2, fields: COLUMNS.map((column) => values[column]) })
  })
}

function reasonsOf(row: Partial<Record<Column, string>>): string[] {
  const [result] = validate(row)
  if (!result || result.ok) throw new Error('expected a rejection')
  return result.rejection.reasons
}

describe('readHeader', () => {
  test('accepts the columns in any order and letter case, with spaces, a BOM and empty trailing cells', () => {
    const result = readHeader([
      '\uFEFF SKU ',
      'Name_VI',
      'group',
      'subgroup',
      'price_vnd',
      'unit',
      'weight_g',
      'stock',
      '',
      '',
    ])
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.header.index).toMatchObject({ sku: 0, name_vi: 1, stock: 7 })
  })

  test('lists every missing required column in one whole-file error', () => {
    const result = readHeader(['sku', 'name_vi', 'group', 'unit', 'stock'])
    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining('Thiếu cột bắt buộc: subgroup, price_vnd, weight_g.'),
    })
  })

  test('refuses unknown and repeated column names', () => {
    const unknown = readHeader([...COLUMNS, 'gia_ban'])
    expect(unknown.ok ? '' : unknown.error).toContain('Tên cột không nhận ra: “gia_ban”')
    const repeated = readHeader([...COLUMNS, 'SKU'])
    expect(repeated.ok ? '' : repeated.error).toBe('Cột bị lặp trong dòng tiêu đề: sku.')
  })
})

describe('parsePriceVnd', () => {
  test.each([
    ['150000', 150_000],
    ['150.000', 150_000],
    ['150,000', 150_000],
    ['1.500.000', 1_500_000],
    ['1,500,000', 1_500_000],
    [' 150 000 ₫ ', 150_000],
    ['85000đ', 85_000],
    ['1000', 1_000],
    ['1000000000', 1_000_000_000],
  ])('%s → %i', (raw, value) => {
    expect(parsePriceVnd(raw)).toEqual({ ok: true, value })
  })

  test.each([
    ['-150000', 'Giá không được âm.'],
    ['150.5', 'có phần lẻ'],
    ['1,5', 'có phần lẻ'],
    ['150000.00', 'có phần lẻ'],
    ['1.500,000', 'có phần lẻ'],
    ['15.00.000', 'có phần lẻ'],
    ['một trăm', 'không phải số tiền hợp lệ'],
    ['1.5E+05', 'không phải số tiền hợp lệ'],
    ['999', 'thấp hơn mức tối thiểu 1.000 ₫'],
    ['0', 'thấp hơn mức tối thiểu'],
    ['1000000001', 'vượt quá mức tối đa 1.000.000.000 ₫'],
  ])('%s is refused', (raw, reason) => {
    const result = parsePriceVnd(raw)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(reason)
  })
})

describe('parseStatus', () => {
  test.each([
    ['draft', 'DRAFT'],
    ['Nháp', 'DRAFT'],
    ['PUBLISHED', 'PUBLISHED'],
    ['đang  bán', 'PUBLISHED'],
    ['Đang bán', 'PUBLISHED'],
    ['archived', 'ARCHIVED'],
    ['lưu trữ', 'ARCHIVED'],
    ['', null],
  ])('%s → %s', (raw, status) => {
    expect(parseStatus(raw)).toEqual({ ok: true, value: status })
  })

  test('decomposed Vietnamese (as macOS may save it) is read like composed text', () => {
    expect(parseStatus('đang bán'.normalize('NFD'))).toEqual({ ok: true, value: 'PUBLISHED' })
  })
})

describe('createRowValidator', () => {
  test('turns a valid row into the values to save', () => {
    const [result] = validate({ unit_en: '', description_en: '' })
    expect(result).toEqual({
      ok: true,
      row: {
        line: 2,
        sku: 'TM-NHAN-500',
        groupCode: 'thuc-pham',
        subgroupCode: 'mat-ong-nong-san-khac',
        nameVi: 'Mật ong hoa nhãn',
        nameEn: 'Longan blossom honey',
        descriptionVi: 'Mật ong vụ tháng Ba.',
        descriptionEn: null,
        priceVnd: 250_000,
        unitVi: 'chai 500 ml',
        unitEn: 'chai 500 ml',
        weightGrams: 750,
        stock: 120,
        status: 'PUBLISHED',
      },
    })
  })

  test('empty optional cells mean "keep" (null); unit_en overrides the English unit', () => {
    const [result] = validate({
      name_en: '',
      status: '',
      description_vi: '',
      unit_en: '500 ml bottle',
      village_slug: '',
    })
    expect(result?.ok && result.row).toMatchObject({
      nameEn: null,
      status: null,
      descriptionVi: null,
      unitEn: '500 ml bottle',
    })
  })

  test('every required column, when empty, is named in Vietnamese', () => {
    const reasons = reasonsOf({
      sku: '',
      name_vi: '',
      group: '',
      subgroup: '',
      price_vnd: '',
      unit: '',
      weight_g: '',
      stock: '',
    })
    expect(reasons).toEqual([
      'Thiếu mã SKU (sku) (cột bắt buộc).',
      'Thiếu tên tiếng Việt (name_vi) (cột bắt buộc).',
      'Thiếu đơn vị bán (unit) (cột bắt buộc).',
      'Thiếu nhóm sản phẩm (group) (cột bắt buộc).',
      'Thiếu phân nhóm (subgroup) (cột bắt buộc).',
      'Thiếu giá (price_vnd) (cột bắt buộc).',
      'Thiếu khối lượng (weight_g) (cột bắt buộc).',
      'Thiếu tồn kho (stock) (cột bắt buộc).',
    ])
  })

  test('bad SKUs', () => {
    expect(reasonsOf({ sku: 'TM 01' })).toEqual([expect.stringContaining('Mã SKU “TM 01” không hợp lệ')])
    expect(reasonsOf({ sku: '-TM' })).toEqual([expect.stringContaining('không hợp lệ')])
    expect(reasonsOf({ sku: 'MẬT-01' })).toEqual([expect.stringContaining('chữ không dấu')])
    expect(reasonsOf({ sku: 'A'.repeat(65) })).toEqual(['Mã SKU (sku) dài quá 64 ký tự.'])
  })

  test('too-long texts', () => {
    expect(reasonsOf({ name_vi: 'a'.repeat(201) })).toEqual(['Tên tiếng Việt (name_vi) dài quá 200 ký tự.'])
    expect(reasonsOf({ name_en: 'a'.repeat(201) })).toEqual(['Tên tiếng Anh (name_en) dài quá 200 ký tự.'])
    expect(reasonsOf({ unit: 'a'.repeat(61) })).toEqual(['Đơn vị bán (unit) dài quá 60 ký tự.'])
    expect(reasonsOf({ description_vi: 'a'.repeat(5001) })).toEqual([
      'Mô tả tiếng Việt (description_vi) dài quá 5.000 ký tự.',
    ])
  })

  test('unknown group or subgroup, and a subgroup of another group', () => {
    expect(reasonsOf({ group: 'thuc-an' })).toEqual([expect.stringContaining('Nhóm sản phẩm “thuc-an” không có')])
    expect(reasonsOf({ subgroup: 'mat-ong' })).toEqual(['Phân nhóm “mat-ong” không có trong danh mục OCOP.'])
    expect(reasonsOf({ group: 'do-uong' })).toEqual(['Phân nhóm “mat-ong-nong-san-khac” không thuộc nhóm “do-uong”.'])
    // Codes are matched in any letter case.
    expect(validate({ group: 'THUC-PHAM' })[0]?.ok).toBe(true)
  })

  test('price, weight and stock', () => {
    expect(reasonsOf({ price_vnd: '-5000' })).toEqual(['Giá không được âm.'])
    expect(reasonsOf({ price_vnd: '150.5' })).toEqual([expect.stringContaining('có phần lẻ')])
    expect(reasonsOf({ price_vnd: '2.000.000.000' })).toEqual(['Giá vượt quá mức tối đa 1.000.000.000 ₫.'])
    expect(reasonsOf({ weight_g: '0' })).toEqual(['Khối lượng (weight_g) phải từ 1 đến 100.000 gam.'])
    expect(reasonsOf({ weight_g: '0.5' })).toEqual(['Khối lượng (weight_g) “0.5” phải là số nguyên không âm.'])
    expect(reasonsOf({ stock: '-1' })).toEqual(['Tồn kho (stock) “-1” phải là số nguyên không âm.'])
    expect(reasonsOf({ stock: '2000000' })).toEqual(['Tồn kho (stock) phải từ 0 đến 1.000.000.'])
    expect(validate({ stock: '0', weight_g: '1.200' })[0]).toMatchObject({
      ok: true,
      row: { stock: 0, weightGrams: 1200 },
    })
  })

  test('status', () => {
    expect(reasonsOf({ status: 'bán' })).toEqual([expect.stringContaining('Trạng thái “bán” không hợp lệ')])
  })

  test('village_slug must be a known village and the producer’s own', () => {
    expect(reasonsOf({ village_slug: 'lang-khong-co' })).toEqual(['Không có làng nghề mã “lang-khong-co”.'])
    expect(reasonsOf({ village_slug: 'lang-gom-bat-trang' })).toEqual([
      'Sản phẩm thuộc làng nghề của chủ thể (lang-nuoi-ong-dan-phuong), không phải “lang-gom-bat-trang”: để trống village_slug hoặc ghi lang-nuoi-ong-dan-phuong.',
    ])
    const noVillage = createRowValidator(headerOf(), { ...context, producerVillageSlug: null })
    const values = { ...VALID }
    const result = noVillage({ line: 2, fields: COLUMNS.map((column) => values[column]) })
    expect(result.ok ? [] : result.rejection.reasons).toEqual([
      expect.stringContaining('Chủ thể chưa gắn với làng nghề nào'),
    ])
  })

  test('a repeated SKU rejects the later row, naming the earlier line', () => {
    const results = validate({}, { sku: 'OTHER' }, { name_vi: 'Bản sao' })
    expect(results.map((r) => r.ok)).toEqual([true, true, false])
    expect(results[2]).toEqual({
      ok: false,
      rejection: {
        line: 4,
        sku: 'TM-NHAN-500',
        reasons: ['Mã SKU “TM-NHAN-500” đã xuất hiện ở dòng 2 của tệp; mỗi SKU chỉ được có một dòng.'],
      },
    })
  })

  test('a row with a different number of cells is rejected, unless the extra cells are empty', () => {
    const validator = createRowValidator(headerOf(), context)
    const fields = COLUMNS.map((column) => VALID[column])
    expect(validator({ line: 2, fields: [...fields, '', ' '] }).ok).toBe(true)
    const shifted = validator({ line: 3, fields: [...fields.slice(0, 5), 'lẻ', ...fields.slice(5)] })
    expect(shifted.ok ? [] : shifted.rejection.reasons).toEqual([
      'Dòng có 15 ô, dòng tiêu đề có 14 cột: kiểm tra dấu phân cách và dấu ngoặc kép.',
    ])
    expect(validator({ line: 4, fields: fields.slice(0, 3) }).ok).toBe(false)
  })

  test('optional columns may be left out of the header altogether', () => {
    const header = headerOf(['sku', 'name_vi', 'group', 'subgroup', 'price_vnd', 'unit', 'weight_g', 'stock'])
    const result = createRowValidator(
      header,
      context,
    )({
      line: 2,
      fields: ['A-1', 'Mật ong bạc hà', 'thuc-pham', 'mat-ong-nong-san-khac', '420000', 'hũ 500 g', '700', '5'],
    })
    expect(result).toMatchObject({ ok: true, row: { nameEn: null, status: null, unitEn: 'hũ 500 g' } })
  })
})
