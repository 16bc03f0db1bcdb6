/** Requests for quotation end to end on the module: sending, answering, deciding, expiring, who sees what. */
import { describe, expect, test } from 'vitest'
import { createTestUser } from '#tests/factories/accounts.ts'
import { createTestProducer } from '#tests/factories/orders.ts'
import {
  exportBuyer,
  ORIGIN,
  pdfFile,
  producerStaff,
  rfqInput,
  seededExport,
  sendTestRfq,
  setToday,
  setUpRfqTests,
} from '#tests/factories/rfqs.ts'
import { addDays } from '#app/modules/orders/vietnam-time.ts'
import { getDb } from '#app/utils/db.server.ts'
import { findReadableAttachment } from './rfq-access.server.ts'
import { expireRfqsAndQuotes } from './rfq-expiry.server.ts'
import { type QuoteInput } from './rfq-schema.ts'
import {
  acceptQuote,
  createRfq,
  declinePart,
  declineQuote,
  getBuyerRfq,
  getProducerPart,
  listProducerParts,
  postRfqMessage,
  RFQ_NUMBER_PATTERN,
  submitQuote,
} from './rfqs.server.ts'

const TODAY = '2026-12-01'
setUpRfqTests(TODAY)

function quoteFor(itemIds: string[], overrides: Partial<QuoteInput> = {}): QuoteInput {
  return {
    currency: 'USD',
    lines: itemIds.map((itemId) => ({ itemId, unitPrice: 575 })),
    validUntil: addDays(TODAY, 14),
    leadTimeDays: 21,
    incoterm: 'FOB',
    terms: '30% deposit, balance against B/L copy.',
    ...overrides,
  }
}

async function rowCounts() {
  const db = getDb()
  const [rfqs, parts, attachments, notifications] = await Promise.all([
    db.rfq.count(),
    db.rfqPart.count(),
    db.rfqAttachment.count(),
    db.notification.count(),
  ])
  return { rfqs, parts, attachments, notifications }
}

const options = { origin: ORIGIN }

