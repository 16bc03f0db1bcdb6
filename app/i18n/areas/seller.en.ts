import { type sellerVi } from './seller.vi.ts'

export const sellerEn: typeof sellerVi = {
  title: 'Seller centre',
  nav: {
    label: 'Seller centre',
    dashboard: 'Overview',
    listings: 'Products',
    import: 'CSV import',
    orders: 'Orders',
  },
  switchProducer: 'Working for',
  switchSubmit: 'Switch',
  switched: (name: string) => `Now working for ${name}.`,
  memberRole: { OWNER: 'Owner', STAFF: 'Staff' },
  status: {
    PENDING: 'Waiting for the OCOP office to verify you: your products are not shown in the market until then.',
    VERIFIED: 'Verified',
    REJECTED: 'Application rejected',
    SUSPENDED: 'Suspended: your products are not shown in the market.',
  },
  reviewNote: 'Note from the OCOP office:',
}
