import { type rfqVi } from './rfq.vi.ts'

export const rfqEn: typeof rfqVi = {
  title: 'Requests for quotation',
}
