/**
 * The audit log: append-only in the database itself, every office action lands in it (the transfer
 * confirmation included), and /admin/audit finds events by words, action and record.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { auditSnapshot, recordAudit } from '#app/modules/office/audit.server.ts'
import { ORDER_FOR_PAYMENT_SELECT } from '#app/modules/payments/payment-port.ts'
import { startPayment } from '#app/modules/payments/payments.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatVnd } from '#app/utils/money.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { createTestOrder, createTestProducer } from '#tests/factories/orders.ts'
import { callRoute } from '#tests/route-call.ts'
import * as auditPage from './($lang).admin.audit.tsx'
import * as payments from './($lang).admin.payments.tsx'

let office: TestUser

beforeAll(async () => {
  office = await createTestUser({ roles: ['OFFICE_STAFF'], name: 'Nguyễn Văn Kiểm' })
})

async function transferOrder() {
  const producer = await createTestProducer({ products: [{ priceVnd: 200_000 }] })
  const created = await createTestOrder({
    status: 'AWAITING_PAYMENT',
    paymentMethod: 'VIETQR',
    shipments: [{ producerId: producer.id, lines: [{ product: producer.products[0]!, quantity: 1 }] }],
  })
  const order = await getDb().order.findUniqueOrThrow({ where: { id: created.id }, select: ORDER_FOR_PAYMENT_SELECT })
  await getDb().$transaction((tx) => startPayment(tx, order))
  return order
}

type LogPage = {
  total: number
  pageCount: number
  actions: string[]
  events: {
    id: string
    action: string
    actorEmail: string
    actorName: string | null
    entityId: string
    summary: string
    changes: { key: string; before: unknown; after: unknown }[]
  }[]
}

function logPage(query: string) {
  return callRoute(auditPage.loader, appRequest(`/admin/audit${query}`, { cookie: office.cookie }))
}

describe('the audit log', () => {
  test('the database refuses to change or delete an event, by Prisma or by plain SQL', async () => {
    const db = getDb()
    await db.$transaction((tx) =>
      recordAudit(tx, office, {
        action: 'test.append-only',
        entityType: 'Test',
        entityId: 'append-only-1',
        summary: 'Một thao tác thử.',
        before: auditSnapshot({ status: 'A' }),
        after: auditSnapshot({ status: 'B' }),
      }),
    )
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: 'append-only-1' } })
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { summary: 'Sửa lại.' } })).rejects.toThrow(
      /cannot be changed or deleted/,
    )
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/cannot be changed or deleted/)
    await expect(
      db.$executeRaw`UPDATE "AuditEvent" SET after = '{"status":"C"}'::jsonb WHERE id = ${event.id}`,
    ).rejects.toThrow(/cannot be changed or deleted/)
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${event.id}`).rejects.toThrow(
      /cannot be changed or deleted/,
    )
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event)
  })

  test('confirming a transfer writes one event with before and after; a second click writes none', async () => {
    const order = await transferOrder()
    const confirm = () =>
      callRoute(
        payments.action,
        appRequest('/admin/payments', {
          cookie: office.cookie,
          form: { intent: 'confirm-transfer', orderId: order.id },
        }),
      )
    expect((await confirm()).status).toBe(302)
    expect((await confirm()).status).toBe(302)
    const events = await getDb().auditEvent.findMany({ where: { entityType: 'Order', entityId: order.id } })
    const { totalVnd: total } = await getDb().order.findUniqueOrThrow({ where: { id: order.id } })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      action: 'payment.confirm',
      actorId: office.id,
      actorEmail: office.email,
      summary: `Xác nhận đã nhận ${formatVnd(total)} chuyển khoản cho đơn ${order.number}.`,
      before: { status: 'AWAITING_PAYMENT', confirmedAt: null },
      after: { status: 'PAID' },
    })

    // The log page finds it by action, by record, by words (any order, any case), with the changed fields.
    const byAction = await logPage('?action=payment.confirm')
    const body = byAction.body as LogPage
    expect(body.actions).toContain('payment.confirm')
    expect(body.events.every((e) => e.action === 'payment.confirm')).toBe(true)
    const shown = body.events.find((e) => e.entityId === order.id)
    expect(shown).toMatchObject({ actorName: 'Nguyễn Văn Kiểm', actorEmail: office.email })
    expect(shown!.changes.map((c) => c.key)).toEqual(['status', 'confirmedAt'])
    expect(shown!.changes[0]).toEqual({ key: 'status', before: 'AWAITING_PAYMENT', after: 'PAID' })

    const byRecord = (await logPage(`?entity=${order.id}`)).body as LogPage
    expect(byRecord.events.map((e) => e.id)).toEqual([events[0]!.id])
    const byWords = (await logPage(`?q=${encodeURIComponent(`${order.number.toLowerCase()} XÁC NHẬN`)}`))
      .body as LogPage
    expect(byWords.events.map((e) => e.id)).toEqual([events[0]!.id])
    const nothing = (await logPage(`?q=${encodeURIComponent(`${order.number} từ-không-có`)}`)).body as LogPage
    expect(nothing).toMatchObject({ total: 0, events: [] })
  })

  test('the log is paginated, newest first', async () => {
    const db = getDb()
    for (let i = 1; i <= 35; i += 1) {
      await db.$transaction((tx) =>
        recordAudit(tx, office, {
          action: 'test.page',
          entityType: 'Test',
          entityId: `page-${i}`,
          summary: `Trang thử ${i}`,
        }),
      )
    }
    const first = (await logPage('?action=test.page')).body as LogPage
    expect(first.total).toBe(35)
    expect(first.pageCount).toBe(2)
    expect(first.events).toHaveLength(30)
    expect(first.events[0]!.entityId).toBe('page-35')
    const second = (await logPage('?action=test.page&page=2')).body as LogPage
    expect(second.events.map((e) => e.entityId)).toEqual(['page-5', 'page-4', 'page-3', 'page-2', 'page-1'])
  })
})
