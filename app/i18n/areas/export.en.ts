import { type exportTermsVi } from './export.vi.ts'

export const exportTermsEn: typeof exportTermsVi = {
  title: 'Export terms',
}
