/** Vietnamese text of the ocop certificates pages; certificates.en.ts mirrors this shape. */
export const certificatesVi = {
  title: 'Chứng nhận OCOP',
}
