/** The export forms' rules, parsed as the action parses them (Conform over a posted form). */
import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { messagesFor } from '#app/i18n/messages.ts'
import {
  CertificationSchema,
  ExportProfileSchema,
  ExportTermsSchema,
  formatUsdInput,
  parseUsdInput,
} from './export-terms-schema.ts'

const vi = messagesFor('vi').exportTerms
const en = messagesFor('en').exportTerms

function formData(fields: Record<string, string | string[]>): FormData {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v)
  }
  return form
}

/** A complete, export-ready form (the seeded honey's terms). */
function readyForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    exportReady: 'on',
    nameEn: 'Longan blossom honey 500 g',
    descriptionEn: 'Raw honey from the longan orchards of Hung Yen.',
    hsCode: '0409.00.00',
    moqQuantity: '300',
    moqUnitEn: 'jars (500 g)',
    monthlyCapacity: '6000',
    capacityUnitEn: 'jars',
    sampleLeadDays: '5',
    orderLeadDays: '21',
    incoterms: ['EXW', 'FOB'],
    loadingPlace: 'Hai Phong port',
    tierBasis: 'FOB',
    'tiers[0].minQuantity': '300',
    'tiers[0].priceUsd': '6.20',
    'tiers[1].minQuantity': '1000',
    'tiers[1].priceUsd': '5.60',
    'tiers[2].minQuantity': '',
    'tiers[2].priceUsd': '',
    packagingEn: 'Glass jar 500 g, 12 per carton',
    shelfLifeMonths: '24',
    ...overrides,
  }
}

function parseTerms(fields: Record<string, string | string[]>, t = vi) {
  return parseWithZod(formData(fields), { schema: ExportTermsSchema(t) })
}

/** The errors of a parsed form by field name; none when it passed. */
function errorsIn(submission: { status?: string; error?: Record<string, string[] | null> | null } | object) {
  return ('error' in submission ? submission.error : null) ?? {}
}

/** The errors by field name (Conform's "tiers[1].priceUsd" keys), or throws when the form passed. */
function errorsOf(fields: Record<string, string | string[]>, t = vi): Record<string, string[] | null> {
  const submission = parseTerms(fields, t)
  if (submission.status === 'success') throw new Error('expected the form to be refused')
  return submission.error ?? {}
}

describe('export terms: a complete form', () => {
  test('is accepted; the HS code is stored as digits, the prices as cents, empty rows are ignored', () => {
    const submission = parseTerms(readyForm())
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toMatchObject({
      exportReady: true,
      hsCode: '04090000',
      moqQuantity: 300,
      incoterms: ['EXW', 'FOB'],
      tierBasis: 'FOB',
      tiers: [
        { minQuantity: 300, priceUsdCents: 620 },
        { minQuantity: 1000, priceUsdCents: 560 },
      ],
    })
  })

  test('equal unit prices at larger quantities are fine; "6,20" and "$6" are read as USD', () => {
    const submission = parseTerms(
      readyForm({
        'tiers[0].priceUsd': '$6',
        'tiers[1].priceUsd': '6,00',
        'tiers[2].minQuantity': '5.000',
        'tiers[2].priceUsd': '5,95',
      }),
    )
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value.tiers).toEqual([
      { minQuantity: 300, priceUsdCents: 600 },
      { minQuantity: 1000, priceUsdCents: 600 },
      { minQuantity: 5000, priceUsdCents: 595 },
    ])
  })
})

