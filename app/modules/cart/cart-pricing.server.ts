/**
 * Prices a set of cart lines from the database, never from what a client sent: current prices,
 * stock and availability, grouped by producer (each producer ships its own parcel) with each
 * group's shipping fee when the destination is known. The cart page shows it; checkout shows it and
 * places the order on the same figures, inside its transaction.
 */
import { type Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { quoteShipment, type Place, type ShipmentQuote } from '#app/modules/checkout/shipping.ts'

export type CartProblem = 'unavailable' | 'sold-out' | 'not-enough-stock' | 'price-changed'

export type PricedLine = {
  productId: string
  slug: string
  sku: string
  nameVi: string
  nameEn: string
  unitVi: string
  unitEn: string
  imageUrl: string | null
  priceVnd: number
  /** The price the buyer saw when adding it (null when unknown). */
  seenPriceVnd: number | null
  quantity: number
  stock: number
  weightGrams: number
  lineTotalVnd: number
  problems: CartProblem[]
}

export type PricedGroup = {
  producerId: string
  producerSlug: string
  producerName: string
  from: Place
  lines: PricedLine[]
  subtotalVnd: number
  weightGrams: number
  /** Null until the destination is known. */
  shipping: ShipmentQuote | null
}

export type PricedCart = {
  groups: PricedGroup[]
  itemCount: number
  subtotalVnd: number
  shippingVnd: number
  codFeeVnd: number
  totalVnd: number
  hasProblems: boolean
}

export type CartLineInput = { productId: string; quantity: number; seenPriceVnd?: number | null }

type Db = PrismaClient | Prisma.TransactionClient

export async function priceCart(
  db: Db,
  lines: CartLineInput[],
  options: { to?: Place | null; cashOnDelivery?: boolean } = {},
): Promise<PricedCart> {
  const products = await db.product.findMany({
    where: { id: { in: [...new Set(lines.map((l) => l.productId))] } },
    select: {
      id: true,
      slug: true,
      sku: true,
      nameVi: true,
      nameEn: true,
      unitVi: true,
      unitEn: true,
      priceVnd: true,
      stock: true,
      weightGrams: true,
      status: true,
      images: { orderBy: { position: 'asc' }, take: 1, select: { url: true } },
      producer: {
        select: {
          id: true,
          slug: true,
          name: true,
          status: true,
          commune: { select: { provinceCode: true, province: { select: { regionSlug: true } } } },
        },
      },
    },
  })
  const byId = new Map(products.map((p) => [p.id, p]))
  const groups = new Map<string, PricedGroup>()
  for (const line of lines) {
    const product = byId.get(line.productId)
    if (!product) continue
    const producer = product.producer
    const problems: CartProblem[] = []
    if (product.status !== 'PUBLISHED' || producer.status !== 'VERIFIED') problems.push('unavailable')
    else if (product.stock === 0) problems.push('sold-out')
    else if (line.quantity > product.stock) problems.push('not-enough-stock')
    const seen = line.seenPriceVnd ?? null
    if (seen !== null && seen !== product.priceVnd) problems.push('price-changed')
    let group = groups.get(producer.id)
    if (!group) {
      group = {
        producerId: producer.id,
        producerSlug: producer.slug,
        producerName: producer.name,
        from: { provinceCode: producer.commune.provinceCode, regionSlug: producer.commune.province.regionSlug },
        lines: [],
        subtotalVnd: 0,
        weightGrams: 0,
        shipping: null,
      }
      groups.set(producer.id, group)
    }
    const lineTotalVnd = product.priceVnd * line.quantity
    group.lines.push({
      productId: product.id,
      slug: product.slug,
      sku: product.sku,
      nameVi: product.nameVi,
      nameEn: product.nameEn,
      unitVi: product.unitVi,
      unitEn: product.unitEn,
      imageUrl: product.images[0]?.url ?? null,
      priceVnd: product.priceVnd,
      seenPriceVnd: seen,
      quantity: line.quantity,
      stock: product.stock,
      weightGrams: product.weightGrams * line.quantity,
      lineTotalVnd,
      problems,
    })
    // A product no longer for sale is shown (to be removed) but neither charged nor shipped.
    if (!problems.includes('unavailable')) {
      group.subtotalVnd += lineTotalVnd
      group.weightGrams += product.weightGrams * line.quantity
    }
  }
  const list = [...groups.values()]
  for (const group of list) {
    if (options.to) {
      group.shipping = quoteShipment({
        grams: group.weightGrams,
        from: group.from,
        to: options.to,
        cashOnDelivery: options.cashOnDelivery ?? false,
      })
    }
  }
  const subtotalVnd = list.reduce((sum, g) => sum + g.subtotalVnd, 0)
  const shippingVnd = list.reduce((sum, g) => sum + (g.shipping?.shippingFeeVnd ?? 0), 0)
  const codFeeVnd = list.reduce((sum, g) => sum + (g.shipping?.codFeeVnd ?? 0), 0)
  return {
    groups: list,
    itemCount: list.reduce((sum, g) => sum + g.lines.reduce((n, l) => n + l.quantity, 0), 0),
    subtotalVnd,
    shippingVnd,
    codFeeVnd,
    totalVnd: subtotalVnd + shippingVnd + codFeeVnd,
    hasProblems: list.some((g) => g.lines.some((l) => l.problems.length > 0)),
  }
}

/** The destination of a delivery, from the commune's code (null for an unknown commune). */
export async function placeOfCommune(db: Db, communeCode: string): Promise<(Place & { communeCode: string }) | null> {
  const commune = await db.commune.findUnique({
    where: { code: communeCode },
    select: { code: true, provinceCode: true, province: { select: { regionSlug: true } } },
  })
  return commune
    ? { communeCode: commune.code, provinceCode: commune.provinceCode, regionSlug: commune.province.regionSlug }
    : null
}
