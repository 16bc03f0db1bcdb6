/** Vietnamese text of the account pages; account.en.ts mirrors this shape. */
export const accountVi = {
  nav: {
    login: 'Đăng nhập',
    signup: 'Đăng ký',
    logout: 'Đăng xuất',
    account: 'Tài khoản',
    accountOf: (name: string) => `Tài khoản của ${name}`,
    seller: 'Kênh người bán',
    office: 'Văn phòng OCOP',
    menu: 'Tài khoản',
  },
}