describe('export terms: required when export-ready', () => {
  test('English name and description, HS code, MOQ, lead time, Incoterms, loading place, tiers and basis', () => {
    const errors = errorsOf({ exportReady: 'on' })
    expect(errors.nameEn).toEqual([vi.errors.nameEnRequired])
    expect(errors.descriptionEn).toEqual([vi.errors.descriptionEnRequired])
    expect(errors.hsCode).toEqual([vi.errors.hsRequired])
    expect(errors.moqQuantity).toEqual([vi.errors.moqRequired])
    expect(errors.orderLeadDays).toEqual([vi.errors.orderLeadRequired])
    expect(errors.incoterms).toEqual([vi.errors.incotermsRequired])
    expect(errors.loadingPlace).toEqual([vi.errors.loadingPlaceRequired])
    expect(errors.tiers).toEqual([vi.errors.tiersRequired])
    expect(errors.tierBasis).toEqual([vi.errors.tierBasisRequired])
  })

  test('an English name of spaces only does not count', () => {
    expect(errorsOf(readyForm({ nameEn: '   ' })).nameEn).toEqual([vi.errors.nameEnRequired])
  })

  test('the MOQ needs its unit', () => {
    expect(errorsOf(readyForm({ moqUnitEn: '' })).moqUnitEn).toEqual([vi.errors.moqUnitRequired])
  })

  test('messages follow the language', () => {
    expect(errorsOf({ exportReady: 'on' }, en).hsCode).toEqual(['An HS code is needed to be export-ready.'])
  })
})

describe('export terms: not export-ready', () => {
  test('an almost empty draft is accepted', () => {
    const submission = parseTerms({ nameEn: '', hsCode: '0902.10' })
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toMatchObject({ exportReady: false, hsCode: '090210', tiers: [], moqQuantity: null })
  })

  test('what is filled must still be valid', () => {
    const errors = errorsOf({
      hsCode: '12',
      moqQuantity: '0',
      orderLeadDays: '900',
      'tiers[0].minQuantity': '10',
      'tiers[0].priceUsd': '0',
    })
    expect(errors.hsCode).toEqual([vi.errors.hsFormat])
    expect(errors.moqQuantity).toEqual([vi.errors.moqInvalid(10_000_000)])
    expect(errors.orderLeadDays).toEqual([vi.errors.orderLeadInvalid(730)])
    expect(errors['tiers[0].priceUsd']).toEqual([vi.errors.tierPriceNotPositive])
  })
})

describe('export terms: field checks', () => {
  test.each([
    ['0', 'zero'],
    ['-5', 'negative'],
    ['2.5', 'fractional'],
    ['10000001', 'above 10,000,000'],
  ])('an MOQ of %s (%s) is refused next to the field', (moq) => {
    expect(errorsOf(readyForm({ moqQuantity: moq, 'tiers[0].minQuantity': '300' })).moqQuantity).toEqual([
      vi.errors.moqInvalid(10_000_000),
    ])
  })

  test('order lead time 1–730 days, sample lead time 0–365 days', () => {
    expect(errorsOf(readyForm({ orderLeadDays: '0' })).orderLeadDays).toEqual([vi.errors.orderLeadInvalid(730)])
    expect(errorsOf(readyForm({ orderLeadDays: '731' })).orderLeadDays).toEqual([vi.errors.orderLeadInvalid(730)])
    expect(errorsOf(readyForm({ sampleLeadDays: '366' })).sampleLeadDays).toEqual([vi.errors.sampleLeadInvalid(365)])
    expect(errorsOf(readyForm({ sampleLeadDays: '-1' })).sampleLeadDays).toEqual([vi.errors.sampleLeadInvalid(365)])
    expect(parseTerms(readyForm({ sampleLeadDays: '0', orderLeadDays: '730' })).status).toBe('success')
  })

  test('HS codes: wrong length or letters, and a chapter that does not exist', () => {
    expect(errorsOf(readyForm({ hsCode: '0409' })).hsCode).toEqual([vi.errors.hsFormat])
    expect(errorsOf(readyForm({ hsCode: 'ABCD.EF' })).hsCode).toEqual([vi.errors.hsFormat])
    expect(errorsOf(readyForm({ hsCode: '7701.00' })).hsCode).toEqual([vi.errors.hsChapter])
    expect(errorsOf(readyForm({ hsCode: '9801.00' })).hsCode).toEqual([vi.errors.hsChapter])
  })

  test('Incoterms outside the 2020 list are refused', () => {
    expect(errorsOf(readyForm({ incoterms: ['FOB', 'DAT'] }))['incoterms[1]']).toEqual([vi.errors.incotermInvalid])
  })

  test('the price basis is FOB or EXW, and must be among the offered Incoterms', () => {
    expect(errorsOf(readyForm({ tierBasis: 'CIF', incoterms: ['CIF'] })).tierBasis).toEqual([
      vi.errors.tierBasisInvalid,
    ])
    expect(errorsOf(readyForm({ tierBasis: 'EXW', incoterms: ['FOB'] })).tierBasis).toEqual([
      vi.errors.tierBasisNotOffered('EXW'),
    ])
  })

  test('monthly capacity above 0 with its unit; shelf life 1–600 months', () => {
    expect(errorsOf(readyForm({ monthlyCapacity: '0' })).monthlyCapacity).toEqual([
      vi.errors.capacityInvalid(1_000_000_000),
    ])
    expect(errorsOf(readyForm({ capacityUnitEn: '' })).capacityUnitEn).toEqual([vi.errors.capacityUnitRequired])
    expect(errorsOf(readyForm({ shelfLifeMonths: '0' })).shelfLifeMonths).toEqual([vi.errors.shelfLifeInvalid(600)])
    expect(errorsOf(readyForm({ shelfLifeMonths: '601' })).shelfLifeMonths).toEqual([vi.errors.shelfLifeInvalid(600)])
    expect(parseTerms(readyForm({ monthlyCapacity: '', capacityUnitEn: '', shelfLifeMonths: '' })).status).toBe(
      'success',
    )
  })
})

