/**
 * `npm run bench:checkout`: placing orders (app/modules/checkout/place-order.server.ts) on a real
 * PostgreSQL, with concurrent buyers (docs/BENCHMARKS.md, "Checkout"). Prints figures; never fails
 * on them.
 *
 * 1. Starts a fresh embedded PostgreSQL in `.data/bench-checkout/run-<pid>` (removed at the end, also
 *    on Ctrl-C), migrates it and seeds the reference data (no images).
 * 2. Adds 20 verified producers spread over the seeded communes, 10 products each, with plenty of
 *    stock (1,000,000 each), plus one "hot" product for the contention case.
 * 3. Before each case, fills the carts its buyers will order from in bulk (1–3 products, 1–2 of
 *    each; not timed, so filling carts does not compete with placing). Then runs the case for a
 *    fixed time: each buyer takes its next cart, calls placeOrder (timed: the whole transaction,
 *    cash on delivery, to a random commune) and starts again at once. Cases: a warm-up (discarded);
 *    the baseline, 1 buyer; 20 buyers at once; paced, orders arriving at 20/s spread over 20 buyers
 *    (timed from their arrival, so waiting for a free buyer counts); contention, 20 buyers who all
 *    order the same product.
 *    A diagnostic last case runs 20 buyers with the "Product" triggers (storefront read model, search
 *    outbox) disabled, to show what they cost per stock update.
 * 4. Reports, per case, the CPU time per order of this process (the app: Prisma and placeOrder) and
 *    of the embedded PostgreSQL (its child processes), and how busy the machine's CPUs were.
 * 5. Checks that every unit sold left the stock exactly once, prints the table and saves the raw
 *    figures to `.data/bench-checkout/results/`.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { placeOrder } from '#app/modules/checkout/place-order.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { mulberry32, type Random } from '#app/utils/random.ts'
import { machineLines } from './lib/catalogue.ts'
import { withFreshDatabase } from './lib/fresh-database.ts'
import { busyPercent, readCpuTimes } from './lib/cpu.ts'
import { markdownTable, ms, percent, rate } from './lib/report.ts'
import { summariseLatencies, type LatencySummary } from './lib/stats.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const BENCH_DIR = path.join(ROOT, '.data/bench-checkout')
const { values: options } = parseArgs({ options: { seconds: { type: 'string' } } })
/** `--seconds N` for the main case (the documented figures use the default, 30). */
const MAIN_SECONDS = Number(options.seconds ?? 30)
const BUYERS = 20
const PRODUCERS = 20
const PRODUCTS_PER_PRODUCER = 10
const STOCK = 1_000_000
const AIM_P95_MS = 100
/** The paced case: a steady stream of orders well under what the machine can place. */
const PACED_RATE = 20

