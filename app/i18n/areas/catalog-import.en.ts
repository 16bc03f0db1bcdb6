import { type catalogImportVi } from './catalog-import.vi.ts'

export const catalogImportEn: typeof catalogImportVi = {}
