/**
 * The office's certificate forms, shared by Conform in the browser and the actions on the server
 * (which add the database checks of certificates.server.ts). Messages come from the user's language;
 * `today` is the server's day (sent to the browser by the loader), so both sides judge dates alike.
 */
import { z } from 'zod'
import { type Locale } from '#app/i18n/locale.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { formatDate } from '#app/utils/dates.ts'
import {
  CERTIFICATE_LEVELS,
  CERTIFICATE_LIMITS,
  checkCertificateRules,
  parseIsoDay,
  type CertificateProblem,
  type CertifiedStars,
} from './certificate-rules.ts'

export type CertificateMessages = Messages['certificates']

/** The file field of the scanned decision, in the record form and on a certificate's page. */
export const DECISION_FILE_FIELD = 'decisionFile'

/** The message of a broken rule, in the user's language. */
export function problemMessage(t: CertificateMessages, locale: Locale, problem: CertificateProblem): string {
  const e = t.errors
  switch (problem.code) {
    case 'score-out-of-range':
      return e.scoreRange
    case 'score-out-of-band':
      return e.scoreOutOfBand(problem.score, problem.stars, problem.scoreStars)
    case 'level-mismatch':
      return e.levelMismatch(problem.stars)
    case 'issued-in-future':
      return e.issuedInFuture
    case 'decision-in-future':
      return e.decisionInFuture
    case 'expiry-not-36-months':
      return e.expiryNot36Months(formatDate(problem.expected, locale))
    case 'potential-needs-four-stars':
      return e.potentialNeedsFourStars
    case 'duplicate-decision':
      return e.duplicateDecision(problem.decisionNumber)
    case 'product-not-found':
      return e.productNotFound
    case 'issued-before-previous':
      return e.issuedBeforePrevious(formatDate(problem.previousIssuedOn, locale))
  }
}

/** Field errors for Conform's `submission.reply({ fieldErrors })`. */
export function problemFieldErrors(
  t: CertificateMessages,
  locale: Locale,
  problems: CertificateProblem[],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  for (const problem of problems) (errors[problem.field] ??= []).push(problemMessage(t, locale, problem))
  return errors
}

/** What can be wrong with an uploaded decision scan (documents.server.ts's problems, plus a second file). */
export type DecisionFileProblem = 'empty' | 'too-big' | 'wrong-type' | 'too-many'

export function decisionFileMessage(
  t: CertificateMessages,
  problem: DecisionFileProblem,
  maxMegabytes: number,
): string {
  const e = t.errors
  switch (problem) {
    case 'empty':
      return e.fileEmpty
    case 'too-big':
      return e.fileTooBig(maxMegabytes)
    case 'wrong-type':
      return e.fileWrongType
    case 'too-many':
      return e.fileTooMany
  }
}

function day(e: CertificateMessages['errors']) {
  return z.string({ error: e.dateRequired }).transform((text, ctx) => {
    const date = parseIsoDay(text)
    if (date) return date
    ctx.addIssue({ code: 'custom', message: e.dateInvalid })
    return z.NEVER
  })
}

function text(max: number, required: string, tooLong: string) {
  return z.string({ error: required }).trim().min(1, required).max(max, tooLong)
}

/** Recording a certificate (also the re-evaluation form, where `supersedes` names the old one). */
export function CertificateSchema(t: CertificateMessages, locale: Locale, today: Date) {
  const e = t.errors
  const L = CERTIFICATE_LIMITS
  return z
    .object({
      productId: z.string({ error: e.productRequired }).trim().min(1, e.productRequired),
      supersedes: z.string().trim().optional(),
      // A select: the values are the texts "3", "4", "5".
      stars: z.enum(['3', '4', '5'], { error: e.starsRequired }).transform((text) => Number(text) as CertifiedStars),
      score: z
        .number({ error: (issue) => (issue.input === undefined ? e.scoreRequired : e.scoreRange) })
        .int(e.scoreRange)
        .min(0, e.scoreRange)
        .max(100, e.scoreRange),
      level: z.enum(CERTIFICATE_LEVELS, { error: e.levelRequired }),
      issuer: text(L.issuerMaxLength, e.issuerRequired, e.issuerTooLong(L.issuerMaxLength)),
      decisionNumber: text(L.decisionNumberMaxLength, e.decisionRequired, e.decisionTooLong(L.decisionNumberMaxLength)),
      decisionDate: day(e),
      issuedOn: day(e),
      expiresOn: day(e).optional(),
      legalBasis: text(L.legalBasisMaxLength, e.legalBasisRequired, e.legalBasisTooLong(L.legalBasisMaxLength)),
      potentialFiveStar: z.boolean().optional().default(false),
    })
    .superRefine((value, ctx) => {
      for (const problem of checkCertificateRules(value, today)) {
        // The score field's own checks already said it (zod 4 runs this despite field issues).
        if (problem.code === 'score-out-of-range') continue
        ctx.addIssue({ code: 'custom', path: [problem.field], message: problemMessage(t, locale, problem) })
      }
    })
}

export type CertificateFormValue = z.output<ReturnType<typeof CertificateSchema>>

export function RevokeSchema(t: CertificateMessages) {
  const e = t.errors
  const max = CERTIFICATE_LIMITS.revokeReasonMaxLength
  return z.object({ reason: text(max, e.reasonRequired, e.reasonTooLong(max)) })
}
