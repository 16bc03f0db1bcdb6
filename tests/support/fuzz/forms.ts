/**
 * The POST forms a page renders, read from its HTML: their field names and the values of hidden
 * fields and submit buttons (the `intent`s). The fuzzer starts from these so that its requests
 * reach the code behind each intent, not only the first "unknown form" check.
 */
export type ScrapedForm = { action: string | null; fields: { name: string; value: string }[] }

const FORM = /<form\b([^>]*)>([\s\S]*?)<\/form>/gi
const CONTROL = /<(input|button|select|textarea)\b([^>]*)>/gi

function attr(tag: string, name: string): string | null {
  const match = new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag)
  return match ? decodeEntities(match[1]!) : null
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

export function postForms(html: string): ScrapedForm[] {
  const forms: ScrapedForm[] = []
  for (const [, attrs = '', inner = ''] of html.matchAll(FORM)) {
    if ((attr(attrs, 'method') ?? 'get').toLowerCase() !== 'post') continue
    const fields: ScrapedForm['fields'] = []
    for (const [, , tag = ''] of inner.matchAll(CONTROL)) {
      const name = attr(tag, 'name')
      if (name) fields.push({ name, value: attr(tag, 'value') ?? '' })
    }
    forms.push({ action: attr(attrs, 'action'), fields })
  }
  return forms
}
