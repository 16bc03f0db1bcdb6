import { type certificatesVi } from './certificates.vi.ts'

export const certificatesEn: typeof certificatesVi = {
  title: 'OCOP certificates',
}
