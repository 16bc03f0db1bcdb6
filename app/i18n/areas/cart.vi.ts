/** Vietnamese text of the cart pages; cart.en.ts mirrors this shape. */
export const cartVi = {}
