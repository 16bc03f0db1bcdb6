import { type officeVi } from './office.vi.ts'

export const officeEn: typeof officeVi = {}
