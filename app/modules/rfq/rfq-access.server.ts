/**
 * Who may read a request's files. A file sent with the request itself is for the buyer and the members
 * of every producer the request addresses; a file sent with a message is for the buyer and the
 * members of that message's producer only. Anyone else gets the same answer as for an unknown id.
 */
import { can } from '#app/modules/accounts/permissions.ts'
import { getDb } from '#app/utils/db.server.ts'

export async function findReadableAttachment(
  user: { id: string; roles: readonly string[] },
  attachmentId: string,
): Promise<{ storageKey: string; fileName: string; mimeType: string } | null> {
  if (!can(user, 'read:rfq:own') && !can(user, 'read:rfq-part:own')) return null
  const db = getDb()
  const attachment = await db.rfqAttachment.findUnique({
    where: { id: attachmentId },
    select: {
      storageKey: true,
      fileName: true,
      mimeType: true,
      rfq: { select: { buyerId: true, parts: { select: { producerId: true } } } },
      message: { select: { part: { select: { producerId: true } } } },
    },
  })
  if (!attachment) return null
  const { storageKey, fileName, mimeType } = attachment
  if (attachment.rfq.buyerId === user.id) return { storageKey, fileName, mimeType }
  const producerIds = attachment.message
    ? [attachment.message.part.producerId]
    : attachment.rfq.parts.map((part) => part.producerId)
  const member = await db.producerMember.findFirst({
    where: { userId: user.id, producerId: { in: producerIds } },
    select: { producerId: true },
  })
  return member ? { storageKey, fileName, mimeType } : null
}
