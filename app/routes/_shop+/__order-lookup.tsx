import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { FormError, SubmitButton, TextField } from '#app/components/ui/form.tsx'
import { localePath } from '#app/i18n/locale.ts'
import { useLocale, useMessages } from '#app/i18n/messages.ts'
import { OrderLookupSchema, UNLOCK_INTENT } from '#app/modules/checkout/order-lookup-schema.ts'

/**
 * The phone check that opens an order: on /orders with the order number, on a locked order page
 * with the phone only (the number is in the URL).
 */
export function OrderLookupForm({
  number,
  lastResult,
  signedIn,
}: {
  /** Set on the order page: the order to open. */
  number?: string
  lastResult?: SubmissionResult<string[]> | null
  signedIn: boolean
}) {
  const t = useMessages().orders.lookup
  const locale = useLocale()
  const schema = OrderLookupSchema(t)
  const [form, fields] = useForm({
    id: 'order-lookup',
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const back = localePath(locale, number ? `/orders/${number}` : '/orders')
  return (
    <div className="space-y-4">
      <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
        <input type="hidden" name="intent" value={UNLOCK_INTENT} />
        {/* On the order page the number comes from the URL; the hidden copy only feeds the browser's check. */}
        {number ? (
          <input type="hidden" name="number" value={number} />
        ) : (
          <TextField
            meta={fields.number}
            label={t.number}
            hint={t.numberHint}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        )}
        <TextField meta={fields.phone} type="tel" label={t.phone} autoComplete="tel" inputMode="tel" />
        <FormError errors={form.errors} />
        <SubmitButton pendingText={t.pending}>{t.submit}</SubmitButton>
      </Form>
      {signedIn ? null : (
        <p className="text-sm text-stone-600">
          {t.accountHint}{' '}
          <Link
            to={`${localePath(locale, '/account/login')}?redirectTo=${encodeURIComponent(back)}`}
            className="text-brand-800 underline"
          >
            {t.login}
          </Link>
        </p>
      )}
    </div>
  )
}