const log = (line: string) => console.log(`[bench] ${line}`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Catalogue = { productIds: string[]; hotProductId: string; communeCodes: string[] }

async function createCatalogue(random: Random): Promise<Catalogue> {
  const db = getDb()
  const communes = await db.commune.findMany({ orderBy: { code: 'asc' }, select: { code: true } })
  const productIds: string[] = []
  let hotProductId = ''
  for (let p = 0; p < PRODUCERS; p++) {
    const producer = await db.producer.create({
      data: {
        slug: `htx-bench-dat-hang-${p + 1}`,
        name: `HTX Bench Đặt Hàng ${p + 1}`,
        kind: 'HOP_TAC_XA',
        status: 'VERIFIED',
        verifiedAt: new Date(),
        communeCode: communes[Math.floor(random() * communes.length)]!.code,
      },
      select: { id: true },
    })
    for (let i = 0; i < PRODUCTS_PER_PRODUCER + (p === 0 ? 1 : 0); i++) {
      const hot = p === 0 && i === PRODUCTS_PER_PRODUCER
      const product = await db.product.create({
        data: {
          producerId: producer.id,
          sku: `BC-${p + 1}-${i + 1}`,
          slug: `bench-dat-hang-${p + 1}-${i + 1}`,
          groupCode: 'thuc-pham',
          subgroupCode: 'mat-ong-nong-san-khac',
          nameVi: hot ? 'Mật ong bán chạy' : `Mật ong bench ${p + 1}-${i + 1}`,
          nameEn: hot ? 'Best-selling honey' : `Bench honey ${p + 1}-${i + 1}`,
          priceVnd: 50_000 + Math.floor(random() * 40) * 10_000,
          unitVi: 'hũ 500 g',
          unitEn: '500 g jar',
          weightGrams: 200 + Math.floor(random() * 1_500),
          stock: STOCK,
          status: 'PUBLISHED',
          publishedAt: new Date(),
        },
        select: { id: true },
      })
      if (hot) hotProductId = product.id
      else productIds.push(product.id)
    }
  }
  return { productIds, hotProductId, communeCodes: communes.map((c) => c.code) }
}

type CaseResult = {
  label: string
  buyers: number
  seconds: number
  placed: number
  refused: number
  errors: string[]
  latencies: LatencySummary
  ordersPerSecond: number
  /** CPU milliseconds per placed order: this process, and the database server's processes. */
  appCpuMs: number
  dbCpuMs: number
  /** Average busy % of the machine's CPUs (every process, ours or not). */
  machineBusy: number
}

/** A cart of 1–3 distinct products, 1–2 of each (or the hot product alone). */
function pickLines(random: Random, catalogue: Catalogue, hot: boolean) {
  if (hot) return [{ productId: catalogue.hotProductId, quantity: 1 }]
  const count = 1 + Math.floor(random() * 3)
  const chosen = new Set<string>()
  while (chosen.size < count) chosen.add(catalogue.productIds[Math.floor(random() * catalogue.productIds.length)]!)
  return [...chosen].map((productId) => ({ productId, quantity: 1 + Math.floor(random() * 2) }))
}

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100

/**
 * CPU seconds of this process's descendants (the embedded PostgreSQL and its backends), including
 * backends that have exited since (their time moves to the parent's cutime/cstime, counted too).
 */
function databaseCpuSeconds(): number {
  const stats = new Map<number, { parent: number; seconds: number }>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]))
      stats.set(Number(entry), {
        parent: Number(fields[1]),
        seconds: (utime! + stime! + cutime! + cstime!) / TICKS_PER_SECOND,
      })
    } catch {
      // The process ended while we were reading.
    }
  }
  let seconds = 0
  const pending = [process.pid]
  while (pending.length > 0) {
    const parent = pending.pop()!
    for (const [pid, stat] of stats) {
      if (stat.parent !== parent) continue
      seconds += stat.seconds
      pending.push(pid)
    }
  }
  return seconds
}

/** Carts filled in bulk before a case: `perBuyer` for each buyer. */
async function fillCarts(random: Random, catalogue: Catalogue, buyers: number, perBuyer: number, hot: boolean) {
  const db = getDb()
  const carts = Array.from({ length: buyers }, () =>
    Array.from({ length: perBuyer }, () => ({ id: crypto.randomUUID(), lines: pickLines(random, catalogue, hot) })),
  )
  const all = carts.flat()
  for (let i = 0; i < all.length; i += 1_000) {
    const batch = all.slice(i, i + 1_000)
    await db.cart.createMany({ data: batch.map((c) => ({ id: c.id })) })
    await db.cartLine.createMany({
      data: batch.flatMap((c) => c.lines.map((l) => ({ cartId: c.id, ...l, seenPriceVnd: 1 }))),
    })
  }
  return carts.map((list) => list.map((c) => c.id))
}

