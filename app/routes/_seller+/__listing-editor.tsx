import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { ErrorList, FormError, SubmitButton, TextareaField, TextField } from '#app/components/ui/form.tsx'
import { localePath, pick } from '#app/i18n/locale.ts'
import { useLocale, useMessages } from '#app/i18n/messages.ts'
import { OCOP_GROUPS } from '#app/modules/catalog/ocop-groups.ts'
import { LISTING_TRANSITIONS, type ListingStatus } from '#app/modules/producer/listing-rules.ts'
import { formatVndInput, ListingSchema } from '#app/modules/producer/listing-schema.ts'

export const SAVE_LISTING_INTENT = 'save-listing'

export type ListingDefaults = {
  id: string
  sku: string
  nameVi: string
  nameEn: string
  groupCode: string
  subgroupCode: string
  priceVnd: number
  unitVi: string
  unitEn: string
  weightGrams: number
  stock: number
  descriptionVi: string
  descriptionEn: string
  status: ListingStatus
}

const selectClass =
  'block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none aria-[invalid]:border-red-500'

/** The statuses the editor offers: the current one and those LISTING_TRANSITIONS allows from it. */
function statusOptions(current: ListingStatus | null): ListingStatus[] {
  if (current === null) return ['DRAFT', 'PUBLISHED']
  return [current, ...LISTING_TRANSITIONS[current]]
}

/** The create and edit form of a listing; works as a plain HTML form without JavaScript. */
export function ListingEditor({
  product,
  lastResult,
}: {
  product: ListingDefaults | null
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const t = useMessages()
  const locale = useLocale()
  const l = t.listings
  const e = l.editor
  const schema = ListingSchema(l)
  const { sku: skuConstraint, ...constraint } = getZodConstraint(schema)
  const [form, fields] = useForm({
    id: product ? `listing-${product.id}` : 'listing-new',
    // The SKU pattern is checked by the schema; as an HTML `pattern` the browser would compile it
    // with the `v` flag, in which the unescaped `/` and `-` of the class are a syntax error.
    constraint: { ...constraint, sku: { ...skuConstraint, pattern: undefined } },
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: product
      ? { ...product, priceVnd: formatVndInput(product.priceVnd) }
      : { status: 'DRAFT', stock: '0' },
  })
  const { key: groupKey, ...groupProps } = getSelectProps(fields.groupCode)
  const { key: subgroupKey, ...subgroupProps } = getSelectProps(fields.subgroupCode)
  const statusHintId = `${fields.status.id}-hint`
  const { key: statusKey, ...statusProps } = getSelectProps(fields.status, { ariaDescribedBy: statusHintId })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-8">
      <input type="hidden" name="intent" value={SAVE_LISTING_INTENT} />
      <FormError errors={form.errors} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{e.basics}</legend>
        <TextField meta={fields.sku} label={e.sku} hint={e.skuHint} autoComplete="off" spellCheck={false} />
        <div className="hidden sm:block" />
        <TextField meta={fields.nameVi} label={e.nameVi} />
        <TextField meta={fields.nameEn} label={e.nameEn} lang="en" />
        <div>
          <label htmlFor={fields.groupCode.id} className="mb-1 block text-sm font-medium text-stone-800">
            {e.group}
          </label>
          <select key={groupKey} {...groupProps} className={selectClass}>
            <option value="">{e.choose}</option>
            {OCOP_GROUPS.map((group) => (
              <option key={group.code} value={group.code}>
                {pick(locale, group.nameVi, group.nameEn)}
              </option>
            ))}
          </select>
          <ErrorList id={fields.groupCode.errorId} errors={fields.groupCode.errors} />
        </div>
        <div>
          <label htmlFor={fields.subgroupCode.id} className="mb-1 block text-sm font-medium text-stone-800">
            {e.subgroup}
          </label>
          <select key={subgroupKey} {...subgroupProps} className={selectClass}>
            <option value="">{e.choose}</option>
            {OCOP_GROUPS.map((group) => (
              <optgroup key={group.code} label={pick(locale, group.nameVi, group.nameEn)}>
                {group.subgroups.map((subgroup) => (
                  <option key={subgroup.code} value={subgroup.code}>
                    {pick(locale, subgroup.nameVi, subgroup.nameEn)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <ErrorList id={fields.subgroupCode.errorId} errors={fields.subgroupCode.errors} />
        </div>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{e.pricing}</legend>
        <TextField meta={fields.priceVnd} label={e.price} hint={e.priceHint} inputMode="numeric" autoComplete="off" />
        <TextField meta={fields.stock} label={e.stock} type="number" inputMode="numeric" />
        <TextField meta={fields.unitVi} label={e.unitVi} hint={e.unitViHint} />
        <TextField meta={fields.unitEn} label={e.unitEn} lang="en" />
        <TextField meta={fields.weightGrams} label={e.weight} hint={e.weightHint} type="number" inputMode="numeric" />
      </fieldset>

      <fieldset className="grid gap-4">
        <legend className="mb-2 text-lg font-semibold">{e.descriptions}</legend>
        <TextareaField meta={fields.descriptionVi} label={e.descriptionVi} rows={6} />
        <TextareaField meta={fields.descriptionEn} label={e.descriptionEn} rows={4} />
      </fieldset>

      <div className="max-w-sm">
        <label htmlFor={fields.status.id} className="mb-1 block text-sm font-medium text-stone-800">
          {e.status}
        </label>
        <select key={statusKey} {...statusProps} className={selectClass}>
          {statusOptions(product?.status ?? null).map((status) => (
            <option key={status} value={status}>
              {l.statusLabel[status]}
            </option>
          ))}
        </select>
        <p id={statusHintId} className="mt-1 text-xs text-stone-500">
          {e.statusHint}
        </p>
        <ErrorList id={fields.status.errorId} errors={fields.status.errors} />
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton name="intent" value={SAVE_LISTING_INTENT} pendingText={e.saving}>
          {product ? e.save : e.create}
        </SubmitButton>
        {product ? (
          <Link
            to={localePath(locale, `/seller/listings/${product.id}/preview`)}
            className="text-sm font-medium text-brand-800 underline"
          >
            {e.preview}
          </Link>
        ) : null}
      </div>
    </Form>
  )
}
