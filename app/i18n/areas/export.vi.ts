/** Vietnamese text of the export terms pages; export.en.ts mirrors this shape. */
export const exportTermsVi = {
  title: 'Điều khoản xuất khẩu',
}
