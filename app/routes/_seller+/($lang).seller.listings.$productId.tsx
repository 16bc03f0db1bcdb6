import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { localePath, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { requireSeller } from '#app/modules/accounts/producer-access.server.ts'
import {
  PHOTO_LIMITS,
  PHOTO_MAX_MEGABYTES,
  processPhoto,
  type ProcessedPhoto,
} from '#app/modules/media/uploads.server.ts'
import { PhotoAltSchema } from '#app/modules/producer/listing-schema.ts'
import {
  addListingPhotos,
  deleteListingPhoto,
  findListing,
  getListingForEdit,
  moveListingPhoto,
  updateListing,
  updateListingPhotoAlt,
} from '#app/modules/producer/listings.server.ts'
import { setToast } from '#app/utils/toast.server.ts'
import { ListingEditor, SAVE_LISTING_INTENT } from './__listing-editor.tsx'
import { parseListingForm, saveErrorReply, savedMessage } from './__listing-editor.server.ts'
import {
  DELETE_PHOTO_INTENT,
  ListingPhotos,
  MOVE_PHOTO_INTENT,
  PHOTO_ALT_INTENT,
  UPLOAD_PHOTOS_INTENT,
} from './__listing-photos.tsx'
import { isMultipart, readPhotoUpload } from './__listing-photos.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

function notFound(): never {
  throw new Response('Not found', { status: 404 })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { producer } = await requireSeller(request, 'read:listing:own')
  const product = await getListingForEdit(producer.id, params.productId ?? '')
  if (!product) notFound()
  return {
    title: messagesFor(locale).listings.editor.editTitle(product.nameVi),
    product,
    producerVerified: producer.status === 'VERIFIED',
    photoLimits: { maxCount: PHOTO_LIMITS.maxPerProduct, maxMegabytes: PHOTO_MAX_MEGABYTES },
  }
}

type Listing = NonNullable<Awaited<ReturnType<typeof findListing>>>
type Context = { locale: Locale; t: Messages; producerId: string; listing: Listing }

function editPath(context: Context, hash = ''): string {
  return localePath(context.locale, `/seller/listings/${context.listing.id}`) + hash
}

async function redirectWithToast(path: string, message: string) {
  return redirect(path, { headers: { 'Set-Cookie': await setToast({ kind: 'success', message }) } })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const t = messagesFor(locale)
  const { producer } = await requireSeller(request, 'update:listing:own')
  // Ownership first: another producer's product is a 404 before its body (or upload) is read.
  const listing = await findListing(producer.id, params.productId ?? '')
  if (!listing) notFound()
  const context: Context = { locale, t, producerId: producer.id, listing }

  if (isMultipart(request)) return uploadPhotos(request, context)
  const formData = await readFormData(request)
  switch (formData.get('intent')) {
    case SAVE_LISTING_INTENT:
      return saveListing(formData, context)
    case MOVE_PHOTO_INTENT:
      return movePhoto(formData, context)
    case DELETE_PHOTO_INTENT:
      return deletePhoto(formData, context)
    case PHOTO_ALT_INTENT:
      return savePhotoAlt(formData, context)
    default:
      return data({ form: 'error' as const, message: t.listings.errors.unknownIntent }, { status: 400 })
  }
}

async function saveListing(formData: FormData, context: Context) {
  const { t, producerId, listing } = context
  const submission = await parseListingForm(formData, t, producerId, listing.id)
  if (submission.status !== 'success') {
    return data({ form: 'listing' as const, result: submission.reply() }, { status: 400 })
  }
  const result = await updateListing(producerId, listing.id, submission.value)
  if (!result.ok) {
    const reply = saveErrorReply(submission, result, t, submission.value.status)
    return data({ form: 'listing' as const, result: reply }, { status: 400 })
  }
  return redirectWithToast(editPath(context), savedMessage(result, t, false))
}

function photoProblems(problems: string[], added = 0) {
  return data({ form: 'photos' as const, problems, added }, { status: added > 0 ? 200 : 400 })
}

async function uploadPhotos(request: Request, context: Context) {
  const { t, producerId, listing } = context
  const p = t.listings.photos
  const remaining = PHOTO_LIMITS.maxPerProduct - listing._count.images
  const upload = await readPhotoUpload(request)
  if (!upload.ok) {
    return photoProblems([upload.problem === 'too-big' ? p.tooBig(PHOTO_MAX_MEGABYTES) : p.tooMany(remaining)])
  }
  if (upload.intent !== UPLOAD_PHOTOS_INTENT) {
    return data({ form: 'error' as const, message: t.listings.errors.unknownIntent }, { status: 400 })
  }
  if (upload.files.length === 0) return photoProblems([p.noFile])
  if (upload.files.length > remaining) return photoProblems([p.tooMany(remaining)])

  const photos: ProcessedPhoto[] = []
  const problems: string[] = []
  for (const file of upload.files) {
    const result = await processPhoto(Buffer.from(await file.arrayBuffer()))
    if (result.ok) photos.push(result.photo)
    else problems.push(p.problem[result.problem](file.name.slice(0, 80) || '?'))
  }
  const saved = await addListingPhotos(producerId, listing.id, photos, {
    altVi: listing.nameVi,
    altEn: listing.nameEn || listing.nameVi,
  })
  if (!saved.ok) {
    if (saved.reason === 'not-found') notFound()
    return photoProblems([p.tooMany(remaining)])
  }
  if (problems.length > 0) return photoProblems(problems, saved.added)
  return redirectWithToast(editPath(context, '#photos'), t.listings.toasts.photosAdded(saved.added))
}

function imageIdOf(formData: FormData): string {
  const imageId = formData.get('imageId')
  return typeof imageId === 'string' ? imageId : ''
}

async function movePhoto(formData: FormData, context: Context) {
  const direction = formData.get('direction')
  if (direction !== 'up' && direction !== 'down') {
    return data({ form: 'error' as const, message: context.t.listings.errors.unknownIntent }, { status: 400 })
  }
  const result = await moveListingPhoto(context.producerId, context.listing.id, imageIdOf(formData), direction)
  if (!result.ok) notFound()
  return redirectWithToast(editPath(context, '#photos'), context.t.listings.toasts.photoMoved)
}

async function deletePhoto(formData: FormData, context: Context) {
  const result = await deleteListingPhoto(context.producerId, context.listing.id, imageIdOf(formData))
  if (!result.ok) notFound()
  return redirectWithToast(editPath(context, '#photos'), context.t.listings.toasts.photoDeleted)
}

async function savePhotoAlt(formData: FormData, context: Context) {
  const imageId = imageIdOf(formData)
  const submission = parseWithZod(formData, { schema: PhotoAltSchema(context.t.listings) })
  if (submission.status !== 'success') {
    return data({ form: 'photo-alt' as const, imageId, result: submission.reply() }, { status: 400 })
  }
  const result = await updateListingPhotoAlt(context.producerId, context.listing.id, imageId, submission.value)
  if (!result.ok) notFound()
  return redirectWithToast(editPath(context, '#photos'), context.t.listings.toasts.altSaved)
}

export default function EditListingPage() {
  const { product, producerVerified, photoLimits } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages()
  const locale = useLocale()
  const l = t.listings
  return (
    <div className="space-y-10">
      <div>
        <Link to={localePath(locale, '/seller/listings')} className="text-sm text-brand-800 underline">
          {l.editor.backToList}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{l.editor.editTitle(product.nameVi)}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {l.index.sku(product.sku)} · {l.statusLabel[product.status]}
        </p>
        <Link
          to={localePath(locale, `/seller/listings/${product.id}/export`)}
          className="mt-2 inline-block text-sm font-medium text-brand-800 underline"
        >
          {t.exportTerms.title}
        </Link>
        {!producerVerified && product.status === 'PUBLISHED' ? (
          <p role="status" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm">
            {l.preview.notVisible.PUBLISHED}
          </p>
        ) : null}
        {product.status === 'HIDDEN' ? (
          <div role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
            <p className="font-semibold">{t.office.moderation.producerNotice.title}</p>
            {product.moderationNote ? (
              <p className="mt-1 whitespace-pre-line">
                {t.office.moderation.producerNotice.reason} {product.moderationNote}
              </p>
            ) : null}
            <p className="mt-1">{t.office.moderation.producerNotice.help}</p>
          </div>
        ) : null}
      </div>
      {actionData?.form === 'error' ? (
        <p role="alert" className="text-sm text-red-700">
          {actionData.message}
        </p>
      ) : null}
      <ListingEditor
        // A saved change remounts the form, so it shows what was stored (the price re-formatted).
        key={`${product.id}-${product.updatedAt}`}
        product={product}
        lastResult={actionData?.form === 'listing' ? actionData.result : undefined}
      />
      <ListingPhotos
        photos={product.images}
        maxCount={photoLimits.maxCount}
        maxMegabytes={photoLimits.maxMegabytes}
        problems={actionData?.form === 'photos' ? actionData.problems : []}
        altResult={actionData?.form === 'photo-alt' ? { imageId: actionData.imageId, result: actionData.result } : null}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
