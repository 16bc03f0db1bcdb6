/**
 * The rules an OCOP certificate obeys when the office records it (Decisions 148/QĐ-TTg 2023 and
 * 1489/QĐ-TTg 2025): stars follow the score band, 5★ is national and 3★–4★ provincial, validity is
 * 36 months from issue, "potential 5★" marks only 4★ products. Pure, so the form schema (browser and
 * server) and certificates.server.ts check the same things; messages come from certificate-schema.ts.
 */
import { expiryFor, startOfUtcDay } from './certificate-status.ts'

export const CERTIFIED_STARS = [3, 4, 5] as const
export type CertifiedStars = (typeof CERTIFIED_STARS)[number]

/** Score bands out of 100; below 50 no star is certified. */
export const STAR_BANDS: Record<CertifiedStars, { min: number; max: number }> = {
  3: { min: 50, max: 69 },
  4: { min: 70, max: 89 },
  5: { min: 90, max: 100 },
}

export const CERTIFICATE_LEVELS = ['PROVINCIAL', 'NATIONAL'] as const
export type CertificateLevelCode = (typeof CERTIFICATE_LEVELS)[number]

/**
 * Criteria sets offered in the form; anything else may be typed (older certificates follow
 * Decision 1048/QĐ-TTg of 2019, and a 2026 revision exists).
 */
export const KNOWN_LEGAL_BASES = ['Quyết định 148/QĐ-TTg ngày 24/02/2023', 'Quyết định 1489/QĐ-TTg (2025)'] as const

export const CERTIFICATE_LIMITS = {
  issuerMaxLength: 200,
  decisionNumberMaxLength: 60,
  legalBasisMaxLength: 300,
  revokeReasonMaxLength: 1_000,
} as const

/** The scanned decision: a PDF or a photo of the paper. */
export const DECISION_FILE_TYPES = ['pdf', 'jpeg', 'png'] as const

/** The stars a score earns, or null below 50 (not certified) or outside 0–100. */
export function starsForScore(score: number): CertifiedStars | null {
  for (const stars of CERTIFIED_STARS) {
    const band = STAR_BANDS[stars]
    if (score >= band.min && score <= band.max) return stars
  }
  return null
}

/** 5★ is evaluated by the central council; 3★ and 4★ by the province. */
export function levelForStars(stars: CertifiedStars): CertificateLevelCode {
  return stars === 5 ? 'NATIONAL' : 'PROVINCIAL'
}

/** What the office typed, once each field has its type. */
export type CertificateRuleInput = {
  stars: CertifiedStars
  score: number
  level: CertificateLevelCode
  issuedOn: Date
  decisionDate: Date
  /** Optional in the form: computed when absent, refused when it is not issuedOn + 36 months. */
  expiresOn?: Date | null
  potentialFiveStar: boolean
}

export type CertificateField =
  | 'productId'
  | 'stars'
  | 'score'
  | 'level'
  | 'issuer'
  | 'decisionNumber'
  | 'decisionDate'
  | 'issuedOn'
  | 'expiresOn'
  | 'legalBasis'
  | 'potentialFiveStar'
  | 'decisionFile'

/** A broken rule, tied to the field the message goes next to. Messages: certificate-schema.ts. */
export type CertificateProblem =
  | { field: 'score'; code: 'score-out-of-range' }
  | {
      field: 'score'
      code: 'score-out-of-band'
      score: number
      stars: CertifiedStars
      scoreStars: CertifiedStars | null
    }
  | { field: 'level'; code: 'level-mismatch'; stars: CertifiedStars; expected: CertificateLevelCode }
  | { field: 'issuedOn'; code: 'issued-in-future' }
  | { field: 'decisionDate'; code: 'decision-in-future' }
  | { field: 'expiresOn'; code: 'expiry-not-36-months'; expected: Date }
  | { field: 'potentialFiveStar'; code: 'potential-needs-four-stars' }
  | { field: 'decisionNumber'; code: 'duplicate-decision'; decisionNumber: string }
  | { field: 'productId'; code: 'product-not-found' }
  | { field: 'issuedOn'; code: 'issued-before-previous'; previousIssuedOn: Date }

/** Every rule that needs no database, against `today` (the office's calendar day). */
export function checkCertificateRules(input: CertificateRuleInput, today: Date): CertificateProblem[] {
  const problems: CertificateProblem[] = []
  const day = startOfUtcDay(today).getTime()
  const scoreStars = starsForScore(input.score)
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100) {
    problems.push({ field: 'score', code: 'score-out-of-range' })
  } else if (scoreStars !== input.stars) {
    problems.push({ field: 'score', code: 'score-out-of-band', score: input.score, stars: input.stars, scoreStars })
  }
  const expected = levelForStars(input.stars)
  if (input.level !== expected) problems.push({ field: 'level', code: 'level-mismatch', stars: input.stars, expected })
  if (startOfUtcDay(input.issuedOn).getTime() > day) problems.push({ field: 'issuedOn', code: 'issued-in-future' })
  if (startOfUtcDay(input.decisionDate).getTime() > day) {
    problems.push({ field: 'decisionDate', code: 'decision-in-future' })
  }
  const expiry = expiryFor(input.issuedOn)
  if (input.expiresOn && startOfUtcDay(input.expiresOn).getTime() !== expiry.getTime()) {
    problems.push({ field: 'expiresOn', code: 'expiry-not-36-months', expected: expiry })
  }
  if (input.potentialFiveStar && input.stars !== 4) {
    problems.push({ field: 'potentialFiveStar', code: 'potential-needs-four-stars' })
  }
  return problems
}

/** "2026-03-05" → that calendar day at midnight UTC, or null for anything else (incl. 2026-02-30). */
export function parseIsoDay(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim())
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date
}

/** A calendar day as the date input writes it: "2026-03-05". */
export function isoDay(date: Date | string): string {
  return (typeof date === 'string' ? new Date(date) : date).toISOString().slice(0, 10)
}
