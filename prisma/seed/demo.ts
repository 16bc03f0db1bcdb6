import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { now } from '#app/utils/clock.server.ts'
import { seedDemoAccounts } from './demo-accounts.ts'
import { seedDemoOrders } from './demo-orders.ts'
import { seedExportTerms } from './export-terms.ts'

/** After the reference catalogue: demo accounts for every role (and what they need to show). */
export async function seedDemoData(
  db: PrismaClient,
  options: { today?: Date } = {},
): Promise<{ accounts: number; orders: number; exportProducts: number }> {
  const accounts = await seedDemoAccounts(db)
  const orders = await seedDemoOrders(db, { today: options.today ?? now() })
  const exportProducts = await seedExportTerms(db, { today: options.today ?? now() })
  return { accounts, orders, exportProducts }
}
