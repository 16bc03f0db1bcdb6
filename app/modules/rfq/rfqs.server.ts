/**
 * Requests for quotation between export buyers and producers (issue 6).
 *
 * A buyer's request (Rfq) names products of one or several producers; each producer gets its own part
 * (RfqPart) with its items, answers it with quotes or declines it, and talks with the buyer on the
 * part's thread. A producer sees only its own part; every query here is scoped to the buyer
 * (`rfq.buyerId`) or to the producer (`part.producerId`), so anyone else's ids behave as unknown ones.
 *
 * States (rfq-status.ts): a part is OPEN → QUOTED (a quote waits for the buyer) → ACCEPTED, or
 * DECLINED (by the producer, with its reason, or by the buyer declining the quote: that closes the
 * part too, with the buyer's reason if given; the producer cannot quote again), or EXPIRED when the
 * request lapses. A new quote withdraws the pending one. Each change locks the part's row and moves it
 * with a conditional update, so a double click makes one transition. Every change writes its in-app
 * notice in the same transaction; e-mails go out after the commit (a failed mail never undoes it).
 */
import { type Prisma } from '#app/generated/prisma/client.ts'
import { type QuoteStatus, type RfqPartStatus } from '#app/generated/prisma/enums.ts'
import { localePath, type Locale } from '#app/i18n/locale.ts'
import { countryName, isCountryCode } from '#app/modules/export/countries.ts'
import { sendMail, type Mail } from '#app/modules/mail/mailer.server.ts'
import {
  checkDocument,
  removeDocument,
  storeDocument,
  type DocumentType,
  type StoredDocument,
} from '#app/modules/media/documents.server.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import { withUniqueOrderNumber } from '#app/modules/orders/order-number.ts'
import { vietnamDay } from '#app/modules/orders/vietnam-time.ts'
import { now } from '#app/utils/clock.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { getDb } from '#app/utils/db.server.ts'
import {
  newMessageMail,
  partDeclinedMail,
  quoteAcceptedMail,
  quoteDeclinedMail,
  quoteReceivedMail,
  rfqReceivedMail,
  type RfqMail,
} from './rfq-mails.ts'
import {
  neededByRange,
  RFQ_LIMITS,
  type CreateRfqProblem,
  type FileProblem,
  type PartActionProblem,
  type QuoteDecisionProblem,
  type QuoteInput,
  type RfqInput,
  type RfqProductFacts,
} from './rfq-schema.ts'
import { isPast, partStatusOn, quoteStatusOn, QUOTABLE_PART_STATUSES, rfqStatus } from './rfq-status.ts'

type Tx = Prisma.TransactionClient

export const RFQ_NUMBER_PATTERN = /^RFQ-\d{4}-[2-9A-HJ-NP-Z]{4}$/
export const RFQ_PAGE_SIZE = 25
const ATTACHMENT_FOLDER = 'rfq'

/** Vietnam's calendar day now (OCOP_TODAY pins it in tests and demos). */
export function rfqToday(): string {
  return vietnamDay(now())
}

/** A YYYY-MM-DD day as the value of a `@db.Date` column. */
function dateOfDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}

function asLocale(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : 'vi'
}

/**
 * RFQ numbers read like order numbers (`RFQ-2611-7KQ2`: year, month, four unambiguous characters):
 * the order-number generator makes them, with this prefix instead of `OC-`, and draws again on a clash.
 */
function withUniqueRfqNumber<T>(at: Date, create: (number: string) => Promise<T>): Promise<T> {
  return withUniqueOrderNumber(at, (orderNumber) => create(orderNumber.replace(/^OC-/, 'RFQ-')))
}

/** Mails decided in a transaction, sent once it committed; a failure is logged, never undoes the change. */
async function sendAfterCommit(mails: Mail[]): Promise<void> {
  for (const mail of mails) {
    try {
      await sendMail(mail)
    } catch (error) {
      console.error(`[rfq] could not send "${mail.subject}" to ${mail.to}`, error)
    }
  }
}

class StaleState extends Error {}

// ───────────── Who is told ─────────────

type Recipient = { email: string; name: string; locale: Locale }

/** A producer's members (owners and staff), and the language of its workspace notices (its first owner's). */
async function producerAudience(tx: Tx, producerId: string) {
  const producer = await tx.producer.findUniqueOrThrow({
    where: { id: producerId },
    select: {
      name: true,
      members: {
        where: { role: { in: ['OWNER', 'STAFF'] } },
        orderBy: { createdAt: 'asc' },
        select: { role: true, user: { select: { email: true, name: true, locale: true } } },
      },
    },
  })
  const members: Recipient[] = producer.members.map((m) => ({ ...m.user, locale: asLocale(m.user.locale) }))
  const owner = producer.members.find((m) => m.role === 'OWNER') ?? producer.members[0]
  return { name: producer.name, members, noticeLocale: asLocale(owner?.user.locale) }
}