describe('export terms: price tiers', () => {
  test('overlapping tiers (the same minimum quantity twice) are refused on the second row', () => {
    const errors = errorsOf(readyForm({ 'tiers[1].minQuantity': '300', 'tiers[1].priceUsd': '5.00' }))
    expect(errors['tiers[1].minQuantity']).toEqual([vi.errors.tierDuplicate])
  })

  test('quantities going backwards are refused', () => {
    const errors = errorsOf(
      readyForm({
        'tiers[1].minQuantity': '2000',
        'tiers[1].priceUsd': '5.00',
        'tiers[2].minQuantity': '1000',
        'tiers[2].priceUsd': '4.00',
      }),
    )
    expect(errors['tiers[2].minQuantity']).toEqual([vi.errors.tierNotAscending])
  })

  test('a larger quantity with a higher unit price is refused', () => {
    const errors = errorsOf(readyForm({ 'tiers[1].priceUsd': '6.50' }))
    expect(errors['tiers[1].priceUsd']).toEqual([vi.errors.tierPriceRises])
  })

  test('a first tier below the MOQ is refused', () => {
    const errors = errorsOf(readyForm({ 'tiers[0].minQuantity': '100' }))
    expect(errors['tiers[0].minQuantity']).toEqual([vi.errors.tierBelowMoq(300)])
  })

  test.each([
    ['0', vi.errors.tierPriceNotPositive],
    ['0.00', vi.errors.tierPriceNotPositive],
    ['-3.10', vi.errors.tierPriceNotPositive],
    ['6.205', vi.errors.tierPriceDecimals],
    ['six', vi.errors.tierPriceInvalid],
    ['200000', vi.errors.tierPriceTooHigh('100000.00')],
  ])('a unit price of "%s" is refused', (price, message) => {
    expect(errorsOf(readyForm({ 'tiers[0].priceUsd': price }))['tiers[0].priceUsd']).toEqual([message])
  })

  test('a half-filled row asks for the missing half', () => {
    const errors = errorsOf(readyForm({ 'tiers[2].minQuantity': '5000' }))
    expect(errors['tiers[2].priceUsd']).toEqual([vi.errors.tierPriceRequired])
    const other = errorsOf(readyForm({ 'tiers[2].priceUsd': '4.00' }))
    expect(other['tiers[2].minQuantity']).toEqual([vi.errors.tierQuantityRequired])
  })

  test('a tier quantity must be a whole number', () => {
    expect(errorsOf(readyForm({ 'tiers[1].minQuantity': '1000.5' }))['tiers[1].minQuantity']).toEqual([
      vi.errors.tierQuantityInvalid(10_000_000),
    ])
  })

  test('at most 6 tiers', () => {
    const rows: Record<string, string> = {}
    for (let i = 0; i < 7; i += 1) {
      rows[`tiers[${i}].minQuantity`] = String(300 + i * 100)
      rows[`tiers[${i}].priceUsd`] = (6 - i * 0.1).toFixed(2)
    }
    expect(errorsOf(readyForm(rows)).tiers).toEqual([vi.errors.tiersTooMany(6)])
    delete rows['tiers[6].minQuantity']
    delete rows['tiers[6].priceUsd']
    expect(parseTerms(readyForm(rows)).status).toBe('success')
  })

  test('tiers need a basis even on a draft', () => {
    expect(errorsOf({ 'tiers[0].minQuantity': '100', 'tiers[0].priceUsd': '2.00' }).tierBasis).toEqual([
      vi.errors.tierBasisRequired,
    ])
  })
})

