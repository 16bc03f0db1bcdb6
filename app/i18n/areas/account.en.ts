import { type accountVi } from './account.vi.ts'

export const accountEn: typeof accountVi = {
  nav: {
    login: 'Log in',
    signup: 'Sign up',
    logout: 'Log out',
    account: 'Account',
    accountOf: (name: string) => `${name}'s account`,
    seller: 'Seller centre',
    office: 'OCOP office',
    menu: 'Account',
  },
}