/** Tells a producer's workspace (one notice) and each of its members (one mail each, in their language). */
async function tellProducer(
  tx: Tx,
  producerId: string,
  kind: string,
  path: string,
  origin: string,
  build: (locale: Locale, name: string, url: string) => RfqMail,
): Promise<Mail[]> {
  const audience = await producerAudience(tx, producerId)
  const notice = build(audience.noticeLocale, audience.name, origin + localePath(audience.noticeLocale, path))
  await notify(tx, { producerId, kind, title: notice.subject, body: notice.summary, link: path })
  return audience.members.map((member) => {
    const mail = build(member.locale, member.name, origin + localePath(member.locale, path))
    return { to: member.email, subject: mail.subject, text: mail.text }
  })
}

/** Tells the buyer: one notice and one mail, in the buyer's language. */
async function tellBuyer(
  tx: Tx,
  buyer: { id: string; email: string; name: string; locale: string },
  kind: string,
  path: string,
  origin: string,
  build: (locale: Locale, url: string) => RfqMail,
): Promise<Mail[]> {
  const locale = asLocale(buyer.locale)
  const mail = build(locale, origin + localePath(locale, path))
  await notify(tx, { userId: buyer.id, kind, title: mail.subject, body: mail.summary, link: path })
  return [{ to: buyer.email, subject: mail.subject, text: mail.text }]
}

const buyerPath = (rfqId: string) => `/account/rfqs/${rfqId}`
const producerPath = (partId: string) => `/seller/rfqs/${partId}`

// ───────────── Attachments ─────────────

type CheckedFile = { name: string; data: Buffer; type: DocumentType }

/** Checks the files sent with a request or a message (type sniffed from the bytes, size, count). */
export async function checkAttachments(
  files: File[],
): Promise<{ ok: true; files: CheckedFile[] } | { ok: false; problems: FileProblem[] }> {
  if (files.length > RFQ_LIMITS.maxAttachments) return { ok: false, problems: [{ code: 'too-many-files' }] }
  const problems: FileProblem[] = []
  const checked: CheckedFile[] = []
  for (const file of files) {
    const result = await checkDocument(file, { maxBytes: RFQ_LIMITS.attachmentMaxMegabytes * 1024 * 1024 })
    if (result.ok) checked.push({ name: file.name, data: result.data, type: result.type })
    else problems.push({ code: `file-${result.problem}`, fileName: file.name })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files: checked }
}

/** Stores the files before the transaction that records them; all or none. */
async function storeAttachments(files: CheckedFile[]): Promise<StoredDocument[]> {
  const stored: StoredDocument[] = []
  try {
    for (const file of files) stored.push(await storeDocument(ATTACHMENT_FOLDER, file.name, file))
  } catch (error) {
    await removeStored(stored)
    throw error
  }
  return stored
}

async function removeStored(stored: StoredDocument[]): Promise<void> {
  await Promise.all(stored.map((doc) => removeDocument(doc.storageKey).catch(() => undefined)))
}

// ───────────── The products a request can name ─────────────

export type RfqProduct = RfqProductFacts & {
  id: string
  sku: string
  slug: string
  nameVi: string
  nameEn: string
  producerId: string
  producerName: string
  incoterms: string[]
}

/** The products asked for, with what decides whether they can be requested (export-ready and visible). */
export async function getRfqProducts(productIds: readonly string[]): Promise<RfqProduct[]> {
  const ids = [...new Set(productIds.filter((id) => typeof id === 'string' && id.length > 0 && id.length < 100))]
  if (ids.length === 0) return []
  const rows = await getDb().product.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      sku: true,
      slug: true,
      nameVi: true,
      nameEn: true,
      producerId: true,
      producer: { select: { name: true } },
      catalogEntry: { select: { visible: true } },
      exportTerms: { select: { exportReady: true, moqQuantity: true, moqUnitEn: true, incoterms: true } },
    },
  })
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => {
    const row = byId.get(id)
    if (!row) return []
    return [
      {
        id: row.id,
        sku: row.sku,
        slug: row.slug,
        nameVi: row.nameVi,
        nameEn: row.nameEn,
        producerId: row.producerId,
        producerName: row.producer.name,
        available: Boolean(row.catalogEntry?.visible && row.exportTerms?.exportReady),
        moqQuantity: row.exportTerms?.moqQuantity ?? null,
        moqUnitEn: row.exportTerms?.moqUnitEn ?? null,
        incoterms: row.exportTerms?.incoterms ?? [],
      },
    ]
  })
}

