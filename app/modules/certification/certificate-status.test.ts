import { describe, expect, test } from 'vitest'
import { addMonths, certificateStatus, expiryFor, showsStars } from './certificate-status.ts'

const d = (iso: string) => new Date(`${iso}T00:00:00Z`)

describe('certificate status', () => {
  const certificate = { issuedOn: d('2023-06-15'), expiresOn: expiryFor(d('2023-06-15')), revokedAt: null }

  test('expiry is 36 months after issue', () => {
    expect(certificate.expiresOn.toISOString().slice(0, 10)).toBe('2026-06-15')
    expect(addMonths(d('2023-01-31'), 1).toISOString().slice(0, 10)).toBe('2023-02-28')
  })

  test.each([
    ['2024-01-01', 'active'],
    ['2026-05-15', 'active'],
    ['2026-05-16', 'expiring'],
    ['2026-05-14', 'active'],
    ['2026-06-15', 'expiring'],
    ['2026-06-16', 'expired'],
    ['2023-06-14', 'pending'],
  ])('on %s it is %s', (today, status) => {
    expect(certificateStatus(certificate, d(today))).toBe(status)
  })

  test('revoked wins over dates, and only active or expiring certificates show stars', () => {
    expect(certificateStatus({ ...certificate, revokedAt: d('2024-01-01') }, d('2024-02-01'))).toBe('revoked')
    expect(showsStars('active')).toBe(true)
    expect(showsStars('expiring')).toBe(true)
    expect(showsStars('expired')).toBe(false)
    expect(showsStars('revoked')).toBe(false)
  })
})
