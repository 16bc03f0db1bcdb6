import { type FieldMetadata, getInputProps, getTextareaProps, getSelectProps } from '@conform-to/react'
import { useNavigation } from '@remix-run/react'
import { useId } from 'react'

/** Field errors (already in the user's language: the schemas are built from the messages). */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const list = errors?.filter(Boolean)
  if (!list?.length) return null
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {list.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  )
}

const inputClass =
  'block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none aria-[invalid]:border-red-500'

type FieldProps = {
  label: string
  hint?: string
  className?: string
}

export function TextField({
  meta,
  label,
  hint,
  className,
  type = 'text',
  ...rest
}: FieldProps & {
  meta: FieldMetadata<string | number | undefined | null>
  type?: 'text' | 'email' | 'password' | 'number' | 'tel' | 'url' | 'search' | 'date'
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'type' | 'name' | 'id'>) {
  const hintId = useId()
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        {...getInputProps(meta, { type, ariaDescribedBy: hint ? hintId : undefined })}
        {...rest}
        className={inputClass}
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function TextareaField({
  meta,
  label,
  hint,
  className,
  rows = 4,
}: FieldProps & { meta: FieldMetadata<string | undefined | null>; rows?: number }) {
  const hintId = useId()
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        {...getTextareaProps(meta, { ariaDescribedBy: hint ? hintId : undefined })}
        rows={rows}
        className={inputClass}
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function SelectField({
  meta,
  label,
  hint,
  className,
  options,
  placeholder,
}: FieldProps & {
  meta: FieldMetadata<string | undefined | null>
  options: { value: string; label: string }[]
  placeholder?: string
}) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select {...getSelectProps(meta)} className={inputClass}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? <p className="mt-1 text-xs text-stone-500">{hint}</p> : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function CheckboxField({
  meta,
  label,
  className,
}: {
  meta: FieldMetadata<boolean | string | undefined | null>
  label: string
  className?: string
}) {
  return (
    <div className={className}>
      <label className="flex items-center gap-2 text-sm text-stone-800">
        <input {...getInputProps(meta, { type: 'checkbox' })} className="size-4 rounded border-stone-300" />
        {label}
      </label>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

/** Disabled while its form is submitting, so a double click posts once. */
export function SubmitButton({
  children,
  pendingText,
  className = '',
  variant = 'primary',
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & {
  pendingText?: string
  variant?: 'primary' | 'secondary' | 'danger'
}) {
  const navigation = useNavigation()
  const pending =
    navigation.state === 'submitting' &&
    (rest.name === undefined || navigation.formData?.get(rest.name) === String(rest.value ?? ''))
  const styles = {
    primary: 'bg-brand-700 text-white hover:bg-brand-800',
    secondary: 'border border-stone-300 bg-white text-stone-800 hover:bg-stone-50',
    danger: 'bg-red-700 text-white hover:bg-red-800',
  }[variant]
  return (
    <button
      type="submit"
      {...rest}
      disabled={pending || rest.disabled}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 ${styles} ${className}`}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  )
}

/** A form-level error (not tied to one field). */
export function FormError({ errors }: { errors?: string[] | null }) {
  if (!errors?.length) return null
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      {errors.join(' ')}
    </div>
  )
}