/** What the request form's schema needs to know of the products sent (unknown ids are unavailable). */
export async function getRfqProductFacts(productIds: readonly string[]): Promise<Record<string, RfqProductFacts>> {
  const products = await getRfqProducts(productIds)
  return Object.fromEntries(
    products.map((p) => [p.id, { available: p.available, moqQuantity: p.moqQuantity, moqUnitEn: p.moqUnitEn }]),
  )
}

// ───────────── The buyer sends a request ─────────────

export type CreateRfqResult = { ok: true; id: string; number: string } | { ok: false; problems: CreateRfqProblem[] }

/**
 * Sends a request: checks the buyer (an export buyer with company and country), the products
 * (export-ready, visible, at least their MOQ), the dates and the files; stores the files, then writes
 * the request, one part per producer with its items, the attachments and each producer's notice in
 * one transaction. Nothing is saved when anything is wrong.
 */
export async function createRfq(
  buyerId: string,
  input: RfqInput,
  files: File[],
  options: { origin: string },
): Promise<CreateRfqResult> {
  const db = getDb()
  const buyer = await db.user.findUnique({
    where: { id: buyerId },
    select: { roles: true, company: true, country: true },
  })
  if (!buyer?.roles.includes('EXPORT_BUYER')) return { ok: false, problems: [{ code: 'not-export-buyer' }] }
  const company = buyer.company?.trim()
  if (!company || !buyer.country) return { ok: false, problems: [{ code: 'profile-incomplete' }] }

  const problems: CreateRfqProblem[] = []
  if (input.items.length === 0) problems.push({ code: 'no-items' })
  const products = new Map((await getRfqProducts(input.items.map((item) => item.productId))).map((p) => [p.id, p]))
  const seen = new Set<string>()
  input.items.forEach((item, index) => {
    const product = products.get(item.productId)
    if (!product?.available) {
      problems.push({ code: 'product-unavailable', index })
      return
    }
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > RFQ_LIMITS.maxQuantity) {
      problems.push({ code: 'bad-quantity', index })
    }
    if (seen.has(item.productId)) problems.push({ code: 'duplicate-product', index })
    seen.add(item.productId)
    if (product.moqQuantity !== null && item.quantity < product.moqQuantity) {
      problems.push({
        code: 'below-moq',
        index,
        moqQuantity: product.moqQuantity,
        moqUnitEn: product.moqUnitEn ?? item.unitEn,
      })
    }
  })
  const range = neededByRange(rfqToday())
  if (!(input.neededBy >= range.min && input.neededBy <= range.max)) problems.push({ code: 'needed-by-range' })
  if (!isCountryCode(input.destinationCountry)) problems.push({ code: 'bad-country' })
  const checked = await checkAttachments(files)
  if (!checked.ok) problems.push(...checked.problems)
  if (problems.length > 0 || !checked.ok) return { ok: false, problems }

  // Items grouped by producer, in the order the buyer listed them.
  const parts = new Map<string, RfqInput['items']>()
  for (const item of input.items) {
    const producerId = products.get(item.productId)!.producerId
    parts.set(producerId, [...(parts.get(producerId) ?? []), item])
  }
  const stored = await storeAttachments(checked.files)
  try {
    const created = await withUniqueRfqNumber(now(), (number) =>
      db.$transaction(async (tx) => {
        const rfq = await tx.rfq.create({
          data: {
            number,
            buyerId,
            company,
            buyerCountry: buyer.country!,
            incoterm: input.incoterm,
            destinationCountry: input.destinationCountry,
            destinationPort: input.destinationPort,
            neededBy: dateOfDay(input.neededBy),
            expiresOn: dateOfDay(input.neededBy),
            message: input.message,
            parts: {
              create: [...parts].map(([producerId, items]) => ({
                producerId,
                items: {
                  create: items.map((item) => ({
                    productId: item.productId,
                    quantity: item.quantity,
                    unitEn: item.unitEn,
                    targetPriceUsdCents: item.targetPriceUsdCents,
                  })),
                },
              })),
            },
            attachments: { create: stored },
          },
          select: { id: true, number: true, parts: { select: { id: true, producerId: true } } },
        })
        const mails: Mail[] = []
        for (const part of rfq.parts) {
          const items = parts.get(part.producerId)!
          mails.push(
            ...(await tellProducer(
              tx,
              part.producerId,
              'rfq.received',
              producerPath(part.id),
              options.origin,
              (locale, name, url) =>
                rfqReceivedMail(locale, {
                  name,
                  producerName: products.get(items[0]!.productId)!.producerName,
                  number: rfq.number,
                  company,
                  country: countryName(buyer.country!, locale),
                  items: items.map((item) => {
                    const product = products.get(item.productId)!
                    return {
                      name: locale === 'en' ? product.nameEn || product.nameVi : product.nameVi,
                      quantity: item.quantity,
                      unit: item.unitEn,
                    }
                  }),
                  neededBy: formatDate(input.neededBy, locale),
                  url,
                }),
            )),
          )
        }
        return { id: rfq.id, number: rfq.number, mails }
      }),
    )
    await sendAfterCommit(created.mails)
    return { ok: true, id: created.id, number: created.number }
  } catch (error) {
    await removeStored(stored)
    throw error
  }
}

