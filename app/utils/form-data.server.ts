/**
 * Reading a submitted form. A body that is not a form (JSON, text, no content type, a broken
 * multipart body) or that holds a NUL character (PostgreSQL can neither store nor compare one, and
 * no one types it) is the client's mistake: a 400, which the page's error boundary shows in the
 * user's language, rather than a 500 and a stack trace.
 */

export function badRequest(): Response {
  return new Response('Bad request', { status: 400 })
}

/** True when a field name, a text value or a file name of the form holds a NUL character. */
export function hasNulCharacter(form: FormData): boolean {
  for (const [name, value] of form) {
    if (name.includes('\u0000') || (typeof value === 'string' ? value : value.name).includes('\u0000')) return true
  }
  return false
}

/** `request.formData()`, or a thrown 400 when the body is no usable form. */
export async function readFormData(request: Request): Promise<FormData> {
  let form: FormData
  try {
    form = await request.formData()
  } catch (error) {
    // undici rejects a wrong content type or an unparsable body with a TypeError.
    if (error instanceof TypeError) throw badRequest()
    throw error
  }
  if (hasNulCharacter(form)) throw badRequest()
  return form
}
