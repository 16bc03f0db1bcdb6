/**
 * OCOP certificates through their life: the office records them, re-evaluates (a new certificate
 * that supersedes the old, which keeps its history), revokes, marks "potential 5★" and attaches the
 * scanned decision. Every change writes its AuditEvent in the same transaction. The storefront needs
 * no call from here: the "CatalogEntry" triggers pick the newest certificate that is not revoked and
 * send NOTIFY catalog_changed on commit, so page and listing caches drop at once.
 */
import { Prisma } from '#app/generated/prisma/client.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import {
  checkDocument,
  DOCUMENT_LIMITS,
  readUploadForm,
  removeDocument,
  storeDocument,
  type DocumentType,
} from '#app/modules/media/documents.server.ts'
import { auditSnapshot, listAuditEvents, recordAudit, type AuditActor } from '#app/modules/office/audit.server.ts'
import { fold } from '#app/modules/search/query.ts'
import { now } from '#app/utils/clock.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import {
  checkCertificateRules,
  DECISION_FILE_TYPES,
  type CertificateProblem,
  type CertificateRuleInput,
} from './certificate-rules.ts'
import { DECISION_FILE_FIELD, type DecisionFileProblem } from './certificate-schema.ts'
import {
  daysUntil,
  EXPIRY_NOTICE_DAYS,
  expiryFor,
  lifecycleStatus,
  startOfUtcDay,
  type CertificateLifecycle,
} from './certificate-status.ts'

type Tx = Prisma.TransactionClient

const DAY_MS = 86_400_000
const audit = messagesFor('vi').certificates.audit

/** Why an action on an existing certificate was refused (messages: `certificates.conflicts`). */
export type CertificateConflict = 'not-found' | 'revoked' | 'superseded' | 'not-four-stars' | 'unchanged'

export type CertificateResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: 'invalid'; problems: CertificateProblem[] }
  | { ok: false; reason: CertificateConflict }

/** A scanned decision already checked by `checkDocument` (type sniffed from the bytes). */
export type CheckedDecisionFile = { data: Buffer; type: DocumentType; fileName: string }

export type CertificateInput = CertificateRuleInput & {
  productId: string
  issuer: string
  decisionNumber: string
  legalBasis: string
  decisionFile?: CheckedDecisionFile | null
}

const DECISION_FOLDER = 'certificates'
export const DECISION_FILE_MAX_MEGABYTES = DOCUMENT_LIMITS.maxBytes / (1024 * 1024)

export type DecisionUpload =
  | { ok: true; form: FormData; file: CheckedDecisionFile | null }
  | { ok: false; form: FormData | null; problem: DecisionFileProblem }

/**
 * Reads a certificate form that may carry the scanned decision (PDF, JPEG or PNG, 10 MB): at most one
 * file, its type decided by its bytes. A form that is not multipart is read as an ordinary form.
 */
export async function readDecisionUpload(request: Request): Promise<DecisionUpload> {
  const upload = await readUploadForm(request, { maxFiles: 1 })
  if (!upload.ok) return { ok: false, form: null, problem: upload.problem === 'too-many' ? 'too-many' : 'too-big' }
  const [file] = upload.files(DECISION_FILE_FIELD)
  if (!file) return { ok: true, form: upload.form, file: null }
  const checked = await checkDocument(file, { allowed: DECISION_FILE_TYPES })
  if (!checked.ok) return { ok: false, form: upload.form, problem: checked.problem }
  return { ok: true, form: upload.form, file: { data: checked.data, type: checked.type, fileName: file.name } }
}

/** What the audit log keeps of a certificate before and after a change. */
const SNAPSHOT = {
  id: true,
  productId: true,
  stars: true,
  score: true,
  level: true,
  issuer: true,
  decisionNumber: true,
  decisionDate: true,
  issuedOn: true,
  expiresOn: true,
  legalBasis: true,
  potentialFiveStar: true,
  revokedAt: true,
  revokedReason: true,
  decisionFileUrl: true,
  supersedesId: true,
} as const satisfies Prisma.CertificateSelect

const LOCKED = {
  ...SNAPSHOT,
  supersededBy: { select: { id: true } },
  product: { select: { nameVi: true } },
} as const satisfies Prisma.CertificateSelect

