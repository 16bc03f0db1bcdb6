/**
 * Seed command: `npm run seed` (reference data on an empty database) and
 * `npm run seed -- --products 20000` (plus a generated catalogue for benchmarks).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ensurePlaceholderImages, placeholderImages } from '#app/modules/media/placeholder.server.ts'
import { migrateDatabase, openDatabase } from '../server/database.ts'
import { disconnectDb, getDb } from '#app/utils/db.server.ts'
import { seedDemoData } from './seed/demo.ts'
import { isDatabaseEmpty, seedGeneratedCatalogue, seedReferenceData, type SeedImagesProvider } from './seed/run-seed.ts'

const USAGE = `Usage: npm run seed [-- --products N]

Seeds the database named by DATABASE_URL.
  (no options)     On an empty (freshly migrated) database, inserts the reference data: OCOP groups,
                   the 34 provinces, communes, craft villages, producers, products and certificates.
  --products N     Also adds N generated products (with producers and certificates), e.g. 20000
                   for benchmarks. Can be repeated: every run adds new products.
  -h, --help       Shows this help.`

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

let args: { products?: string; help?: boolean }
try {
  args = parseArgs({
    options: { products: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  }).values
} catch (error) {
  fail(`seed: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
}
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}
const productCount = args.products === undefined ? 0 : Number(args.products)
if (!Number.isInteger(productCount) || productCount < 0)
  fail(`seed: --products needs a whole number, got "${args.products}".\n\n${USAGE}`)

// Without DATABASE_URL, the same embedded PostgreSQL as `npm start` (shared if it is running).
const dataDir = path.resolve(process.env.DATA_DIR ?? '.data')
const database = await openDatabase(dataDir, (line) => console.log(`seed: ${line}`))
process.env.DATABASE_URL = database.url
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`seed: ${signal}, stopping`)
    void database.stop().finally(() => process.exit(130))
  })
}
await migrateDatabase(database.url)

// Product images for both seeds, in one place.
process.env.MEDIA_DIR ??= path.join(dataDir, 'media')
await ensurePlaceholderImages()
const imageOptions: { images: SeedImagesProvider } = { images: placeholderImages }

const started = performance.now()
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`
const db = getDb()
try {
  if (await isDatabaseEmpty(db)) {
    const reference = await seedReferenceData(db, { ...imageOptions })
    console.log(
      `seed: reference data in ${seconds(started)}: ${reference.provinces} provinces, ${reference.communes} communes, ` +
        `${reference.villages} villages, ${reference.producers} producers, ${reference.products} products, ` +
        `${reference.certificates} certificates`,
    )
    const demo = await seedDemoData(db)
    console.log(`seed: ${demo.accounts} demo accounts (password in README), ${demo.orders} demo orders`)
  } else if (productCount === 0) {
    console.log('seed: reference data already present, nothing to do (use --products N to add generated products).')
  }

  if (productCount > 0) {
    const generatedStart = performance.now()
    const generated = await seedGeneratedCatalogue(db, {
      products: productCount,
      ...imageOptions,
      onProgress: (done, total) => console.log(`seed: ${done}/${total} products (${seconds(generatedStart)})`),
    })
    console.log(
      `seed: added ${generated.products} generated products, ${generated.producers} producers and ` +
        `${generated.certificates} certificates in ${seconds(generatedStart)} (tag ${generated.tag})`,
    )
  }
  console.log(`seed: done in ${seconds(started)}`)
} catch (error) {
  console.error('seed: failed:', error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await disconnectDb()
  await database.stop()
}
