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
})

export type Env = z.infer<typeof EnvSchema>

let parsed: Env | null = null

export function getEnv(): Env {
  if (!parsed) {
    const result = EnvSchema.safeParse(process.env)
    if (!result.success) {
      throw new Error(
        `Invalid environment: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      )
    }
    parsed = result.data
  }
  return parsed
}
