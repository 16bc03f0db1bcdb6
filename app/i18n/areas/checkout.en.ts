import { type checkoutVi } from './checkout.vi.ts'

export const checkoutEn: typeof checkoutVi = {}
