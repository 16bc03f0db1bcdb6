import { redirect } from '@remix-run/node'
import { getDb } from '#app/utils/db.server.ts'
import { type MemberRole, type ProducerStatus } from '#app/generated/prisma/client.ts'
import { holds, type Permission } from './permissions.ts'
import { getSession, requireUser, type SessionUser } from './session.server.ts'

export type ActiveProducer = { id: string; slug: string; name: string; status: ProducerStatus }

export type SellerContext = {
  user: SessionUser
  producer: ActiveProducer
  memberRole: MemberRole
  /** Every producer the user belongs to, for the switcher. */
  memberships: { producer: ActiveProducer; role: MemberRole }[]
}

/**
 * For every /seller loader and action: the user's roles must grant the `own` permission itself (producer
 * members; an office `any` grant does not make anyone a member) and the user must
 * belong to a producer; the producer worked for is the session's choice, else the first membership.
 * Without any membership the user is sent to apply. Records are then looked up *within* this
 * producer (`where: { producerId }`), so another producer's ids answer 404, never its data.
 */
export async function requireSeller(request: Request, permission: Permission): Promise<SellerContext> {
  const user = await requireUser(request)
  if (!holds(user, permission)) throw new Response('Forbidden', { status: 403 })
  const session = await getSession(request)
  const memberships = await getDb().producerMember.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: 'asc' },
    select: { role: true, producer: { select: { id: true, slug: true, name: true, status: true } } },
  })
  if (memberships.length === 0) {
    const english = new URL(request.url).pathname.startsWith('/en/')
    throw redirect(`${english ? '/en' : ''}/seller/apply`)
  }
  const active = memberships.find((m) => m.producer.id === session?.activeProducerId) ?? memberships[0]!
  return { user, producer: active.producer, memberRole: active.role, memberships }
}

/** Switches the producer the session works for; false when the user is not its member. */
export async function switchActiveProducer(request: Request, userId: string, producerId: string): Promise<boolean> {
  const session = await getSession(request)
  if (!session) return false
  const member = await getDb().producerMember.findUnique({
    where: { userId_producerId: { userId, producerId } },
    select: { producerId: true },
  })
  if (!member) return false
  await getDb().session.update({ where: { id: session.id }, data: { activeProducerId: producerId } })
  return true
}
