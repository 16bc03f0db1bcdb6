import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { seedDemoAccounts } from './demo-accounts.ts'

/** After the reference catalogue: demo accounts for every role (and what they need to show). */
export async function seedDemoData(db: PrismaClient): Promise<{ accounts: number }> {
  const accounts = await seedDemoAccounts(db)
  return { accounts }
}
