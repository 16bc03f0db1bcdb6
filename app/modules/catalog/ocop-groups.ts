/**
 * The six OCOP product groups and their subgroups (Decision 148/QĐ-TTg 2023), with the codes used in
 * URLs, filters, the CSV import and the JSON API (../shared/DESIGN.md, "Shared vocabulary").
 */
export type OcopSubgroup = { code: string; nameVi: string; nameEn: string }
export type OcopGroup = { code: string; nameVi: string; nameEn: string; subgroups: OcopSubgroup[] }

export const OCOP_GROUPS: OcopGroup[] = [
  {
    code: 'thuc-pham',
    nameVi: 'Thực phẩm',
    nameEn: 'Food',
    subgroups: [
      { code: 'rau-cu-qua-hat-tuoi', nameVi: 'Rau, củ, quả, hạt tươi', nameEn: 'Fresh vegetables, fruit and nuts' },
      {
        code: 'thit-thuy-san-trung-sua-tuoi',
        nameVi: 'Thịt, thủy sản, trứng, sữa tươi',
        nameEn: 'Fresh meat, seafood, eggs and milk',
      },
      { code: 'gao-ngu-coc', nameVi: 'Gạo, ngũ cốc', nameEn: 'Rice and cereals' },
      { code: 'mat-ong-nong-san-khac', nameVi: 'Mật ong, nông sản khác', nameEn: 'Honey and other farm produce' },
      { code: 'do-an-nhanh', nameVi: 'Đồ ăn nhanh', nameEn: 'Snacks and fast food' },
      { code: 'che-bien-tu-gao', nameVi: 'Chế biến từ gạo, ngũ cốc', nameEn: 'Rice and cereal products' },
      {
        code: 'che-bien-tu-rau-qua',
        nameVi: 'Chế biến từ rau, củ, quả, hạt',
        nameEn: 'Processed vegetables, fruit and nuts',
      },
      {
        code: 'che-bien-tu-thit-thuy-san',
        nameVi: 'Chế biến từ thịt, thủy sản, trứng, sữa',
        nameEn: 'Processed meat, seafood, eggs and dairy',
      },
      {
        code: 'tuong-nuoc-mam',
        nameVi: 'Tương, nước mắm, gia vị dạng lỏng',
        nameEn: 'Sauces, fish sauce and liquid condiments',
      },
      { code: 'gia-vi-khac', nameVi: 'Gia vị khác', nameEn: 'Other spices and seasonings' },
      { code: 'che', nameVi: 'Chè', nameEn: 'Tea' },
      { code: 'tra-thao-moc', nameVi: 'Trà thảo mộc', nameEn: 'Herbal tea' },
      { code: 'ca-phe-ca-cao', nameVi: 'Cà phê, ca cao', nameEn: 'Coffee and cocoa' },
    ],
  },
  {
    code: 'do-uong',
    nameVi: 'Đồ uống',
    nameEn: 'Beverages',
    subgroups: [
      { code: 'ruou-trang', nameVi: 'Rượu trắng', nameEn: 'Rice spirits' },
      { code: 'do-uong-co-con-khac', nameVi: 'Đồ uống có cồn khác', nameEn: 'Other alcoholic drinks' },
      { code: 'nuoc-khoang', nameVi: 'Nước khoáng, nước uống tinh khiết', nameEn: 'Mineral and drinking water' },
      { code: 'do-uong-khong-con', nameVi: 'Đồ uống không cồn', nameEn: 'Soft drinks' },
    ],
  },
  {
    code: 'duoc-lieu',
    nameVi: 'Dược liệu và sản phẩm từ dược liệu',
    nameEn: 'Medicinal herbs and herbal products',
    subgroups: [
      {
        code: 'thuc-pham-chuc-nang',
        nameVi: 'Thực phẩm chức năng, thuốc từ dược liệu',
        nameEn: 'Health supplements and herbal medicine',
      },
      { code: 'my-pham-duoc-lieu', nameVi: 'Mỹ phẩm từ dược liệu', nameEn: 'Herbal cosmetics' },
      {
        code: 'tinh-dau-duoc-lieu-khac',
        nameVi: 'Tinh dầu, dược liệu khác',
        nameEn: 'Essential oils and other herbal products',
      },
    ],
  },
  {
    code: 'thu-cong-my-nghe',
    nameVi: 'Hàng thủ công mỹ nghệ',
    nameEn: 'Handicrafts',
    subgroups: [
      { code: 'do-gia-dung-trang-tri', nameVi: 'Đồ gia dụng, trang trí', nameEn: 'Homeware and decoration' },
      { code: 'vai-may-mac', nameVi: 'Vải, may mặc', nameEn: 'Textiles and clothing' },
    ],
  },
  {
    code: 'sinh-vat-canh',
    nameVi: 'Sinh vật cảnh',
    nameEn: 'Ornamental plants and animals',
    subgroups: [
      { code: 'hoa', nameVi: 'Hoa', nameEn: 'Flowers' },
      { code: 'cay-canh', nameVi: 'Cây cảnh', nameEn: 'Ornamental plants' },
      { code: 'dong-vat-canh', nameVi: 'Động vật cảnh', nameEn: 'Ornamental animals' },
    ],
  },
  {
    code: 'du-lich',
    nameVi: 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
    nameEn: 'Community and eco-tourism services',
    subgroups: [
      { code: 'du-lich-cong-dong', nameVi: 'Du lịch cộng đồng, sinh thái', nameEn: 'Community and eco-tourism' },
    ],
  },
]
