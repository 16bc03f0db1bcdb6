/** Vietnamese text of the orders pages; orders.en.ts mirrors this shape. */
export const ordersVi = {}
