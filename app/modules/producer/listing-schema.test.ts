import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { messagesFor } from '#app/i18n/messages.ts'
import { formatVndInput, ListingSchema, parseVndInput } from './listing-schema.ts'

describe('parseVndInput', () => {
  test.each([
    ['150000', 150_000],
    ['150.000', 150_000],
    ['1.250.000', 1_250_000],
    ['150,000', 150_000],
    [' 150 000 ₫ ', 150_000],
    ['150.000đ', 150_000],
    ['150000 VND', 150_000],
  ])('reads %j as %i đồng', (text, value) => {
    expect(parseVndInput(text)).toEqual({ ok: true, value })
  })

  test.each([
    ['-150000', 'negative'],
    ['-150.000', 'negative'],
    ['150000.5', 'fractional'],
    ['150,5', 'fractional'],
    ['1.50', 'fractional'],
    ['15.00.000', 'invalid'],
    ['1e6', 'invalid'],
    ['abc', 'invalid'],
    ['', 'invalid'],
  ])('refuses %j as %s', (text, reason) => {
    expect(parseVndInput(text)).toEqual({ ok: false, reason })
  })

  test('the editor shows a stored price the way it reads it back', () => {
    expect(formatVndInput(1_250_000)).toBe('1.250.000')
    expect(parseVndInput(formatVndInput(1_250_000))).toEqual({ ok: true, value: 1_250_000 })
  })
})

describe('ListingSchema', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData()
    for (const [key, value] of Object.entries(fields)) data.append(key, value)
    return data
  }
  const valid = {
    sku: 'MO-500',
    nameVi: 'Mật ong rừng',
    groupCode: 'thuc-pham',
    subgroupCode: 'mat-ong-nong-san-khac',
    priceVnd: '250.000',
    unitVi: 'chai 500 ml',
    weightGrams: '700',
    stock: '10',
  }

  test('a complete form parses, with optional English fields empty and the status a draft', () => {
    const submission = parseWithZod(form(valid), { schema: ListingSchema(messagesFor('vi').listings) })
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value).toMatchObject({
      priceVnd: 250_000,
      nameEn: '',
      status: 'DRAFT',
    })
  })

  test('a subgroup must belong to the chosen group; a SKU has no spaces', () => {
    const submission = parseWithZod(form({ ...valid, subgroupCode: 'hoa', sku: 'MO 500' }), {
      schema: ListingSchema(messagesFor('vi').listings),
    })
    expect(submission.reply().error).toMatchObject({
      sku: ['Mã SKU chỉ gồm chữ cái không dấu, chữ số và các ký tự . _ / -, không có khoảng trắng.'],
      subgroupCode: ['Phân nhóm này không thuộc nhóm sản phẩm đã chọn.'],
    })
  })

  test('missing fields get their own messages', () => {
    const submission = parseWithZod(form({}), { schema: ListingSchema(messagesFor('vi').listings) })
    expect(submission.reply().error).toMatchObject({
      sku: ['Hãy nhập mã SKU.'],
      priceVnd: ['Hãy nhập giá bán.'],
      groupCode: ['Hãy chọn nhóm sản phẩm.'],
      subgroupCode: ['Hãy chọn phân nhóm.'],
      stock: ['Hãy nhập số lượng tồn kho.'],
    })
  })
})