// ───────────── What each side sees ─────────────

const ITEM_SELECT = {
  id: true,
  quantity: true,
  unitEn: true,
  targetPriceUsdCents: true,
  product: { select: { sku: true, slug: true, nameVi: true, nameEn: true } },
} as const

const QUOTE_SELECT = {
  id: true,
  currency: true,
  validUntil: true,
  leadTimeDays: true,
  incoterm: true,
  terms: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  lines: { select: { itemId: true, unitPrice: true } },
} as const

const MESSAGE_SELECT = {
  id: true,
  body: true,
  createdAt: true,
  authorId: true,
  author: { select: { name: true } },
  attachments: { orderBy: { createdAt: 'asc' }, select: { id: true, fileName: true, sizeBytes: true } },
} as const

const ATTACHMENT_SELECT = { id: true, fileName: true, sizeBytes: true } as const

type QuoteRow = Prisma.QuoteGetPayload<{ select: typeof QUOTE_SELECT }>
type MessageRow = Prisma.RfqMessageGetPayload<{ select: typeof MESSAGE_SELECT }>

function viewQuotes(quotes: QuoteRow[], today: string) {
  return quotes.map((quote) => ({ ...quote, status: quoteStatusOn(quote.status, quote.validUntil, today) }))
}

/** Who closed a declined part: the buyer when its last quote was declined, else the producer. */
function declinedBy(status: RfqPartStatus, quotes: { status: QuoteStatus }[]): 'buyer' | 'producer' | null {
  if (status !== 'DECLINED') return null
  return quotes.some((quote) => quote.status === 'DECLINED') ? 'buyer' : 'producer'
}

function viewMessages(messages: MessageRow[], buyerId: string, buyerCompany: string) {
  return messages.map(({ authorId, author, ...message }) => {
    const fromBuyer = authorId === buyerId
    return {
      ...message,
      authorId,
      side: fromBuyer ? ('buyer' as const) : ('producer' as const),
      authorName: fromBuyer ? buyerCompany : author.name,
    }
  })
}

/** The buyer's request with every part: items, quotes, decline reasons, messages. Null when not theirs. */
export async function getBuyerRfq(buyerId: string, rfqId: string) {
  const rfq = await getDb().rfq.findFirst({
    where: { id: rfqId, buyerId },
    select: {
      id: true,
      number: true,
      buyerId: true,
      company: true,
      buyerCountry: true,
      incoterm: true,
      destinationCountry: true,
      destinationPort: true,
      neededBy: true,
      expiresOn: true,
      message: true,
      createdAt: true,
      attachments: { where: { messageId: null }, orderBy: { createdAt: 'asc' }, select: ATTACHMENT_SELECT },
      parts: {
        orderBy: { producer: { name: 'asc' } },
        select: {
          id: true,
          status: true,
          declineReason: true,
          producer: { select: { name: true, slug: true } },
          items: { orderBy: { id: 'asc' }, select: ITEM_SELECT },
          quotes: { orderBy: { createdAt: 'desc' }, select: QUOTE_SELECT },
          messages: { orderBy: { createdAt: 'asc' }, select: MESSAGE_SELECT },
        },
      },
    },
  })
  if (!rfq) return null
  const today = rfqToday()
  const parts = rfq.parts.map((part) => ({
    ...part,
    status: partStatusOn(part.status, rfq.expiresOn, today),
    declinedBy: declinedBy(part.status, part.quotes),
    quotes: viewQuotes(part.quotes, today),
    messages: viewMessages(part.messages, rfq.buyerId, rfq.company),
  }))
  return { ...rfq, today, expired: isPast(rfq.expiresOn, today), status: rfqStatus(parts), parts }
}

/** Just enough of the buyer's request to answer its forms; null when it is not theirs. */
export function findBuyerRfqRef(buyerId: string, rfqId: string) {
  return getDb().rfq.findFirst({ where: { id: rfqId, buyerId }, select: { id: true, number: true } })
}

