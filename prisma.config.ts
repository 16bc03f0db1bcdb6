import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { createMigrateAdapter, unrefWasmEngineTimers } from './prisma/cli-adapter.ts'

// Commands that never connect (generate, validate, format) still parse DATABASE_URL; without one the
// 6.19 CLI tries to download the native query engine, which these machines cannot reach.
const PLACEHOLDER_URL = 'postgresql://placeholder:placeholder@127.0.0.1:5432/placeholder'
process.env.DATABASE_URL ||= PLACEHOLDER_URL
const databaseUrl = process.env.DATABASE_URL
unrefWasmEngineTimers()

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  // The migrate adapter type from @prisma/config is stricter than adapter-pg's declared one.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  adapter: async () => createMigrateAdapter(databaseUrl) as any,
})
