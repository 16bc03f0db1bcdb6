import { type fulfilmentVi } from './fulfilment.vi.ts'

export const fulfilmentEn: typeof fulfilmentVi = {}
