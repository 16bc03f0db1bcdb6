/**
 * How long after a producer's edit commits the shop finds the product by its new words: renames a
 * product through Prisma (the row triggers refresh its "CatalogEntry" in the same transaction; on
 * commit the NOTIFY empties the app's page and catalogue caches), then polls the running app's
 * `GET /api/search?q=<new words>` every POLL_MS until the product is among the hits.
 */
import { randomBytes } from 'node:crypto'
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { evenlySpaced } from './urls.ts'

export const POLL_MS = 10
const GIVE_UP_MS = 10_000
const PAUSE_BETWEEN_MS = 200

export type FindableRun = {
  slug: string
  words: string
  /** The UPDATE as the client saw it (send to commit acknowledged). */
  updateMs: number
  /** From the commit acknowledged to the first response listing the product; null if never. */
  foundMs: number | null
  polls: number
  /** The product was already listed before the edit (the words were not new): run not valid. */
  listedBefore: boolean
}

const CONSONANTS = 'bdfgklmnprstvxz'
const VOWELS = 'aeiou'

/** A made-up word of three syllables ("kozivu") plus a letter, from random bytes: new every run. */
function newWord(): string {
  const bytes = randomBytes(4)
  let word = ''
  for (let i = 0; i < 3; i++) word += CONSONANTS[bytes[i] % CONSONANTS.length] + VOWELS[(bytes[i] >> 4) % VOWELS.length]
  return `${word}q${CONSONANTS[bytes[3] % CONSONANTS.length]}`
}

type ApiHits = { hits: { slug: string }[] }

async function listed(url: string, slug: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) })
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`)
  const body = (await response.json()) as ApiHits
  return body.hits.some((hit) => hit.slug === slug)
}

/** The product being edited, so an interrupted run can still put its name back. */
let editing: { id: string; nameVi: string } | null = null

export async function restoreEditedProduct(db: PrismaClient): Promise<void> {
  if (!editing) return
  const { id, nameVi } = editing
  await db.product.update({ where: { id }, data: { nameVi } })
  editing = null
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** `runs` products spread over the visible catalogue, renamed one at a time and restored after each. */
export async function measureTimeToFindable(
  db: PrismaClient,
  origin: string,
  runs: number,
  log: (line: string) => void,
): Promise<FindableRun[]> {
  const visible = await db.$queryRaw<{ id: string; slug: string; nameVi: string }[]>`
    SELECT p.id, p.slug, p."nameVi" FROM "CatalogEntry" e JOIN "Product" p ON p.id = e."productId"
    WHERE e.visible ORDER BY e.slug`
  const results: FindableRun[] = []
  for (const product of evenlySpaced(visible, runs)) {
    const words = `${newWord()} ${newWord()}`
    const url = `${origin}/api/search?${new URLSearchParams({ q: words })}`
    // The app now caches "nothing found" for this URL, as it would for a shopper who searched early.
    const listedBefore = await listed(url, product.slug)
    const sent = performance.now()
    editing = { id: product.id, nameVi: product.nameVi }
    try {
      await db.product.update({ where: { id: product.id }, data: { nameVi: `${product.nameVi} ${words}` } })
      const committed = performance.now()
      let polls = 0
      let foundMs: number | null = null
      while (performance.now() - committed < GIVE_UP_MS) {
        const pollStart = performance.now()
        polls++
        if (await listed(url, product.slug)) {
          foundMs = performance.now() - committed
          break
        }
        await sleep(Math.max(0, POLL_MS - (performance.now() - pollStart)))
      }
      results.push({ slug: product.slug, words, updateMs: committed - sent, foundMs, polls, listedBefore })
      log(
        `  ${product.slug} + "${words}": ${foundMs === null ? 'NOT found' : `found ${foundMs.toFixed(1)} ms`} after commit ` +
          `(${polls} polls; the UPDATE took ${(committed - sent).toFixed(1)} ms)`,
      )
    } finally {
      await restoreEditedProduct(db)
    }
    await sleep(PAUSE_BETWEEN_MS)
  }
  return results
}
