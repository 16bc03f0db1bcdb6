import { describe, expect, test } from 'vitest'
import { buildVietQrPayload, crc16CcittFalse, EmvcoError, parseEmvco, readVietQr } from './vietqr.ts'

describe('CRC-16/CCITT-FALSE', () => {
  test('gives the catalogue check value for "123456789"', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1')
  })

  test('is four upper-case hex digits, zero-padded', () => {
    expect(crc16CcittFalse('')).toBe('FFFF')
    for (const input of ['a', 'OC-2611-4K7P', '000201']) expect(crc16CcittFalse(input)).toMatch(/^[0-9A-F]{4}$/)
  })
})

describe('VietQR payload', () => {
  // Published example of the napas-qr package (github.com/duyquoc1508/napas-qr, README.md, "Quick
  // start"): a dynamic QR to account 224528479 at BIN 970416, 10 000 ₫, bill NPS6869, CRC AC13.
  test('matches the napas-qr README example byte for byte', () => {
    expect(
      buildVietQrPayload({
        bin: '970416',
        accountNumber: '224528479',
        amountVnd: 10_000,
        billNumber: 'NPS6869',
        purpose: 'TRANSFER TO SOMEONE',
      }),
    ).toBe(
      '00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN62340107NPS68690819TRANSFER TO SOMEONE6304AC13',
    )
  })

  // NAPAS "QR Format T&C v1.0" (09/2021) §6.1.3, dynamic QR to account, CRC 2E2E, as quoted in public
  // test code that cites that document (the search index did not name its repository).
  test('matches the NAPAS dynamic-to-account example byte for byte', () => {
    expect(
      buildVietQrPayload({
        bin: '970403',
        accountNumber: '0011012345678',
        amountVnd: 180_000,
        billNumber: 'NPS6869',
        purpose: 'thanh toan don hang',
      }),
    ).toBe(
      '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E',
    )
  })

  test('an order payment: dynamic, amount in whole đồng, the order number as the transfer note', () => {
    const payload = buildVietQrPayload({
      bin: '970436',
      accountNumber: '0011004455667',
      amountVnd: 1_250_000,
      purpose: 'OC-2611-4K7P',
    })
    const parsed = parseEmvco(payload)
    expect(parsed.order).toEqual(['00', '01', '38', '53', '54', '58', '62', '63'])
    expect(parsed.objects).toMatchObject({ '00': '01', '01': '12', '53': '704', '54': '1250000', '58': 'VN' })
    expect(parsed.merchantAccount).toEqual({
      '00': 'A000000727',
      '01': '000697043601130011004455667',
      '02': 'QRIBFTTA',
    })
    expect(parsed.beneficiary).toEqual({ '00': '970436', '01': '0011004455667' })
    expect(parsed.additionalData).toEqual({ '08': 'OC-2611-4K7P' })
    expect(parsed.crcValid).toBe(true)
    expect(payload.slice(-8, -4)).toBe('6304')
  })

  test('decodes back to the fields it was built from', () => {
    const cases = [
      { bin: '970436', accountNumber: '0000000000', amountVnd: 30_000, purpose: 'OC-2601-ABCD' },
      { bin: '970416', accountNumber: '224528479', amountVnd: 10_000, billNumber: 'NPS6869', purpose: 'X' },
      { bin: '970403', accountNumber: 'ABC123', amountVnd: 9_999_999_999_999 },
      { bin: '970403', accountNumber: '0011012345678', initiation: 'static' as const },
    ]
    for (const fields of cases) {
      expect(readVietQr(buildVietQrPayload(fields))).toEqual({ initiation: 'dynamic', ...fields })
    }
  })

  test('a changed character breaks the CRC, and readVietQr refuses it', () => {
    const payload = buildVietQrPayload({ bin: '970436', accountNumber: '0011004455667', amountVnd: 500_000 })
    const tampered = payload.replace('5406500000', '5406900000')
    expect(parseEmvco(tampered).crcValid).toBe(false)
    expect(readVietQr(tampered)).toBeNull()
    expect(readVietQr(payload)?.amountVnd).toBe(500_000)
  })

  test('malformed payloads are errors, not guesses', () => {
    expect(() => parseEmvco('000201010212380')).toThrow(EmvcoError)
    expect(() => parseEmvco('0002010102126304ABCD5802VN')).toThrow(/end with a four-digit CRC/)
    expect(() => parseEmvco('0102120002016304ABCD')).toThrow(/start with the format indicator/)
    expect(readVietQr('hello')).toBeNull()
  })

  test('refuses fields a banking app could not read', () => {
    const base = { bin: '970436', accountNumber: '0011004455667', amountVnd: 100_000 }
    expect(() => buildVietQrPayload({ ...base, bin: '97043' })).toThrow(EmvcoError)
    expect(() => buildVietQrPayload({ ...base, amountVnd: 100_000.5 })).toThrow(/whole number/)
    expect(() => buildVietQrPayload({ ...base, amountVnd: 0 })).toThrow(/whole number/)
    expect(() => buildVietQrPayload({ ...base, amountVnd: undefined })).toThrow(/needs an amount/)
    expect(() => buildVietQrPayload({ ...base, purpose: 'Thanh toán đơn hàng' })).toThrow(/ASCII/)
    expect(() => buildVietQrPayload({ ...base, purpose: 'x'.repeat(26) })).toThrow(/longer than 25/)
  })
})
