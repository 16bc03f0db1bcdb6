/**
 * One app process of the checkout race (checkout-concurrency.test.ts): run as
 * `node --import tsx tests/integration/checkout-concurrency.child.ts <cartId>…` with DATABASE_URL
 * set. It loads the app's checkout, opens its database connections, prints `ready`, waits for `go`
 * on stdin (so both processes start together), places one cash-on-delivery order per cart all at
 * once, and prints the outcomes as one JSON line.
 */
import { createInterface } from 'node:readline'
import { placeOrder, type PlaceOrderResult } from '#app/modules/checkout/place-order.server.ts'
import { disconnectDb, getDb } from '#app/utils/db.server.ts'

export type ChildOutcome =
  | { cartId: string; kind: 'placed'; number: string }
  | { cartId: string; kind: 'refused'; result: Extract<PlaceOrderResult, { ok: false }> }
  | { cartId: string; kind: 'error'; message: string }

async function main() {
  const cartIds = process.argv.slice(2)
  const db = getDb()
  // Open the pool's connections now, so that the race measures placing, not connecting.
  await Promise.all(Array.from({ length: 20 }, () => db.$queryRaw`SELECT 1`))
  console.log('ready')
  const input = createInterface({ input: process.stdin })
  await new Promise<void>((resolve) => input.once('line', () => resolve()))
  input.close()

  const outcomes = await Promise.all(
    cartIds.map(async (cartId): Promise<ChildOutcome> => {
      try {
        const result = await placeOrder({
          cartId,
          contact: { name: 'Người mua đồng thời', phone: '0912345678' },
          delivery: { communeCode: '09784', street: 'Số 1 đường Thử' },
          paymentMethod: 'COD',
          checkoutKey: crypto.randomUUID(),
          locale: 'vi',
        })
        return result.ok ? { cartId, kind: 'placed', number: result.order.number } : { cartId, kind: 'refused', result }
      } catch (error) {
        return { cartId, kind: 'error', message: error instanceof Error ? error.message : String(error) }
      }
    }),
  )
  console.log(JSON.stringify({ pid: process.pid, outcomes }))
  await disconnectDb()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
