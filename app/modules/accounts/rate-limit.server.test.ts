import { expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { checkLoginAllowed, LOGIN_LIMITS, pruneLoginAttempts, recordLoginAttempt } from './rate-limit.server.ts'

test('five failures lock the account for everyone, other accounts from the same address stay open', async () => {
  for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) await recordLoginAttempt('Hoa@Example.vn', `10.0.0.${i}`, false)
  expect(await checkLoginAllowed('hoa@example.vn', '10.0.1.1')).toEqual({ blocked: false })
  await recordLoginAttempt('hoa@example.vn', '10.0.0.9', false)
  const blocked = await checkLoginAllowed('hoa@example.vn', '10.0.1.1')
  expect(blocked).toEqual({ blocked: true, retryAfterMinutes: LOGIN_LIMITS.windowMinutes })
  expect(await checkLoginAllowed('lan@example.vn', '10.0.0.9')).toEqual({ blocked: false })
})

test('twenty failures from one address lock that address for every account', async () => {
  for (let i = 0; i < LOGIN_LIMITS.perIp; i++) await recordLoginAttempt(`user${i}@example.vn`, '192.0.2.7', false)
  expect((await checkLoginAllowed('someone-else@example.vn', '192.0.2.7')).blocked).toBe(true)
  expect((await checkLoginAllowed('someone-else@example.vn', '192.0.2.8')).blocked).toBe(false)
})

test('failures older than the window no longer count, and old rows are pruned', async () => {
  const db = getDb()
  const old = new Date(Date.now() - (LOGIN_LIMITS.windowMinutes + 1) * 60_000)
  await db.loginAttempt.createMany({
    data: Array.from({ length: 10 }, () => ({
      email: 'old@example.vn',
      ipAddress: '198.51.100.1',
      succeeded: false,
      createdAt: old,
    })),
  })
  expect((await checkLoginAllowed('old@example.vn', '198.51.100.1')).blocked).toBe(false)
  await db.loginAttempt.create({
    data: {
      email: 'old@example.vn',
      ipAddress: '198.51.100.1',
      succeeded: false,
      createdAt: new Date(Date.now() - 2 * 86_400_000),
    },
  })
  expect(await pruneLoginAttempts()).toBe(1)
})