describe('USD amounts', () => {
  test('parse and format', () => {
    expect(parseUsdInput('1,250.50')).toEqual({ ok: true, cents: 125_050 })
    expect(parseUsdInput('USD 4.9')).toEqual({ ok: true, cents: 490 })
    expect(parseUsdInput('0.01')).toEqual({ ok: true, cents: 1 })
    expect(parseUsdInput('')).toEqual({ ok: false, reason: 'invalid' })
    expect(formatUsdInput(620)).toBe('6.20')
    expect(formatUsdInput(5)).toBe('0.05')
  })
})

describe('certification form', () => {
  const c = vi.certifications.errors
  function parseCert(fields: Record<string, string>) {
    return parseWithZod(formData(fields), { schema: CertificationSchema(vi) })
  }
  const valid = {
    kind: 'HACCP',
    number: 'HACCP-VN-1',
    issuer: 'Vinacert',
    issuedOn: '2025-01-10',
    expiresOn: '2028-01-09',
  }

  test('a complete certification is accepted, dates as UTC days', () => {
    const submission = parseCert(valid)
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toMatchObject({
      kind: 'HACCP',
      otherName: null,
      issuedOn: new Date('2025-01-10T00:00:00Z'),
    })
  })

  test('the expiry date is required and after the issue date; the issue date is optional', () => {
    expect(errorsIn(parseCert({ ...valid, expiresOn: '' })).expiresOn).toEqual([c.expiresRequired])
    expect(errorsIn(parseCert({ ...valid, expiresOn: '2025-01-10' })).expiresOn).toEqual([c.expiresBeforeIssued])
    expect(errorsIn(parseCert({ ...valid, expiresOn: '2025-02-30' })).expiresOn).toEqual([c.dateInvalid])
    expect(parseCert({ ...valid, issuedOn: '' }).status).toBe('success')
  })

  test('OTHER needs a name; number and issuer are required; the kind must be known', () => {
    expect(errorsIn(parseCert({ ...valid, kind: 'OTHER' })).otherName).toEqual([c.otherNameRequired])
    expect(parseCert({ ...valid, kind: 'OTHER', otherName: 'Halal' }).status).toBe('success')
    expect(errorsIn(parseCert({ ...valid, number: ' ' })).number).toEqual([c.numberRequired])
    expect(errorsIn(parseCert({ ...valid, issuer: '' })).issuer).toEqual([c.issuerRequired])
    expect(errorsIn(parseCert({ ...valid, kind: 'FDA' })).kind).toEqual([c.kindRequired])
  })
})

describe('export profile form', () => {
  function parseProfile(fields: Record<string, string | string[]>) {
    return parseWithZod(formData(fields), { schema: ExportProfileSchema(vi) })
  }

  test('country codes are checked against the list, de-duplicated and sorted', () => {
    const submission = parseProfile({ exportProfileEn: 'Since 2019.', exportMarkets: ['kr', 'JP', 'KR'] })
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toEqual({ exportProfileEn: 'Since 2019.', exportMarkets: ['JP', 'KR'] })
    expect(parseProfile({ exportMarkets: 'US, DE' }).status).toBe('success')
    expect(errorsIn(parseProfile({ exportMarkets: ['JP', 'XX'] })).exportMarkets).toEqual([
      vi.profile.errors.marketUnknown('XX'),
    ])
  })

  test('the profile is at most 2,000 characters', () => {
    expect(errorsIn(parseProfile({ exportProfileEn: 'a'.repeat(2001) })).exportProfileEn).toEqual([
      vi.profile.errors.profileTooLong(2000),
    ])
    expect(parseProfile({ exportProfileEn: 'a'.repeat(2000) }).status).toBe('success')
  })
})
