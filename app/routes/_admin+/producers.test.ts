/** Applying through /seller/apply and the office's verification queue, driven with real Requests. */
import { beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { callRoute, formResult, toastOf } from '#tests/route-call.ts'
import * as apply from '../_seller+/($lang).seller_.apply.tsx'
import * as officeIndex from './($lang).admin._index.tsx'
import * as officeLayout from './($lang).admin.tsx'
import * as producers from './($lang).admin.producers._index.tsx'

let office: TestUser
let customer: TestUser
let communeCode = ''
let villageId = ''

beforeAll(async () => {
  const db = getDb()
  ;[office, customer] = await Promise.all([
    createTestUser({ roles: ['OFFICE_STAFF'] }),
    createTestUser({ roles: ['CUSTOMER'], name: 'Hà Thị Mai' }),
  ])
  const village = await db.craftVillage.findUniqueOrThrow({
    where: { slug: 'lang-lua-van-phuc' },
    select: { id: true, communeCode: true },
  })
  villageId = village.id
  communeCode = village.communeCode
})

let counter = 0
function applicationForm(overrides: Record<string, string> = {}): Record<string, string> {
  counter += 1
  return {
    name: `HTX Thêu tay Vạn Phúc ${counter}`,
    kind: 'HOP_TAC_XA',
    registrationNumber: 'HTX-0107/2024',
    communeCode,
    villageId,
    womenLed: 'on',
    storyVi: 'Mười hai chị em thêu tay trên lụa Vạn Phúc, giữ mẫu hoa văn của bà.',
    storyEn: '',
    phone: '0912 345 678',
    email: 'Theu.Tay@Example.vn',
    ...overrides,
  }
}

function applyAs(user: TestUser, form: Record<string, string>) {
  return callRoute(apply.action, appRequest('/seller/apply', { cookie: user.cookie, form }))
}

describe('applying as a producer', () => {
  test('creates a PENDING producer with its OWNER, grants PRODUCER and opens /seller on it', async () => {
    const applicant = await createTestUser({ roles: ['CUSTOMER'] })
    const form = applicationForm()
    const outcome = await applyAs(applicant, form)
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(302)
    expect(outcome.location).toBe('/seller')
    expect(await toastOf(outcome)).toContain(`Đã gửi hồ sơ “${form.name}”`)

    const db = getDb()
    const producer = await db.producer.findFirstOrThrow({
      where: { name: form.name },
      select: {
        id: true,
        slug: true,
        status: true,
        appliedAt: true,
        kind: true,
        registrationNumber: true,
        villageId: true,
        womenLed: true,
        ethnicMinority: true,
        phone: true,
        email: true,
        members: { select: { userId: true, role: true } },
      },
    })
    expect(producer).toMatchObject({
      status: 'PENDING',
      kind: 'HOP_TAC_XA',
      registrationNumber: 'HTX-0107/2024',
      villageId,
      womenLed: true,
      ethnicMinority: false,
      phone: '0912345678',
      email: 'theu.tay@example.vn',
      members: [{ userId: applicant.id, role: 'OWNER' }],
    })
    expect(producer.slug).toMatch(/^htx-theu-tay-van-phuc-\d+$/)
    expect(Date.now() - producer.appliedAt!.getTime()).toBeLessThan(60_000)
    const user = await db.user.findUniqueOrThrow({
      where: { id: applicant.id },
      select: { roles: true, sessions: { select: { activeProducerId: true } } },
    })
    expect(user.roles).toEqual(['CUSTOMER', 'PRODUCER'])
    expect(user.sessions).toEqual([{ activeProducerId: producer.id }])
  })

  test('a second application by a member keeps both memberships, and the page says where they belong', async () => {
    const applicant = await createTestUser({ roles: ['CUSTOMER'] })
    await applyAs(applicant, applicationForm())
    const page = await callRoute(apply.loader, appRequest('/seller/apply', { cookie: applicant.cookie }))
    expect(page.status).toBe(200)
    expect((page.body as { producers: unknown[] }).producers).toHaveLength(1)
    expect(
      (await applyAs(applicant, applicationForm({ kind: 'DOANH_NGHIEP', registrationNumber: '0101234567-001' })))
        .status,
    ).toBe(302)
    const roles = await getDb().user.findUniqueOrThrow({ where: { id: applicant.id }, select: { roles: true } })
    expect(roles.roles.filter((r) => r === 'PRODUCER')).toHaveLength(1)
    expect(await getDb().producerMember.count({ where: { userId: applicant.id, role: 'OWNER' } })).toBe(2)
  })

  test('registration numbers, commune and phone are checked, with messages in Vietnamese', async () => {
    const applicant = await createTestUser({ roles: ['CUSTOMER'] })
    const taxCode = await applyAs(applicant, applicationForm({ kind: 'DOANH_NGHIEP', registrationNumber: '12345' }))
    expect(taxCode.status).toBe(400)
    expect(formResult(taxCode).error?.registrationNumber).toEqual([
      'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (ví dụ 0101234567-001).',
    ])
    const coop = await applyAs(applicant, applicationForm({ registrationNumber: '123' }))
    expect(formResult(coop).error?.registrationNumber).toEqual([
      'Số đăng ký hợp tác xã, tổ hợp tác dài từ 5 đến 20 ký tự (chữ, số, dấu / . -).',
    ])
    const place = await applyAs(applicant, applicationForm({ communeCode: '99999', phone: '12', villageId: 'nope' }))
    expect(formResult(place).error).toMatchObject({
      communeCode: ['Xã, phường không có trong danh mục.'],
      villageId: ['Làng nghề không có trong danh mục.'],
      phone: ['Số điện thoại không hợp lệ, ví dụ 0912 345 678.'],
    })
    expect(await getDb().producerMember.count({ where: { userId: applicant.id } })).toBe(0)
  })

  test('a guest is sent to log in first', async () => {
    const outcome = await callRoute(apply.loader, appRequest('/seller/apply'))
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe('/account/login?redirectTo=%2Fseller%2Fapply')
  })
})

describe('the office verification queue', () => {
  test('a customer gets 403 on /admin/producers, its actions and the office layout', async () => {
    const request = () => appRequest('/admin/producers', { cookie: customer.cookie })
    expect((await callRoute(producers.loader, request())).status).toBe(403)
    expect((await callRoute(officeLayout.loader, request())).status).toBe(403)
    expect((await callRoute(officeIndex.loader, request())).status).toBe(403)
    const pending = await getDb().producer.findFirstOrThrow({ where: { status: 'PENDING' }, select: { id: true } })
    const outcome = await callRoute(
      producers.action,
      appRequest('/admin/producers', { cookie: customer.cookie, form: { intent: 'approve', producerId: pending.id } }),
    )
    expect(outcome.status).toBe(403)
    expect((await getDb().producer.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe('PENDING')
  })

  test('/admin opens on the programme dashboard', async () => {
    const outcome = await callRoute(officeIndex.loader, appRequest('/admin', { cookie: office.cookie }))
    expect(outcome.location).toBe('/admin/dashboard')
  })

  test('an application shows up with its details and is approved: VERIFIED, and its products go on sale', async () => {
    const applicant = await createTestUser({ roles: ['CUSTOMER'], name: 'Nguyễn Thị Thêu' })
    const form = applicationForm()
    await applyAs(applicant, form)
    const producer = await getDb().producer.findFirstOrThrow({ where: { name: form.name }, select: { id: true } })
    const product = await getDb().product.create({
      data: {
        producerId: producer.id,
        sku: 'KHAN-01',
        slug: `khan-theu-${producer.id}`,
        groupCode: 'thu-cong-my-nghe',
        subgroupCode: 'vai-may-mac',
        nameVi: 'Khăn lụa thêu tay',
        nameEn: 'Hand-embroidered silk scarf',
        priceVnd: 450_000,
        unitVi: 'chiếc',
        unitEn: 'piece',
        weightGrams: 120,
        stock: 8,
        status: 'PUBLISHED',
        publishedAt: new Date(),
      },
      select: { id: true },
    })

    const queue = await callRoute(producers.loader, appRequest('/admin/producers', { cookie: office.cookie }))
    expect(queue.status).toBe(200)
    const listed = (queue.body as { status: string; producers: { id: string }[] }).producers.find(
      (p) => p.id === producer.id,
    )
    expect((queue.body as { status: string }).status).toBe('PENDING')
    expect(listed).toMatchObject({
      name: form.name,
      kind: 'HOP_TAC_XA',
      registrationNumber: 'HTX-0107/2024',
      womenLed: true,
      commune: { province: { nameVi: 'Hà Nội' } },
      village: { name: 'Làng lụa Vạn Phúc' },
      members: [{ user: { name: 'Nguyễn Thị Thêu', email: applicant.email } }],
    })

    const approved = await callRoute(
      producers.action,
      appRequest('/admin/producers', {
        cookie: office.cookie,
        form: { intent: 'approve', producerId: producer.id, status: 'PENDING' },
      }),
    )
    expect(approved.status).toBe(302)
    expect(approved.location).toBe('/admin/producers?status=pending')
    expect(await toastOf(approved)).toContain(`Đã xác minh “${form.name}”`)
    const after = await getDb().producer.findUniqueOrThrow({
      where: { id: producer.id },
      select: { status: true, verifiedAt: true, reviewNote: true },
    })
    expect(after.status).toBe('VERIFIED')
    expect(after.verifiedAt).not.toBeNull()
    expect(after.reviewNote).toBeNull()
    expect((await getDb().catalogEntry.findUniqueOrThrow({ where: { productId: product.id } })).visible).toBe(true)

    // Approving twice is refused with a message, not an error page.
    const again = await callRoute(
      producers.action,
      appRequest('/admin/producers', { cookie: office.cookie, form: { intent: 'approve', producerId: producer.id } }),
    )
    expect(again.status).toBe(302)
    expect(await toastOf(again)).toContain('đã được xác minh hoặc đang tạm ngừng')
  })

  test('rejecting needs a reason, which the producer then reads', async () => {
    const applicant = await createTestUser({ roles: ['CUSTOMER'] })
    const form = applicationForm()
    await applyAs(applicant, form)
    const producer = await getDb().producer.findFirstOrThrow({ where: { name: form.name }, select: { id: true } })
    const reject = (reason: string) =>
      callRoute(
        producers.action,
        appRequest('/admin/producers', {
          cookie: office.cookie,
          form: { intent: 'reject', producerId: producer.id, reason },
        }),
      )
    const blank = await reject('   ')
    expect(blank.status).toBe(400)
    expect(formResult(blank).error?.reason).toEqual(['Hãy ghi lý do từ chối để chủ thể biết cần bổ sung gì.'])
    expect((await getDb().producer.findUniqueOrThrow({ where: { id: producer.id } })).status).toBe('PENDING')

    const rejected = await reject('Thiếu giấy chứng nhận đăng ký hợp tác xã.')
    expect(rejected.status).toBe(302)
    expect(await getDb().producer.findUniqueOrThrow({ where: { id: producer.id } })).toMatchObject({
      status: 'REJECTED',
      reviewNote: 'Thiếu giấy chứng nhận đăng ký hợp tác xã.',
    })
    const rejectedQueue = await callRoute(
      producers.loader,
      appRequest('/admin/producers?status=rejected', { cookie: office.cookie }),
    )
    expect((rejectedQueue.body as { producers: { id: string }[] }).producers.map((p) => p.id)).toContain(producer.id)
  })

  test('unknown producers are 404 and unknown intents 400', async () => {
    const missing = await callRoute(
      producers.action,
      appRequest('/admin/producers', { cookie: office.cookie, form: { intent: 'approve', producerId: 'nope' } }),
    )
    expect(missing.status).toBe(404)
    const unknown = await callRoute(
      producers.action,
      appRequest('/admin/producers', { cookie: office.cookie, form: { intent: 'delete', producerId: 'nope' } }),
    )
    expect(unknown.status).toBe(400)
  })
})
