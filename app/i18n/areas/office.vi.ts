/** Vietnamese text of the office pages; office.en.ts mirrors this shape. */
export const officeVi = {}
