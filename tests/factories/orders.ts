import { faker } from '@faker-js/faker'
import {
  type OrderStatus,
  type PaymentMethod,
  type ProductStatus,
  type ShipmentStatus,
} from '#app/generated/prisma/client.ts'
import { withUniqueOrderNumber } from '#app/modules/orders/order-number.ts'
import { getDb } from '#app/utils/db.server.ts'

/** A commune of the reference seed (Hà Đông, Hà Nội) for producers and delivery addresses. */
export const TEST_COMMUNE = { code: '00004', provinceCode: '01' }

export type TestProduct = { id: string; sku: string; priceVnd: number; stock: number }

/**
 * A verified producer of its own (so figures are not mixed with the demo orders) with the products
 * asked for.
 */
export async function createTestProducer(
  options: {
    name?: string
    products?: { priceVnd?: number; stock?: number; status?: ProductStatus; nameVi?: string }[]
  } = {},
): Promise<{ id: string; name: string; products: TestProduct[] }> {
  const db = getDb()
  const tag = faker.string.alphanumeric(8).toLowerCase()
  const name = options.name ?? `HTX thử nghiệm ${tag}`
  const producer = await db.producer.create({
    data: {
      slug: `htx-thu-${tag}`,
      name,
      kind: 'HOP_TAC_XA',
      status: 'VERIFIED',
      verifiedAt: new Date(),
      communeCode: TEST_COMMUNE.code,
    },
    select: { id: true },
  })
  const products: TestProduct[] = []
  for (const [i, spec] of (options.products ?? [{}]).entries()) {
    const status = spec.status ?? 'PUBLISHED'
    const product = await db.product.create({
      data: {
        producerId: producer.id,
        sku: `T-${i + 1}`,
        slug: `san-pham-thu-${tag}-${i + 1}`,
        groupCode: 'thuc-pham',
        subgroupCode: 'rau-cu-qua-hat-tuoi',
        nameVi: spec.nameVi ?? `Sản phẩm thử ${i + 1}`,
        nameEn: `Test product ${i + 1}`,
        priceVnd: spec.priceVnd ?? 100_000,
        unitVi: 'hộp',
        unitEn: 'box',
        weightGrams: 500,
        stock: spec.stock ?? 50,
        status,
        publishedAt: status === 'PUBLISHED' ? new Date() : null,
      },
      select: { id: true, sku: true, priceVnd: true, stock: true },
    })
    products.push(product)
  }
  return { id: producer.id, name, products }
}

export type TestShipmentSpec = {
  producerId: string
  status?: ShipmentStatus
  shippingFeeVnd?: number
  lines: { product: TestProduct; quantity: number }[]
}

/**
 * An order as checkout will write it: one shipment per producer with its own lines, amounts that
 * satisfy the CHECKs, and the placed event. Stock is left alone.
 */
export async function createTestOrder(options: {
  placedAt?: Date
  status?: OrderStatus
  paymentMethod?: PaymentMethod
  contactName?: string
  shipments: TestShipmentSpec[]
}): Promise<{ id: string; number: string; shipmentIds: string[] }> {
  const db = getDb()
  const placedAt = options.placedAt ?? new Date()
  const shipments = options.shipments.map((s) => {
    const lines = s.lines.map((l) => ({
      productId: l.product.id,
      sku: l.product.sku,
      nameVi: `Sản phẩm ${l.product.sku}`,
      nameEn: `Product ${l.product.sku}`,
      unitVi: 'hộp',
      priceVnd: l.product.priceVnd,
      quantity: l.quantity,
      lineTotalVnd: l.product.priceVnd * l.quantity,
    }))
    return {
      producerId: s.producerId,
      status: s.status ?? 'PENDING',
      subtotalVnd: lines.reduce((sum, l) => sum + l.lineTotalVnd, 0),
      shippingFeeVnd: s.shippingFeeVnd ?? 30_000,
      lines,
    }
  })
  const subtotalVnd = shipments.reduce((sum, s) => sum + s.subtotalVnd, 0)
  const shippingVnd = shipments.reduce((sum, s) => sum + s.shippingFeeVnd, 0)
  const order = await withUniqueOrderNumber(placedAt, (number) =>
    db.order.create({
      data: {
        number,
        status: options.status ?? 'PLACED',
        paymentMethod: options.paymentMethod ?? 'COD',
        contactName: options.contactName ?? faker.person.fullName(),
        phone: '0912345678',
        email: 'nguoi.mua@example.com',
        provinceCode: TEST_COMMUNE.provinceCode,
        communeCode: TEST_COMMUNE.code,
        street: 'Số 1 phố Thử',
        subtotalVnd,
        shippingVnd,
        totalVnd: subtotalVnd + shippingVnd,
        placedAt,
        events: { create: { fromStatus: null, toStatus: 'PLACED', createdAt: placedAt } },
      },
      select: { id: true, number: true },
    }),
  )
  const shipmentIds: string[] = []
  for (const s of shipments) {
    const created = await db.shipment.create({
      data: {
        orderId: order.id,
        producerId: s.producerId,
        status: s.status,
        subtotalVnd: s.subtotalVnd,
        shippingFeeVnd: s.shippingFeeVnd,
        cancelReason: s.status === 'CANCELLED' ? 'Hủy khi tạo dữ liệu thử' : null,
        createdAt: placedAt,
        lines: { create: s.lines.map((l) => ({ ...l, orderId: order.id })) },
      },
      select: { id: true },
    })
    shipmentIds.push(created.id)
  }
  return { ...order, shipmentIds }
}
