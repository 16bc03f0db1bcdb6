/** Requests for quotation in tests: the seeded export products and producers, and a buyer's request. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createTestUser } from '#tests/factories/accounts.ts'
import { addDays } from '#app/modules/orders/vietnam-time.ts'
import { type RfqInput } from '#app/modules/rfq/rfq-schema.ts'
import { createRfq, rfqToday } from '#app/modules/rfq/rfqs.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export const ORIGIN = 'http://localhost:3000'

/** Private documents in a throwaway folder, and "today" pinned, for the whole test file. */
export function setUpRfqTests(today: string) {
  const previous = { documents: process.env.DOCUMENTS_DIR, today: process.env.OCOP_TODAY }
  let folder = ''
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'ocop-rfq-'))
    process.env.DOCUMENTS_DIR = folder
    process.env.OCOP_TODAY = today
  })
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true })
    for (const [key, value] of [
      ['DOCUMENTS_DIR', previous.documents],
      ['OCOP_TODAY', previous.today],
    ] as const) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  })
}

/** Moves "today" (the RFQ rules read it through now()). */
export function setToday(day: string) {
  process.env.OCOP_TODAY = day
}

/** The seeded export products and their producers (ong@ → honey, lua@ → Vạn Phúc silk). */
export async function seededExport() {
  const db = getDb()
  const product = (sku: string) =>
    db.product.findFirstOrThrow({
      where: { sku, exportTerms: { exportReady: true } },
      select: { id: true, producerId: true, exportTerms: { select: { moqQuantity: true, moqUnitEn: true } } },
    })
  const [honey, silk] = await Promise.all([product('TM-NHAN-500'), product('VP-LUA-M')])
  const notReady = await db.product.findFirstOrThrow({
    where: { catalogEntry: { visible: true }, OR: [{ exportTerms: null }, { exportTerms: { exportReady: false } }] },
    select: { id: true },
  })
  const [ong, lua] = await Promise.all([
    db.producer.findUniqueOrThrow({ where: { slug: 'htx-ong-tuan-minh' }, select: { id: true } }),
    db.producer.findUniqueOrThrow({ where: { slug: 'htx-det-lua-van-phuc' }, select: { id: true } }),
  ])
  if (honey.producerId !== ong.id || silk.producerId !== lua.id) throw new Error('seed: unexpected producers')
  return { honey, silk, notReady, ong, lua }
}

export function exportBuyer(company = 'Sakura Test Trading K.K.', country = 'JP') {
  return createTestUser({ roles: ['EXPORT_BUYER'], company, country })
}

/** A staff member of a producer, logged in. */
export function producerStaff(producerId: string) {
  return createTestUser({ roles: ['PRODUCER'], producers: [{ producerId, role: 'STAFF' }] })
}

export function pdfFile(name = 'specification.pdf'): File {
  return new File([Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')], name, {
    type: 'application/pdf',
  })
}

/** A request's input as the form parses it, needed in 30 days unless said otherwise. */
export function rfqInput(items: RfqInput['items'], overrides: Partial<RfqInput> = {}): RfqInput {
  return {
    items,
    incoterm: 'FOB',
    destinationCountry: 'JP',
    destinationPort: 'Port of Yokohama',
    neededBy: addDays(rfqToday(), 30),
    message: 'Please quote for our spring promotion.',
    ...overrides,
  }
}

/** Sends a request for honey (and silk, unless `honeyOnly`) and returns it with its parts by producer. */
export async function sendTestRfq(
  buyerId: string,
  options: { honeyOnly?: boolean; neededBy?: string; files?: File[] } = {},
) {
  const { honey, silk, ong, lua } = await seededExport()
  const items = [
    { productId: honey.id, quantity: 300, unitEn: 'jars (500 g)', targetPriceUsdCents: 590 },
    ...(options.honeyOnly ? [] : [{ productId: silk.id, quantity: 120, unitEn: 'metres', targetPriceUsdCents: null }]),
  ]
  const result = await createRfq(
    buyerId,
    rfqInput(items, options.neededBy ? { neededBy: options.neededBy } : {}),
    options.files ?? [],
    { origin: ORIGIN },
  )
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`)
  const parts = await getDb().rfqPart.findMany({
    where: { rfqId: result.id },
    select: { id: true, producerId: true, items: { select: { id: true } } },
  })
  const partOf = (producerId: string) => parts.find((part) => part.producerId === producerId)
  return { ...result, honeyPart: partOf(ong.id)!, silkPart: partOf(lua.id), ong, lua }
}
