import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'

export type Db = PrismaClient

function createClient(url: string) {
  const adapter = new PrismaPg({
    connectionString: url,
    // Prisma's default (cpus × 2 + 1) is small for a server under load; DATABASE_POOL_SIZE overrides.
    max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
    // An unreachable server (a host that drops packets rather than refusing) fails a request in
    // seconds, answered as 503 (app/utils/service-unavailable.server.ts), instead of hanging it.
    connectionTimeoutMillis: 5_000,
  })
  return new PrismaClient({ adapter })
}

const globalForDb = globalThis as unknown as { __ocopDb?: PrismaClient }

/** The one Prisma client of the process, created on first use from DATABASE_URL. */
export function getDb(): PrismaClient {
  if (!globalForDb.__ocopDb) {
    const url = process.env.DATABASE_URL
    if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`.')
    globalForDb.__ocopDb = createClient(url)
  }
  return globalForDb.__ocopDb
}

export async function disconnectDb() {
  await globalForDb.__ocopDb?.$disconnect()
  globalForDb.__ocopDb = undefined
}
