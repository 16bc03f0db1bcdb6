/**
 * A browser without JavaScript, for tests against real app processes (`startApp`): a cookie jar,
 * GETs and form POSTs with the same-origin `Origin` header the CSRF guard wants (server/app.ts),
 * redirects left to the caller, and the default values of a page's forms read from its HTML the way
 * a browser would submit them. The flows (log in, cart, checkout, listing editor) fill the same
 * forms a shopper or producer does.
 *
 * Cookies are kept per name, not per host: browsers do not separate cookies by port, so two app
 * processes on 127.0.0.1 share them, as two servers behind one load balancer share the site's
 * cookies. `Secure` cookies are sent over plain HTTP, as browsers do for localhost.
 */

export type Page = {
  status: number
  headers: Headers
  /** The body as text (HTML, JSON). */
  body: string
  /** The `Location` of a redirect, as a path (`/account`), else null. */
  location: string | null
  url: string
}

export type FormFields = Record<string, string | number>

export class ShopClient {
  private readonly jar = new Map<string, string>()

  /** A second browser holding the same cookies (e.g. a stolen or remembered cookie). */
  clone(): ShopClient {
    const copy = new ShopClient()
    for (const [name, value] of this.jar) copy.jar.set(name, value)
    return copy
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name)
  }

  cookieHeader(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const equals = pair.indexOf('=')
      if (equals < 1) continue
      const name = pair.slice(0, equals).trim()
      const value = pair.slice(equals + 1).trim()
      const expired = attributes.some((a) => {
        const [key = '', val = ''] = a.split('=').map((s) => s.trim())
        if (key.toLowerCase() === 'max-age') return Number(val) <= 0
        if (key.toLowerCase() === 'expires') return Date.parse(val) <= Date.now()
        return false
      })
      if (expired || value === '') this.jar.delete(name)
      else this.jar.set(name, value)
    }
  }

  async request(base: string, path: string, init: { method?: string; form?: FormFields | URLSearchParams } = {}) {
    const url = new URL(path, base)
    const headers = new Headers({ 'Accept-Language': 'vi' })
    const cookie = this.cookieHeader()
    if (cookie) headers.set('Cookie', cookie)
    let body: URLSearchParams | undefined
    if (init.form) {
      body = init.form instanceof URLSearchParams ? init.form : toSearchParams(init.form)
      headers.set('Origin', url.origin)
      headers.set('Content-Type', 'application/x-www-form-urlencoded')
    }
    const response = await fetch(url, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    })
    this.keep(response)
    const location = response.headers.get('Location')
    return {
      status: response.status,
      headers: response.headers,
      body: await response.text(),
      location: location ? pathOf(location, base) : null,
      url: url.toString(),
    } satisfies Page
  }

  get(base: string, path: string): Promise<Page> {
    return this.request(base, path)
  }

  /** A form POST from this site (Origin = `base`). */
  post(base: string, path: string, form: FormFields | URLSearchParams): Promise<Page> {
    return this.request(base, path, { form })
  }

  /** Fills the log-in form and sends it: a 302 away from it means logged in, a 400 shows why not. */
  async logIn(base: string, email: string, password: string, locale: 'vi' | 'en' = 'vi'): Promise<Page> {
    const path = `${prefix(locale)}/account/login`
    const page = await this.get(base, path)
    if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`)
    const form = readForm(page.body, { id: 'login' })
    form.set('email', email)
    form.set('password', password)
    return this.post(base, path, form)
  }

  /** The header's log-out button. */
  logOut(base: string, locale: 'vi' | 'en' = 'vi'): Promise<Page> {
    return this.post(base, `${prefix(locale)}/account/logout`, {})
  }

  /** The product page's "add to cart" form, as submitted without JavaScript. */
  addToCart(base: string, productId: string, quantity = 1, locale: 'vi' | 'en' = 'vi'): Promise<Page> {
    return this.post(base, `${prefix(locale)}/cart`, { intent: 'add', productId, quantity })
  }

  /** A cart line's quantity form (0 removes the line). */
  setCartQuantity(base: string, productId: string, quantity: number, locale: 'vi' | 'en' = 'vi'): Promise<Page> {
    return this.post(base, `${prefix(locale)}/cart`, { intent: 'set-quantity', productId, quantity })
  }

  /** The header's cart count (`/api/cart`). */
  async cartCount(base: string): Promise<number> {
    const page = await this.get(base, '/api/cart')
    if (page.status !== 200) throw new Error(`GET /api/cart answered ${page.status}`)
    return (JSON.parse(page.body) as { count: number }).count
  }

  /**
   * Checkout without JavaScript: the page reloaded with the province chosen (`?province=`, which
   * lists its communes), the form read with its one-time key, filled in and sent.
   */
  async checkout(
    base: string,
    details: {
      name: string
      phone: string
      email?: string
      provinceCode: string
      communeCode: string
      street: string
      paymentMethod?: 'COD' | 'VIETQR' | 'STRIPE'
    },
    locale: 'vi' | 'en' = 'vi',
  ): Promise<Page> {
    const path = `${prefix(locale)}/checkout`
    const page = await this.get(base, `${path}?province=${details.provinceCode}`)
    if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`)
    const form = readForm(page.body, { id: 'checkout' })
    form.set('name', details.name)
    form.set('phone', details.phone)
    form.set('email', details.email ?? '')
    form.set('province', details.provinceCode)
    form.set('communeCode', details.communeCode)
    form.set('street', details.street)
    form.set('paymentMethod', details.paymentMethod ?? 'COD')
    return this.post(base, path, form)
  }

  /** Opens a listing in the seller editor, changes the given fields and saves. */
  async editListing(base: string, productId: string, changes: FormFields, locale: 'vi' | 'en' = 'vi'): Promise<Page> {
    const path = `${prefix(locale)}/seller/listings/${productId}`
    const page = await this.get(base, path)
    if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`)
    const form = readForm(page.body, { id: `listing-${productId}` })
    for (const [name, value] of Object.entries(changes)) form.set(name, String(value))
    return this.post(base, path, form)
  }
}

function prefix(locale: 'vi' | 'en'): string {
  return locale === 'en' ? '/en' : ''
}

function toSearchParams(form: FormFields): URLSearchParams {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(form)) params.append(name, String(value))
  return params
}

function pathOf(location: string, base: string): string {
  const url = new URL(location, base)
  return url.origin === new URL(base).origin ? url.pathname + url.search : url.toString()
}

// ───────────── Reading HTML ─────────────

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Character references as React and browsers write them (`&amp;`, `&#x27;`, `&#39;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1]?.toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[ref.toLowerCase()] ?? whole
  })
}

