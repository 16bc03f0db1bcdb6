import { createHash, randomBytes } from 'node:crypto'
import { getDb } from '#app/utils/db.server.ts'
import { type VerificationPurpose } from '#app/generated/prisma/client.ts'

const LIFETIME_MS: Record<VerificationPurpose, number> = {
  VERIFY_EMAIL: 48 * 60 * 60 * 1000,
  RESET_PASSWORD: 60 * 60 * 1000,
}

export const VERIFICATION_HOURS: Record<VerificationPurpose, number> = {
  VERIFY_EMAIL: 48,
  RESET_PASSWORD: 1,
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * A new one-time token for the user (returned once, to put in a link); earlier unused tokens of the
 * same purpose stop working.
 */
export async function createVerification(userId: string, purpose: VerificationPurpose): Promise<string> {
  const token = randomBytes(24).toString('base64url')
  await getDb().$transaction([
    getDb().verification.deleteMany({ where: { userId, purpose, usedAt: null } }),
    getDb().verification.create({
      data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + LIFETIME_MS[purpose]) },
    }),
  ])
  return token
}

/** The user id of a valid, unused token, without using it up (to show the reset form). */
export async function peekVerification(token: string, purpose: VerificationPurpose): Promise<string | null> {
  const row = await getDb().verification.findFirst({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: new Date() } },
    select: { userId: true },
  })
  return row?.userId ?? null
}

/**
 * Uses the token up and returns its user id, or null when it is unknown, used or expired. The
 * conditional update makes a token good for exactly one use, even for two requests at once.
 */
export async function consumeVerification(token: string, purpose: VerificationPurpose): Promise<string | null> {
  const tokenHash = hashToken(token)
  const used = await getDb().verification.updateManyAndReturn({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
    select: { userId: true },
  })
  return used[0]?.userId ?? null
}