/** Just enough of the producer's part to answer its forms (the items a quote prices); null when not theirs. */
export async function findProducerPartRef(producerId: string, partId: string) {
  const part = await getDb().rfqPart.findFirst({
    where: { id: partId, producerId },
    select: { id: true, items: { orderBy: { id: 'asc' }, select: { id: true } }, rfq: { select: { number: true } } },
  })
  return part ? { id: part.id, number: part.rfq.number, itemIds: part.items.map((item) => item.id) } : null
}

/** The producer's own part of a request (never the other producers' parts or quotes). Null when not theirs. */
export async function getProducerPart(producerId: string, partId: string) {
  const part = await getDb().rfqPart.findFirst({
    where: { id: partId, producerId },
    select: {
      id: true,
      status: true,
      declineReason: true,
      items: {
        orderBy: { id: 'asc' },
        select: {
          ...ITEM_SELECT,
          product: {
            select: {
              ...ITEM_SELECT.product.select,
              exportTerms: { select: { moqQuantity: true, moqUnitEn: true, orderLeadDays: true, incoterms: true } },
            },
          },
        },
      },
      quotes: { orderBy: { createdAt: 'desc' }, select: QUOTE_SELECT },
      messages: { orderBy: { createdAt: 'asc' }, select: MESSAGE_SELECT },
      rfq: {
        select: {
          id: true,
          number: true,
          buyerId: true,
          buyer: { select: { name: true } },
          company: true,
          buyerCountry: true,
          incoterm: true,
          destinationCountry: true,
          destinationPort: true,
          neededBy: true,
          expiresOn: true,
          message: true,
          createdAt: true,
          attachments: { where: { messageId: null }, orderBy: { createdAt: 'asc' }, select: ATTACHMENT_SELECT },
        },
      },
    },
  })
  if (!part) return null
  const today = rfqToday()
  const { buyerId, buyer, ...rfq } = part.rfq
  const status = partStatusOn(part.status, rfq.expiresOn, today)
  return {
    ...part,
    today,
    status,
    declinedBy: declinedBy(part.status, part.quotes),
    canAnswer: (QUOTABLE_PART_STATUSES as readonly string[]).includes(status),
    quotes: viewQuotes(part.quotes, today),
    messages: viewMessages(part.messages, buyerId, rfq.company),
    rfq: { ...rfq, buyerName: buyer.name, expired: isPast(rfq.expiresOn, today) },
  }
}

/** The buyer's requests, newest first, with the status derived from their parts. */
export async function listBuyerRfqs(buyerId: string, options: { page?: number } = {}) {
  const db = getDb()
  const total = await db.rfq.count({ where: { buyerId } })
  const pageCount = Math.max(1, Math.ceil(total / RFQ_PAGE_SIZE))
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pageCount)
  const rows = await db.rfq.findMany({
    where: { buyerId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * RFQ_PAGE_SIZE,
    take: RFQ_PAGE_SIZE,
    select: {
      id: true,
      number: true,
      createdAt: true,
      neededBy: true,
      expiresOn: true,
      destinationCountry: true,
      destinationPort: true,
      parts: { orderBy: { producer: { name: 'asc' } }, select: { status: true, producer: { select: { name: true } } } },
    },
  })
  const today = rfqToday()
  const items = rows.map((row) => {
    const parts = row.parts.map((part) => ({ ...part, status: partStatusOn(part.status, row.expiresOn, today) }))
    return { ...row, parts, status: rfqStatus(parts) }
  })
  return { items, page, pageCount, total }
}

/** The Prisma filter for parts as of today (an open part of a lapsed request counts as expired). */
function partsWithStatus(status: RfqPartStatus, today: Date): Prisma.RfqPartWhereInput {
  switch (status) {
    case 'OPEN':
    case 'QUOTED':
      return { status, rfq: { expiresOn: { gte: today } } }
    case 'EXPIRED':
      return {
        OR: [{ status: 'EXPIRED' }, { status: { in: [...QUOTABLE_PART_STATUSES] }, rfq: { expiresOn: { lt: today } } }],
      }
    default:
      return { status }
  }
}