/** The visible text of a page: tags and scripts removed, entities decoded, white space collapsed. */
export function textOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
      .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim()
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const match of tag.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    const name = match[1]!.toLowerCase()
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''))
  }
  return attributes
}

/**
 * What a browser would submit from a form as the page rendered it (no button pressed): inputs
 * (checked boxes and radios only), selected options (the first when none is), textareas. The form
 * is found by its id, or as the first whose markup contains `containing`.
 */
export function readForm(html: string, which: { id: string } | { containing: string }): URLSearchParams {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)]
  const found = forms.find(([whole, open]) =>
    'id' in which ? attributesOf(open!).get('id') === which.id : whole.includes(which.containing),
  )
  if (!found) throw new Error(`no form ${JSON.stringify(which)} on the page`)
  const inner = found[2]!
  const fields: { at: number; name: string; value: string }[] = []
  for (const match of inner.matchAll(/<input\b([^>]*)>/gi)) {
    const a = attributesOf(match[1]!)
    const name = a.get('name')
    const type = (a.get('type') ?? 'text').toLowerCase()
    if (!name || a.has('disabled') || ['submit', 'button', 'image', 'reset', 'file'].includes(type)) continue
    if ((type === 'checkbox' || type === 'radio') && !a.has('checked')) continue
    fields.push({ at: match.index, name, value: a.get('value') ?? (type === 'checkbox' ? 'on' : '') })
  }
  for (const match of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
    const a = attributesOf(match[1]!)
    const name = a.get('name')
    if (!name || a.has('disabled')) continue
    fields.push({ at: match.index, name, value: decodeEntities(match[2]!.replace(/^\r?\n/, '')) })
  }
  for (const match of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
    const a = attributesOf(match[1]!)
    const name = a.get('name')
    if (!name || a.has('disabled')) continue
    const options = [...match[2]!.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)].map((o) => {
      const oa = attributesOf(o[1]!)
      return { selected: oa.has('selected'), value: oa.get('value') ?? decodeEntities(o[2]!.trim()) }
    })
    const chosen = options.find((o) => o.selected) ?? options[0]
    if (chosen) fields.push({ at: match.index, name, value: chosen.value })
  }
  const params = new URLSearchParams()
  for (const field of fields.sort((x, y) => x.at - y.at)) params.append(field.name, field.value)
  return params
}
