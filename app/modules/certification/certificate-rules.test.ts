import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { messagesFor } from '#app/i18n/messages.ts'
import { checkCertificateRules, levelForStars, parseIsoDay, starsForScore } from './certificate-rules.ts'
import { CertificateSchema } from './certificate-schema.ts'
import { lifecycleStatus } from './certificate-status.ts'

const d = (iso: string) => new Date(`${iso}T00:00:00Z`)
const today = d('2026-03-11')

function form(overrides: Record<string, string> = {}): FormData {
  const data = new FormData()
  const values: Record<string, string> = {
    productId: 'p1',
    stars: '4',
    score: '75',
    level: 'PROVINCIAL',
    issuer: 'UBND thành phố Hà Nội',
    decisionNumber: '1234/QĐ-UBND',
    decisionDate: '2026-03-01',
    issuedOn: '2026-03-05',
    expiresOn: '',
    legalBasis: 'Quyết định 148/QĐ-TTg ngày 24/02/2023',
    ...overrides,
  }
  for (const [key, value] of Object.entries(values)) data.append(key, value)
  return data
}

function errorsOf(data: FormData, locale: 'vi' | 'en' = 'vi') {
  const submission = parseWithZod(data, { schema: CertificateSchema(messagesFor(locale).certificates, locale, today) })
  return submission.status === 'success' ? null : submission.reply().error
}

describe('star bands and levels', () => {
  test.each([
    [49, null],
    [50, 3],
    [69, 3],
    [70, 4],
    [89, 4],
    [90, 5],
    [100, 5],
  ])('a score of %i earns %s stars', (score, stars) => {
    expect(starsForScore(score)).toBe(stars)
  })

  test('5 stars are national, 3 and 4 provincial', () => {
    expect([levelForStars(3), levelForStars(4), levelForStars(5)]).toEqual(['PROVINCIAL', 'PROVINCIAL', 'NATIONAL'])
  })

  test('dates must exist on the calendar', () => {
    expect(parseIsoDay('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z')
    expect(parseIsoDay('2026-02-30')).toBeNull()
    expect(parseIsoDay('30/01/2026')).toBeNull()
  })
})

describe('the record form, in the office’s language', () => {
  test('a correct form passes; the expiry may be left empty or given exactly', () => {
    expect(errorsOf(form())).toBeNull()
    expect(errorsOf(form({ expiresOn: '2029-03-05' }))).toBeNull()
  })

  test('a score outside the band of the stars is refused with the band it belongs to', () => {
    expect(errorsOf(form({ score: '68' }))?.score).toEqual(['Điểm 68 thuộc hạng 3 sao, không phải 4 sao.'])
    expect(errorsOf(form({ score: '68' }), 'en')?.score).toEqual(['A score of 68 is in the 3-star band, not 4 stars.'])
    expect(errorsOf(form({ stars: '3', score: '42' }))?.score).toEqual([
      'Điểm 42 dưới 50: chưa đủ để công nhận sao OCOP.',
    ])
    expect(errorsOf(form({ score: '101' }))?.score).toEqual(['Điểm là số nguyên từ 0 đến 100.'])
  })

  test('5 stars must be national, 3–4 stars provincial', () => {
    expect(errorsOf(form({ stars: '5', score: '92' }))?.level).toEqual(['Sản phẩm 5 sao do cấp quốc gia công nhận.'])
    expect(errorsOf(form({ level: 'NATIONAL' }))?.level).toEqual(['Sản phẩm 4 sao do cấp tỉnh công nhận.'])
  })

  test('dates in the future and an expiry other than 36 months are refused', () => {
    const errors = errorsOf(form({ issuedOn: '2026-03-12', decisionDate: '2026-04-01' }))
    expect(errors?.issuedOn).toEqual(['Ngày cấp không được ở tương lai.'])
    expect(errors?.decisionDate).toEqual(['Ngày quyết định không được ở tương lai.'])
    expect(errorsOf(form({ expiresOn: '2029-03-04' }))?.expiresOn).toEqual([
      'Hạn phải đúng 36 tháng sau ngày cấp (05/03/2029).',
    ])
  })

  test('required fields and potential 5 stars only for 4 stars', () => {
    const errors = errorsOf(form({ issuer: ' ', decisionNumber: '', legalBasis: '', stars: '' }))
    expect(errors).toMatchObject({
      issuer: ['Nhập cơ quan cấp chứng nhận.'],
      decisionNumber: ['Nhập số quyết định.'],
      legalBasis: ['Ghi căn cứ (bộ tiêu chí) của lần đánh giá.'],
      stars: ['Chọn hạng sao: 3, 4 hoặc 5 sao.'],
    })
    const potential = form({ stars: '3', score: '60' })
    potential.append('potentialFiveStar', 'on')
    expect(errorsOf(potential)?.potentialFiveStar).toEqual(['Chỉ sản phẩm 4 sao mới được đánh dấu tiềm năng 5 sao.'])
  })

  test('the pure rules agree with the form', () => {
    const problems = checkCertificateRules(
      {
        stars: 5,
        score: 88,
        level: 'PROVINCIAL',
        issuedOn: d('2026-03-01'),
        decisionDate: d('2026-03-01'),
        expiresOn: null,
        potentialFiveStar: false,
      },
      today,
    )
    expect(problems.map((p) => p.code)).toEqual(['score-out-of-band', 'level-mismatch'])
  })
})

describe('superseded status', () => {
  const certificate = { issuedOn: d('2023-03-10'), expiresOn: d('2026-03-10'), revokedAt: null }
  test('a replaced certificate is superseded whatever its dates; revoked still wins', () => {
    expect(lifecycleStatus(certificate, d('2025-01-01'), { superseded: false })).toBe('active')
    expect(lifecycleStatus(certificate, d('2025-01-01'), { superseded: true })).toBe('superseded')
    expect(lifecycleStatus(certificate, d('2026-04-01'), { superseded: true })).toBe('superseded')
    expect(lifecycleStatus({ ...certificate, revokedAt: d('2025-01-01') }, d('2025-02-01'), { superseded: true })).toBe(
      'revoked',
    )
  })
})
