/** Vietnamese text of the checkout pages; checkout.en.ts mirrors this shape. */
export const checkoutVi = {}
