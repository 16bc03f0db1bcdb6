import { type PrismaClient, type Role } from '#app/generated/prisma/client.ts'
import { hashPassword } from '#app/modules/accounts/password.server.ts'

/** Development only: listed in the README, so that a newcomer can log in as each role. */
export const DEMO_PASSWORD = 'ocop-demo-2026'

export const DEMO_ACCOUNTS: {
  email: string
  name: string
  roles: Role[]
  producerSlug?: string
  company?: string
  country?: string
}[] = [
  { email: 'khach@ocop.local', name: 'Nguyễn Thị Hoa', roles: ['CUSTOMER'] },
  {
    email: 'ong@ocop.local',
    name: 'Trần Văn Minh',
    roles: ['CUSTOMER', 'PRODUCER'],
    producerSlug: 'htx-ong-tuan-minh',
  },
  {
    email: 'lua@ocop.local',
    name: 'Lê Thị Thu',
    roles: ['CUSTOMER', 'PRODUCER'],
    producerSlug: 'htx-det-lua-van-phuc',
  },
  {
    email: 'buyer@ocop.local',
    name: 'Sato Haruka',
    roles: ['EXPORT_BUYER'],
    company: 'Sakura Fine Foods K.K.',
    country: 'JP',
  },
  { email: 'vanphong@ocop.local', name: 'Phạm Quốc Bảo', roles: ['OFFICE_STAFF'] },
  { email: 'admin@ocop.local', name: 'Quản trị viên', roles: ['ADMIN'] },
]

/** Creates the demo accounts that do not exist yet (verified e-mail, one shared password). */
export async function seedDemoAccounts(db: PrismaClient): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  let created = 0
  for (const account of DEMO_ACCOUNTS) {
    if (await db.user.findUnique({ where: { email: account.email }, select: { id: true } })) continue
    const producer = account.producerSlug
      ? await db.producer.findUnique({ where: { slug: account.producerSlug }, select: { id: true } })
      : null
    await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        roles: account.roles,
        passwordHash,
        emailVerifiedAt: new Date(),
        company: account.company ?? null,
        country: account.country ?? null,
        memberships: producer ? { create: { producerId: producer.id, role: 'OWNER' } } : undefined,
      },
    })
    created++
  }
  return created
}
