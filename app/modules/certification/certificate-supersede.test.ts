/**
 * A certificate replaced by a re-evaluation never speaks for the product again: when the newer one is
 * revoked, the product has no stars, even though the old one is still within its dates.
 */
import { expect, test } from 'vitest'
import { getPublishedProduct } from '#app/modules/catalog/product.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { createTestUser } from '#tests/factories/accounts.ts'
import { createTestProducer } from '#tests/factories/orders.ts'
import { reEvaluate, recordCertificate, revokeCertificate } from './certificates.server.ts'

const d = (iso: string) => new Date(`${iso}T00:00:00Z`)

test('revoking the re-evaluation leaves the product without stars; the superseded certificate does not come back', async () => {
  const today = d('2026-06-01')
  const producer = await createTestProducer({ products: [{ nameVi: 'Chè búp thử nghiệm tái đánh giá' }] })
  const productId = producer.products[0]!.id
  const officer = await createTestUser({ roles: ['OFFICE_STAFF'] })
  const actor = { id: officer.id, email: officer.email }
  const base = {
    level: 'PROVINCIAL' as const,
    issuer: 'UBND tỉnh Thái Nguyên',
    decisionDate: d('2025-01-10'),
    legalBasis: 'Quyết định 148/QĐ-TTg ngày 24/02/2023',
    potentialFiveStar: false,
  }
  const first = await recordCertificate(
    actor,
    { ...base, productId, stars: 3, score: 62, decisionNumber: '101/QĐ-UBND', issuedOn: d('2025-01-15') },
    { today },
  )
  expect(first.ok).toBe(true)
  if (!first.ok) return
  const second = await reEvaluate(
    actor,
    first.id,
    {
      ...base,
      stars: 4,
      score: 81,
      decisionNumber: '702/QĐ-UBND',
      decisionDate: d('2026-05-20'),
      issuedOn: d('2026-05-25'),
    },
    { today },
  )
  expect(second.ok).toBe(true)
  if (!second.ok) return
  const entry = () =>
    getDb().catalogEntry.findUniqueOrThrow({ where: { productId }, select: { certStars: true, slug: true } })
  expect((await entry()).certStars).toBe(4)

  expect((await revokeCertificate(actor, second.id, 'Kiểm tra sau chứng nhận không đạt')).ok).toBe(true)
  const { certStars, slug } = await entry()
  expect(certStars).toBeNull()
  const page = await getPublishedProduct(slug, today)
  expect(page?.stars).toBeNull()
})
