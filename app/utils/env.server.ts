import { z } from 'zod'

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
  /** Set to "off" to hide /dev/mailbox even without SMTP. */
  DEV_MAILBOX: z.enum(['on', 'off']).default('on'),
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
