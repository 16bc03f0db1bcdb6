import { type exportCatalogueVi } from './export-catalogue.vi.ts'

export const exportCatalogueEn: typeof exportCatalogueVi = {
  title: 'Export catalogue',
}
