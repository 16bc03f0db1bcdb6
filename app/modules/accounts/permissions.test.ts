import { expect, test } from 'vitest'
import { can } from './permissions.ts'

test('roles grant what their work needs and nothing of the others', () => {
  const customer = { roles: ['CUSTOMER'] }
  const producer = { roles: ['CUSTOMER', 'PRODUCER'] }
  const buyer = { roles: ['EXPORT_BUYER'] }
  const office = { roles: ['OFFICE_STAFF'] }
  const admin = { roles: ['ADMIN'] }

  expect(can(customer, 'read:order:own')).toBe(true)
  expect(can(customer, 'update:listing:own')).toBe(false)
  expect(can(producer, 'update:listing:own')).toBe(true)
  expect(can(producer, 'update:listing:any')).toBe(false)
  expect(can(producer, 'verify:producer:any')).toBe(false)
  expect(can(buyer, 'read:export-catalogue:any')).toBe(true)
  expect(can(buyer, 'read:listing:own')).toBe(false)
  expect(can(office, 'verify:producer:any')).toBe(true)
  expect(can(office, 'update:listing:own')).toBe(false)
  // An `any` grant covers the `own` permission of the same action and entity.
  expect(can(admin, 'update:listing:own')).toBe(true)
  expect(can(null, 'read:account:own')).toBe(false)
  expect(can({ roles: ['NOT_A_ROLE'] }, 'read:account:own')).toBe(false)
})
