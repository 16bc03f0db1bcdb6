/** Vietnamese text of the export catalogue pages; export-catalogue.en.ts mirrors this shape. */
export const exportCatalogueVi = {
  title: 'Danh mục xuất khẩu',
}
