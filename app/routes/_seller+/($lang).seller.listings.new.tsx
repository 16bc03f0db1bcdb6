import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import { createListing } from '#app/modules/producer/listings.server.ts'
import { setToast } from '#app/utils/toast.server.ts'
import { ListingEditor, SAVE_LISTING_INTENT } from './__listing-editor.tsx'
import { parseListingForm, saveErrorReply, savedMessage } from './__listing-editor.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireSeller(request, 'create:listing:own')
  return { title: messagesFor(locale).listings.editor.newTitle }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale)
  const { producer } = await requireSeller(request, 'create:listing:own')
  const formData = await readFormData(request)
  if (formData.get('intent') !== SAVE_LISTING_INTENT) {
    return data({ result: null, error: t.listings.errors.unknownIntent }, { status: 400 })
  }
  const submission = await parseListingForm(formData, t, producer.id)
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), error: null }, { status: 400 })
  }
  const result = await createListing(producer, submission.value)
  if (!result.ok) {
    return data(
      { result: saveErrorReply(submission, result, t, submission.value.status), error: null },
      { status: 400 },
    )
  }
  return redirect(localePath(locale, `/seller/listings/${result.id}`), {
    headers: { 'Set-Cookie': await setToast({ kind: 'success', message: savedMessage(result, t, true) }) },
  })
}

export default function NewListingPage() {
  const actionData = useActionData<typeof action>()
  const t = useMessages()
  const locale = useLocale()
  const l = t.listings
  return (
    <div className="space-y-6">
      <div>
        <Link to={localePath(locale, '/seller/listings')} className="text-sm text-brand-800 underline">
          {l.editor.backToList}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{l.editor.newTitle}</h1>
      </div>
      {actionData?.error ? (
        <p role="alert" className="text-sm text-red-700">
          {actionData.error}
        </p>
      ) : null}
      <ListingEditor product={null} lastResult={actionData?.result} />
      <p className="text-sm text-stone-600">{l.photos.saveFirst}</p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
