/** Vietnamese text of the listings pages; listings.en.ts mirrors this shape. */
export const listingsVi = {}