describe('a buyer sends a request', () => {
  test('honey and silk make one part per producer, with notices and mails for both producers', async () => {
    setToday(TODAY)
    const buyer = await exportBuyer()
    const sent = await sendTestRfq(buyer.id, { files: [pdfFile()] })
    expect(sent.number).toMatch(RFQ_NUMBER_PATTERN)
    expect(sent.number.startsWith('RFQ-2612-')).toBe(true)

    const db = getDb()
    const rfq = await db.rfq.findUniqueOrThrow({
      where: { id: sent.id },
      select: {
        company: true,
        buyerCountry: true,
        neededBy: true,
        expiresOn: true,
        attachments: { select: { fileName: true, mimeType: true } },
        parts: {
          select: {
            producerId: true,
            status: true,
            items: { select: { quantity: true, unitEn: true, targetPriceUsdCents: true } },
          },
        },
      },
    })
    expect(rfq).toMatchObject({ company: 'Sakura Test Trading K.K.', buyerCountry: 'JP' })
    expect(rfq.expiresOn.toISOString()).toBe(rfq.neededBy.toISOString())
    expect(rfq.attachments).toEqual([{ fileName: 'specification.pdf', mimeType: 'application/pdf' }])
    expect(rfq.parts).toHaveLength(2)
    const byProducer = new Map(rfq.parts.map((part) => [part.producerId, part]))
    expect(byProducer.get(sent.ong.id)).toMatchObject({
      status: 'OPEN',
      items: [{ quantity: 300, unitEn: 'jars (500 g)', targetPriceUsdCents: 590 }],
    })
    expect(byProducer.get(sent.lua.id)?.items).toEqual([{ quantity: 120, unitEn: 'metres', targetPriceUsdCents: null }])

    const notices = await db.notification.findMany({
      where: {
        kind: 'rfq.received',
        link: { in: [`/seller/rfqs/${sent.honeyPart.id}`, `/seller/rfqs/${sent.silkPart!.id}`] },
      },
      select: { producerId: true, title: true },
    })
    expect(notices.map((n) => n.producerId).sort()).toEqual([sent.ong.id, sent.lua.id].sort())
    expect(notices.every((n) => n.title.includes(sent.number))).toBe(true)

    const mails = await db.mailMessage.findMany({
      where: { subject: { contains: sent.number } },
      select: { to: true, text: true },
    })
    expect(mails.map((m) => m.to).sort()).toEqual(['lua@ocop.local', 'ong@ocop.local'])
    const ongMail = mails.find((m) => m.to === 'ong@ocop.local')!
    expect(ongMail.text).toContain(`${ORIGIN}/seller/rfqs/${sent.honeyPart.id}`)
    expect(ongMail.text).not.toContain('metres')
  })

  test('below the MOQ, a product not ready for export, a wrong file or a past date: refused, nothing saved', async () => {
    setToday(TODAY)
    const buyer = await exportBuyer()
    const { honey, notReady } = await seededExport()
    const before = await rowCounts()
    const line = { productId: honey.id, quantity: 300, unitEn: 'jars (500 g)', targetPriceUsdCents: null }

    const belowMoq = await createRfq(buyer.id, rfqInput([{ ...line, quantity: 299 }]), [], options)
    expect(belowMoq).toEqual({
      ok: false,
      problems: [{ code: 'below-moq', index: 0, moqQuantity: 300, moqUnitEn: 'jars (500 g)' }],
    })

    const notExportReady = await createRfq(
      buyer.id,
      rfqInput([line, { productId: notReady.id, quantity: 10, unitEn: 'boxes', targetPriceUsdCents: null }]),
      [],
      options,
    )
    expect(notExportReady).toEqual({ ok: false, problems: [{ code: 'product-unavailable', index: 1 }] })

    const renamed = new File([Buffer.from('MZ this is a program')], 'brochure.pdf', { type: 'application/pdf' })
    const wrongFile = await createRfq(buyer.id, rfqInput([line]), [pdfFile(), renamed], options)
    expect(wrongFile).toEqual({ ok: false, problems: [{ code: 'file-wrong-type', fileName: 'brochure.pdf' }] })

    const pastDate = await createRfq(buyer.id, rfqInput([line], { neededBy: TODAY }), [], options)
    expect(pastDate).toEqual({ ok: false, problems: [{ code: 'needed-by-range' }] })

    const tooMany = await createRfq(
      buyer.id,
      rfqInput([line]),
      Array.from({ length: 6 }, () => pdfFile()),
      options,
    )
    expect(tooMany).toEqual({ ok: false, problems: [{ code: 'too-many-files' }] })

    expect(await rowCounts()).toEqual(before)
  })

  test('only an export buyer with company and country can send', async () => {
    const { honey } = await seededExport()
    const input = rfqInput([{ productId: honey.id, quantity: 300, unitEn: 'jars', targetPriceUsdCents: null }])
    const customer = await createTestUser({ roles: ['CUSTOMER'] })
    expect(await createRfq(customer.id, input, [], options)).toEqual({
      ok: false,
      problems: [{ code: 'not-export-buyer' }],
    })
    const noCompany = await createTestUser({ roles: ['EXPORT_BUYER'], country: 'JP' })
    expect(await createRfq(noCompany.id, input, [], options)).toEqual({
      ok: false,
      problems: [{ code: 'profile-incomplete' }],
    })
  })
})

