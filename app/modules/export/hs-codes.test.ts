import { expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { checkHsCode } from './hs-codes.ts'

test('HS codes: 6, 8 or 10 digits with or without dots, a real chapter, the heading described when known', () => {
  expect(checkHsCode('0409.00')).toMatchObject({
    ok: true,
    code: '040900',
    display: '0409.00',
    description: { en: 'Natural honey' },
  })
  expect(checkHsCode('2103 90 13')).toMatchObject({ ok: true, code: '21039013', display: '2103.90.13' })
  expect(checkHsCode('8471.30')).toMatchObject({ ok: true, description: null })
  expect(checkHsCode('0409')).toEqual({ ok: false, problem: 'format' })
  expect(checkHsCode('04090')).toEqual({ ok: false, problem: 'format' })
  expect(checkHsCode('abcd.ef')).toEqual({ ok: false, problem: 'format' })
  expect(checkHsCode('9900.00')).toEqual({ ok: false, problem: 'chapter' })
  expect(checkHsCode('7700.00')).toEqual({ ok: false, problem: 'chapter' })
  expect(checkHsCode('0000.00')).toEqual({ ok: false, problem: 'chapter' })
})

test('the seed makes real products export-ready, with tiers and certifications (one HACCP already expired)', async () => {
  const db = getDb()
  const ready = await db.exportTerms.count({ where: { exportReady: true } })
  expect(ready).toBeGreaterThanOrEqual(20)
  const honey = await db.product.findFirstOrThrow({
    where: { sku: 'TM-NHAN-500' },
    select: { exportTerms: true, exportTiers: { orderBy: { minQuantity: 'asc' } }, exportCerts: true },
  })
  expect(honey.exportTerms).toMatchObject({ hsCode: '04090000', moqQuantity: 300, tierBasis: 'FOB' })
  expect(honey.exportTiers.map((t) => t.minQuantity)).toEqual([300, 1000, 5000])
  expect(honey.exportCerts.map((c) => c.kind).sort()).toEqual(['HACCP', 'VIETGAP'])
  const expired = await db.exportCertification.findMany({ where: { expiresOn: { lt: new Date() } } })
  expect(expired.map((c) => c.number)).toEqual(['HACCP-PQ-0011'])
})