/** A producer's inbox: its parts, newest first, optionally of one status, with the count per status. */
export async function listProducerParts(
  producerId: string,
  options: { status?: RfqPartStatus | null; page?: number } = {},
) {
  const db = getDb()
  const todayDay = rfqToday()
  const today = dateOfDay(todayDay)
  const statuses = ['OPEN', 'QUOTED', 'ACCEPTED', 'DECLINED', 'EXPIRED'] as const
  const countsList = await Promise.all([
    db.rfqPart.count({ where: { producerId } }),
    ...statuses.map((status) => db.rfqPart.count({ where: { producerId, ...partsWithStatus(status, today) } })),
  ])
  const counts = Object.fromEntries(statuses.map((status, i) => [status, countsList[i + 1]!])) as Record<
    RfqPartStatus,
    number
  >
  const all = countsList[0]!
  const where: Prisma.RfqPartWhereInput = {
    producerId,
    ...(options.status ? partsWithStatus(options.status, today) : {}),
  }
  const total = options.status ? counts[options.status] : all
  const pageCount = Math.max(1, Math.ceil(total / RFQ_PAGE_SIZE))
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pageCount)
  const rows = await db.rfqPart.findMany({
    where,
    orderBy: [{ rfq: { createdAt: 'desc' } }, { id: 'desc' }],
    skip: (page - 1) * RFQ_PAGE_SIZE,
    take: RFQ_PAGE_SIZE,
    select: {
      id: true,
      status: true,
      rfq: {
        select: { number: true, company: true, buyerCountry: true, createdAt: true, neededBy: true, expiresOn: true },
      },
      items: {
        orderBy: { id: 'asc' },
        select: { quantity: true, unitEn: true, product: { select: { nameVi: true, nameEn: true } } },
      },
    },
  })
  const items = rows.map((row) => ({ ...row, status: partStatusOn(row.status, row.rfq.expiresOn, todayDay) }))
  return { items, page, pageCount, total, counts: { ...counts, ALL: all } }
}

// ───────────── The producer answers ─────────────

export type PartActionResult = { ok: true; number: string } | { ok: false; problem: PartActionProblem }

/** Locks the producer's part and reads what its answers depend on; a problem when it cannot be answered. */
async function lockAnswerablePart(tx: Tx, producerId: string, partId: string) {
  await tx.$queryRaw`SELECT 1 FROM "RfqPart" WHERE "id" = ${partId} AND "producerId" = ${producerId} FOR UPDATE`
  const part = await tx.rfqPart.findFirst({
    where: { id: partId, producerId },
    select: {
      status: true,
      items: { select: { id: true } },
      rfq: {
        select: {
          id: true,
          number: true,
          expiresOn: true,
          buyer: { select: { id: true, email: true, name: true, locale: true } },
        },
      },
      producer: { select: { name: true } },
    },
  })
  if (!part) return { ok: false as const, problem: { code: 'not-found' as const } }
  if (isPast(part.rfq.expiresOn, rfqToday())) {
    return { ok: false as const, problem: { code: 'rfq-expired' as const, expiresOn: part.rfq.expiresOn } }
  }
  if (!(QUOTABLE_PART_STATUSES as readonly string[]).includes(part.status)) {
    return { ok: false as const, problem: { code: 'part-closed' as const, status: part.status } }
  }
  return { ok: true as const, part }
}

/**
 * A quote for every item of the producer's part. The pending quote, if any, is withdrawn; the part
 * becomes QUOTED. Refused when the part is closed or the request has expired.
 */
export async function submitQuote(
  producerId: string,
  partId: string,
  authorId: string,
  input: QuoteInput,
  options: { origin: string },
): Promise<PartActionResult> {
  const outcome = await getDb().$transaction(async (tx) => {
    const locked = await lockAnswerablePart(tx, producerId, partId)
    if (!locked.ok) return locked
    const { part } = locked
    const itemIds = new Set(part.items.map((item) => item.id))
    const lineIds = new Set(input.lines.map((line) => line.itemId))
    if (lineIds.size !== itemIds.size || input.lines.some((line) => !itemIds.has(line.itemId) || line.unitPrice <= 0)) {
      return { ok: false as const, problem: { code: 'items-changed' as const } }
    }
    const at = new Date()
    await tx.quote.updateMany({ where: { partId, status: 'PENDING' }, data: { status: 'WITHDRAWN', decidedAt: at } })
    await tx.quote.create({
      data: {
        partId,
        currency: input.currency,
        validUntil: dateOfDay(input.validUntil),
        leadTimeDays: input.leadTimeDays,
        incoterm: input.incoterm,
        terms: input.terms,
        authorId,
        lines: { create: input.lines.map((line) => ({ itemId: line.itemId, unitPrice: line.unitPrice })) },
      },
    })
    const moved = await tx.rfqPart.updateMany({
      where: { id: partId, producerId, status: { in: [...QUOTABLE_PART_STATUSES] } },
      data: { status: 'QUOTED', declineReason: null },
    })
    if (moved.count !== 1) throw new StaleState()
    const mails = await tellBuyer(
      tx,
      part.rfq.buyer,
      'rfq.quoted',
      buyerPath(part.rfq.id),
      options.origin,
      (locale, url) =>
        quoteReceivedMail(locale, {
          name: part.rfq.buyer.name,
          producerName: part.producer.name,
          number: part.rfq.number,
          validUntil: formatDate(input.validUntil, locale),
          url,
        }),
    )
    return { ok: true as const, number: part.rfq.number, mails }
  })
  if (!outcome.ok) return outcome
  await sendAfterCommit(outcome.mails)
  return { ok: true, number: outcome.number }
}

