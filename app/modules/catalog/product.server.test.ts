import { expect, test } from 'vitest'
import { getPublishedProduct } from './product.server.ts'

const today = new Date()

test('a product comes with its valid certificate, producer, village and origin with former names', async () => {
  const product = await getPublishedProduct('bo-bat-dia-hoa-sen-do', today)
  expect(product).not.toBeNull()
  expect(product!.stars).toBe(5)
  expect(product!.currentCertificate?.level).toBe('NATIONAL')
  expect(product!.producer.commune.province.code).toBe('01')
  expect(product!.producer.commune.formerNames.length).toBeGreaterThan(0)
  expect(product!.producer.village?.slug).toBe('lang-gom-bat-trang')
  expect(product!.images.length).toBeGreaterThan(0)
})

test('expired and revoked certificates carry no stars but stay on record', async () => {
  const expired = await getPublishedProduct('gio-lua-cong-thinh', today)
  expect(expired!.stars).toBeNull()
  expect(expired!.currentCertificate?.status).toBe('expired')
  const revoked = await getPublishedProduct('mat-ong-hoa-vai-thanh-ha', today)
  expect(revoked!.stars).toBeNull()
  expect(revoked!.currentCertificate?.status).toBe('revoked')
})

test('drafts, archived products and unknown slugs are not found', async () => {
  expect(await getPublishedProduct('gao-nang-huong-giang-thanh', today)).toBeNull()
  expect(await getPublishedProduct('nam-so-kms-minh-phu', today)).toBeNull()
  expect(await getPublishedProduct("x' OR 1=1 --", today)).toBeNull()
})
