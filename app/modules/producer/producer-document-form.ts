/**
 * The producer-document form pieces shared by /seller/documents and the application form (browser
 * and server): the kinds, and the message for each way a file can be refused.
 */
import { z } from 'zod'
import { ProducerDocumentKind } from '#app/generated/prisma/enums.ts'
import { type Messages } from '#app/i18n/vi.ts'

export const PRODUCER_DOCUMENT_KINDS = Object.values(ProducerDocumentKind)
export const DOCUMENT_FIELD = 'document'
export const DOCUMENT_KIND_FIELD = 'documentKind'

type DocumentMessages = Messages['office']['producerDocuments']

export function DocumentKindSchema(m: DocumentMessages) {
  return z.enum(PRODUCER_DOCUMENT_KINDS, { error: m.errors.kindRequired })
}

/** A chosen file (an empty file input arrives as nothing); its bytes are checked on the server. */
export function DocumentFileSchema(m: DocumentMessages) {
  return z.custom<File>(
    (value) => typeof value === 'object' && value !== null && 'arrayBuffer' in value && 'name' in value,
    { error: m.errors.fileRequired },
  )
}

export type DocumentProblem = 'empty' | 'too-big' | 'too-many' | 'wrong-type' | 'missing'

export function documentProblemText(m: DocumentMessages, problem: DocumentProblem, maxMegabytes: number): string {
  switch (problem) {
    case 'empty':
      return m.errors.empty
    case 'too-big':
      return m.errors.tooBig(maxMegabytes)
    case 'too-many':
      return m.errors.tooMany
    case 'wrong-type':
      return m.errors.wrongType
    case 'missing':
      return m.errors.fileRequired
  }
}
