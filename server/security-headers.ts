import { randomBytes } from 'node:crypto'
import { type RequestHandler, type Response } from 'express'
import helmet from 'helmet'

/** Where Stripe Checkout lives: a form may end in a redirect there (form-action covers redirects). */
const STRIPE_CHECKOUT_ORIGIN = 'https://checkout.stripe.com'

/** A fresh nonce per response: 128 random bits, base64url (no characters HTML or JSON would escape). */
export function newCspNonce(): string {
  return randomBytes(16).toString('base64url')
}

/** The nonce of this response (set by `securityHeaders()` before anything else runs). */
export function cspNonceOf(res: Response): string | undefined {
  return (res.locals as { cspNonce?: string }).cspNonce
}

/**
 * The Content-Security-Policy for one response. Scripts run only with the response's nonce
 * ('strict-dynamic' lets those scripts load the Vite chunks they import); styles come from our own
 * stylesheet, or from a <style> element carrying the nonce; style attributes (progress bars, chart
 * bars) are allowed because they cannot run code. Development adds what Vite's hot reload needs.
 */
export function contentSecurityPolicy(nonce: string, options: { production: boolean }): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', `'nonce-${nonce}'`, "'strict-dynamic'"],
    ['style-src', "'self'", `'nonce-${nonce}'`],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['form-action', "'self'", STRIPE_CHECKOUT_ORIGIN],
    ['frame-ancestors', "'none'"],
    ['base-uri', "'self'"],
    ['object-src', "'none'"],
  ]
  if (options.production) {
    directives.push(['upgrade-insecure-requests'])
  } else {
    // Vite injects its CSS as <style> elements without a nonce and talks to the page over a WebSocket.
    directives[2] = ['style-src', "'self'", "'unsafe-inline'"]
    directives[6] = ['connect-src', "'self'", 'ws:', 'wss:']
  }
  return directives.map((directive) => directive.join(' ')).join('; ')
}

/**
 * The policy of everything that is not a page (Remix data, images, CSV, JSON, SVG): no scripts,
 * nothing loaded except images, inline styles for the browser's own image viewer. PDFs get only
 * frame-ancestors: Chrome's PDF viewer is an embedded plugin with inline styles inside the PDF's own
 * document, and `object-src 'none'` or `default-src 'none'` there blanks it (crbug.com/271452).
 */
export const NON_PAGE_POLICY =
  "default-src 'none'; img-src 'self' data: blob:; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
export const PDF_POLICY = "frame-ancestors 'none'"

/** The policy a response ends up with, from its Content-Type when its headers go out. */
export function policyFor(contentType: string, pagePolicy: string): string {
  const type = contentType.split(';')[0]!.trim().toLowerCase()
  if (type === '' || type === 'text/html') return pagePolicy
  if (type === 'application/pdf') return PDF_POLICY
  return NON_PAGE_POLICY
}

/** Features no page of ours uses: denied, also to anything a page might embed. */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'magnetometer=()',
  'gyroscope=()',
  'accelerometer=()',
  'display-capture=()',
  'browsing-topics=()',
  'interest-cohort=()',
].join(', ')

/**
 * Security headers on every response (docs/security.md): a per-response CSP nonce kept in
 * `res.locals.cspNonce` for Remix (load context) and the page cache, the CSP itself, and helmet's
 * fixed headers (nosniff, Referrer-Policy, X-Frame-Options, Cross-Origin-Opener-Policy, HSTS in
 * production only, where TLS terminates in front of us).
 */
export function securityHeaders(options: { production: boolean }): RequestHandler {
  const fixed = helmet({
    // Ours, below: it needs the per-response nonce.
    contentSecurityPolicy: false,
    // Nothing we load is cross-origin; requiring CORP of others would only break future embeds.
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    strictTransportSecurity: options.production ? { maxAge: 15552000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
    xContentTypeOptions: true,
  })
  return (req, res, next) => {
    const nonce = newCspNonce()
    ;(res.locals as { cspNonce?: string }).cspNonce = nonce
    const pagePolicy = contentSecurityPolicy(nonce, options)
    res.setHeader('Content-Security-Policy', pagePolicy)
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY)
    // The page policy until the response says what it is; writeHead runs for every response (also
    // implicitly on the first write), after the handler has set its Content-Type.
    const writeHead = res.writeHead
    res.writeHead = function (this: typeof res, ...args: unknown[]) {
      const given = args.find((arg) => arg && typeof arg === 'object' && !Array.isArray(arg)) as
        Record<string, unknown> | undefined
      const contentType = String(
        res.getHeader('Content-Type') ?? given?.['Content-Type'] ?? given?.['content-type'] ?? '',
      )
      if (res.getHeader('Content-Security-Policy') === pagePolicy) {
        res.setHeader('Content-Security-Policy', policyFor(contentType, pagePolicy))
      }
      return (writeHead as (...a: unknown[]) => typeof res).apply(this, args)
    } as typeof res.writeHead
    fixed(req, res, next)
  }
}