async function runCase(
  label: string,
  catalogue: Catalogue,
  input: {
    buyers: number
    seconds: number
    hot?: boolean
    seed: number
    cartsPerBuyer: number
    /** Paced: orders arrive at this total rate (each buyer in turn), timed from their arrival. */
    perSecond?: number
  },
): Promise<CaseResult> {
  const random = mulberry32(input.seed)
  const carts = await fillCarts(random, catalogue, input.buyers, input.cartsPerBuyer, input.hot ?? false)
  const samples: number[] = []
  const errors: string[] = []
  let refused = 0
  let exhausted = false
  const appBefore = process.cpuUsage()
  const databaseBefore = databaseCpuSeconds()
  const machineBefore = readCpuTimes()
  const started = performance.now()
  const deadline = started + input.seconds * 1_000
  await Promise.all(
    carts.map(async (cartIds, buyer) => {
      const pick = mulberry32(input.seed * 1_000 + buyer)
      for (const [n, cartId] of cartIds.entries()) {
        // Paced: this buyer's n-th order arrives at a fixed time; waiting for a busy buyer counts.
        const arrival = input.perSecond ? started + ((n * input.buyers + buyer) * 1_000) / input.perSecond : null
        if (arrival !== null && arrival > performance.now()) await sleep(arrival - performance.now())
        if (performance.now() >= deadline) return
        const before = arrival ?? performance.now()
        try {
          const result = await placeOrder({
            cartId,
            contact: { name: `Người mua ${buyer + 1}`, phone: '0912345678' },
            delivery: {
              communeCode: catalogue.communeCodes[Math.floor(pick() * catalogue.communeCodes.length)]!,
              street: 'Số 1 đường Thử',
            },
            paymentMethod: 'COD',
            checkoutKey: crypto.randomUUID(),
            locale: 'vi',
          })
          samples.push(performance.now() - before)
          if (!result.ok) refused++
        } catch (error) {
          errors.push(error instanceof Error ? error.message.split('\n').slice(-1)[0]! : String(error))
        }
      }
      if (performance.now() < deadline) exhausted = true
    }),
  )
  const seconds = (performance.now() - started) / 1_000
  const app = process.cpuUsage(appBefore)
  const appSeconds = (app.user + app.system) / 1e6
  const dbSeconds = databaseCpuSeconds() - databaseBefore
  const busy = Object.values(busyPercent(machineBefore, readCpuTimes()))
  if (exhausted) log(`${label}: a buyer ran out of carts before the time was up (raise cartsPerBuyer)`)
  const placed = samples.length - refused
  return {
    label,
    buyers: input.buyers,
    seconds,
    placed,
    refused,
    errors,
    latencies: summariseLatencies(samples),
    ordersPerSecond: placed / seconds,
    appCpuMs: (appSeconds * 1_000) / Math.max(1, placed),
    dbCpuMs: (dbSeconds * 1_000) / Math.max(1, placed),
    machineBusy: busy.length ? busy.reduce((a, b) => a + b, 0) / busy.length : Number.NaN,
  }
}

/** Every unit sold left the stock once: what the products lost equals what the order lines hold. */
async function checkStock(): Promise<{ taken: number; sold: number; negative: number }> {
  const db = getDb()
  const [taken] = await db.$queryRaw<{ taken: bigint; negative: bigint }[]>`
    SELECT coalesce(sum(${STOCK} - stock), 0)::bigint AS taken, count(*) FILTER (WHERE stock < 0)::bigint AS negative
    FROM "Product" WHERE slug LIKE 'bench-dat-hang-%'`
  const sold = await db.orderLine.aggregate({ _sum: { quantity: true } })
  return { taken: Number(taken!.taken), sold: sold._sum.quantity ?? 0, negative: Number(taken!.negative) }
}