describe('producers answer, the buyer decides', () => {
  test('A quotes, B declines with a reason, the buyer accepts A’s quote; a double click changes nothing more', async () => {
    setToday(TODAY)
    const buyer = await exportBuyer()
    const sent = await sendTestRfq(buyer.id)
    const ongStaff = await producerStaff(sent.ong.id)
    const db = getDb()

    const first = await submitQuote(
      sent.ong.id,
      sent.honeyPart.id,
      ongStaff.id,
      quoteFor(sent.honeyPart.items.map((i) => i.id)),
      options,
    )
    expect(first).toEqual({ ok: true, number: sent.number })
    // A second quote while the first waits: the first is withdrawn.
    const second = await submitQuote(
      sent.ong.id,
      sent.honeyPart.id,
      ongStaff.id,
      quoteFor(
        sent.honeyPart.items.map((i) => i.id),
        { currency: 'VND', lines: [{ itemId: sent.honeyPart.items[0]!.id, unitPrice: 145_000 }] },
      ),
      options,
    )
    expect(second.ok).toBe(true)
    const quotes = await db.quote.findMany({
      where: { partId: sent.honeyPart.id },
      orderBy: { createdAt: 'asc' },
      select: { id: true, status: true, currency: true, lines: { select: { unitPrice: true } } },
    })
    expect(quotes.map((q) => [q.status, q.currency, q.lines[0]!.unitPrice])).toEqual([
      ['WITHDRAWN', 'USD', 575],
      ['PENDING', 'VND', 145_000],
    ])

    // A reason is required by the form; the module keeps it.
    const declined = await declinePart(sent.lua.id, sent.silkPart!.id, 'Our looms are booked until June.', options)
    expect(declined.ok).toBe(true)
    expect(await declinePart(sent.lua.id, sent.silkPart!.id, 'again', options)).toEqual({
      ok: false,
      problem: { code: 'part-closed', status: 'DECLINED' },
    })

    const buyerNotices = await db.notification.findMany({ where: { userId: buyer.id }, select: { kind: true } })
    expect(buyerNotices.map((n) => n.kind).sort()).toEqual(['rfq.declined', 'rfq.quoted', 'rfq.quoted'])
    const buyerMails = await db.mailMessage.findMany({
      where: { to: buyer.email },
      select: { subject: true, text: true },
    })
    expect(buyerMails).toHaveLength(3)
    expect(buyerMails.find((m) => m.text.includes('Our looms are booked until June.'))).toBeDefined()

    const pending = quotes[1]!.id
    const accepted = await acceptQuote(buyer.id, pending, options)
    expect(accepted).toEqual({ ok: true, producerName: expect.stringContaining('Tuấn Minh') })
    expect(await acceptQuote(buyer.id, pending, options)).toEqual({ ok: false, problem: { code: 'quote-not-pending' } })
    const part = await db.rfqPart.findUniqueOrThrow({
      where: { id: sent.honeyPart.id },
      select: { status: true, quotes: { where: { id: pending }, select: { status: true, decidedAt: true } } },
    })
    expect(part.status).toBe('ACCEPTED')
    expect(part.quotes[0]!.status).toBe('ACCEPTED')
    expect(part.quotes[0]!.decidedAt).not.toBeNull()
    expect(
      await db.notification.count({
        where: { producerId: sent.ong.id, kind: 'rfq.accepted', link: `/seller/rfqs/${sent.honeyPart.id}` },
      }),
    ).toBe(1)
    expect(await db.mailMessage.count({ where: { to: ongStaff.email, subject: { contains: 'chấp nhận' } } })).toBe(1)

    // Closed parts take no more quotes.
    expect(
      await submitQuote(
        sent.ong.id,
        sent.honeyPart.id,
        ongStaff.id,
        quoteFor(sent.honeyPart.items.map((i) => i.id)),
        options,
      ),
    ).toEqual({ ok: false, problem: { code: 'part-closed', status: 'ACCEPTED' } })

    const view = await getBuyerRfq(buyer.id, sent.id)
    expect(view?.status).toBe('ACCEPTED')
    expect(view?.parts.map((p) => [p.status, p.declinedBy, p.declineReason]).sort()).toEqual([
      ['ACCEPTED', null, null],
      ['DECLINED', 'producer', 'Our looms are booked until June.'],
    ])
  })

  test('two clicks at once on "accept" make one acceptance, one notice and one mail per member', async () => {
    setToday(TODAY)
    const buyer = await exportBuyer()
    const sent = await sendTestRfq(buyer.id, { honeyOnly: true })
    const ongStaff = await producerStaff(sent.ong.id)
    const itemIds = sent.honeyPart.items.map((i) => i.id)
    await submitQuote(sent.ong.id, sent.honeyPart.id, ongStaff.id, quoteFor(itemIds), options)
    const quote = await getDb().quote.findFirstOrThrow({ where: { partId: sent.honeyPart.id }, select: { id: true } })

    const results = await Promise.all([
      acceptQuote(buyer.id, quote.id, options),
      acceptQuote(buyer.id, quote.id, options),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, problem: { code: 'quote-not-pending' } }])
    expect(
      await getDb().notification.count({ where: { kind: 'rfq.accepted', link: `/seller/rfqs/${sent.honeyPart.id}` } }),
    ).toBe(1)
    expect(await getDb().mailMessage.count({ where: { to: ongStaff.email, subject: { contains: sent.number } } })).toBe(
      1,
    )
  })

  test('the buyer declines a quote: the part closes with the buyer’s reason and the producer is told', async () => {
    setToday(TODAY)
    const buyer = await exportBuyer()
    const sent = await sendTestRfq(buyer.id, { honeyOnly: true })
    const ongStaff = await producerStaff(sent.ong.id)
    await submitQuote(
      sent.ong.id,
      sent.honeyPart.id,
      ongStaff.id,
      quoteFor(sent.honeyPart.items.map((i) => i.id)),
      options,
    )
    const quote = await getDb().quote.findFirstOrThrow({ where: { partId: sent.honeyPart.id }, select: { id: true } })

    expect(await declineQuote(buyer.id, quote.id, 'Above our budget.', options)).toMatchObject({ ok: true })
    const part = await getProducerPart(sent.ong.id, sent.honeyPart.id)
    expect(part).toMatchObject({
      status: 'DECLINED',
      declinedBy: 'buyer',
      declineReason: 'Above our budget.',
      canAnswer: false,
    })
    expect(part?.quotes.map((q) => q.status)).toEqual(['DECLINED'])
    expect(await getDb().notification.count({ where: { producerId: sent.ong.id, kind: 'rfq.quote-declined' } })).toBe(1)
  })

  test('an expired quote cannot be accepted; nothing can be quoted after the request expired', async () => {
    setToday(TODAY)
    const buyer = await exportBuyer()
    const sent = await sendTestRfq(buyer.id, { honeyOnly: true, neededBy: addDays(TODAY, 3) })
    const ongStaff = await producerStaff(sent.ong.id)
    const itemIds = sent.honeyPart.items.map((i) => i.id)
    await submitQuote(sent.ong.id, sent.honeyPart.id, ongStaff.id, quoteFor(itemIds, { validUntil: TODAY }), options)
    const quote = await getDb().quote.findFirstOrThrow({ where: { partId: sent.honeyPart.id }, select: { id: true } })

    setToday(addDays(TODAY, 1))
    const late = await acceptQuote(buyer.id, quote.id, options)
    expect(late).toEqual({ ok: false, problem: { code: 'quote-expired', validUntil: new Date(`${TODAY}T00:00:00Z`) } })
    expect((await getDb().quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe('PENDING')

    // Past the needed-by day the request has lapsed, even before the nightly job ran.
    setToday(addDays(TODAY, 4))
    const afterExpiry = await submitQuote(
      sent.ong.id,
      sent.honeyPart.id,
      ongStaff.id,
      quoteFor(itemIds, { validUntil: addDays(TODAY, 10) }),
      options,
    )
    expect(afterExpiry).toEqual({
      ok: false,
      problem: { code: 'rfq-expired', expiresOn: new Date(`${addDays(TODAY, 3)}T00:00:00Z`) },
    })
    expect(await declinePart(sent.ong.id, sent.honeyPart.id, 'Too late', options)).toMatchObject({
      ok: false,
      problem: { code: 'rfq-expired' },
    })
    expect((await getProducerPart(sent.ong.id, sent.honeyPart.id))?.status).toBe('EXPIRED')
    setToday(TODAY)
  })
})

test('the expiry job expires lapsed quotes (reopening their part) and lapsed requests, once', async () => {
  setToday(TODAY)
  const buyer = await exportBuyer()
  const sent = await sendTestRfq(buyer.id, { neededBy: addDays(TODAY, 10) })
  const ongStaff = await producerStaff(sent.ong.id)
  await submitQuote(
    sent.ong.id,
    sent.honeyPart.id,
    ongStaff.id,
    quoteFor(
      sent.honeyPart.items.map((i) => i.id),
      { validUntil: addDays(TODAY, 2) },
    ),
    options,
  )
  const db = getDb()
  const state = async () => {
    const parts = await db.rfqPart.findMany({
      where: { rfqId: sent.id },
      orderBy: { producerId: 'asc' },
      select: { producerId: true, status: true, quotes: { select: { status: true } } },
    })
    return Object.fromEntries(
      parts.map((p) => [p.producerId === sent.ong.id ? 'honey' : 'silk', [p.status, ...p.quotes.map((q) => q.status)]]),
    )
  }

  await expireRfqsAndQuotes(new Date(`${addDays(TODAY, 2)}T12:00:00Z`))
  expect(await state()).toEqual({ honey: ['QUOTED', 'PENDING'], silk: ['OPEN'] })

  const quotesLapse = await expireRfqsAndQuotes(new Date(`${addDays(TODAY, 3)}T12:00:00Z`))
  expect(quotesLapse.quotes).toBeGreaterThanOrEqual(1)
  expect(await state()).toEqual({ honey: ['OPEN', 'EXPIRED'], silk: ['OPEN'] })
  expect(await expireRfqsAndQuotes(new Date(`${addDays(TODAY, 3)}T12:00:00Z`))).toEqual({ parts: 0, quotes: 0 })

  const requestLapses = await expireRfqsAndQuotes(new Date(`${addDays(TODAY, 11)}T12:00:00Z`))
  expect(requestLapses.parts).toBeGreaterThanOrEqual(2)
  expect(await state()).toEqual({ honey: ['EXPIRED', 'EXPIRED'], silk: ['EXPIRED'] })
  expect(await expireRfqsAndQuotes(new Date(`${addDays(TODAY, 11)}T12:00:00Z`))).toEqual({ parts: 0, quotes: 0 })
})

describe('who sees what', () => {
  test('each producer sees only its part; other buyers and producers see nothing, files included', async () => {
    setToday(TODAY)
    const buyer = await exportBuyer()
    const sent = await sendTestRfq(buyer.id, { files: [pdfFile('drawing.pdf')] })
    const ongStaff = await producerStaff(sent.ong.id)
    const luaStaff = await producerStaff(sent.lua.id)
    await submitQuote(
      sent.ong.id,
      sent.honeyPart.id,
      ongStaff.id,
      quoteFor(sent.honeyPart.items.map((i) => i.id)),
      options,
    )
    expect(
      await postRfqMessage(
        { side: 'producer', userId: ongStaff.id, producerId: sent.ong.id },
        sent.honeyPart.id,
        'Price sheet attached.',
        [pdfFile('honey-prices.pdf')],
        options,
      ),
    ).toEqual({ ok: true })

    const otherBuyer = await exportBuyer('Other Foods Ltd', 'GB')
    const third = await createTestProducer()
    const thirdStaff = await producerStaff(third.id)

    // Producer B (silk) cannot open A's part or see its quote.
    expect(await getProducerPart(sent.lua.id, sent.honeyPart.id)).toBeNull()
    const silkView = await getProducerPart(sent.lua.id, sent.silkPart!.id)
    expect(silkView?.quotes).toEqual([])
    expect(silkView?.messages).toEqual([])
    expect(silkView?.items).toHaveLength(1)
    expect((await listProducerParts(sent.lua.id)).items.map((p) => p.id)).not.toContain(sent.honeyPart.id)
    expect((await listProducerParts(third.id)).items).toEqual([])

    expect(await getBuyerRfq(otherBuyer.id, sent.id)).toBeNull()
    expect(
      await postRfqMessage({ side: 'buyer', userId: otherBuyer.id }, sent.honeyPart.id, 'Hello?', [], options),
    ).toEqual({ ok: false, reason: 'not-found' })
    expect(
      await postRfqMessage(
        { side: 'producer', userId: thirdStaff.id, producerId: third.id },
        sent.honeyPart.id,
        'Hi',
        [],
        options,
      ),
    ).toEqual({ ok: false, reason: 'not-found' })
    const quote = await getDb().quote.findFirstOrThrow({ where: { partId: sent.honeyPart.id }, select: { id: true } })
    expect(await acceptQuote(otherBuyer.id, quote.id, options)).toEqual({ ok: false, problem: { code: 'not-found' } })
    expect(await declinePart(third.id, sent.honeyPart.id, 'no', options)).toEqual({
      ok: false,
      problem: { code: 'not-found' },
    })

    const files = await getDb().rfqAttachment.findMany({
      where: { rfqId: sent.id },
      select: { id: true, fileName: true },
    })
    const requestFile = files.find((f) => f.fileName === 'drawing.pdf')!.id
    const messageFile = files.find((f) => f.fileName === 'honey-prices.pdf')!.id
    const reader = async (userId: string, id: string) => {
      const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, roles: true } })
      return (await findReadableAttachment(user, id))?.fileName ?? null
    }
    expect(await reader(buyer.id, requestFile)).toBe('drawing.pdf')
    expect(await reader(buyer.id, messageFile)).toBe('honey-prices.pdf')
    expect(await reader(ongStaff.id, messageFile)).toBe('honey-prices.pdf')
    expect(await reader(luaStaff.id, requestFile)).toBe('drawing.pdf')
    // The silk producer is addressed by the request, but the honey thread's file is not theirs.
    expect(await reader(luaStaff.id, messageFile)).toBeNull()
    for (const stranger of [otherBuyer.id, thirdStaff.id]) {
      expect(await reader(stranger, requestFile)).toBeNull()
      expect(await reader(stranger, messageFile)).toBeNull()
    }

    const buyerView = await getBuyerRfq(buyer.id, sent.id)
    const honeyThread = buyerView!.parts.find((p) => p.id === sent.honeyPart.id)!.messages
    expect(honeyThread.map((m) => [m.side, m.body, m.attachments.map((a) => a.fileName)])).toEqual([
      ['producer', 'Price sheet attached.', ['honey-prices.pdf']],
    ])
    expect(await getDb().notification.count({ where: { userId: buyer.id, kind: 'rfq.message' } })).toBe(1)
  })
})