function snapshot(certificate: Prisma.CertificateGetPayload<{ select: typeof SNAPSHOT }>) {
  const picked: Record<string, unknown> = {}
  for (const key of Object.keys(SNAPSHOT)) picked[key] = certificate[key as keyof typeof certificate]
  return auditSnapshot(picked)
}

/** The certificate row locked for the rest of the transaction (revoke, re-evaluate, mark: one at a time). */
async function lockCertificate(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "Certificate" WHERE id = ${id} FOR UPDATE`
  return tx.certificate.findUnique({ where: { id }, select: LOCKED })
}

function isUniqueViolationOn(error: unknown, field: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false
  return JSON.stringify(error.meta ?? {}).includes(field)
}

function invalid(...problems: CertificateProblem[]) {
  return { ok: false as const, reason: 'invalid' as const, problems }
}

// ─────────── Record and re-evaluate ───────────

export type Recorded = { id: string; decisionNumber: string; productId: string; supersededDecision: string | null }

/** Records a certificate for a product. Nothing is saved when a rule is broken. */
export function recordCertificate(
  actor: AuditActor,
  input: CertificateInput,
  options: { today?: Date } = {},
): Promise<CertificateResult<Recorded>> {
  return createCertificate(actor, input, null, options.today ?? now())
}

/**
 * Re-evaluation: a new certificate for the same product that supersedes `previousId`. The old one
 * must be neither revoked nor superseded already, and the new one is not issued before it.
 * `input.productId` is ignored: the product is the old certificate's.
 */
export function reEvaluate(
  actor: AuditActor,
  previousId: string,
  input: Omit<CertificateInput, 'productId'> & { productId?: string },
  options: { today?: Date } = {},
): Promise<CertificateResult<Recorded>> {
  return createCertificate(actor, { ...input, productId: input.productId ?? '' }, previousId, options.today ?? now())
}

async function createCertificate(
  actor: AuditActor,
  input: CertificateInput,
  previousId: string | null,
  today: Date,
): Promise<CertificateResult<Recorded>> {
  const problems = checkCertificateRules(input, today)
  if (problems.length > 0) return invalid(...problems)
  const stored = input.decisionFile
    ? await storeDocument(DECISION_FOLDER, input.decisionFile.fileName, input.decisionFile)
    : null
  let result: CertificateResult<Recorded>
  try {
    result = await getDb().$transaction((tx) =>
      insertCertificate(tx, actor, input, previousId, stored?.storageKey ?? null),
    )
  } catch (error) {
    if (isUniqueViolationOn(error, 'supersedesId')) result = { ok: false, reason: 'superseded' }
    else if (isUniqueViolationOn(error, 'decisionNumber')) {
      result = invalid({ field: 'decisionNumber', code: 'duplicate-decision', decisionNumber: input.decisionNumber })
    } else {
      if (stored) await removeDocument(stored.storageKey)
      throw error
    }
  }
  if (!result.ok && stored) await removeDocument(stored.storageKey)
  return result
}

async function insertCertificate(
  tx: Tx,
  actor: AuditActor,
  input: CertificateInput,
  previousId: string | null,
  decisionFileUrl: string | null,
): Promise<CertificateResult<Recorded>> {
  let productId = input.productId
  let previous: Awaited<ReturnType<typeof lockCertificate>> = null
  if (previousId) {
    previous = await lockCertificate(tx, previousId)
    if (!previous) return { ok: false, reason: 'not-found' }
    if (previous.revokedAt) return { ok: false, reason: 'revoked' }
    if (previous.supersededBy) return { ok: false, reason: 'superseded' }
    if (startOfUtcDay(input.issuedOn) < startOfUtcDay(previous.issuedOn)) {
      return invalid({ field: 'issuedOn', code: 'issued-before-previous', previousIssuedOn: previous.issuedOn })
    }
    productId = previous.productId
  }
  const product = productId
    ? await tx.product.findUnique({ where: { id: productId }, select: { id: true, nameVi: true } })
    : null
  if (!product) return invalid({ field: 'productId', code: 'product-not-found' })
  const decisionNumber = input.decisionNumber.trim()
  const duplicate = await tx.certificate.findUnique({
    where: { productId_decisionNumber: { productId: product.id, decisionNumber } },
    select: { id: true },
  })
  if (duplicate) return invalid({ field: 'decisionNumber', code: 'duplicate-decision', decisionNumber })

  const created = await tx.certificate.create({
    data: {
      productId: product.id,
      stars: input.stars,
      score: input.score,
      level: input.level,
      issuer: input.issuer.trim(),
      decisionNumber,
      decisionDate: startOfUtcDay(input.decisionDate),
      issuedOn: startOfUtcDay(input.issuedOn),
      expiresOn: expiryFor(input.issuedOn),
      legalBasis: input.legalBasis.trim(),
      potentialFiveStar: input.potentialFiveStar,
      decisionFileUrl,
      supersedesId: previous?.id ?? null,
      recordedById: actor.id,
    },
    select: SNAPSHOT,
  })
  await recordAudit(tx, actor, {
    action: previous ? 'certificate.re-evaluate' : 'certificate.record',
    entityType: 'Certificate',
    entityId: created.id,
    summary: previous
      ? audit.reEvaluate(created.stars, decisionNumber, previous.decisionNumber, product.nameVi)
      : audit.record(created.stars, decisionNumber, product.nameVi),
    // A re-evaluation changes the old certificate too (it is now superseded): its state goes in "before".
    before: previous ? { superseded: snapshot(previous) } : null,
    after: snapshot(created),
  })
  return {
    ok: true,
    id: created.id,
    decisionNumber,
    productId: product.id,
    supersededDecision: previous?.decisionNumber ?? null,
  }
}

// ─────────── Changes to an existing certificate ───────────

/** Revokes with a reason; the product loses its stars at once. A revoked certificate stays revoked. */
export async function revokeCertificate(
  actor: AuditActor,
  id: string,
  reason: string,
): Promise<CertificateResult<{ decisionNumber: string }>> {
  const text = reason.trim()
  if (text === '') throw new Error('A revocation needs a reason')
  return getDb().$transaction(async (tx) => {
    const before = await lockCertificate(tx, id)
    if (!before) return { ok: false, reason: 'not-found' }
    if (before.revokedAt) return { ok: false, reason: 'revoked' }
    const after = await tx.certificate.update({
      where: { id },
      data: { revokedAt: now(), revokedReason: text },
      select: SNAPSHOT,
    })
    await recordAudit(tx, actor, {
      action: 'certificate.revoke',
      entityType: 'Certificate',
      entityId: id,
      summary: audit.revoke(before.decisionNumber, before.product.nameVi, text),
      before: snapshot(before),
      after: snapshot(after),
    })
    return { ok: true, decisionNumber: before.decisionNumber }
  })
}

/** Marks (or unmarks) a 4★ product "potential 5★", as its province proposes. */
export async function setPotentialFiveStar(
  actor: AuditActor,
  id: string,
  value: boolean,
): Promise<CertificateResult<{ decisionNumber: string; potentialFiveStar: boolean }>> {
  return getDb().$transaction(async (tx) => {
    const before = await lockCertificate(tx, id)
    if (!before) return { ok: false, reason: 'not-found' }
    if (before.revokedAt) return { ok: false, reason: 'revoked' }
    if (before.supersededBy) return { ok: false, reason: 'superseded' }
    if (value && before.stars !== 4) return { ok: false, reason: 'not-four-stars' }
    if (before.potentialFiveStar === value) return { ok: false, reason: 'unchanged' }
    const after = await tx.certificate.update({ where: { id }, data: { potentialFiveStar: value }, select: SNAPSHOT })
    await recordAudit(tx, actor, {
      action: value ? 'certificate.mark-potential' : 'certificate.unmark-potential',
      entityType: 'Certificate',
      entityId: id,
      summary: (value ? audit.markPotential : audit.unmarkPotential)(before.decisionNumber, before.product.nameVi),
      before: snapshot(before),
      after: snapshot(after),
    })
    return { ok: true, decisionNumber: before.decisionNumber, potentialFiveStar: value }
  })
}

/**
 * Attaches or replaces the scanned decision (not on a revoked certificate). A replaced scan stays on
 * disk: the audit log's "before" still names it.
 */
export async function updateDecisionFile(
  actor: AuditActor,
  id: string,
  file: CheckedDecisionFile,
): Promise<CertificateResult<{ decisionNumber: string }>> {
  const current = await getDb().certificate.findUnique({ where: { id }, select: { revokedAt: true } })
  if (!current) return { ok: false, reason: 'not-found' }
  if (current.revokedAt) return { ok: false, reason: 'revoked' }
  const stored = await storeDocument(DECISION_FOLDER, file.fileName, file)
  let result: CertificateResult<{ decisionNumber: string }>
  try {
    result = await getDb().$transaction(async (tx) => {
      const before = await lockCertificate(tx, id)
      if (!before) return { ok: false, reason: 'not-found' }
      if (before.revokedAt) return { ok: false, reason: 'revoked' }
      const after = await tx.certificate.update({
        where: { id },
        data: { decisionFileUrl: stored.storageKey },
        select: SNAPSHOT,
      })
      await recordAudit(tx, actor, {
        action: 'certificate.decision-file',
        entityType: 'Certificate',
        entityId: id,
        summary: audit.decisionFile(before.decisionNumber, before.product.nameVi),
        before: snapshot(before),
        after: snapshot(after),
      })
      return { ok: true, decisionNumber: before.decisionNumber }
    })
  } catch (error) {
    await removeDocument(stored.storageKey)
    throw error
  }
  if (!result.ok) await removeDocument(stored.storageKey)
  return result
}

// ─────────── The office's lists ───────────

export const CERTIFICATE_VIEWS = ['all', 'expiring', 'expired', 'revoked'] as const
export type CertificateView = (typeof CERTIFICATE_VIEWS)[number]

export function parseCertificateView(value: string | null): CertificateView {
  return CERTIFICATE_VIEWS.find((view) => view === value) ?? 'all'
}

export type CertificateQuery = { view?: CertificateView; q?: string; page?: number; pageSize?: number }

function viewWhere(view: CertificateView, today: Date): Prisma.CertificateWhereInput {
  const day = startOfUtcDay(today)
  const live = { revokedAt: null, supersededBy: { is: null } } satisfies Prisma.CertificateWhereInput
  switch (view) {
    case 'all':
      return {}
    case 'expiring':
      return { ...live, expiresOn: { gte: day, lte: new Date(day.getTime() + EXPIRY_NOTICE_DAYS * DAY_MS) } }
    case 'expired':
      return { ...live, expiresOn: { lt: day } }
    case 'revoked':
      return { revokedAt: { not: null } }
  }
}

function searchWhere(q: string | undefined): Prisma.CertificateWhereInput {
  const text = q?.trim()
  if (!text) return {}
  const contains = { contains: text, mode: 'insensitive' } as const
  return {
    OR: [
      { decisionNumber: contains },
      { product: { nameVi: contains } },
      { product: { nameEn: contains } },
      { product: { sku: contains } },
      { product: { producer: { name: contains } } },
      // Typed without tone marks ("mat ong tuan minh"): the catalogue's folded names, producer and places.
      { product: { catalogEntry: { searchText: { contains: fold(text) } } } },
    ],
  }
}

const VIEW_ORDER: Record<CertificateView, Prisma.CertificateOrderByWithRelationInput[]> = {
  all: [{ issuedOn: 'desc' }, { createdAt: 'desc' }],
  expiring: [{ expiresOn: 'asc' }, { id: 'asc' }],
  expired: [{ expiresOn: 'desc' }, { id: 'asc' }],
  revoked: [{ revokedAt: 'desc' }, { id: 'asc' }],
}

const ROW = {
  id: true,
  stars: true,
  level: true,
  issuer: true,
  decisionNumber: true,
  issuedOn: true,
  expiresOn: true,
  revokedAt: true,
  potentialFiveStar: true,
  supersededBy: { select: { id: true } },
  product: {
    select: { id: true, nameVi: true, nameEn: true, sku: true, producer: { select: { id: true, name: true } } },
  },
} as const satisfies Prisma.CertificateSelect

type Row = Prisma.CertificateGetPayload<{ select: typeof ROW }>

function withStatus<T extends Row>(row: T, today: Date) {
  const { supersededBy, ...rest } = row
  return {
    ...rest,
    supersededById: supersededBy?.id ?? null,
    status: lifecycleStatus(row, today, { superseded: !!supersededBy }) as CertificateLifecycle,
    daysLeft: daysUntil(row.expiresOn, today),
  }
}

/** The office's certificate list: one view (queue), searched, one page; counts of every view for the tabs. */
export async function listCertificates(query: CertificateQuery, today: Date) {
  const view = query.view ?? 'all'
  const pageSize = query.pageSize ?? 25
  const search = searchWhere(query.q)
  const where: Prisma.CertificateWhereInput = { AND: [viewWhere(view, today), search] }
  const db = getDb()
  const [total, counts] = await Promise.all([
    db.certificate.count({ where }),
    Promise.all(CERTIFICATE_VIEWS.map((v) => db.certificate.count({ where: { AND: [viewWhere(v, today), search] } }))),
  ])
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(1, query.page ?? 1), pageCount)
  const rows = await db.certificate.findMany({
    where,
    orderBy: VIEW_ORDER[view],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: ROW,
  })
  return {
    view,
    items: rows.map((row) => withStatus(row, today)),
    total,
    page,
    pageCount,
    counts: Object.fromEntries(CERTIFICATE_VIEWS.map((v, i) => [v, counts[i] ?? 0])) as Record<CertificateView, number>,
  }
}

const HISTORY = {
  id: true,
  stars: true,
  level: true,
  decisionNumber: true,
  issuedOn: true,
  expiresOn: true,
  revokedAt: true,
  supersedesId: true,
  supersededBy: { select: { id: true } },
} as const satisfies Prisma.CertificateSelect

/** The re-evaluation chain the certificate belongs to, oldest first (with the certificate itself). */
export async function getCertificateHistory(id: string, today: Date) {
  const db = getDb()
  const find = (certificateId: string) => db.certificate.findUnique({ where: { id: certificateId }, select: HISTORY })
  const start = await find(id)
  if (!start) return []
  const chain = [start]
  // Chains are short (one certificate every three years); the guard only stops a corrupted loop.
  for (let previousId = start.supersedesId, guard = 0; previousId && guard < 100; guard++) {
    const previous = await find(previousId)
    if (!previous) break
    chain.unshift(previous)
    previousId = previous.supersedesId
  }
  for (let nextId = start.supersededBy?.id, guard = 0; nextId && guard < 100; guard++) {
    const next = await find(nextId)
    if (!next) break
    chain.push(next)
    nextId = next.supersededBy?.id
  }
  return chain.map(({ supersededBy, supersedesId: _, ...certificate }) => ({
    ...certificate,
    status: lifecycleStatus(certificate, today, { superseded: !!supersededBy }) as CertificateLifecycle,
  }))
}

const DETAIL = {
  ...SNAPSHOT,
  createdAt: true,
  supersedes: { select: { id: true, decisionNumber: true } },
  supersededBy: { select: { id: true, decisionNumber: true } },
  product: {
    select: {
      id: true,
      slug: true,
      sku: true,
      nameVi: true,
      nameEn: true,
      status: true,
      catalogEntry: { select: { visible: true } },
      producer: { select: { id: true, slug: true, name: true, status: true } },
    },
  },
} as const satisfies Prisma.CertificateSelect

function detailOf(certificate: Prisma.CertificateGetPayload<{ select: typeof DETAIL }>, today: Date) {
  const { decisionFileUrl, product, ...rest } = certificate
  const { catalogEntry, ...productRest } = product
  return {
    ...rest,
    product: { ...productRest, visible: catalogEntry?.visible ?? false },
    hasDecisionFile: !!decisionFileUrl,
    status: lifecycleStatus(certificate, today, { superseded: !!certificate.supersededBy }) as CertificateLifecycle,
    daysLeft: daysUntil(certificate.expiresOn, today),
  }
}

/** Everything the office's detail page shows: the certificate, its chain and its audit events. */
export async function getOfficeCertificate(id: string, today: Date) {
  const certificate = await getDb().certificate.findUnique({ where: { id }, select: DETAIL })
  if (!certificate) return null
  const [history, log] = await Promise.all([
    getCertificateHistory(id, today),
    listAuditEvents({ entityId: id, pageSize: 20 }),
  ])
  return {
    ...detailOf(certificate, today),
    history,
    auditEvents: log.events.map((event) => ({
      id: event.id,
      action: event.action,
      summary: event.summary,
      actorEmail: event.actorEmail,
      createdAt: event.createdAt,
    })),
  }
}

/** The public trust page: anyone may check a certificate (the QR label leads here), whatever its status. */
export async function getPublicCertificate(id: string, today: Date) {
  const certificate = await getDb().certificate.findUnique({ where: { id }, select: DETAIL })
  if (!certificate) return null
  const detail = detailOf(certificate, today)
  // The office's own notes (the revocation reason may name an inspection) stay in the office.
  const { productId: _, supersedesId: __, revokedReason: ___, ...shown } = detail
  return shown
}

/** The file behind the public decision link, or null when none was uploaded. */
export async function decisionFileOf(id: string) {
  const certificate = await getDb().certificate.findUnique({
    where: { id },
    select: { decisionFileUrl: true, decisionNumber: true },
  })
  if (!certificate?.decisionFileUrl) return null
  const storageKey = certificate.decisionFileUrl
  const extension = storageKey.split('.').pop()?.toLowerCase() ?? ''
  const mimeType =
    { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }[extension] ??
    'application/octet-stream'
  const base = certificate.decisionNumber.replace(/[\\/]+/g, '-')
  return { storageKey, mimeType, fileName: `quyet-dinh-${base}.${extension || 'bin'}` }
}

// ─────────── Choosing a product, prefilling a re-evaluation ───────────

const PRODUCT_CHOICE = {
  id: true,
  nameVi: true,
  nameEn: true,
  sku: true,
  status: true,
  producer: { select: { name: true } },
  catalogEntry: { select: { certStars: true, certIssuedOn: true, certExpiresOn: true } },
} as const satisfies Prisma.ProductSelect

function productChoice(product: Prisma.ProductGetPayload<{ select: typeof PRODUCT_CHOICE }>, today: Date) {
  const { catalogEntry: entry, ...rest } = product
  const day = startOfUtcDay(today)
  const valid = entry?.certIssuedOn && entry.certExpiresOn && entry.certIssuedOn <= day && entry.certExpiresOn >= day
  return { ...rest, currentStars: valid ? (entry.certStars ?? null) : null }
}

/** Products matching a name, SKU or producer, for the "record a certificate" form. */
export async function searchProductsForCertificate(q: string, today: Date, take = 20) {
  const text = q.trim()
  if (!text) return []
  const contains = { contains: text, mode: 'insensitive' } as const
  const products = await getDb().product.findMany({
    where: {
      OR: [{ nameVi: contains }, { nameEn: contains }, { sku: contains }, { producer: { name: contains } }],
    },
    orderBy: [{ nameVi: 'asc' }, { id: 'asc' }],
    take,
    select: PRODUCT_CHOICE,
  })
  return products.map((product) => productChoice(product, today))
}

export async function getProductChoice(productId: string, today: Date) {
  const product = await getDb().product.findUnique({ where: { id: productId }, select: PRODUCT_CHOICE })
  return product ? productChoice(product, today) : null
}

const REEVALUATION_BASE = {
  id: true,
  productId: true,
  stars: true,
  score: true,
  level: true,
  issuer: true,
  decisionNumber: true,
  issuedOn: true,
  legalBasis: true,
  potentialFiveStar: true,
} as const satisfies Prisma.CertificateSelect

export type ReEvaluationBase = Prisma.CertificateGetPayload<{ select: typeof REEVALUATION_BASE }>

/** The old certificate a re-evaluation starts from, or why it cannot be re-evaluated. */
export async function getReEvaluationBase(
  id: string,
): Promise<{ ok: true; certificate: ReEvaluationBase } | { ok: false; reason: CertificateConflict }> {
  const certificate = await getDb().certificate.findUnique({
    where: { id },
    select: { ...REEVALUATION_BASE, revokedAt: true, supersededBy: { select: { id: true } } },
  })
  if (!certificate) return { ok: false, reason: 'not-found' }
  if (certificate.revokedAt) return { ok: false, reason: 'revoked' }
  if (certificate.supersededBy) return { ok: false, reason: 'superseded' }
  const { revokedAt: _, supersededBy: __, ...base } = certificate
  return { ok: true, certificate: base }
}

// ─────────── The producer's own certificates ───────────

/** Every certificate of the producer's products, newest first per product, with status and days left. */
export async function listProducerCertificates(producerId: string, today: Date) {
  const rows = await getDb().certificate.findMany({
    where: { product: { producerId } },
    orderBy: [{ product: { nameVi: 'asc' } }, { issuedOn: 'desc' }, { createdAt: 'desc' }],
    select: { ...ROW, product: { select: { ...ROW.product.select, slug: true } } },
  })
  return rows.map((row) => {
    const certificate = withStatus(row, today)
    return { ...certificate, printable: certificate.status === 'active' || certificate.status === 'expiring' }
  })
}

export async function certificateExists(id: string): Promise<boolean> {
  return !!(await getDb().certificate.findUnique({ where: { id }, select: { id: true } }))
}
