/**
 * Every /admin page, download and form of the office workspace answers 403 to customers, producers and
 * export buyers (and sends guests to log in), and changes nothing.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { callRoute } from '#tests/route-call.ts'
import * as audit from './($lang).admin.audit.tsx'
import * as dashboardCsv from './($lang).admin.dashboard[.]csv.ts'
import * as dashboard from './($lang).admin.dashboard.tsx'
import * as index from './($lang).admin._index.tsx'
import * as listings from './($lang).admin.listings.tsx'
import * as payments from './($lang).admin.payments.tsx'
import * as document from './($lang).admin.producers.$producerId.documents.$documentId.ts'
import * as producer from './($lang).admin.producers.$producerId.tsx'
import * as producers from './($lang).admin.producers._index.tsx'
import * as layout from './($lang).admin.tsx'

type RouteFn = Parameters<typeof callRoute>[0]

let outsiders: { label: string; user: TestUser }[] = []
let producerId = ''
let productId = ''

beforeAll(async () => {
  const honey = await getDb().producer.findUniqueOrThrow({
    where: { slug: 'htx-ong-tuan-minh' },
    select: { id: true, products: { take: 1, select: { id: true } } },
  })
  producerId = honey.id
  productId = honey.products[0]!.id
  const [customer, member, buyer] = await Promise.all([
    createTestUser({ roles: ['CUSTOMER'] }),
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: honey.id }] }),
    createTestUser({ roles: ['EXPORT_BUYER'], company: 'Sakura Test K.K.', country: 'JP' }),
  ])
  outsiders = [
    { label: 'customer', user: customer },
    { label: 'producer', user: member },
    { label: 'export buyer', user: buyer },
  ]
})

function pages(): { name: string; fn: RouteFn; path: string; params?: Record<string, string> }[] {
  return [
    { name: 'layout', fn: layout.loader, path: '/admin' },
    { name: 'index', fn: index.loader, path: '/admin' },
    { name: 'dashboard', fn: dashboard.loader, path: '/admin/dashboard' },
    { name: 'dashboard.csv', fn: dashboardCsv.loader, path: '/admin/dashboard.csv' },
    { name: 'producers', fn: producers.loader, path: '/admin/producers' },
    { name: 'producer', fn: producer.loader, path: `/admin/producers/${producerId}`, params: { producerId } },
    {
      name: 'document',
      fn: document.loader,
      path: `/admin/producers/${producerId}/documents/x`,
      params: { producerId, documentId: 'x' },
    },
    { name: 'listings', fn: listings.loader, path: '/admin/listings' },
    { name: 'audit', fn: audit.loader, path: '/admin/audit' },
    { name: 'payments', fn: payments.loader, path: '/admin/payments' },
  ]
}

function forms(): {
  name: string
  fn: RouteFn
  path: string
  form: Record<string, string>
  params?: Record<string, string>
}[] {
  return [
    {
      name: 'producers',
      fn: producers.action,
      path: '/admin/producers',
      form: { intent: 'suspend', producerId, reason: 'x' },
    },
    {
      name: 'producer',
      fn: producer.action,
      path: `/admin/producers/${producerId}`,
      form: { intent: 'suspend', reason: 'x' },
      params: { producerId },
    },
    {
      name: 'listings',
      fn: listings.action,
      path: '/admin/listings',
      form: { intent: 'hide', productId, reason: 'x' },
    },
    {
      name: 'dashboard',
      fn: dashboard.action,
      path: '/admin/dashboard',
      form: { intent: 'save-targets', newProducts: '1' },
    },
    {
      name: 'payments',
      fn: payments.action,
      path: '/admin/payments',
      form: { intent: 'confirm-transfer', orderId: 'x' },
    },
  ]
}

describe('the office workspace', () => {
  test('every page and download is 403 for customers, producers and export buyers; guests log in first', async () => {
    for (const { label, user } of outsiders) {
      for (const page of pages()) {
        const outcome = await callRoute(page.fn, appRequest(page.path, { cookie: user.cookie }), page.params)
        expect(outcome.status, `${label} → ${page.name}`).toBe(403)
      }
    }
    for (const page of pages()) {
      const outcome = await callRoute(page.fn, appRequest(page.path), page.params)
      expect(outcome.status, `guest → ${page.name}`).toBe(302)
      expect(outcome.location).toMatch(/^\/account\/login\?redirectTo=/)
    }
  })

  test('every form is 403 for them too, and nothing changes', async () => {
    const db = getDb()
    const [targetsBefore, eventsBefore] = await Promise.all([db.programmeTarget.count(), db.auditEvent.count()])
    for (const { label, user } of outsiders) {
      for (const form of forms()) {
        const outcome = await callRoute(
          form.fn,
          appRequest(form.path, { cookie: user.cookie, form: form.form }),
          form.params,
        )
        expect(outcome.status, `${label} → ${form.name}`).toBe(403)
      }
    }
    expect((await db.producer.findUniqueOrThrow({ where: { id: producerId } })).status).toBe('VERIFIED')
    expect((await db.product.findUniqueOrThrow({ where: { id: productId } })).status).not.toBe('HIDDEN')
    expect(await db.programmeTarget.count()).toBe(targetsBefore)
    expect(await db.auditEvent.count()).toBe(eventsBefore)
  })
})
