/**
 * Who the fuzzer acts as and which real records fill route parameters, read from the test file's
 * database copy (the seeded demo data, plus an RFQ with an attachment so its routes have one).
 */
import { sessionCookie } from '#app/modules/accounts/session.server.ts'
import { storeDocument } from '#app/modules/media/documents.server.ts'
import { documentRow } from '#app/modules/producer/producer-documents.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { pdfFile, sendTestRfq } from '#tests/factories/rfqs.ts'

export const ROLE_EMAILS = {
  customer: 'khach@ocop.local',
  producer: 'ong@ocop.local',
  buyer: 'buyer@ocop.local',
  office: 'vanphong@ocop.local',
} as const
export type RoleName = 'anonymous' | keyof typeof ROLE_EMAILS
export const ROLE_NAMES: RoleName[] = ['anonymous', 'customer', 'producer', 'buyer', 'office']

/**
 * Session cookies for the seeded accounts. A fuzzed request may log out or change a password (that
 * ends the sessions), so `refresh()` makes a new session for any account whose session is gone.
 */
export class Sessions {
  private readonly ids = new Map<RoleName, string>()
  private readonly cookies = new Map<RoleName, string>()
  private userIds = new Map<RoleName, string>()

  async refresh(): Promise<number> {
    const db = getDb()
    if (this.userIds.size === 0) {
      const users = await db.user.findMany({
        where: { email: { in: Object.values(ROLE_EMAILS) } },
        select: { id: true, email: true },
      })
      for (const [role, email] of Object.entries(ROLE_EMAILS) as [RoleName, string][]) {
        const user = users.find((u) => u.email === email)
        if (!user) throw new Error(`seed: no account ${email}`)
        this.userIds.set(role, user.id)
      }
    }
    const alive = new Set(
      (
        await db.session.findMany({
          where: { id: { in: [...this.ids.values()] }, expiresAt: { gt: new Date() } },
          select: { id: true },
        })
      ).map((s) => s.id),
    )
    let made = 0
    for (const [role, userId] of this.userIds) {
      const current = this.ids.get(role)
      if (current && alive.has(current)) continue
      const session = await db.session.create({
        data: { userId, expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000) },
        select: { id: true },
      })
      this.ids.set(role, session.id)
      this.cookies.set(role, (await sessionCookie().serialize(session.id)).split(';')[0]!)
      made++
    }
    return made
  }

  cookie(role: RoleName): string | null {
    return role === 'anonymous' ? null : (this.cookies.get(role) ?? null)
  }

  userId(role: Exclude<RoleName, 'anonymous'>): string {
    return this.userIds.get(role)!
  }
}

export type ParamValues = Map<string, string[]>

/** Real values for each `segment/param` key of routes.ts `paramKey`. */
export async function realParamValues(sessions: Sessions): Promise<ParamValues> {
  const db = getDb()
  await sendTestRfq(sessions.userId('buyer'), { files: [pdfFile()] })
  const ong = await db.producer.findUniqueOrThrow({ where: { slug: 'htx-ong-tuan-minh' }, select: { id: true } })
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
  const stored = await storeDocument(`producers/${ong.id}`, 'giay-phep.pdf', { data: pdf, type: 'pdf' })
  await db.producerDocument.create({ data: { producerId: ong.id, ...documentRow('BUSINESS_REGISTRATION', stored) } })
  const few = { take: 4 } as const
  const [
    products,
    ongProducts,
    producers,
    regions,
    provinces,
    villages,
    certificates,
    exportCerts,
    orders,
    shipments,
    rfqs,
    parts,
    attachments,
    documents,
    jobs,
    mails,
  ] = await Promise.all([
    db.product.findMany({ ...few, select: { slug: true }, orderBy: { sku: 'asc' } }),
    db.product.findMany({ ...few, where: { producerId: ong.id }, select: { id: true } }),
    db.producer.findMany({ ...few, select: { id: true, slug: true } }),
    db.region.findMany({ ...few, select: { slug: true } }),
    db.province.findMany({ ...few, select: { code: true } }),
    db.craftVillage.findMany({ ...few, select: { slug: true } }),
    db.certificate.findMany({ ...few, select: { id: true } }),
    db.exportCertification.findMany({ ...few, select: { id: true } }),
    db.order.findMany({ ...few, select: { number: true } }),
    db.shipment.findMany({ ...few, where: { producerId: ong.id }, select: { id: true } }),
    db.rfq.findMany({ ...few, select: { id: true } }),
    db.rfqPart.findMany({ ...few, where: { producerId: ong.id }, select: { id: true } }),
    db.rfqAttachment.findMany({ ...few, select: { id: true } }),
    db.producerDocument.findMany({ ...few, select: { id: true } }),
    db.importJob.findMany({ ...few, select: { id: true } }),
    db.mailMessage.findMany({ ...few, select: { id: true } }),
  ])
  const exportSlugs = await db.product.findMany({
    ...few,
    where: { exportTerms: { exportReady: true } },
    select: { slug: true },
  })
  const values: ParamValues = new Map([
    ['products/slug', [...exportSlugs, ...products].map((p) => p.slug)],
    ['producers/slug', producers.map((p) => p.slug)],
    ['producers/producerId', [ong.id, ...producers.map((p) => p.id)]],
    ['regions/slug', regions.map((r) => r.slug)],
    ['provinces/code', provinces.map((p) => p.code)],
    ['villages/slug', villages.map((v) => v.slug)],
    ['certificates/certificateId', certificates.map((c) => c.id)],
    ['certifications/certificationId', exportCerts.map((c) => c.id)],
    ['orders/number', orders.map((o) => o.number)],
    ['orders/shipmentId', shipments.map((s) => s.id)],
    ['rfqs/rfqId', rfqs.map((r) => r.id)],
    ['rfqs/partId', parts.map((p) => p.id)],
    ['attachments/attachmentId', attachments.map((a) => a.id)],
    ['documents/documentId', documents.map((d) => d.id)],
    ['import/jobId', jobs.map((j) => j.id)],
    ['listings/productId', ongProducts.map((p) => p.id)],
    ['mailbox/id', mails.map((m) => m.id)],
    ['/*', ['khong-co-trang-nay', 'products', 'en/abc']],
  ])
  return values
}
