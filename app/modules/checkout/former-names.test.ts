import { expect, test } from 'vitest'
import { formatFormerNames } from './former-names.ts'

test('one former commune reads as commune and district', () => {
  expect(formatFormerNames([{ formerCommune: 'xã Tân Hội', formerDistrict: 'huyện Đan Phượng' }])).toBe(
    'xã Tân Hội, huyện Đan Phượng',
  )
})

test('several former communes are grouped by their old district; a district alone is named once', () => {
  expect(
    formatFormerNames([
      { formerCommune: 'phường Vạn Phúc', formerDistrict: 'quận Hà Đông' },
      { formerCommune: 'phường Phúc La', formerDistrict: 'quận Hà Đông' },
      { formerCommune: 'xã Tân Triều', formerDistrict: 'huyện Thanh Trì' },
      { formerCommune: null, formerDistrict: 'quận Hà Đông' },
      { formerCommune: null, formerDistrict: 'huyện Hoài Đức' },
    ]),
  ).toBe('phường Vạn Phúc, phường Phúc La, quận Hà Đông; xã Tân Triều, huyện Thanh Trì; huyện Hoài Đức')
  expect(formatFormerNames([])).toBeNull()
})
