import { type ordersVi } from './orders.vi.ts'

export const ordersEn: typeof ordersVi = {}