/** The producer declines to quote, with its reason (shown to the buyer); a pending quote is withdrawn. */
export async function declinePart(
  producerId: string,
  partId: string,
  reason: string,
  options: { origin: string },
): Promise<PartActionResult> {
  const outcome = await getDb().$transaction(async (tx) => {
    const locked = await lockAnswerablePart(tx, producerId, partId)
    if (!locked.ok) return locked
    const { part } = locked
    const moved = await tx.rfqPart.updateMany({
      where: { id: partId, producerId, status: { in: [...QUOTABLE_PART_STATUSES] } },
      data: { status: 'DECLINED', declineReason: reason },
    })
    if (moved.count !== 1) throw new StaleState()
    await tx.quote.updateMany({
      where: { partId, status: 'PENDING' },
      data: { status: 'WITHDRAWN', decidedAt: new Date() },
    })
    const mails = await tellBuyer(
      tx,
      part.rfq.buyer,
      'rfq.declined',
      buyerPath(part.rfq.id),
      options.origin,
      (locale, url) =>
        partDeclinedMail(locale, {
          name: part.rfq.buyer.name,
          producerName: part.producer.name,
          number: part.rfq.number,
          reason,
          url,
        }),
    )
    return { ok: true as const, number: part.rfq.number, mails }
  })
  if (!outcome.ok) return outcome
  await sendAfterCommit(outcome.mails)
  return { ok: true, number: outcome.number }
}

// ───────────── The buyer decides ─────────────

export type QuoteDecisionResult = { ok: true; producerName: string } | { ok: false; problem: QuoteDecisionProblem }

/** Locks the part of one of the buyer's quotes and reads it; a problem when it is no longer pending. */
async function lockPendingQuote(tx: Tx, buyerId: string, quoteId: string, options: { allowPastValidity: boolean }) {
  const ref = await tx.quote.findFirst({ where: { id: quoteId, part: { rfq: { buyerId } } }, select: { partId: true } })
  if (!ref) return { ok: false as const, problem: { code: 'not-found' as const } }
  await tx.$queryRaw`SELECT 1 FROM "RfqPart" WHERE "id" = ${ref.partId} FOR UPDATE`
  const quote = await tx.quote.findUniqueOrThrow({
    where: { id: quoteId },
    select: {
      status: true,
      validUntil: true,
      part: {
        select: {
          id: true,
          status: true,
          producerId: true,
          producer: { select: { name: true } },
          rfq: { select: { id: true, number: true, company: true, expiresOn: true } },
        },
      },
    },
  })
  const today = rfqToday()
  const lapsed = quote.status === 'EXPIRED' || (quote.status === 'PENDING' && isPast(quote.validUntil, today))
  if (lapsed && !options.allowPastValidity) {
    return { ok: false as const, problem: { code: 'quote-expired' as const, validUntil: quote.validUntil } }
  }
  if (quote.status !== 'PENDING' || quote.part.status !== 'QUOTED') {
    return { ok: false as const, problem: { code: 'quote-not-pending' as const } }
  }
  if (isPast(quote.part.rfq.expiresOn, today)) {
    return { ok: false as const, problem: { code: 'rfq-expired' as const, expiresOn: quote.part.rfq.expiresOn } }
  }
  return { ok: true as const, part: quote.part }
}

/** The buyer accepts a pending, still valid quote: the quote and its part become ACCEPTED. */
export async function acceptQuote(
  buyerId: string,
  quoteId: string,
  options: { origin: string },
): Promise<QuoteDecisionResult> {
  const outcome = await getDb().$transaction(async (tx) => {
    const locked = await lockPendingQuote(tx, buyerId, quoteId, { allowPastValidity: false })
    if (!locked.ok) return locked
    const { part } = locked
    const quote = await tx.quote.updateMany({
      where: { id: quoteId, partId: part.id, status: 'PENDING' },
      data: { status: 'ACCEPTED', decidedAt: new Date() },
    })
    if (quote.count !== 1) return { ok: false as const, problem: { code: 'quote-not-pending' as const } }
    const moved = await tx.rfqPart.updateMany({
      where: { id: part.id, status: 'QUOTED' },
      data: { status: 'ACCEPTED' },
    })
    if (moved.count !== 1) throw new StaleState()
    const mails = await tellProducer(
      tx,
      part.producerId,
      'rfq.accepted',
      producerPath(part.id),
      options.origin,
      (locale, name, url) =>
        quoteAcceptedMail(locale, { name, company: part.rfq.company, number: part.rfq.number, url }),
    )
    return { ok: true as const, producerName: part.producer.name, mails }
  })
  if (!outcome.ok) return outcome
  await sendAfterCommit(outcome.mails)
  return { ok: true, producerName: outcome.producerName }
}

