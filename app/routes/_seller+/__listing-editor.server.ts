import { type Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type Messages } from '#app/i18n/vi.ts'
import { type ListingInput, ListingSchema } from '#app/modules/producer/listing-schema.ts'
import { isSkuTaken, type MissingForPublishing, type SaveListingResult } from '#app/modules/producer/listings.server.ts'

/** The editor's form, validated, with the database check that the SKU is free within the producer. */
export function parseListingForm(
  formData: FormData,
  t: Messages,
  producerId: string,
  productId?: string,
): Promise<Submission<ListingInput>> {
  const schema = ListingSchema(t.listings).superRefine(async (value, ctx) => {
    if (await isSkuTaken(producerId, value.sku, productId)) {
      ctx.addIssue({ code: 'custom', path: ['sku'], message: t.listings.errors.skuTaken })
    }
  })
  return parseWithZod(formData, { schema, async: true })
}

export function missingText(t: Messages, missing: MissingForPublishing[]): string {
  return t.listings.errors.incomplete(missing.map((m) => t.listings.errors.missing[m]).join(', '))
}

/** Field or form errors for a save the database refused (SKU taken meanwhile, status change not allowed). */
export function saveErrorReply(
  submission: Submission<ListingInput>,
  result: Exclude<SaveListingResult, { ok: true }>,
  t: Messages,
  to: ListingInput['status'],
) {
  const e = t.listings.errors
  switch (result.reason) {
    case 'sku-taken':
      return submission.reply({ fieldErrors: { sku: [e.skuTaken] } })
    case 'transition':
      return submission.reply({
        fieldErrors: {
          status: [e.transitionNotAllowed(t.listings.statusLabel[result.from], t.listings.statusLabel[to])],
        },
      })
    case 'incomplete':
      return submission.reply({ formErrors: [missingText(t, result.missing)] })
    case 'not-found':
      throw new Response('Not found', { status: 404 })
  }
}

/** The toast after a save: publishing while the producer is unverified says the product stays hidden. */
export function savedMessage(result: Extract<SaveListingResult, { ok: true }>, t: Messages, created: boolean): string {
  const toasts = t.listings.toasts
  if (result.status === 'PUBLISHED' && !result.producerVerified) return toasts.publishedHidden(result.name)
  return created ? toasts.created(result.name) : toasts.saved(result.name)
}
