/** Vietnamese text of the catalog-import pages; catalog-import.en.ts mirrors this shape. */
export const catalogImportVi = {}
