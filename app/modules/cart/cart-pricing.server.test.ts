/** priceCart against the seeded catalogue: producers in different places ship their own parcels. */
import { expect, test } from 'vitest'
import { COD_FEE_VND, shippingFee } from '#app/modules/checkout/shipping.ts'
import { getDb } from '#app/utils/db.server.ts'
import { placeOfCommune, priceCart } from './cart-pricing.server.ts'

const HANOI = { provinceCode: '01', regionSlug: 'dong-bang-song-hong' }

async function product(slug: string) {
  return getDb().product.findUniqueOrThrow({
    where: { slug },
    select: { id: true, priceVnd: true, weightGrams: true, producer: { select: { slug: true } } },
  })
}

test('groups lines by producer, each with the fee of its own zone to the destination', async () => {
  // HTX Ong Tuấn Minh is in Hà Nội; Trà Vinh Farm in Vĩnh Long (Mekong Delta); Ba Chẽ in Quảng Ninh (Red River Delta).
  const honey = await product('mat-ong-hoa-nhan-tuan-minh')
  const royalJelly = await product('sua-ong-chua-tuan-minh')
  const coconutNectar = await product('mat-hoa-dua-tra-vinh-farm')
  const tea = await product('tra-hoa-vang-ba-che')
  const priced = await priceCart(
    getDb(),
    [
      { productId: honey.id, quantity: 2, seenPriceVnd: honey.priceVnd },
      { productId: coconutNectar.id, quantity: 1, seenPriceVnd: coconutNectar.priceVnd },
      { productId: royalJelly.id, quantity: 1, seenPriceVnd: royalJelly.priceVnd },
      { productId: tea.id, quantity: 3, seenPriceVnd: tea.priceVnd },
    ],
    { to: HANOI },
  )

  expect(priced.groups.map((g) => g.producerSlug)).toEqual([
    'htx-ong-tuan-minh',
    'tra-vinh-farm',
    'htx-tra-hoa-vang-ba-che',
  ])
  const [hanoi, mekong, quangNinh] = priced.groups
  expect(hanoi!.lines.map((l) => l.productId)).toEqual([honey.id, royalJelly.id])

  const hanoiGrams = 2 * honey.weightGrams + royalJelly.weightGrams
  expect(hanoi!.weightGrams).toBe(hanoiGrams)
  expect(hanoi!.subtotalVnd).toBe(2 * honey.priceVnd + royalJelly.priceVnd)
  expect(hanoi!.shipping).toEqual({
    zone: 'same-province',
    shippingFeeVnd: shippingFee(hanoiGrams, 'same-province'),
    codFeeVnd: 0,
  })
  expect(mekong!.shipping).toEqual({
    zone: 'other-region',
    shippingFeeVnd: shippingFee(coconutNectar.weightGrams, 'other-region'),
    codFeeVnd: 0,
  })
  expect(quangNinh!.shipping).toEqual({
    zone: 'same-region',
    shippingFeeVnd: shippingFee(3 * tea.weightGrams, 'same-region'),
    codFeeVnd: 0,
  })
  // The seeded weights put these parcels in the table's first tiers: the figures, spelled out.
  expect(hanoi!.shipping?.shippingFeeVnd).toBe(27_000) // 1 700 g, same province
  expect(mekong!.shipping?.shippingFeeVnd).toBe(32_000) // 380 g, another region
  expect(quangNinh!.shipping?.shippingFeeVnd).toBe(30_000) // 540 g, same region
  const subtotal = priced.groups.reduce((sum, g) => sum + g.subtotalVnd, 0)
  expect(priced.subtotalVnd).toBe(2 * honey.priceVnd + royalJelly.priceVnd + coconutNectar.priceVnd + 3 * tea.priceVnd)
  expect(priced.shippingVnd).toBe(27_000 + 32_000 + 30_000)
  expect(priced.totalVnd).toBe(subtotal + 27_000 + 32_000 + 30_000)
  expect(priced.itemCount).toBe(7)
  expect(priced.hasProblems).toBe(false)
})

test('cash on delivery adds its fee once per producer; no destination, no shipping', async () => {
  const honey = await product('mat-ong-hoa-nhan-tuan-minh')
  const coconutNectar = await product('mat-hoa-dua-tra-vinh-farm')
  const lines = [
    { productId: honey.id, quantity: 1 },
    { productId: coconutNectar.id, quantity: 1 },
  ]
  const cod = await priceCart(getDb(), lines, { to: HANOI, cashOnDelivery: true })
  expect(cod.codFeeVnd).toBe(2 * COD_FEE_VND)
  expect(cod.totalVnd).toBe(cod.subtotalVnd + cod.shippingVnd + 2 * COD_FEE_VND)

  const unknown = await priceCart(getDb(), lines)
  expect(unknown.groups.every((g) => g.shipping === null)).toBe(true)
  expect(unknown.shippingVnd).toBe(0)
  expect(unknown.totalVnd).toBe(unknown.subtotalVnd)
})

test('placeOfCommune finds the province and region of a commune', async () => {
  // Phú Quốc, An Giang.
  expect(await placeOfCommune(getDb(), '31078')).toEqual({
    communeCode: '31078',
    provinceCode: '91',
    regionSlug: 'dong-bang-song-cuu-long',
  })
  expect(await placeOfCommune(getDb(), '99999')).toBeNull()
})
