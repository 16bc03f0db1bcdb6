import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { ProductImage } from '#app/components/product-image.tsx'
import { SubmitButton, TextField } from '#app/components/ui/form.tsx'
import { useMessages } from '#app/i18n/messages.ts'
import { PhotoAltSchema } from '#app/modules/producer/listing-schema.ts'

export const UPLOAD_PHOTOS_INTENT = 'upload-photos'
export const MOVE_PHOTO_INTENT = 'move-photo'
export const DELETE_PHOTO_INTENT = 'delete-photo'
export const PHOTO_ALT_INTENT = 'photo-alt'

export type PhotoView = { id: string; url: string; altVi: string; altEn: string; width: number; height: number }

const smallButton =
  'rounded-md border border-stone-300 bg-white px-2.5 py-1 text-sm font-medium text-stone-800 hover:bg-stone-50 disabled:opacity-40'

function PhotoAltForm({
  photo,
  lastResult,
}: {
  photo: PhotoView
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const t = useMessages()
  const p = t.listings.photos
  const schema = PhotoAltSchema(t.listings)
  const [form, fields] = useForm({
    id: `photo-alt-${photo.id}`,
    constraint: getZodConstraint(schema),
    lastResult,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: { altVi: photo.altVi, altEn: photo.altEn },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-2 sm:grid-cols-2">
      <input type="hidden" name="intent" value={PHOTO_ALT_INTENT} />
      <input type="hidden" name="imageId" value={photo.id} />
      <TextField meta={fields.altVi} label={p.altVi} />
      <TextField meta={fields.altEn} label={p.altEn} lang="en" />
      <p className="text-xs text-stone-500 sm:col-span-2">{p.altHint}</p>
      <div className="sm:col-span-2">
        <SubmitButton variant="secondary" name="intent" value={PHOTO_ALT_INTENT}>
          {p.saveAlt}
        </SubmitButton>
      </div>
    </Form>
  )
}

/** Upload, order, describe and delete a listing's photos: plain forms, so it all works without JavaScript. */
export function ListingPhotos({
  photos,
  maxCount,
  maxMegabytes,
  problems,
  altResult,
}: {
  photos: PhotoView[]
  maxCount: number
  maxMegabytes: number
  problems: string[]
  altResult: { imageId: string; result: SubmissionResult<string[]> } | null
}) {
  const t = useMessages()
  const p = t.listings.photos
  const full = photos.length >= maxCount
  return (
    <section aria-labelledby="photos-heading" id="photos" className="space-y-4">
      <div>
        <h2 id="photos-heading" className="text-xl font-semibold">
          {p.title} <span className="text-base font-normal text-stone-600">({p.count(photos.length, maxCount)})</span>
        </h2>
        <p className="mt-1 text-sm text-stone-700">{p.limits(maxMegabytes, maxCount)}</p>
        <p className="mt-1 text-xs text-stone-500">{p.heicNote}</p>
      </div>

      {problems.length > 0 ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p className="font-medium">{p.rejected}</p>
          <ul className="mt-1 list-inside list-disc">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {full ? (
        <p className="rounded-md border border-stone-200 bg-stone-50 px-4 py-3 text-sm">{p.full(maxCount)}</p>
      ) : (
        <Form
          method="post"
          encType="multipart/form-data"
          className="space-y-3 rounded-lg border border-dashed border-stone-300 p-4"
        >
          <input type="hidden" name="intent" value={UPLOAD_PHOTOS_INTENT} />
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="photos-choose" className="mb-1 block text-sm font-medium text-stone-800">
                {p.choose}
              </label>
              <input
                id="photos-choose"
                type="file"
                name="photos"
                accept="image/*"
                multiple
                className="block w-full text-sm"
              />
            </div>
            <div>
              <label htmlFor="photos-camera" className="mb-1 block text-sm font-medium text-stone-800">
                {p.camera}
              </label>
              <input
                id="photos-camera"
                type="file"
                name="photos"
                accept="image/*"
                capture="environment"
                className="block w-full text-sm"
              />
            </div>
          </div>
          <SubmitButton name="intent" value={UPLOAD_PHOTOS_INTENT} pendingText={p.uploading}>
            {p.upload}
          </SubmitButton>
        </Form>
      )}

      {photos.length === 0 ? (
        <p className="text-sm text-stone-600">{p.empty}</p>
      ) : (
        <ol className="space-y-4">
          {photos.map((photo, index) => (
            <li
              key={photo.id}
              className="grid gap-4 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-[10rem_1fr]"
            >
              <div>
                <ProductImage
                  image={{ url: photo.url, alt: photo.altVi, width: photo.width, height: photo.height }}
                  fallbackLabel={photo.altVi}
                  sizes="160px"
                  className="aspect-[4/3] w-full rounded-md"
                />
                <p className="mt-1 text-xs text-stone-600">
                  {p.position(index + 1, photos.length)}
                  {index === 0 ? <span className="ml-1 font-semibold text-brand-800">· {p.cover}</span> : null}
                </p>
              </div>
              <div className="space-y-3">
                <div className="flex flex-wrap gap-2">
                  <Form method="post" className="flex gap-2">
                    <input type="hidden" name="intent" value={MOVE_PHOTO_INTENT} />
                    <input type="hidden" name="imageId" value={photo.id} />
                    <button
                      type="submit"
                      name="direction"
                      value="up"
                      disabled={index === 0}
                      aria-label={p.moveUpLabel(index + 1)}
                      className={smallButton}
                    >
                      ↑ {p.moveUp}
                    </button>
                    <button
                      type="submit"
                      name="direction"
                      value="down"
                      disabled={index === photos.length - 1}
                      aria-label={p.moveDownLabel(index + 1)}
                      className={smallButton}
                    >
                      ↓ {p.moveDown}
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value={DELETE_PHOTO_INTENT} />
                    <input type="hidden" name="imageId" value={photo.id} />
                    <button
                      type="submit"
                      aria-label={p.deleteLabel(index + 1)}
                      className={`${smallButton} border-red-300 text-red-800 hover:bg-red-50`}
                    >
                      {p.delete}
                    </button>
                  </Form>
                </div>
                <PhotoAltForm
                  photo={photo}
                  lastResult={altResult && altResult.imageId === photo.id ? altResult.result : undefined}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
