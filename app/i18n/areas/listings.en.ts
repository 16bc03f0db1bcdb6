import { type listingsVi } from './listings.vi.ts'

export const listingsEn: typeof listingsVi = {}
