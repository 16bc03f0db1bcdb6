/** Vietnamese text of the fulfilment pages; fulfilment.en.ts mirrors this shape. */
export const fulfilmentVi = {}
