/**
 * Listing moderation: the office hides a listing with a reason (off the storefront, the producer reads
 * why and cannot put it back on sale, not even by CSV), and lifts it back to the status it had.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runCatalogImport } from '#app/modules/catalog-import/run-import.server.ts'
import { closeImportQueue } from '#app/modules/catalog-import/import-queue.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { appRequest, createTestUser, type TestUser } from '#tests/factories/accounts.ts'
import { createTestProducer } from '#tests/factories/orders.ts'
import { callRoute, formResult, toastOf } from '#tests/route-call.ts'
import * as product from '../_shop+/($lang).products.$slug.tsx'
import * as sellerListings from '../_seller+/($lang).seller.listings._index.tsx'
import * as sellerEdit from '../_seller+/($lang).seller.listings.$productId.tsx'
import * as listings from './($lang).admin.listings.tsx'

let uploads = ''
let office: TestUser
let owner: TestUser
let producer: Awaited<ReturnType<typeof createTestProducer>>

beforeAll(async () => {
  uploads = await mkdtemp(path.join(os.tmpdir(), 'ocop-moderation-'))
  process.env.UPLOAD_DIR = uploads
  producer = await createTestProducer({
    products: [{ nameVi: 'Mật ong rừng Điện Biên' }, { nameVi: 'Trà hoa vàng Ba Chẽ thử nghiệm', status: 'DRAFT' }],
  })
  ;[office, owner] = await Promise.all([
    createTestUser({ roles: ['OFFICE_STAFF'] }),
    createTestUser({ roles: ['CUSTOMER', 'PRODUCER'], producers: [{ producerId: producer.id }] }),
  ])
})

afterAll(async () => {
  await closeImportQueue()
  await rm(uploads, { recursive: true, force: true })
  delete process.env.UPLOAD_DIR
})

function moderate(form: Record<string, string>, query = '') {
  return callRoute(listings.action, appRequest(`/admin/listings${query}`, { cookie: office.cookie, form }))
}

function productState(id: string) {
  return getDb().product.findUniqueOrThrow({
    where: { id },
    select: {
      slug: true,
      nameVi: true,
      status: true,
      moderationNote: true,
      hiddenAt: true,
      catalogEntry: { select: { visible: true } },
    },
  })
}

async function importCsv(rows: string[]) {
  const filePath = path.join(uploads, `import-${Date.now()}.csv`)
  const header =
    'sku,name_vi,name_en,group,subgroup,price_vnd,unit,weight_g,stock,village_slug,description_vi,description_en,status'
  await writeFile(filePath, [header, ...rows].join('\n'))
  const job = await getDb().importJob.create({
    data: { producerId: producer.id, fileName: 'san-pham.csv', filePath },
    select: { id: true },
  })
  return runCatalogImport(job.id)
}

describe('hiding a listing', () => {
  test('needs a reason; then the product leaves the storefront, the producer reads why and cannot sell it again', async () => {
    const honey = producer.products[0]!
    const before = await productState(honey.id)
    expect(before.catalogEntry?.visible).toBe(true)
    const page = () => callRoute(product.loader, appRequest(`/products/${before.slug}`), { slug: before.slug })
    expect((await page()).status).toBe(200)

    const blank = await moderate({ intent: 'hide', productId: honey.id, reason: ' ' })
    expect(blank.status).toBe(400)
    expect(formResult(blank).error?.reason).toEqual(['Hãy ghi lý do ẩn để chủ thể biết cần sửa gì.'])
    expect((await productState(honey.id)).status).toBe('PUBLISHED')

    const hidden = await moderate(
      { intent: 'hide', productId: honey.id, reason: 'Ảnh sản phẩm ghi sai hạng sao OCOP.' },
      '?q=dien+bien&page=1',
    )
    expect(hidden.status).toBe(302)
    expect(hidden.location).toBe('/admin/listings?q=dien+bien')
    expect(await toastOf(hidden)).toBe('Đã ẩn “Mật ong rừng Điện Biên”: sản phẩm không còn hiển thị trên chợ.')
    const after = await productState(honey.id)
    expect(after).toMatchObject({
      status: 'HIDDEN',
      moderationNote: 'Ảnh sản phẩm ghi sai hạng sao OCOP.',
      catalogEntry: { visible: false },
    })
    expect(after.hiddenAt).toBeInstanceOf(Date)
    expect((await page()).status).toBe(404)

    // The producer's page shows the reason; the editor offers no other status.
    const edit = await callRoute(
      sellerEdit.loader,
      appRequest(`/seller/listings/${honey.id}`, { cookie: owner.cookie }),
      {
        productId: honey.id,
      },
    )
    expect((edit.body as { product: Record<string, unknown> }).product).toMatchObject({
      status: 'HIDDEN',
      moderationNote: 'Ảnh sản phẩm ghi sai hạng sao OCOP.',
    })

    // Publishing from the list or the editor is refused…
    const publish = await callRoute(
      sellerListings.action,
      appRequest('/seller/listings', { cookie: owner.cookie, form: { intent: 'publish', productId: honey.id } }),
    )
    expect(publish.status).toBe(400)
    const editorForm = (status: string, nameVi: string) => ({
      intent: 'save-listing',
      sku: honey.sku,
      nameVi,
      nameEn: 'Dien Bien wild honey',
      groupCode: 'thuc-pham',
      subgroupCode: 'rau-cu-qua-hat-tuoi',
      priceVnd: '100.000',
      unitVi: 'hộp',
      unitEn: 'box',
      weightGrams: '500',
      stock: '50',
      status,
    })
    const save = (form: Record<string, string>) =>
      callRoute(sellerEdit.action, appRequest(`/seller/listings/${honey.id}`, { cookie: owner.cookie, form }), {
        productId: honey.id,
      })
    const republish = await save(editorForm('PUBLISHED', 'Mật ong rừng Điện Biên'))
    expect(republish.status).toBe(400)
    expect(formResult(republish).error?.status).toEqual([expect.stringContaining('Bị văn phòng OCOP ẩn')])
    expect((await productState(honey.id)).status).toBe('HIDDEN')

    // …while fixing the listing itself saves and keeps it hidden.
    const fixed = await save(editorForm('HIDDEN', 'Mật ong rừng Điện Biên (500 ml)'))
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(302)
    expect(await productState(honey.id)).toMatchObject({
      nameVi: 'Mật ong rừng Điện Biên (500 ml)',
      status: 'HIDDEN',
      catalogEntry: { visible: false },
    })

    // A CSV import cannot publish it either: the row is refused, and a row without status keeps it hidden.
    const refused = await importCsv([
      `${honey.sku},Mật ong rừng Điện Biên (500 ml),,thuc-pham,rau-cu-qua-hat-tuoi,100000,hộp,500,50,,,,published`,
    ])
    expect(refused).toMatchObject({ rejectedCount: 1, updatedCount: 0 })
    expect(refused?.rejections[0]?.reasons).toEqual([
      'Sản phẩm đang bị Văn phòng OCOP ẩn: không đổi được trạng thái qua tệp (để trống cột trạng thái để cập nhật các thông tin khác; lý do ẩn xem ở trang sản phẩm).',
    ])
    const restocked = await importCsv([
      `${honey.sku},Mật ong rừng Điện Biên (500 ml),,thuc-pham,rau-cu-qua-hat-tuoi,100000,hộp,500,80,,,,`,
    ])
    expect(restocked).toMatchObject({ rejectedCount: 0, updatedCount: 1 })
    expect(await productState(honey.id)).toMatchObject({ status: 'HIDDEN', catalogEntry: { visible: false } })

    // The producer was told, once, in the workspace and by mail.
    expect(
      await getDb().notification.findMany({ where: { producerId: producer.id }, select: { kind: true, link: true } }),
    ).toEqual([{ kind: 'listing.hidden', link: `/seller/listings/${honey.id}` }])
    const mail = await getDb().mailMessage.findFirstOrThrow({ where: { to: owner.email } })
    expect(mail.subject).toBe('Sản phẩm “Mật ong rừng Điện Biên” bị ẩn trên Chợ OCOP')
    expect(mail.text).toContain('Lý do: Ảnh sản phẩm ghi sai hạng sao OCOP.')

    // Lifting restores what it was: on sale, on the storefront.
    const lifted = await moderate({ intent: 'lift', productId: honey.id })
    expect(await toastOf(lifted)).toBe(
      'Đã bỏ ẩn “Mật ong rừng Điện Biên (500 ml)”: sản phẩm trở lại trạng thái “Đang bán”.',
    )
    expect(await productState(honey.id)).toMatchObject({
      status: 'PUBLISHED',
      moderationNote: null,
      hiddenAt: null,
      catalogEntry: { visible: true },
    })
    expect((await page()).status).toBe(200)
    const again = await moderate({ intent: 'lift', productId: honey.id })
    expect(await toastOf(again)).toBe('“Mật ong rừng Điện Biên (500 ml)” không bị ẩn.')

    const log = await getDb().auditEvent.findMany({
      where: { entityType: 'Product', entityId: honey.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { action: true, actorEmail: true, before: true, after: true },
    })
    expect(log).toMatchObject([
      {
        action: 'listing.hide',
        actorEmail: office.email,
        before: { status: 'PUBLISHED', moderationNote: null },
        after: { status: 'HIDDEN', moderationNote: 'Ảnh sản phẩm ghi sai hạng sao OCOP.' },
      },
      { action: 'listing.unhide', before: { status: 'HIDDEN' }, after: { status: 'PUBLISHED', moderationNote: null } },
    ])
  })

  test('a draft hidden and lifted is a draft again; hiding twice is refused with a message', async () => {
    const tea = producer.products[1]!
    expect((await moderate({ intent: 'hide', productId: tea.id, reason: 'Thiếu nguồn gốc.' })).status).toBe(302)
    const twice = await moderate({ intent: 'hide', productId: tea.id, reason: 'Thiếu nguồn gốc.' })
    expect(await toastOf(twice)).toBe('“Trà hoa vàng Ba Chẽ thử nghiệm” đang bị ẩn rồi.')
    expect(await getDb().auditEvent.count({ where: { entityId: tea.id, action: 'listing.hide' } })).toBe(1)
    await moderate({ intent: 'lift', productId: tea.id })
    expect(await productState(tea.id)).toMatchObject({ status: 'DRAFT', catalogEntry: { visible: false } })
    expect((await moderate({ intent: 'hide', productId: 'nope', reason: 'x' })).status).toBe(404)
    expect((await moderate({ intent: 'publish', productId: tea.id })).status).toBe(400)
  })

  test('the office searches every producer’s products without diacritics, and filters the hidden ones', async () => {
    const found = await callRoute(
      listings.loader,
      appRequest('/admin/listings?q=tra+hoa+vang+ba+che+thu+nghiem', { cookie: office.cookie }),
    )
    const items = (found.body as { items: { id: string; producer: { name: string } }[] }).items
    expect(items.map((item) => item.id)).toEqual([producer.products[1]!.id])
    expect(items[0]!.producer.name).toBe(producer.name)

    const bySku = await callRoute(
      listings.loader,
      appRequest(`/admin/listings?q=${encodeURIComponent(producer.name)}`, { cookie: office.cookie }),
    )
    expect((bySku.body as { total: number }).total).toBe(2)

    await moderate({ intent: 'hide', productId: producer.products[0]!.id, reason: 'Kiểm tra lại nhãn.' })
    const hidden = await callRoute(listings.loader, appRequest('/admin/listings?hidden=1', { cookie: office.cookie }))
    const hiddenItems = hidden.body as { items: { id: string; status: string }[]; total: number }
    expect(hiddenItems.items.every((item) => item.status === 'HIDDEN')).toBe(true)
    expect(hiddenItems.total).toBe(await getDb().product.count({ where: { status: 'HIDDEN' } }))
    expect(hiddenItems.items.map((item) => item.id)).toContain(producer.products[0]!.id)
  })
})
