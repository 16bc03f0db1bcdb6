/** Vietnamese text of the requests for quotation pages; rfq.en.ts mirrors this shape. */
export const rfqVi = {
  title: 'Yêu cầu báo giá',
}
