import { expect, test } from 'vitest'
import { thrownStatus } from '#tests/route-call.ts'
import { readFormData } from './form-data.server.ts'

const post = (body: BodyInit | null, contentType?: string) =>
  new Request('http://localhost/x', {
    method: 'POST',
    body,
    headers: contentType ? { 'Content-Type': contentType } : {},
  })

test('a form is read as usual, Vietnamese and odd but storable text included', async () => {
  const form = await readFormData(
    post('intent=save&name=M%E1%BA%ADt+ong&note=%EF%BF%BD%E2%80%AE', 'application/x-www-form-urlencoded'),
  )
  expect(form.get('intent')).toBe('save')
  expect(form.get('name')).toBe('Mật ong')
})

test('a body that is not a form is a 400, not a 500', async () => {
  expect(await thrownStatus(readFormData(post('{"intent":"save"}', 'application/json')))).toBe(400)
  expect(await thrownStatus(readFormData(post(null)))).toBe(400)
  expect(await thrownStatus(readFormData(post('--x\r\nbroken', 'multipart/form-data; boundary=nope')))).toBe(400)
})

test('a NUL character in a value, a field name or a file name is a 400 (PostgreSQL cannot store it)', async () => {
  expect(await thrownStatus(readFormData(post('email=a%00b%40example.com', 'application/x-www-form-urlencoded')))).toBe(
    400,
  )
  expect(await thrownStatus(readFormData(post('na%00me=x', 'application/x-www-form-urlencoded')))).toBe(400)
  const withFile = new FormData()
  withFile.append('file', new File(['a'], 'bad\u0000name.csv'))
  expect(await thrownStatus(readFormData(new Request('http://localhost/x', { method: 'POST', body: withFile })))).toBe(
    400,
  )
})