async function run() {
  for (const line of machineLines()) log(line)
  const started = performance.now()
  const catalogue = await createCatalogue(mulberry32(20261129))
  log(
    `bench catalogue created in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${catalogue.productIds.length + 1} bench products of ${PRODUCERS} producers, ${catalogue.communeCodes.length} delivery communes`,
  )
  log(`pool: ${process.env.DATABASE_POOL_SIZE ?? 20} connections (DATABASE_POOL_SIZE)`)

  log('warm-up: 5 buyers for 3 s (discarded)…')
  await runCase('warm-up', catalogue, { buyers: 5, seconds: 3, seed: 1, cartsPerBuyer: 100 })
  const results: CaseResult[] = []
  log('baseline: 1 buyer for 10 s…')
  results.push(
    await runCase('baseline: 1 buyer, 1–3 products', catalogue, {
      buyers: 1,
      seconds: 10,
      seed: 2,
      cartsPerBuyer: 1_000,
    }),
  )
  log(`${BUYERS} buyers for ${MAIN_SECONDS} s…`)
  results.push(
    await runCase(`${BUYERS} buyers, 1–3 products`, catalogue, {
      buyers: BUYERS,
      seconds: MAIN_SECONDS,
      seed: 3,
      cartsPerBuyer: 10 * MAIN_SECONDS,
    }),
  )
  log(`paced: orders arriving at ${PACED_RATE}/s over ${BUYERS} buyers for 15 s…`)
  results.push(
    await runCase(`paced: ${PACED_RATE} orders/s arriving, ${BUYERS} buyers`, catalogue, {
      buyers: BUYERS,
      seconds: 15,
      seed: 5,
      cartsPerBuyer: Math.ceil((PACED_RATE * 15) / BUYERS) + 1,
      perSecond: PACED_RATE,
    }),
  )
  log(`contention: ${BUYERS} buyers on one product for 15 s…`)
  results.push(
    await runCase(`contention: ${BUYERS} buyers, the same product`, catalogue, {
      buyers: BUYERS,
      seconds: 15,
      hot: true,
      seed: 4,
      cartsPerBuyer: 400,
    }),
  )
  // Diagnostic only: what the storefront read model and search outbox triggers on "Product" cost
  // each stock update (bench:import has the same row).
  log(`diagnostic: ${BUYERS} buyers for 10 s with the Product triggers disabled…`)
  await getDb().$executeRawUnsafe('ALTER TABLE "Product" DISABLE TRIGGER USER')
  try {
    results.push(
      await runCase(`diagnostic: ${BUYERS} buyers, Product triggers off`, catalogue, {
        buyers: BUYERS,
        seconds: 10,
        seed: 6,
        cartsPerBuyer: 10 * 10,
      }),
    )
  } finally {
    await getDb().$executeRawUnsafe('ALTER TABLE "Product" ENABLE TRIGGER USER')
  }
  const stock = await checkStock()

  console.log('')
  console.log(
    markdownTable(
      [
        { title: 'case', align: 'left' },
        { title: 'buyers', align: 'right' },
        { title: 'orders', align: 'right' },
        { title: 'orders/s', align: 'right' },
        { title: 'p50 ms', align: 'right' },
        { title: 'p95 ms', align: 'right' },
        { title: 'p99 ms', align: 'right' },
        { title: 'max ms', align: 'right' },
        { title: 'app CPU ms/order', align: 'right' },
        { title: 'db CPU ms/order', align: 'right' },
        { title: 'CPUs busy', align: 'right' },
        { title: 'refused', align: 'right' },
        { title: 'errors', align: 'right' },
      ],
      results.map((r) => [
        r.label,
        String(r.buyers),
        String(r.placed),
        rate(r.ordersPerSecond),
        ms(r.latencies.p50),
        ms(r.latencies.p95),
        ms(r.latencies.p99),
        ms(r.latencies.max),
        r.appCpuMs.toFixed(1),
        r.dbCpuMs.toFixed(1),
        percent(r.machineBusy),
        String(r.refused),
        String(r.errors.length),
      ]),
    ),
  )
  console.log('')
  for (const r of results) {
    if (r.errors.length) log(`${r.label}: first errors: ${[...new Set(r.errors)].slice(0, 3).join(' | ')}`)
  }
  log(
    `stock check: ${stock.taken} units taken from stock, ${stock.sold} units in order lines, ` +
      `${stock.negative} products below zero: ${stock.taken === stock.sold && stock.negative === 0 ? 'consistent' : 'INCONSISTENT'}`,
  )
  for (const r of results.slice(1, -1)) {
    log(
      `${r.label}: p95 ${ms(r.latencies.p95)} ms, aim ≤ ${AIM_P95_MS} ms: ${r.latencies.p95 <= AIM_P95_MS ? 'met' : 'NOT met'}`,
    )
  }
  const resultsDir = path.join(BENCH_DIR, 'results')
  mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `checkout-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, JSON.stringify({ machine: machineLines(), results, stock }, null, 2))
  log(`raw figures saved to ${path.relative(ROOT, file)}`)
}

async function main() {
  await withFreshDatabase(BENCH_DIR, log, run)
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
