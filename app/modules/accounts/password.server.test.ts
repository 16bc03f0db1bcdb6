import { expect, test } from 'vitest'
import { hashPassword, verifyPassword } from './password.server.ts'

test('a password verifies against its own hash only, and each hash has its own salt', async () => {
  const first = await hashPassword('Mật ong Đan Phượng 2026')
  const second = await hashPassword('Mật ong Đan Phượng 2026')
  expect(first).not.toBe(second)
  expect(first).toMatch(/^scrypt\$32768\$8\$1\$/)
  expect(await verifyPassword('Mật ong Đan Phượng 2026', first)).toBe(true)
  expect(await verifyPassword('Mật ong Đan Phượng 2025', first)).toBe(false)
  expect(await verifyPassword('anything', 'not-a-hash')).toBe(false)
})

test('the same words typed with decomposed tone marks still match', async () => {
  const hash = await hashPassword('lụa Vạn Phúc')
  expect(await verifyPassword('lụa Vạn Phúc'.normalize('NFD'), hash)).toBe(true)
})