/**
 * The buyer declines a pending quote, with an optional reason. This closes the part (DECLINED, the
 * reason kept as its decline reason): the buyer has answered that producer; talking on goes through
 * the thread, and a new request can be sent.
 */
export async function declineQuote(
  buyerId: string,
  quoteId: string,
  reason: string,
  options: { origin: string },
): Promise<QuoteDecisionResult> {
  const outcome = await getDb().$transaction(async (tx) => {
    const locked = await lockPendingQuote(tx, buyerId, quoteId, { allowPastValidity: true })
    if (!locked.ok) return locked
    const { part } = locked
    const quote = await tx.quote.updateMany({
      where: { id: quoteId, partId: part.id, status: 'PENDING' },
      data: { status: 'DECLINED', decidedAt: new Date() },
    })
    if (quote.count !== 1) return { ok: false as const, problem: { code: 'quote-not-pending' as const } }
    const moved = await tx.rfqPart.updateMany({
      where: { id: part.id, status: 'QUOTED' },
      data: { status: 'DECLINED', declineReason: reason || null },
    })
    if (moved.count !== 1) throw new StaleState()
    const mails = await tellProducer(
      tx,
      part.producerId,
      'rfq.quote-declined',
      producerPath(part.id),
      options.origin,
      (locale, name, url) =>
        quoteDeclinedMail(locale, { name, company: part.rfq.company, number: part.rfq.number, reason, url }),
    )
    return { ok: true as const, producerName: part.producer.name, mails }
  })
  if (!outcome.ok) return outcome
  await sendAfterCommit(outcome.mails)
  return { ok: true, producerName: outcome.producerName }
}

// ───────────── The thread ─────────────

/** Who writes on a part's thread: the request's buyer, or a member of the part's producer. */
export type ThreadAuthor = { side: 'buyer'; userId: string } | { side: 'producer'; userId: string; producerId: string }

export type PostMessageResult =
  { ok: true } | { ok: false; reason: 'not-found' } | { ok: false; reason: 'files'; problems: FileProblem[] }

/** A message (with optional files) on a part's thread; the other side gets a notice and mails. */
export async function postRfqMessage(
  author: ThreadAuthor,
  partId: string,
  body: string,
  files: File[],
  options: { origin: string },
): Promise<PostMessageResult> {
  const db = getDb()
  const where: Prisma.RfqPartWhereInput =
    author.side === 'buyer'
      ? { id: partId, rfq: { buyerId: author.userId } }
      : { id: partId, producerId: author.producerId }
  const part = await db.rfqPart.findFirst({
    where,
    select: {
      id: true,
      producerId: true,
      producer: { select: { name: true } },
      rfq: {
        select: {
          id: true,
          number: true,
          company: true,
          buyer: { select: { id: true, email: true, name: true, locale: true } },
        },
      },
    },
  })
  if (!part) return { ok: false, reason: 'not-found' }
  const checked = await checkAttachments(files)
  if (!checked.ok) return { ok: false, reason: 'files', problems: checked.problems }
  const stored = await storeAttachments(checked.files)
  try {
    const mails = await db.$transaction(async (tx) => {
      await tx.rfqMessage.create({
        data: {
          partId: part.id,
          authorId: author.userId,
          body,
          attachments: { create: stored.map((doc) => ({ ...doc, rfqId: part.rfq.id })) },
        },
      })
      const { rfq } = part
      if (author.side === 'buyer') {
        return tellProducer(
          tx,
          part.producerId,
          'rfq.message',
          producerPath(part.id),
          options.origin,
          (locale, name, url) => newMessageMail(locale, { name, from: rfq.company, number: rfq.number, body, url }),
        )
      }
      return tellBuyer(tx, rfq.buyer, 'rfq.message', buyerPath(rfq.id), options.origin, (locale, url) =>
        newMessageMail(locale, { name: rfq.buyer.name, from: part.producer.name, number: rfq.number, body, url }),
      )
    })
    await sendAfterCommit(mails)
    return { ok: true }
  } catch (error) {
    await removeStored(stored)
    throw error
  }
}
