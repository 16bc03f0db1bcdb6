import { z } from 'zod'

/** DEMO VietQR receiving account, used while VIETQR_* is unset: not a real account, never for real money. */
export const VIETQR_DEMO = {
  bankBin: '970436',
  bankName: 'Vietcombank (tài khoản demo)',
  accountNumber: '0000000000',
  accountName: 'CHO OCOP DEMO',
} as const

/** Environment variables the server reads, checked once. Only getPublicEnv() reaches the browser. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  DATABASE_URL: z.string().min(1).optional(),
  MEILI_HOST: z.url().optional(),
  MEILI_API_KEY: z.string().optional(),
  /** Name of the Meilisearch index alias (an index swapped in by `npm run search:reindex`). */
  MEILI_INDEX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/)
    .default('products'),
  /**
   * Signs the session and flash cookies; several comma-separated secrets rotate (the first signs).
   * `npm start` creates one in the data directory when it is unset; tests and development use a fixed one.
   */
  SESSION_SECRET: z.string().min(16).optional(),
  /** Secure cookies: on in production unless turned off for a plain-HTTP intranet deployment. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /** smtp(s)://user:pass@host:port. Without it mail stays in the database and /dev/mailbox lists it. */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default('Chợ OCOP <no-reply@ocop.local>'),
  /**
   * The site's public origin (https://cho-ocop.vn) for links in mails sent by background jobs, which
   * have no request to take it from. Defaults to http://localhost:<PORT>.
   */
  PUBLIC_ORIGIN: z.url().optional(),
  /** Set to "off" to hide /dev/mailbox even without SMTP. */
  DEV_MAILBOX: z.enum(['on', 'off']).default('on'),
  /** Card payments (Stripe Checkout) are offered only when this is set. */
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_/)
    .optional(),
  /** Verifies the Stripe-Signature of /api/webhooks/stripe; without it every delivery is refused. */
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  /** Point the Stripe client at another server (tests: tests/fakes/stripe-fake.ts); api.stripe.com otherwise. */
  STRIPE_API_HOST: z.string().min(1).optional(),
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
  /**
   * The account VietQR transfers go to. The defaults are a DEMO account (number 0000000000) that no
   * buyer should pay: the order page says so while VIETQR_ACCOUNT_NUMBER is unset.
   */
  VIETQR_BANK_BIN: z
    .string()
    .regex(/^\d{6}$/)
    .default(VIETQR_DEMO.bankBin),
  VIETQR_BANK_NAME: z.string().min(1).default(VIETQR_DEMO.bankName),
  VIETQR_ACCOUNT_NUMBER: z
    .string()
    .regex(/^[0-9A-Za-z]{1,19}$/)
    .default(VIETQR_DEMO.accountNumber),
  VIETQR_ACCOUNT_NAME: z.string().min(1).max(50).default(VIETQR_DEMO.accountName),
  /** Đồng per US dollar, to fix an export order's card total in USD when it is placed (demo rate by default). */
  VND_PER_USD: z.coerce.number().int().positive().default(26_000),
})

export type Env = Omit<z.infer<typeof EnvSchema>, 'SESSION_SECRET' | 'COOKIE_SECURE'> & {
  SESSION_SECRET: string
  COOKIE_SECURE: boolean
}

let parsed: Env | null = null

export function getEnv(): Env {
  if (!parsed) {
    const result = EnvSchema.safeParse(process.env)
    if (!result.success) {
      throw new Error(
        `Invalid environment: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      )
    }
    const { SESSION_SECRET, COOKIE_SECURE, ...rest } = result.data
    const production = rest.NODE_ENV === 'production'
    if (production && !SESSION_SECRET) throw new Error('Invalid environment: SESSION_SECRET is required in production')
    parsed = {
      ...rest,
      SESSION_SECRET: SESSION_SECRET ?? 'ocop-development-session-secret',
      COOKIE_SECURE: COOKIE_SECURE ? COOKIE_SECURE === 'true' : production,
    }
  }
  return parsed
}

/** Tests that change process.env call this so the next getEnv() reads it again. */
export function resetEnvForTests(): void {
  parsed = null
}

/** Origin for absolute links outside a request (job mails): PUBLIC_ORIGIN, else this server on localhost. */
export function publicOrigin(): string {
  const configured = getEnv().PUBLIC_ORIGIN
  if (configured) return configured.replace(/\/+$/, '')
  return `http://localhost:${process.env.PORT ?? 3000}`
}
