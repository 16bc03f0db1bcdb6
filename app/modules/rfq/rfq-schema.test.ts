import { parseWithZod } from '@conform-to/zod/v4'
import { expect, test } from 'vitest'
import { messagesFor } from '#app/i18n/messages.ts'
import {
  addYears,
  neededByRange,
  parseUsdCents,
  parseVnd,
  QuoteSchema,
  RfqRequestSchema,
  toQuoteInput,
  toRfqInput,
  validUntilRange,
} from './rfq-schema.ts'
import { partStatusOn, quoteStatusOn, rfqStatus } from './rfq-status.ts'

function formData(fields: Record<string, string>): FormData {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  return form
}

test('prices as people type them: USD with at most two decimals, VND whole đồng', () => {
  expect(['6.2', '6.20', '6,20', 'US$ 6.20', '$1,250.50', '1250'].map(parseUsdCents)).toEqual([
    620, 620, 620, 620, 125_050, 125_000,
  ])
  expect(['0', '0.00', '6.205', '-5', 'abc', '', '1,25,0'].map(parseUsdCents)).toEqual([
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ])
  expect(['145000', '145.000', '145 000', '1.250.000 ₫', '145,000'].map(parseVnd)).toEqual([
    145_000, 145_000, 145_000, 1_250_000, 145_000,
  ])
  expect(['145000.5', '0', '14.50', '3000000000'].map(parseVnd)).toEqual([null, null, null, null])
})

test('date windows: needed-by from tomorrow to two years, a quote valid up to 180 days', () => {
  expect(neededByRange('2026-12-01')).toEqual({ min: '2026-12-02', max: '2028-12-01' })
  expect(addYears('2028-02-29', 2)).toBe('2030-03-01')
  expect(validUntilRange('2026-12-01')).toEqual({ min: '2026-12-01', max: '2027-05-30' })
})

test('the request form: MOQ quoted in the message, a target price in cents, lines checked one by one', () => {
  const t = messagesFor('en').rfq
  const schema = RfqRequestSchema(t.errors, {
    today: '2026-12-01',
    products: {
      honey: { available: true, moqQuantity: 300, moqUnitEn: 'jars' },
      soap: { available: false, moqQuantity: null, moqUnitEn: null },
    },
  })
  const base = { incoterm: 'FOB', destinationCountry: 'jp', neededBy: '2027-01-15' }
  const ok = parseWithZod(
    formData({
      ...base,
      'items[0].productId': 'honey',
      'items[0].quantity': '300',
      'items[0].unitEn': 'jars',
      'items[0].targetPrice': '5.9',
    }),
    { schema },
  )
  expect(ok.status).toBe('success')
  if (ok.status === 'success') {
    expect(toRfqInput(ok.value)).toMatchObject({
      destinationCountry: 'JP',
      destinationPort: '',
      items: [{ productId: 'honey', quantity: 300, unitEn: 'jars', targetPriceUsdCents: 590 }],
    })
  }
  const bad = parseWithZod(
    formData({
      ...base,
      neededBy: '2026-12-01',
      'items[0].productId': 'honey',
      'items[0].quantity': '12.5',
      'items[0].unitEn': 'jars',
      'items[1].productId': 'soap',
      'items[1].quantity': '10',
      'items[1].unitEn': 'bars',
      'items[1].targetPrice': '0',
    }),
    { schema },
  )
  expect(bad.status).toBe('error')
  expect(bad.reply().error).toMatchObject({
    neededBy: ['The needed-by date must be between tomorrow and two years from now.'],
    'items[0].quantity': ['The quantity must be a whole number.'],
    'items[1].productId': ['This product is not open to export quotation requests at the moment.'],
    'items[1].targetPrice': ['The target price is a USD amount above 0 with at most 2 decimals (for example 6.20).'],
  })
})

test('the quote form: every item priced, in the chosen currency', () => {
  const t = messagesFor('vi').rfq
  const schema = QuoteSchema(t.errors, { today: '2026-12-01', itemIds: ['a', 'b'] })
  const fields = {
    currency: 'VND',
    'lines[0].itemId': 'a',
    'lines[0].unitPrice': '145.000',
    'lines[1].itemId': 'b',
    'lines[1].unitPrice': '98000',
    validUntil: '2026-12-31',
    leadTimeDays: '30',
    incoterm: 'EXW',
  }
  const ok = parseWithZod(formData(fields), { schema })
  expect(ok.status === 'success' && toQuoteInput(ok.value).lines).toEqual([
    { itemId: 'a', unitPrice: 145_000 },
    { itemId: 'b', unitPrice: 98_000 },
  ])
  const usdWithVndPrices = parseWithZod(formData({ ...fields, currency: 'USD', 'lines[1].unitPrice': '9.999' }), {
    schema,
  })
  expect(usdWithVndPrices.reply().error).toMatchObject({
    'lines[1].unitPrice': ['Đơn giá USD phải lớn hơn 0, tối đa 2 chữ số thập phân (ví dụ 5.60).'],
  })
  const oneMissing = parseWithZod(
    formData({ ...fields, 'lines[1].itemId': 'a', validUntil: '2027-06-30', leadTimeDays: '0' }),
    { schema },
  )
  expect(oneMissing.reply().error).toMatchObject({
    '': ['Vui lòng báo giá cho mọi sản phẩm trong yêu cầu.'],
    validUntil: ['Báo giá có hiệu lực từ hôm nay đến tối đa 180 ngày tới.'],
    leadTimeDays: ['Thời gian giao hàng từ 1 đến 730 ngày.'],
  })
})

test('the request’s status comes from its parts, as of today', () => {
  expect(rfqStatus([{ status: 'DECLINED' }, { status: 'ACCEPTED' }])).toBe('ACCEPTED')
  expect(rfqStatus([{ status: 'OPEN' }, { status: 'QUOTED' }])).toBe('QUOTED')
  expect(rfqStatus([{ status: 'OPEN' }, { status: 'DECLINED' }])).toBe('OPEN')
  expect(rfqStatus([{ status: 'EXPIRED' }, { status: 'EXPIRED' }])).toBe('EXPIRED')
  expect(rfqStatus([{ status: 'EXPIRED' }, { status: 'DECLINED' }])).toBe('DECLINED')
  const expiresOn = new Date('2026-12-10T00:00:00Z')
  expect(partStatusOn('QUOTED', expiresOn, '2026-12-10')).toBe('QUOTED')
  expect(partStatusOn('QUOTED', expiresOn, '2026-12-11')).toBe('EXPIRED')
  expect(partStatusOn('ACCEPTED', expiresOn, '2026-12-11')).toBe('ACCEPTED')
  expect(quoteStatusOn('PENDING', expiresOn, '2026-12-11')).toBe('EXPIRED')
})
