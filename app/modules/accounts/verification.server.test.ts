import { expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { createTestUser } from '#tests/factories/accounts.ts'
import { consumeVerification, createVerification, peekVerification } from './verification.server.ts'

test('a link works once, only for its purpose, and a newer link replaces an older one', async () => {
  const user = await createTestUser()
  const first = await createVerification(user.id, 'RESET_PASSWORD')
  const second = await createVerification(user.id, 'RESET_PASSWORD')
  expect(await peekVerification(first, 'RESET_PASSWORD')).toBeNull()
  expect(await consumeVerification(second, 'VERIFY_EMAIL')).toBeNull()
  expect(await peekVerification(second, 'RESET_PASSWORD')).toBe(user.id)

  const [a, b] = await Promise.all([
    consumeVerification(second, 'RESET_PASSWORD'),
    consumeVerification(second, 'RESET_PASSWORD'),
  ])
  expect([a, b].filter(Boolean)).toEqual([user.id])
  expect(await consumeVerification(second, 'RESET_PASSWORD')).toBeNull()
})

test('an expired link does not work, and only a hash of the token is stored', async () => {
  const user = await createTestUser()
  const token = await createVerification(user.id, 'VERIFY_EMAIL')
  const rows = await getDb().verification.findMany({ where: { userId: user.id } })
  expect(rows.map((r) => r.tokenHash)).not.toContain(token)
  await getDb().verification.updateMany({
    where: { userId: user.id },
    data: { expiresAt: new Date(Date.now() - 1000) },
  })
  expect(await consumeVerification(token, 'VERIFY_EMAIL')).toBeNull()
})
