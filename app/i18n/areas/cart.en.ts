import { type cartVi } from './cart.vi.ts'

export const cartEn: typeof cartVi = {}
