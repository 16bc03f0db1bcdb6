/**
 * Deterministic demo data for OCOP Market: places, craft villages, producers and products taken
 * from public sources (see /work/shared/data/ocop-reference.md). Vietnamese text keeps its full
 * diacritics; English fields are in English.
 *
 * Sources for places:
 * - Provinces: the 34 provinces and cities of Resolution 202/2025/QH15 with their two-digit codes
 *   (checked against the General Statistics Office list "Cap-tinh-2025" published with the draft of
 *   Decision 19/2025/QĐ-TTg, as mirrored by the open-source VietnamProvinces project).
 * - Communes and their former names: the GSO old→new conversion table ("Bảng chuyển đổi ĐVHC mới –
 *   cũ", same mirror). Codes are the new five-digit codes of that table; the draft list differs for a
 *   few wards, so a commune code marked `// unverified` below could not be cross-checked.
 *
 * Dates are relative (`issuedDaysAgo`, `publishedDaysAgo`); issuer names (ministry renamed on
 * 1 March 2025, provinces merged on 1 July 2025, Huế a centrally-run city since 1 January 2025) were
 * chosen for a seed run around late 2026, which is when this data was written.
 */
import type {
  CertificateSeed,
  CommuneSeed,
  ProducerSeed,
  ProductSeed,
  ProvinceSeed,
  RegionSeed,
  VillageSeed,
} from './types.ts'

// ───────────── Regions ─────────────

export const REGIONS: RegionSeed[] = [
  { slug: 'trung-du-mien-nui-phia-bac', nameVi: 'Trung du và miền núi phía Bắc', nameEn: 'Northern Midlands and Mountains', sortOrder: 1 },
  { slug: 'dong-bang-song-hong', nameVi: 'Đồng bằng sông Hồng', nameEn: 'Red River Delta', sortOrder: 2 },
  { slug: 'bac-trung-bo-duyen-hai-mien-trung', nameVi: 'Bắc Trung Bộ và duyên hải miền Trung', nameEn: 'North Central and Central Coast', sortOrder: 3 },
  { slug: 'tay-nguyen', nameVi: 'Tây Nguyên', nameEn: 'Central Highlands', sortOrder: 4 },
  { slug: 'dong-nam-bo', nameVi: 'Đông Nam Bộ', nameEn: 'Southeast', sortOrder: 5 },
  { slug: 'dong-bang-song-cuu-long', nameVi: 'Đồng bằng sông Cửu Long', nameEn: 'Mekong Delta', sortOrder: 6 },
]

// ───────────── Provinces (34, in force since 1 July 2025) ─────────────

const NORTH = 'trung-du-mien-nui-phia-bac'
const RED_RIVER = 'dong-bang-song-hong'
const CENTRAL = 'bac-trung-bo-duyen-hai-mien-trung'
const HIGHLANDS = 'tay-nguyen'
const SOUTHEAST = 'dong-nam-bo'
const MEKONG = 'dong-bang-song-cuu-long'

export const PROVINCES: ProvinceSeed[] = [
  { code: '01', slug: 'ha-noi', nameVi: 'Hà Nội', nameEn: 'Hanoi', kind: 'thành phố', regionSlug: RED_RIVER },
  { code: '04', slug: 'cao-bang', nameVi: 'Cao Bằng', nameEn: 'Cao Bang', kind: 'tỉnh', regionSlug: NORTH },
  { code: '08', slug: 'tuyen-quang', nameVi: 'Tuyên Quang', nameEn: 'Tuyen Quang', kind: 'tỉnh', regionSlug: NORTH },
  { code: '11', slug: 'dien-bien', nameVi: 'Điện Biên', nameEn: 'Dien Bien', kind: 'tỉnh', regionSlug: NORTH },
  { code: '12', slug: 'lai-chau', nameVi: 'Lai Châu', nameEn: 'Lai Chau', kind: 'tỉnh', regionSlug: NORTH },
  { code: '14', slug: 'son-la', nameVi: 'Sơn La', nameEn: 'Son La', kind: 'tỉnh', regionSlug: NORTH },
  { code: '15', slug: 'lao-cai', nameVi: 'Lào Cai', nameEn: 'Lao Cai', kind: 'tỉnh', regionSlug: NORTH },
  { code: '19', slug: 'thai-nguyen', nameVi: 'Thái Nguyên', nameEn: 'Thai Nguyen', kind: 'tỉnh', regionSlug: NORTH },
  { code: '20', slug: 'lang-son', nameVi: 'Lạng Sơn', nameEn: 'Lang Son', kind: 'tỉnh', regionSlug: NORTH },
  { code: '22', slug: 'quang-ninh', nameVi: 'Quảng Ninh', nameEn: 'Quang Ninh', kind: 'tỉnh', regionSlug: RED_RIVER },
  { code: '24', slug: 'bac-ninh', nameVi: 'Bắc Ninh', nameEn: 'Bac Ninh', kind: 'tỉnh', regionSlug: RED_RIVER },
  { code: '25', slug: 'phu-tho', nameVi: 'Phú Thọ', nameEn: 'Phu Tho', kind: 'tỉnh', regionSlug: NORTH },
  { code: '31', slug: 'hai-phong', nameVi: 'Hải Phòng', nameEn: 'Hai Phong', kind: 'thành phố', regionSlug: RED_RIVER },
  { code: '33', slug: 'hung-yen', nameVi: 'Hưng Yên', nameEn: 'Hung Yen', kind: 'tỉnh', regionSlug: RED_RIVER },
  { code: '37', slug: 'ninh-binh', nameVi: 'Ninh Bình', nameEn: 'Ninh Binh', kind: 'tỉnh', regionSlug: RED_RIVER },
  { code: '38', slug: 'thanh-hoa', nameVi: 'Thanh Hóa', nameEn: 'Thanh Hoa', kind: 'tỉnh', regionSlug: CENTRAL },
  { code: '40', slug: 'nghe-an', nameVi: 'Nghệ An', nameEn: 'Nghe An', kind: 'tỉnh', regionSlug: CENTRAL },
  { code: '42', slug: 'ha-tinh', nameVi: 'Hà Tĩnh', nameEn: 'Ha Tinh', kind: 'tỉnh', regionSlug: CENTRAL },
  { code: '44', slug: 'quang-tri', nameVi: 'Quảng Trị', nameEn: 'Quang Tri', kind: 'tỉnh', regionSlug: CENTRAL },
  { code: '46', slug: 'hue', nameVi: 'Huế', nameEn: 'Hue', kind: 'thành phố', regionSlug: CENTRAL },
  { code: '48', slug: 'da-nang', nameVi: 'Đà Nẵng', nameEn: 'Da Nang', kind: 'thành phố', regionSlug: CENTRAL },
  { code: '51', slug: 'quang-ngai', nameVi: 'Quảng Ngãi', nameEn: 'Quang Ngai', kind: 'tỉnh', regionSlug: CENTRAL },
  { code: '52', slug: 'gia-lai', nameVi: 'Gia Lai', nameEn: 'Gia Lai', kind: 'tỉnh', regionSlug: HIGHLANDS },
  { code: '56', slug: 'khanh-hoa', nameVi: 'Khánh Hòa', nameEn: 'Khanh Hoa', kind: 'tỉnh', regionSlug: CENTRAL },
  { code: '66', slug: 'dak-lak', nameVi: 'Đắk Lắk', nameEn: 'Dak Lak', kind: 'tỉnh', regionSlug: HIGHLANDS },
  { code: '68', slug: 'lam-dong', nameVi: 'Lâm Đồng', nameEn: 'Lam Dong', kind: 'tỉnh', regionSlug: HIGHLANDS },
  { code: '75', slug: 'dong-nai', nameVi: 'Đồng Nai', nameEn: 'Dong Nai', kind: 'tỉnh', regionSlug: SOUTHEAST },
  { code: '79', slug: 'ho-chi-minh', nameVi: 'TP. Hồ Chí Minh', nameEn: 'Ho Chi Minh City', kind: 'thành phố', regionSlug: SOUTHEAST },
  { code: '80', slug: 'tay-ninh', nameVi: 'Tây Ninh', nameEn: 'Tay Ninh', kind: 'tỉnh', regionSlug: SOUTHEAST },
  { code: '82', slug: 'dong-thap', nameVi: 'Đồng Tháp', nameEn: 'Dong Thap', kind: 'tỉnh', regionSlug: MEKONG },
  { code: '86', slug: 'vinh-long', nameVi: 'Vĩnh Long', nameEn: 'Vinh Long', kind: 'tỉnh', regionSlug: MEKONG },
  { code: '91', slug: 'an-giang', nameVi: 'An Giang', nameEn: 'An Giang', kind: 'tỉnh', regionSlug: MEKONG },
  { code: '92', slug: 'can-tho', nameVi: 'Cần Thơ', nameEn: 'Can Tho', kind: 'thành phố', regionSlug: MEKONG },
  { code: '96', slug: 'ca-mau', nameVi: 'Cà Mau', nameEn: 'Ca Mau', kind: 'tỉnh', regionSlug: MEKONG },
]

// ───────────── Communes and wards (with the names they replaced) ─────────────

/** Former communes of one old district, as `{ formerCommune, formerDistrict }` entries. */
function from(formerDistrict: string, formerCommunes: string[]) {
  return formerCommunes.map((formerCommune) => ({ formerCommune, formerDistrict }))
}

export const COMMUNES: CommuneSeed[] = [
  // Hà Nội
  {
    code: '00004', provinceCode: '01', name: 'Ba Đình', kind: 'phường',
    formerNames: [
      ...from('quận Ba Đình', ['phường Trúc Bạch', 'phường Quán Thánh', 'phường Ngọc Hà', 'phường Điện Biên', 'phường Đội Cấn', 'phường Kim Mã']),
      ...from('quận Tây Hồ', ['phường Thụy Khuê']),
      ...from('quận Hoàn Kiếm', ['phường Đồng Xuân', 'phường Cửa Đông', 'phường Cửa Nam']),
      { formerDistrict: 'quận Ba Đình' },
    ],
  },
  {
    code: '00103', provinceCode: '01', name: 'Tây Hồ', kind: 'phường',
    formerNames: [
      ...from('quận Tây Hồ', ['phường Bưởi', 'phường Thụy Khuê', 'phường Quảng An', 'phường Nhật Tân', 'phường Tứ Liên', 'phường Yên Phụ', 'phường Xuân La', 'phường Phú Thượng']),
      ...from('quận Cầu Giấy', ['phường Nghĩa Đô']),
      { formerDistrict: 'quận Tây Hồ' },
    ],
  },
  {
    code: '09556', provinceCode: '01', name: 'Hà Đông', kind: 'phường',
    formerNames: [
      ...from('quận Hà Đông', ['phường Vạn Phúc', 'phường Phúc La', 'phường Quang Trung', 'phường Mộ Lao', 'phường Văn Quán', 'phường La Khê', 'phường Hà Cầu']),
      ...from('quận Nam Từ Liêm', ['phường Đại Mỗ']),
      ...from('huyện Thanh Trì', ['xã Tân Triều']),
      { formerDistrict: 'quận Hà Đông' },
    ],
  },
  {
    code: '09784', provinceCode: '01', name: 'Đan Phượng', kind: 'xã',
    formerNames: [
      ...from('huyện Đan Phượng', ['thị trấn Phùng', 'xã Đan Phượng', 'xã Thượng Mỗ', 'xã Song Phượng', 'xã Đồng Tháp']),
      { formerDistrict: 'huyện Đan Phượng' },
    ],
  },
  {
    code: '10183', provinceCode: '01', name: 'Thường Tín', kind: 'xã',
    formerNames: [
      ...from('huyện Thường Tín', ['thị trấn Thường Tín', 'xã Nhị Khê', 'xã Khánh Hà', 'xã Hòa Bình', 'xã Văn Bình', 'xã Hiền Giang', 'xã Văn Phú', 'xã Tiền Phong']),
      ...from('huyện Thanh Trì', ['xã Đại Áng']),
      { formerDistrict: 'huyện Thường Tín' },
    ],
  },
  {
    // Hạ Thái lacquer village: the old xã Duyên Thái (huyện Thường Tín) was split, mostly into Ngọc Hồi.
    code: '00679', provinceCode: '01', name: 'Ngọc Hồi', kind: 'xã',
    formerNames: [
      ...from('huyện Thanh Trì', ['xã Ngọc Hồi', 'xã Đại Áng', 'xã Liên Ninh']),
      ...from('huyện Thường Tín', ['xã Duyên Thái', 'xã Khánh Hà']),
    ],
  },
  {
    code: '00640', provinceCode: '01', name: 'Thanh Trì', kind: 'xã',
    formerNames: [
      ...from('huyện Thanh Trì', ['thị trấn Văn Điển', 'xã Tứ Hiệp', 'xã Yên Mỹ', 'xã Vĩnh Quỳnh', 'xã Ngũ Hiệp', 'xã Duyên Hà']),
      ...from('quận Hoàng Mai', ['phường Yên Sở']),
      { formerDistrict: 'huyện Thanh Trì' },
    ],
  },
  {
    code: '09022', provinceCode: '01', name: 'Mê Linh', kind: 'xã',
    formerNames: [
      ...from('huyện Mê Linh', ['xã Mê Linh', 'xã Tráng Việt', 'xã Đại Thịnh', 'xã Văn Khê', 'xã Tiền Phong']),
      ...from('huyện Đông Anh', ['xã Đại Mạch']),
      ...from('huyện Đan Phượng', ['xã Hồng Hà', 'xã Liên Hồng', 'xã Liên Hà', 'xã Liên Trung']),
      { formerDistrict: 'huyện Mê Linh' },
    ],
  },
  {
    code: '00577', provinceCode: '01', name: 'Bát Tràng', kind: 'xã',
    formerNames: [
      ...from('huyện Gia Lâm', ['xã Bát Tràng', 'xã Kim Đức', 'xã Đa Tốn', 'thị trấn Trâu Quỳ']),
      ...from('quận Long Biên', ['phường Thạch Bàn', 'phường Cự Khối']),
      { formerDistrict: 'huyện Gia Lâm' },
    ],
  },
  {
    code: '10330', provinceCode: '01', name: 'Chuyên Mỹ', kind: 'xã',
    formerNames: [
      ...from('huyện Phú Xuyên', ['xã Chuyên Mỹ', 'xã Tân Dân', 'xã Vân Từ', 'xã Phú Yên', 'xã Châu Can']),
      { formerDistrict: 'huyện Phú Xuyên' },
    ],
  },
  {
    code: '09664', provinceCode: '01', name: 'Vật Lại', kind: 'xã',
    formerNames: [
      ...from('huyện Ba Vì', ['xã Vật Lại', 'xã Đồng Thái', 'xã Phú Châu', 'xã Thái Hòa', 'xã Phú Sơn']),
      { formerDistrict: 'huyện Ba Vì' },
    ],
  },
  {
    code: '10441', provinceCode: '01', name: 'Mỹ Đức', kind: 'xã',
    formerNames: [
      ...from('huyện Mỹ Đức', ['thị trấn Đại Nghĩa', 'xã Phù Lưu Tế', 'xã Đại Hưng', 'xã Hợp Thanh', 'xã An Phú']),
      { formerDistrict: 'huyện Mỹ Đức' },
    ],
  },
  {
    code: '10465', provinceCode: '01', name: 'Hồng Sơn', kind: 'xã',
    formerNames: from('huyện Mỹ Đức', ['xã Phùng Xá', 'xã Hồng Sơn', 'xã An Mỹ', 'xã Lê Thanh', 'xã Xuy Xá', 'xã Hợp Tiến']),
  },
  {
    code: '00385', provinceCode: '01', name: 'Trung Giã', kind: 'xã',
    formerNames: [
      ...from('huyện Sóc Sơn', ['xã Trung Giã', 'xã Bắc Sơn', 'xã Hồng Kỳ', 'xã Nam Sơn']),
      { formerDistrict: 'huyện Sóc Sơn' },
    ],
  },
  {
    code: '00382', provinceCode: '01', name: 'Kim Anh', kind: 'xã',
    formerNames: from('huyện Sóc Sơn', ['xã Minh Phú', 'xã Minh Trí', 'xã Tân Dân']),
  },
  {
    // The conversion table lists Phùng Xá, Hương Ngải, Lam Sơn, Thạch Xá and part of Quang Trung;
    // Bình Phú (the rattan and bamboo village) is assumed to be here too: unverified.
    code: '10003', provinceCode: '01', name: 'Tây Phương', kind: 'xã',
    formerNames: [
      ...from('huyện Thạch Thất', ['xã Bình Phú', 'xã Phùng Xá', 'xã Hương Ngải', 'xã Lam Sơn', 'xã Thạch Xá', 'xã Quang Trung']),
      { formerDistrict: 'huyện Thạch Thất' },
    ],
  },

  // Vĩnh Long (former Trà Vinh)
  {
    code: '29341', provinceCode: '86', name: 'Tiểu Cần', kind: 'xã',
    formerNames: [
      ...from('huyện Tiểu Cần, tỉnh Trà Vinh', ['thị trấn Tiểu Cần', 'xã Phú Cần', 'xã Hiếu Trung']),
      { formerDistrict: 'huyện Tiểu Cần, tỉnh Trà Vinh' },
    ],
  },
  {
    code: '29308', provinceCode: '86', name: 'Cầu Kè', kind: 'xã',
    formerNames: [
      ...from('huyện Cầu Kè, tỉnh Trà Vinh', ['thị trấn Cầu Kè', 'xã Hòa Ân', 'xã Châu Điền']),
      { formerDistrict: 'huyện Cầu Kè, tỉnh Trà Vinh' },
    ],
  },
  // An Giang (former Kiên Giang)
  {
    code: '31078', provinceCode: '91', name: 'Phú Quốc', kind: 'đặc khu',
    formerNames: [
      ...from('thành phố Phú Quốc, tỉnh Kiên Giang', ['phường Dương Đông', 'phường An Thới', 'xã Cửa Cạn', 'xã Gành Dầu', 'xã Cửa Dương', 'xã Hàm Ninh', 'xã Dương Tơ', 'xã Bãi Thơm']),
      { formerDistrict: 'thành phố Phú Quốc, tỉnh Kiên Giang' },
    ],
  },
  {
    code: '30796', provinceCode: '91', name: 'Giang Thành', kind: 'xã',
    formerNames: [
      ...from('huyện Giang Thành, tỉnh Kiên Giang', ['xã Phú Mỹ', 'xã Phú Lợi', 'xã Tân Khánh Hòa']),
      { formerDistrict: 'huyện Giang Thành, tỉnh Kiên Giang' },
    ],
  },
  // Thái Nguyên
  {
    code: '05611', provinceCode: '19', name: 'Phú Lương', kind: 'xã',
    formerNames: [
      ...from('huyện Phú Lương', ['thị trấn Đu', 'thị trấn Giang Tiên', 'xã Yên Lạc', 'xã Động Đạt']),
      { formerDistrict: 'huyện Phú Lương' },
    ],
  },
  {
    code: '05503', provinceCode: '19', name: 'Tân Cương', kind: 'xã',
    formerNames: [
      ...from('thành phố Thái Nguyên', ['xã Tân Cương', 'xã Thịnh Đức']),
      ...from('thành phố Sông Công', ['xã Bình Sơn']),
    ],
  },
  // Quảng Ninh
  {
    code: '06970', provinceCode: '22', name: 'Ba Chẽ', kind: 'xã',
    formerNames: [
      ...from('huyện Ba Chẽ', ['thị trấn Ba Chẽ', 'xã Thanh Sơn', 'xã Nam Sơn', 'xã Đồn Đạc']),
      ...from('huyện Tiên Yên', ['xã Hải Lạng']),
      { formerDistrict: 'huyện Ba Chẽ' },
    ],
  },
  {
    code: '06838', provinceCode: '22', name: 'Bình Liêu', kind: 'xã',
    formerNames: [
      ...from('huyện Bình Liêu', ['thị trấn Bình Liêu', 'xã Húc Động', 'xã Vô Ngại']),
      { formerDistrict: 'huyện Bình Liêu' },
    ],
  },
  // Tây Ninh
  {
    code: '25711', provinceCode: '80', name: 'Hưng Thuận', kind: 'xã',
    formerNames: [
      ...from('thị xã Trảng Bàng', ['xã Hưng Thuận', 'xã Đôn Thuận']),
      { formerDistrict: 'thị xã Trảng Bàng' },
    ],
  },
  // Hải Phòng (former Hải Dương)
  {
    code: '10642', provinceCode: '31', name: 'Thái Tân', kind: 'xã',
    formerNames: [
      ...from('huyện Nam Sách, tỉnh Hải Dương', ['xã Thái Tân', 'xã An Sơn', 'xã Minh Tân']),
      { formerDistrict: 'huyện Nam Sách, tỉnh Hải Dương' },
    ],
  },
  {
    code: '10813', provinceCode: '31', name: 'Thanh Hà', kind: 'xã',
    formerNames: [
      ...from('huyện Thanh Hà, tỉnh Hải Dương', ['thị trấn Thanh Hà', 'xã Thanh Tân', 'xã Thanh Sơn']),
      { formerDistrict: 'huyện Thanh Hà, tỉnh Hải Dương' },
    ],
  },
  {
    // Code from the conversion table; of its members only part of xã Thống Nhất (Gia Lộc) was
    // looked up, the rest of the former names are unverified.
    code: '11002', provinceCode: '31', name: 'Thạch Khôi', kind: 'phường',
    formerNames: [
      { formerCommune: 'phường Thạch Khôi', formerDistrict: 'thành phố Hải Dương, tỉnh Hải Dương' },
      { formerCommune: 'xã Thống Nhất', formerDistrict: 'huyện Gia Lộc, tỉnh Hải Dương' },
      { formerDistrict: 'thành phố Hải Dương, tỉnh Hải Dương' },
    ],
  },
  // Phú Thọ
  {
    code: '07900', provinceCode: '25', name: 'Việt Trì', kind: 'phường',
    formerNames: [
      ...from('thành phố Việt Trì', ['phường Gia Cẩm', 'phường Dữu Lâu', 'phường Tân Dân', 'phường Minh Nông', 'xã Trưng Vương']),
      { formerDistrict: 'thành phố Việt Trì' },
    ],
  },
  // Sơn La
  {
    code: '04075', provinceCode: '14', name: 'Yên Châu', kind: 'xã',
    formerNames: [
      ...from('huyện Yên Châu', ['thị trấn Yên Châu', 'xã Chiềng Đông', 'xã Sặp Vạt', 'xã Chiềng Sàng', 'xã Chiềng Pằn', 'xã Chiềng Khoi']),
      { formerDistrict: 'huyện Yên Châu' },
    ],
  },
  // Lào Cai
  {
    code: '02839', provinceCode: '15', name: 'Bắc Hà', kind: 'xã',
    formerNames: [
      ...from('huyện Bắc Hà', ['thị trấn Bắc Hà', 'xã Bản Phố', 'xã Thải Giàng Phố', 'xã Hoàng Thu Phố', 'xã Na Hối', 'xã Nậm Mòn']),
      { formerDistrict: 'huyện Bắc Hà' },
    ],
  },
  // Bắc Ninh
  {
    code: '09400', provinceCode: '24', name: 'Thuận Thành', kind: 'phường',
    formerNames: [
      ...from('thị xã Thuận Thành', ['phường Song Hồ', 'phường Hồ', 'phường Gia Đông', 'xã Đại Đồng Thành']),
      { formerDistrict: 'thị xã Thuận Thành' },
      { formerDistrict: 'huyện Thuận Thành' },
    ],
  },
  // Hưng Yên
  {
    code: '11953', provinceCode: '33', name: 'Phố Hiến', kind: 'phường',
    formerNames: [
      ...from('thành phố Hưng Yên', ['phường Hiến Nam', 'phường An Tảo', 'phường Lê Lợi', 'phường Minh Khai', 'xã Trung Nghĩa', 'xã Liên Phương']),
      { formerDistrict: 'thành phố Hưng Yên' },
    ],
  },
  // Đắk Lắk
  {
    code: '24175', provinceCode: '66', name: 'Hòa Phú', kind: 'xã',
    formerNames: [
      ...from('thành phố Buôn Ma Thuột', ['xã Hòa Phú', 'xã Hòa Khánh', 'xã Hòa Xuân']),
      { formerDistrict: 'thành phố Buôn Ma Thuột' },
    ],
  },
  // Huế
  {
    code: '19789', provinceCode: '46', name: 'Thuận Hóa', kind: 'phường',
    formerNames: [
      ...from('quận Thuận Hóa', ['phường Phước Vĩnh', 'phường Phú Nhuận', 'phường Đúc', 'phường Vĩnh Ninh', 'phường Phú Hội', 'phường Trường An']),
      { formerDistrict: 'thành phố Huế, tỉnh Thừa Thiên Huế' },
    ],
  },
  {
    code: '19753', provinceCode: '46', name: 'Phú Xuân', kind: 'phường',
    formerNames: [
      ...from('quận Phú Xuân', ['phường Gia Hội', 'phường Đông Ba', 'phường Tây Lộc', 'phường Thuận Lộc', 'phường Phú Hậu', 'phường Thuận Hòa']),
      { formerDistrict: 'thành phố Huế, tỉnh Thừa Thiên Huế' },
    ],
  },
]

// ───────────── Craft villages ─────────────

export const VILLAGES: VillageSeed[] = [
  {
    slug: 'lang-lua-van-phuc', name: 'Làng lụa Vạn Phúc', nameEn: 'Van Phuc Silk Village',
    craftVi: 'Dệt lụa tơ tằm', craftEn: 'Silk weaving', communeCode: '09556',
    storyVi: 'Vạn Phúc là làng dệt lụa lâu đời bên bờ sông Nhuệ, nổi tiếng với loại lụa vân hoa mềm, mát và bền màu. Người làng kể nghề dệt đã có từ hơn một nghìn năm, truyền qua nhiều thế hệ bên khung cửi. Ngày nay làng vẫn giữ những xưởng dệt truyền thống bên cạnh phố chợ lụa sầm uất.',
    storyEn: 'Van Phuc is an old silk-weaving village on the Nhue River, known for soft, cool, colourfast patterned silk. Villagers say weaving here goes back more than a thousand years, handed down at the loom through many generations. Traditional workshops still run alongside a busy silk market street.',
  },
  {
    slug: 'lang-gom-bat-trang', name: 'Làng gốm Bát Tràng', nameEn: 'Bat Trang Pottery Village',
    craftVi: 'Gốm sứ', craftEn: 'Ceramics', since: 1352, communeCode: '00577',
    storyVi: 'Bát Tràng nằm bên bờ sông Hồng, nơi đất sét trắng và nghề nung gốm gắn bó với người dân từ thời Lý – Trần. Sử cũ đã nhắc tới Bát Tràng từ giữa thế kỷ XIV. Ngày nay làng có hàng trăm lò gốm, vừa giữ men cổ như men lam, men rạn, vừa sáng tạo những dòng men mới.',
    storyEn: 'Bat Trang lies on the Red River, where white clay and kiln-firing have shaped village life since the Ly and Tran dynasties. Old chronicles mention Bat Trang in the mid-14th century. Today hundreds of kilns keep classic glazes such as cobalt blue and crackle alive while developing new ones.',
  },
  {
    slug: 'lang-kham-trai-chuyen-my', name: 'Làng khảm trai Chuyên Mỹ', nameEn: 'Chuyen My Mother-of-Pearl Inlay Village',
    craftVi: 'Khảm trai', craftEn: 'Mother-of-pearl inlay', communeCode: '10330',
    storyVi: 'Chuyên Mỹ là cái nôi của nghề khảm trai ở Bắc Bộ, thờ ông tổ nghề Trương Công Thành. Từ vỏ trai, ốc, nghệ nhân cưa, mài và gắn từng mảnh nhỏ lên gỗ sơn để tạo nên tranh, hộp và đồ nội thất.',
    storyEn: 'Chuyen My is the cradle of mother-of-pearl inlay in northern Vietnam and honours its craft founder Truong Cong Thanh. Artisans saw, grind and set tiny pieces of mussel and snail shell into lacquered wood to make pictures, boxes and furniture.',
  },
  {
    slug: 'lang-son-mai-ha-thai', name: 'Làng sơn mài Hạ Thái', nameEn: 'Ha Thai Lacquer Village',
    craftVi: 'Sơn mài', craftEn: 'Lacquerware', communeCode: '00679',
    storyVi: 'Hạ Thái, thuộc xã Duyên Thái cũ, là làng sơn mài truyền thống nổi tiếng nhất của Hà Nội. Mỗi sản phẩm trải qua hàng chục lớp sơn ta, mài và phủ vàng bạc, trứng, vỏ trai trong nhiều tuần.',
    storyEn: 'Ha Thai, in the former Duyen Thai commune, is Hanoi’s best-known traditional lacquer village. Each piece takes dozens of coats of natural lacquer, sanding and inlays of gold, silver, eggshell or pearl over several weeks.',
  },
  {
    slug: 'lang-duc-dong-ngu-xa', name: 'Làng đúc đồng Ngũ Xã', nameEn: 'Ngu Xa Bronze Casting Village',
    craftVi: 'Đúc đồng', craftEn: 'Bronze casting', communeCode: '00004',
    storyVi: 'Ngũ Xã được lập bởi thợ đúc đồng từ năm làng ở Thuận Thành lên kinh thành Thăng Long lập nghiệp. Pho tượng Trấn Vũ ở đền Quán Thánh và tượng Phật chùa Thần Quang là những tác phẩm nổi tiếng của làng.',
    storyEn: 'Ngu Xa was founded by bronze casters from five villages of Thuan Thanh who came to Thang Long to work. The Tran Vu statue at Quan Thanh temple and the Buddha at Than Quang pagoda are the village’s most famous works.',
  },
  {
    slug: 'lang-may-tre-dan-binh-phu', name: 'Làng mây tre giang đan Bình Phú', nameEn: 'Binh Phu Rattan and Bamboo Village',
    craftVi: 'Mây tre giang đan', craftEn: 'Rattan and bamboo weaving', communeCode: '10003',
    storyVi: 'Bình Phú nổi tiếng với nghề đan giang, mây, tre thành giỏ, khay, đèn và đồ trang trí. Phần lớn sản phẩm của làng được xuất khẩu sang châu Âu và Nhật Bản.',
    storyEn: 'Binh Phu is known for weaving giang bamboo, rattan and bamboo into baskets, trays, lamps and decorations. Most of the village’s output is exported to Europe and Japan.',
  },
  {
    slug: 'lang-nuoi-ong-dan-phuong', name: 'Làng nuôi ong Đan Phượng', nameEn: 'Dan Phuong Beekeeping Village',
    craftVi: 'Nuôi ong lấy mật', craftEn: 'Beekeeping and honey', communeCode: '09784',
    storyVi: 'Các hộ nuôi ong ở Đan Phượng di chuyển đàn ong theo mùa hoa nhãn, vải, bạc hà và cà phê khắp các tỉnh. Mật được khai thác, lọc và đóng chai ngay tại làng.',
    storyEn: 'Dan Phuong beekeepers move their colonies with the longan, lychee, mint and coffee blossom seasons across the country. Honey is extracted, filtered and bottled in the village itself.',
  },
  {
    slug: 'lang-det-lua-phung-xa', name: 'Làng dệt Phùng Xá', nameEn: 'Phung Xa Weaving Village',
    craftVi: 'Dệt lụa tơ tằm và lụa tơ sen', craftEn: 'Silk and lotus-fibre weaving', communeCode: '10465',
    storyVi: 'Phùng Xá là làng dệt lâu đời của huyện Mỹ Đức cũ. Từ năm 2017, phụ nữ trong làng rút tơ từ cuống sen để dệt loại lụa tơ sen quý hiếm, mỗi chiếc khăn cần tơ của hàng nghìn cuống sen.',
    storyEn: 'Phung Xa is a long-established weaving village of the former My Duc district. Since 2017 its women have drawn fibre from lotus stems to weave rare lotus silk; a single scarf needs the fibre of thousands of stems.',
  },
  {
    slug: 'lang-gom-chu-dau', name: 'Làng gốm Chu Đậu', nameEn: 'Chu Dau Pottery Village',
    craftVi: 'Gốm men lam', craftEn: 'Blue-and-white ceramics', communeCode: '10642',
    storyVi: 'Gốm Chu Đậu từng được xuất khẩu đi khắp châu Á trong thế kỷ XV – XVI rồi thất truyền. Nghề được khôi phục từ những năm 2000 dựa trên các hiện vật khai quật và tàu đắm cổ.',
    storyEn: 'Chu Dau ceramics were exported across Asia in the 15th and 16th centuries before the craft was lost. It was revived in the 2000s from excavated pieces and ancient shipwreck cargoes.',
  },
  {
    slug: 'lang-tranh-dong-ho', name: 'Làng tranh Đông Hồ', nameEn: 'Dong Ho Folk Painting Village',
    craftVi: 'Tranh dân gian khắc gỗ', craftEn: 'Woodblock folk painting', communeCode: '09400',
    storyVi: 'Tranh Đông Hồ được in từ ván khắc gỗ trên giấy điệp, với màu lấy từ thiên nhiên như sỏi son, lá chàm, than lá tre. Những bức Đám cưới chuột, Lợn đàn là món quà Tết quen thuộc của nhiều thế hệ.',
    storyEn: 'Dong Ho pictures are printed from carved woodblocks onto seashell-coated do paper, using natural colours from red gravel, indigo leaves and bamboo-leaf charcoal. The Rats’ Wedding and the Pig Family have been Tet gifts for generations.',
  },
  {
    slug: 'lang-non-phu-cam', name: 'Làng nón Phú Cam', nameEn: 'Phu Cam Conical Hat Village',
    craftVi: 'Chằm nón lá', craftEn: 'Conical hat making', communeCode: '19789',
    storyVi: 'Làng nón Phú Cam bên dòng sông An Cựu làm ra những chiếc nón bài thơ mỏng nhẹ, kẹp giữa hai lớp lá là hình và câu thơ xứ Huế. Nghề chằm nón chủ yếu do phụ nữ trong làng gìn giữ.',
    storyEn: 'Phu Cam, on the An Cuu river, makes the thin, light “poem hats” of Hue, with pictures and verses hidden between two layers of leaves. The craft is kept alive mostly by the village’s women.',
  },
  {
    slug: 'lang-nuoc-mam-phu-quoc', name: 'Làng nghề nước mắm Phú Quốc', nameEn: 'Phu Quoc Fish Sauce Village',
    craftVi: 'Ủ nước mắm cá cơm', craftEn: 'Anchovy fish sauce brewing', communeCode: '31078',
    storyVi: 'Nước mắm Phú Quốc được ủ từ cá cơm tươi và muối trong thùng gỗ bời lời suốt 12 tháng trở lên. Đây là một trong những sản phẩm đầu tiên của Việt Nam được bảo hộ chỉ dẫn địa lý.',
    storyEn: 'Phu Quoc fish sauce is brewed from fresh anchovies and salt in wooden barrels for twelve months or more. It was one of Vietnam’s first products protected by a geographical indication.',
  },
  {
    slug: 'lang-dao-nhat-tan', name: 'Làng đào Nhật Tân', nameEn: 'Nhat Tan Peach Blossom Village',
    craftVi: 'Trồng đào cảnh', craftEn: 'Ornamental peach growing', communeCode: '00103',
    storyVi: 'Nhật Tân bên hồ Tây là nơi trồng đào thế, đào phai nổi tiếng của Hà Nội. Mỗi dịp Tết, cả làng rực sắc hồng và người Hà Nội tìm về chọn cành đào đẹp nhất.',
    storyEn: 'Nhat Tan by West Lake grows Hanoi’s famous shaped and pale-pink peach trees. Every Tet the village turns pink and Hanoians come to choose the finest branches.',
  },
  {
    slug: 'lang-hoa-me-linh', name: 'Làng hoa Mê Linh', nameEn: 'Me Linh Flower Village',
    craftVi: 'Trồng hoa', craftEn: 'Flower growing', communeCode: '09022',
    storyVi: 'Mê Linh là vựa hoa lớn của miền Bắc với hàng trăm héc-ta hoa hồng, cúc và ly. Hoa được cắt từ sáng sớm để kịp tới các chợ hoa Hà Nội.',
    storyEn: 'Me Linh is one of the north’s largest flower-growing areas, with hundreds of hectares of roses, chrysanthemums and lilies. Flowers are cut before dawn to reach Hanoi’s flower markets.',
  },
  {
    slug: 'lang-che-tan-cuong', name: 'Làng chè Tân Cương', nameEn: 'Tan Cuong Tea Village',
    craftVi: 'Trồng và sao chè', craftEn: 'Tea growing and pan-roasting', since: 1922, communeCode: '05503',
    storyVi: 'Chè Tân Cương được trồng từ đầu những năm 1920 trên những đồi thấp phía tây thành phố Thái Nguyên. Búp chè được sao bằng chảo gang theo cách truyền thống, cho nước xanh, vị chát dịu và hậu ngọt.',
    storyEn: 'Tan Cuong tea has been grown since the early 1920s on low hills west of Thai Nguyen city. The buds are pan-roasted in cast-iron woks the traditional way, giving a green liquor, gentle astringency and a sweet finish.',
  },
  {
    slug: 'lang-dan-co-bang-phu-my', name: 'Làng đan cỏ bàng Phú Mỹ', nameEn: 'Phu My Sedge Weaving Village',
    craftVi: 'Đan đệm, giỏ cỏ bàng', craftEn: 'Sedge (co bang) weaving', communeCode: '30796',
    storyVi: 'Phụ nữ Khmer và Kinh ở Phú Mỹ hái cỏ bàng ở vùng đất ngập nước ven biên giới, phơi, giã dẹp rồi đan thành đệm, giỏ, túi. Nghề đan giúp gìn giữ vùng trầm tích cỏ bàng và tạo thu nhập cho nhiều gia đình.',
    storyEn: 'Khmer and Kinh women in Phu My gather sedge from the wetlands near the border, dry and flatten it, then weave mats, baskets and bags. The craft protects the sedge wetland and supports many families.',
  },
  {
    slug: 'lang-ruou-ngo-ban-pho', name: 'Làng rượu ngô Bản Phố', nameEn: 'Ban Pho Corn Liquor Village',
    craftVi: 'Nấu rượu ngô men lá', craftEn: 'Corn liquor with leaf yeast', communeCode: '02839',
    storyVi: 'Người H’Mông ở Bản Phố nấu rượu từ ngô nương bằng men lá rừng theo bí quyết truyền đời. Rượu trong, thơm và êm, là đặc sản của chợ phiên Bắc Hà.',
    storyEn: 'The H’Mong of Ban Pho distil liquor from upland corn with forest-leaf yeast, following recipes passed down in families. It is clear, fragrant and smooth, a speciality of the Bac Ha market.',
  },
]

// ───────────── Producers ─────────────

export const PRODUCERS: ProducerSeed[] = [
  // Hà Nội
  {
    slug: 'gom-su-quang-vinh', name: 'Công ty TNHH Gốm sứ Quang Vinh', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '00577', villageSlug: 'lang-gom-bat-trang', phone: '0904 118 201', email: 'lienhe@quangvinh.example.vn', address: 'Thôn Giang Cao, xã Bát Tràng, Hà Nội',
    storyVi: 'Xưởng gốm gia đình ở Bát Tràng chuyên dòng men màu vẽ tay, có hai sản phẩm đạt OCOP 5 sao.',
    storyEn: 'A family kiln in Bat Trang specialising in hand-painted coloured glazes, with two five-star OCOP products.',
  },
  {
    slug: 'htx-gom-su-tan-thinh', name: 'HTX Gốm sứ Tân Thịnh', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '00577', villageSlug: 'lang-gom-bat-trang', phone: '0912 406 355', email: 'hoptacxa@tanthinh.example.vn', address: 'Xóm 5, xã Bát Tràng, Hà Nội',
    storyVi: 'Hợp tác xã của các lò gốm Bát Tràng, nổi tiếng với dòng men ngọc Suối Ngọc.',
    storyEn: 'A cooperative of Bat Trang kilns, known for its jade-green Suoi Ngoc glaze.',
  },
  {
    slug: 'dau-tam-to-my-duc', name: 'Công ty TNHH Dâu tằm tơ Mỹ Đức', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '10441', phone: '0986 227 140', email: 'lienhe@dautamto-myduc.example.vn', address: 'Thôn Tế Tiêu, xã Mỹ Đức, Hà Nội',
    storyVi: 'Doanh nghiệp khép kín từ trồng dâu, nuôi tằm đến dệt chăn bông tơ tằm thủ công.',
    storyEn: 'A closed-loop business from mulberry growing and silkworm rearing to hand-made silk-floss quilts.',
  },
  {
    slug: 'nong-nghiep-cnc-thang-long', name: 'Công ty CP Nông nghiệp Công nghệ cao Thăng Long', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '00382', phone: '0966 310 572', email: 'info@thanglong-agri.example.vn', address: 'Xã Kim Anh, Hà Nội',
    storyVi: 'Doanh nghiệp chế biến chè và trà thảo mộc theo quy trình công nghệ cao, với bộ ba Trà Phúc, Lộc, Thọ đạt 5 sao.',
    storyEn: 'A high-tech tea and herbal tea processor whose Phuc, Loc and Tho trio earned five stars.',
  },
  {
    slug: 'tra-sen-hien-xiem', name: 'Cơ sở Trà sen Hiền Xiêm', kind: 'HO_KINH_DOANH', womenLed: true, ethnicMinority: false, verified: true,
    communeCode: '00103', phone: '0913 551 826', email: 'trasen@hienxiem.example.vn', address: 'Phố Quảng Khánh, phường Tây Hồ, Hà Nội',
    storyVi: 'Gia đình giữ nghề ướp trà bằng gạo sen Bách Diệp hồ Tây theo cách của người Hà Nội xưa.',
    storyEn: 'A family that still scents tea with the stamens of West Lake’s hundred-petal lotus the way old Hanoi did.',
  },
  {
    slug: 'duc-dong-ngu-xa', name: 'Cơ sở Đúc đồng Ngũ Xã', kind: 'HO_KINH_DOANH', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '00004', villageSlug: 'lang-duc-dong-ngu-xa', phone: '0903 248 617', email: 'xuongduc@dongnguxa.example.vn', address: 'Phố Ngũ Xã, phường Ba Đình, Hà Nội',
    storyVi: 'Xưởng đúc đồng thủ công của một dòng họ Ngũ Xã, làm đồ thờ và đồ trang trí bằng khuôn đất.',
    storyEn: 'A Ngu Xa family foundry making ritual and decorative bronzes in clay moulds.',
  },
  {
    slug: 'htx-vun-art', name: 'HTX Vụn ART', kind: 'HOP_TAC_XA', womenLed: true, ethnicMinority: false, verified: true,
    communeCode: '09556', villageSlug: 'lang-lua-van-phuc', phone: '0977 604 239', email: 'xinchao@vunart.example.vn', address: 'Làng lụa Vạn Phúc, phường Hà Đông, Hà Nội',
    storyVi: 'Hợp tác xã tái chế vải vụn của làng lụa thành thời trang và tranh ghép, tạo việc làm cho người khuyết tật.',
    storyEn: 'A cooperative turning the silk village’s offcuts into fashion and patchwork art, employing people with disabilities.',
  },
  {
    slug: 'htx-det-lua-van-phuc', name: 'HTX Dệt lụa Vạn Phúc', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '09556', villageSlug: 'lang-lua-van-phuc', phone: '0243 825 077', email: 'lienhe@luavanphuc.example.vn', address: 'Phố Vạn Phúc, phường Hà Đông, Hà Nội',
    storyVi: 'Các hộ dệt Vạn Phúc cùng giữ khung cửi truyền thống và đón khách tham quan xưởng dệt.',
    storyEn: 'Van Phuc weaving households keeping traditional looms running and welcoming visitors to their workshops.',
  },
  {
    slug: 'mat-ong-vinh-hoa', name: 'Cơ sở Mật ong Vinh Hoa', kind: 'HO_KINH_DOANH', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '09664', phone: '0915 733 480', email: 'matong@vinhhoa.example.vn', address: 'Thôn Đồng Thái, xã Vật Lại, Hà Nội',
    storyVi: 'Trại ong dưới chân núi Ba Vì, khai thác mật từ hoa rừng và hoa nhãn.',
    storyEn: 'A bee farm at the foot of Ba Vi mountain harvesting wildflower and longan honey.',
  },
  {
    slug: 'htx-ong-tuan-minh', name: 'HTX Ong Tuấn Minh', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '09784', villageSlug: 'lang-nuoi-ong-dan-phuong', phone: '0982 160 945', email: 'lienhe@ongtuanminh.example.vn', address: 'Xã Đan Phượng, Hà Nội',
    storyVi: 'Hợp tác xã với khoảng 1.200 đàn ong, mỗi năm khai thác chừng 15.000 lít mật.',
    storyEn: 'A cooperative with about 1,200 colonies producing some 15,000 litres of honey a year.',
  },
  {
    slug: 'son-mai-an-huy', name: 'Công ty CP An Huy', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '00679', villageSlug: 'lang-son-mai-ha-thai', phone: '0904 372 618', email: 'sonmai@anhuy.example.vn', address: 'Thôn Hạ Thái, xã Ngọc Hồi, Hà Nội',
    storyVi: 'Xưởng sơn mài Hạ Thái làm hộp, khay và tranh sơn mài cho thị trường trong nước và xuất khẩu.',
    storyEn: 'A Ha Thai lacquer workshop making boxes, trays and lacquer paintings for home and export markets.',
  },
  {
    slug: 'kham-trai-vu-van-dinh', name: 'Cơ sở khảm trai Vũ Văn Đình', kind: 'HO_KINH_DOANH', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '10330', villageSlug: 'lang-kham-trai-chuyen-my', phone: '0946 285 117', email: 'khamtrai@vuvandinh.example.vn', address: 'Thôn Chuyên Mỹ, xã Chuyên Mỹ, Hà Nội',
    storyVi: 'Cơ sở gia đình ba đời làm khảm trai, nhận đặt tranh và đồ gỗ khảm theo yêu cầu.',
    storyEn: 'A three-generation family workshop taking commissions for inlaid pictures and furniture.',
  },
  {
    slug: 'my-nghe-dai-viet', name: 'Công ty TNHH Xuất khẩu Mỹ nghệ Đại Việt', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '10003', villageSlug: 'lang-may-tre-dan-binh-phu', phone: '0968 430 772', email: 'export@mynghedaiviet.example.vn', address: 'Thôn Bình Xá, xã Tây Phương, Hà Nội',
    storyVi: 'Doanh nghiệp thu mua và hoàn thiện sản phẩm giang đan của hàng trăm hộ Bình Phú để xuất khẩu.',
    storyEn: 'A company that buys, finishes and exports giang-bamboo wares from hundreds of Binh Phu households.',
  },
  {
    slug: 'lua-to-sen-phung-xa', name: 'Tổ hợp tác dệt lụa tơ sen Phùng Xá', kind: 'TO_HOP_TAC', womenLed: true, ethnicMinority: false, verified: true,
    communeCode: '10465', villageSlug: 'lang-det-lua-phung-xa', phone: '0387 215 690', email: 'tosen@phungxa.example.vn', address: 'Thôn Phùng Xá, xã Hồng Sơn, Hà Nội',
    storyVi: 'Nhóm phụ nữ làng Phùng Xá rút tơ sen và dệt khăn lụa tơ sen hoàn toàn thủ công.',
    storyEn: 'A group of Phung Xa women who draw lotus fibre and weave lotus-silk scarves entirely by hand.',
  },
  {
    slug: 'htx-rau-huu-co-trung-gia', name: 'HTX Rau hữu cơ Trung Giã', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '00385', phone: '0975 628 304', email: 'rausach@trunggia.example.vn', address: 'Xã Trung Giã, Hà Nội',
    storyVi: 'Hợp tác xã trồng rau hữu cơ cung cấp cho bếp ăn trường học và siêu thị nội thành.',
    storyEn: 'An organic vegetable cooperative supplying school kitchens and city supermarkets.',
  },
  {
    slug: 'nam-kms-minh-phu', name: 'Cơ sở nấm KMS Minh Phú', kind: 'HO_KINH_DOANH', womenLed: false, ethnicMinority: false, verified: false,
    communeCode: '00382', phone: '0369 840 215', email: 'nam@kmsminhphu.example.vn', address: 'Thôn Minh Phú, xã Kim Anh, Hà Nội',
    storyVi: 'Trang trại nấm sò và nấm linh chi trồng trên giá thể mùn cưa.',
    storyEn: 'A farm growing oyster and reishi mushrooms on sawdust substrate.',
  },
  {
    slug: 'banh-chung-hai-yen', name: 'Cơ sở bánh chưng xanh Hải Yến', kind: 'HO_KINH_DOANH', womenLed: true, ethnicMinority: false, verified: true,
    communeCode: '00385', phone: '0858 317 442', email: 'banhchung@haiyen.example.vn', address: 'Thôn Hồng Kỳ, xã Trung Giã, Hà Nội',
    storyVi: 'Bếp bánh chưng gia đình gói bằng lá dong rừng, luộc củi suốt mười tiếng.',
    storyEn: 'A family kitchen wrapping banh chung in forest dong leaves and boiling it over wood for ten hours.',
  },
  {
    slug: 'gio-lua-cong-thinh', name: 'Cơ sở giò chả Công Thịnh', kind: 'HO_KINH_DOANH', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '00640', phone: '0912 083 561', email: 'giocha@congthinh.example.vn', address: 'Xã Thanh Trì, Hà Nội',
    storyVi: 'Cơ sở giò chả giã tay, chỉ dùng thịt nóng trong ngày và nước mắm cốt.',
    storyEn: 'A pork-roll maker still pounding by hand, using same-day pork and first-press fish sauce.',
  },
  {
    slug: 'cha-ca-hue-duong', name: 'Cơ sở chả cá Huệ Dương', kind: 'HO_KINH_DOANH', womenLed: true, ethnicMinority: false, verified: true,
    communeCode: '10183', phone: '0934 520 168', email: 'chaca@hueduong.example.vn', address: 'Xã Thường Tín, Hà Nội',
    storyVi: 'Cơ sở làm chả cá thát lát quết tay, nhận hàng cho nhà hàng và gia đình.',
    storyEn: 'A small maker of hand-pounded clown knifefish cakes for restaurants and households.',
  },
  {
    slug: 'du-lich-cong-dong-bat-trang', name: 'Tổ hợp tác du lịch cộng đồng Bát Tràng', kind: 'TO_HOP_TAC', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '00577', villageSlug: 'lang-gom-bat-trang', phone: '0962 735 018', email: 'dulich@battrang.example.vn', address: 'Chợ gốm, xã Bát Tràng, Hà Nội',
    storyVi: 'Các gia đình làm gốm cùng tổ chức tour tham quan lò và lớp học nặn gốm cho du khách.',
    storyEn: 'Potter families organising kiln tours and clay workshops for visitors.',
  },
  {
    slug: 'vuon-dao-nhat-tan', name: 'Hộ kinh doanh vườn đào Nhật Tân', kind: 'HO_KINH_DOANH', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '00103', villageSlug: 'lang-dao-nhat-tan', phone: '0989 146 327', email: 'vuondao@nhattan.example.vn', address: 'Bãi đào Nhật Tân, phường Tây Hồ, Hà Nội',
    storyVi: 'Vườn đào thế ba thế hệ, nhận chăm sóc và giao đào tận nhà dịp Tết.',
    storyEn: 'A three-generation peach garden that looks after and delivers Tet peach trees.',
  },
  {
    slug: 'htx-hoa-me-linh', name: 'HTX Dịch vụ nông nghiệp hoa Mê Linh', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '09022', villageSlug: 'lang-hoa-me-linh', phone: '0916 572 083', email: 'hoa@htxmelinh.example.vn', address: 'Xã Mê Linh, Hà Nội',
    storyVi: 'Hợp tác xã trồng hoa hồng, hoa cúc theo hướng VietGAP, cung cấp cho các chợ hoa Hà Nội.',
    storyEn: 'A cooperative growing VietGAP roses and chrysanthemums for Hanoi’s flower markets.',
  },
  // Other provinces
  {
    slug: 'tra-vinh-farm', name: 'Công ty TNHH Trà Vinh FARM', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '29341', phone: '0939 418 276', email: 'hello@travinhfarm.example.vn', address: 'Xã Tiểu Cần, Vĩnh Long',
    storyVi: 'Doanh nghiệp khai thác mật hoa dừa từ những vườn dừa ven sông Hậu.',
    storyEn: 'A company tapping coconut blossom nectar from orchards along the Hau River.',
  },
  {
    slug: 'vicosap', name: 'Công ty CP VICOSAP', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '29308', phone: '0947 260 813', email: 'lienhe@vicosap.example.vn', address: 'Xã Cầu Kè, Vĩnh Long',
    storyVi: 'Doanh nghiệp chế biến dừa sáp Cầu Kè, loại dừa đặc ruột nổi tiếng của Trà Vinh cũ.',
    storyEn: 'A processor of Cau Ke macapuno coconut, the famous soft-flesh coconut of former Tra Vinh.',
  },
  {
    slug: 'nuoc-mam-khai-hoan', name: 'Công ty CP Nước mắm Khải Hoàn', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '31078', villageSlug: 'lang-nuoc-mam-phu-quoc', phone: '0297 846 110', email: 'sales@khaihoan.example.vn', address: 'Khu phố 1, đặc khu Phú Quốc, An Giang',
    storyVi: 'Nhà thùng ủ nước mắm truyền thống với hàng trăm thùng gỗ bời lời ở Dương Đông.',
    storyEn: 'A traditional fish sauce barrel house with hundreds of wooden vats in Duong Dong.',
  },
  {
    slug: 'nuoc-mam-thanh-quoc', name: 'Công ty TNHH Nước mắm Thanh Quốc', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '31078', villageSlug: 'lang-nuoc-mam-phu-quoc', phone: '0913 978 452', email: 'lienhe@thanhquoc.example.vn', address: 'Đặc khu Phú Quốc, An Giang',
    storyVi: 'Nhà thùng gia đình nổi tiếng với nước mắm nhĩ độ đạm cao.',
    storyEn: 'A family barrel house known for high-protein first-drip fish sauce.',
  },
  {
    slug: 'htx-phu-nu-phu-my', name: 'HTX phụ nữ Phú Mỹ', kind: 'HOP_TAC_XA', womenLed: true, ethnicMinority: true, verified: true,
    communeCode: '30796', villageSlug: 'lang-dan-co-bang-phu-my', phone: '0918 635 204', email: 'cobang@phunuphumy.example.vn', address: 'Ấp Trần Thệ, xã Giang Thành, An Giang',
    storyVi: 'Hợp tác xã của phụ nữ Khmer và Kinh đan giỏ, túi từ cỏ bàng của vùng đất ngập nước.',
    storyEn: 'A cooperative of Khmer and Kinh women weaving baskets and bags from wetland sedge.',
  },
  {
    slug: 'htx-nong-nghiep-phu-loi', name: 'HTX Nông nghiệp Phú Lợi', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: false, verified: false,
    communeCode: '30796', phone: '0845 290 731', email: 'gao@htxphuloi.example.vn', address: 'Xã Giang Thành, An Giang',
    storyVi: 'Hợp tác xã trồng lúa thơm trên vùng đất phèn được cải tạo của Giang Thành.',
    storyEn: 'A cooperative growing fragrant rice on reclaimed acid-sulphate soil in Giang Thanh.',
  },
  {
    slug: 'htx-nong-san-phu-luong', name: 'HTX Nông sản Phú Lương', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '05611', phone: '0208 875 212', email: 'che@nongsanphuluong.example.vn', address: 'Xã Phú Lương, Thái Nguyên',
    storyVi: 'Hợp tác xã làm chè đặc sản, có trà tôm nõn đạt OCOP 5 sao.',
    storyEn: 'A speciality tea cooperative whose first-bud tea earned five OCOP stars.',
  },
  {
    slug: 'htx-che-hao-dat', name: 'HTX Chè Hảo Đạt', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '05503', villageSlug: 'lang-che-tan-cuong', phone: '0912 476 905', email: 'lienhe@chehaodat.example.vn', address: 'Xóm Hồng Thái, xã Tân Cương, Thái Nguyên',
    storyVi: 'Hợp tác xã chè trên đồi Tân Cương, sản xuất theo tiêu chuẩn VietGAP.',
    storyEn: 'A tea cooperative on the Tan Cuong hills, farming to VietGAP standards.',
  },
  {
    slug: 'htx-tra-hoa-vang-ba-che', name: 'HTX Trà hoa vàng Ba Chẽ', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: true, verified: true,
    communeCode: '06970', phone: '0203 888 156', email: 'trahoavang@bache.example.vn', address: 'Xã Ba Chẽ, Quảng Ninh',
    storyVi: 'Thành viên là đồng bào Dao Thanh Y trồng và chăm sóc cây trà hoa vàng dưới tán rừng.',
    storyEn: 'Its members are Dao Thanh Y families who grow golden camellia under the forest canopy.',
  },
  {
    slug: 'htx-mien-dong-binh-lieu', name: 'HTX Miến dong Bình Liêu', kind: 'HOP_TAC_XA', womenLed: true, ethnicMinority: true, verified: true,
    communeCode: '06838', phone: '0985 406 913', email: 'miendong@binhlieu.example.vn', address: 'Xã Bình Liêu, Quảng Ninh',
    storyVi: 'Hợp tác xã của phụ nữ Tày và Sán Chỉ làm miến từ củ dong riềng trồng trên nương.',
    storyEn: 'A cooperative of Tay and San Chi women making noodles from hillside canna roots.',
  },
  {
    slug: 'banh-trang-tan-nhien', name: 'Công ty TNHH Tân Nhiên', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '25711', phone: '0276 881 240', email: 'export@tannhien.example.vn', address: 'Xã Hưng Thuận, Tây Ninh',
    storyVi: 'Doanh nghiệp bánh tráng Trảng Bàng xuất khẩu sang hơn hai mươi quốc gia.',
    storyEn: 'A Trang Bang rice paper maker exporting to more than twenty countries.',
  },
  {
    slug: 'gom-chu-dau', name: 'Công ty CP Gốm Chu Đậu', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '10642', villageSlug: 'lang-gom-chu-dau', phone: '0220 751 128', email: 'lienhe@gomchudau.example.vn', address: 'Thôn Chu Đậu, xã Thái Tân, Hải Phòng',
    storyVi: 'Doanh nghiệp khôi phục dòng gốm men lam Chu Đậu cổ ngay trên đất làng gốm xưa.',
    storyEn: 'The company that revived Chu Dau blue-and-white ware on the site of the old pottery village.',
  },
  {
    slug: 'banh-dau-xanh-rong-vang', name: 'Công ty CP Rồng Vàng', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '11002', phone: '0220 852 266', email: 'lienhe@rongvang.example.vn', address: 'Phường Thạch Khôi, Hải Phòng',
    storyVi: 'Thương hiệu bánh đậu xanh lâu năm của đất Hải Dương cũ.',
    storyEn: 'A long-established mung bean cake brand from former Hai Duong.',
  },
  {
    slug: 'htx-ong-mat-thanh-ha', name: 'HTX Ong mật Thanh Hà', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '10813', phone: '0904 813 675', email: 'matong@thanhha.example.vn', address: 'Xã Thanh Hà, Hải Phòng',
    storyVi: 'Hợp tác xã nuôi ong giữa những vườn vải thiều Thanh Hà.',
    storyEn: 'A beekeeping cooperative among the lychee orchards of Thanh Ha.',
  },
  {
    slug: 'banh-chung-dat-to', name: 'Cơ sở bánh chưng Đất Tổ', kind: 'HO_KINH_DOANH', womenLed: true, ethnicMinority: false, verified: true,
    communeCode: '07900', phone: '0978 254 160', email: 'banhchung@datto.example.vn', address: 'Phường Việt Trì, Phú Thọ',
    storyVi: 'Bếp bánh chưng gia đình gần đền Hùng, gói bằng gạo nếp và lá dong địa phương.',
    storyEn: 'A family banh chung kitchen near the Hung Kings temple, using local sticky rice and dong leaves.',
  },
  {
    slug: 'htx-tay-bac', name: 'HTX Tây Bắc', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: true, verified: true,
    communeCode: '04075', phone: '0212 840 725', email: 'toiden@htxtaybac.example.vn', address: 'Xã Yên Châu, Sơn La',
    storyVi: 'Hợp tác xã của đồng bào Thái trồng tỏi cô đơn và lên men thành tỏi đen.',
    storyEn: 'A Thai ethnic cooperative growing single-clove garlic and ageing it into black garlic.',
  },
  {
    slug: 'htx-ruou-ngo-ban-pho', name: 'HTX Rượu ngô Bản Phố', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: true, verified: true,
    communeCode: '02839', villageSlug: 'lang-ruou-ngo-ban-pho', phone: '0214 880 619', email: 'ruoungo@banpho.example.vn', address: 'Thôn Bản Phố, xã Bắc Hà, Lào Cai',
    storyVi: 'Các hộ H’Mông Bản Phố cùng nấu rượu ngô men lá và giữ nguồn men truyền thống.',
    storyEn: 'H’Mong households of Ban Pho distilling leaf-yeast corn liquor together and keeping the traditional yeast.',
  },
  {
    slug: 'tranh-dong-ho', name: 'Cơ sở tranh dân gian Đông Hồ', kind: 'HO_KINH_DOANH', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '09400', villageSlug: 'lang-tranh-dong-ho', phone: '0915 382 506', email: 'tranh@dongho.example.vn', address: 'Làng Đông Hồ, phường Thuận Thành, Bắc Ninh',
    storyVi: 'Một trong số ít gia đình còn giữ ván khắc cổ và in tranh Đông Hồ quanh năm.',
    storyEn: 'One of the few families that still keep old woodblocks and print Dong Ho pictures all year.',
  },
  {
    slug: 'htx-nhan-long-pho-hien', name: 'HTX Nhãn lồng Phố Hiến', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '11953', phone: '0221 864 417', email: 'nhanlong@phohien.example.vn', address: 'Phường Phố Hiến, Hưng Yên',
    storyVi: 'Hợp tác xã trồng và sấy nhãn lồng, loại nhãn từng là đặc sản tiến vua.',
    storyEn: 'A cooperative growing and drying long-an longan, once a fruit offered to the king.',
  },
  {
    slug: 'htx-ca-phe-hoa-phu', name: 'HTX Cà phê Hòa Phú', kind: 'HOP_TAC_XA', womenLed: false, ethnicMinority: true, verified: true,
    communeCode: '24175', phone: '0262 953 188', email: 'caphe@htxhoaphu.example.vn', address: 'Buôn Kô Tam, xã Hòa Phú, Đắk Lắk',
    storyVi: 'Hợp tác xã của nông hộ Ê Đê và Kinh trồng cà phê Robusta chín đỏ, sơ chế tại buôn.',
    storyEn: 'A cooperative of Ede and Kinh smallholders picking ripe Robusta and processing it in the village.',
  },
  {
    slug: 'non-la-phu-cam', name: 'Tổ hợp tác nón lá Phú Cam', kind: 'TO_HOP_TAC', womenLed: true, ethnicMinority: false, verified: true,
    communeCode: '19789', villageSlug: 'lang-non-phu-cam', phone: '0234 827 541', email: 'nonla@phucam.example.vn', address: 'Đường Phan Chu Trinh, phường Thuận Hóa, Huế',
    storyVi: 'Những người thợ chằm nón Phú Cam cùng nhận đơn hàng nón bài thơ cho du khách và cửa hàng.',
    storyEn: 'Phu Cam hat makers taking orders for poem hats from visitors and shops together.',
  },
  {
    slug: 'me-xung-thien-huong', name: 'Công ty TNHH Thiên Hương', kind: 'DOANH_NGHIEP', womenLed: false, ethnicMinority: false, verified: true,
    communeCode: '19753', phone: '0234 527 888', email: 'mexung@thienhuong.example.vn', address: 'Phường Phú Xuân, Huế',
    storyVi: 'Thương hiệu mè xửng lâu đời của cố đô, nấu theo công thức mạch nha, đậu phộng và mè.',
    storyEn: 'A long-standing Hue brand of sesame brittle made from malt syrup, peanuts and sesame.',
  },
]

// ───────────── Certificates ─────────────

const LB_148 = 'Quyết định 148/QĐ-TTg ngày 24/02/2023'
const LB_1048 = 'Quyết định 1048/QĐ-TTg ngày 21/8/2019'
const UBND_HA_NOI = 'UBND thành phố Hà Nội'
/** 5★ certificates issued more than this many days before the reference date (late 2026) predate the 1 March 2025 ministry merger. */
const MINISTRY_RENAME_DAYS_AGO = 637

/** A 5★ national certificate; the issuing ministry follows the 2025 renaming. */
function national(score: number, decisionNo: number, issuedDaysAgo: number): CertificateSeed {
  const beforeRename = issuedDaysAgo >= MINISTRY_RENAME_DAYS_AGO
  return {
    stars: 5,
    score,
    level: 'NATIONAL',
    issuer: beforeRename ? 'Bộ Nông nghiệp và Phát triển nông thôn' : 'Bộ Nông nghiệp và Môi trường',
    decisionNumber: beforeRename ? `${decisionNo}/QĐ-BNN-KTHT` : `${decisionNo}/QĐ-BNNMT`,
    issuedDaysAgo,
    legalBasis: LB_148,
  }
}

/** A 3★ or 4★ certificate issued by a provincial (or, before July 2025, district) People's Committee. */
function provincial(
  stars: 3 | 4,
  score: number,
  issuer: string,
  decisionNo: number,
  issuedDaysAgo: number,
  extra: Partial<CertificateSeed> = {},
): CertificateSeed {
  return {
    stars,
    score,
    level: 'PROVINCIAL',
    issuer,
    decisionNumber: `${decisionNo}/QĐ-UBND`,
    issuedDaysAgo,
    legalBasis: LB_148,
    ...extra,
  }
}

// ───────────── Products ─────────────

export const PRODUCTS: ProductSeed[] = [
  // ── Hà Nội: Bát Tràng
  {
    producerSlug: 'gom-su-quang-vinh', sku: 'QV-BD-22', slug: 'bo-bat-dia-hoa-sen-do',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Bộ bát đĩa hoa sen đỏ Bát Tràng', nameEn: 'Bat Trang red lotus tableware set',
    descriptionVi: 'Bộ bát đĩa 22 món vẽ tay họa tiết hoa sen đỏ trên nền men trắng ngà. Gốm được nung ở 1.300 °C, an toàn với máy rửa bát và lò vi sóng. Sản phẩm đạt OCOP 5 sao cấp quốc gia.',
    descriptionEn: 'A 22-piece dinner set hand-painted with red lotus on an ivory glaze. Fired at 1,300 °C, it is dishwasher and microwave safe. Awarded five OCOP stars at national level.',
    priceVnd: 2_450_000, unitVi: 'bộ 22 món', unitEn: '22-piece set', weightGrams: 7_800, stock: 12,
    status: 'PUBLISHED', publishedDaysAgo: 310,
    certificates: [national(92, 1850, 720)],
  },
  {
    producerSlug: 'gom-su-quang-vinh', sku: 'QV-AC-06', slug: 'bo-am-chen-chim-en-hoa-sen',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Bộ ấm chén chim én hoa sen', nameEn: 'Swallow and lotus tea set',
    descriptionVi: 'Bộ ấm trà sáu chén vẽ chim én bay giữa đầm sen, tượng trưng cho mùa xuân sum vầy. Men bóng mịn, vòi ấm rót không nhỏ giọt.',
    descriptionEn: 'A teapot with six cups painted with swallows over a lotus pond, a symbol of spring reunions. Smooth glossy glaze and a drip-free spout.',
    priceVnd: 1_850_000, unitVi: 'bộ ấm 6 chén', unitEn: 'teapot set with 6 cups', weightGrams: 1_900, stock: 20,
    status: 'PUBLISHED', publishedDaysAgo: 295,
    certificates: [national(91, 1851, 750)],
  },
  {
    producerSlug: 'htx-gom-su-tan-thinh', sku: 'TT-SN-10', slug: 'bo-gom-men-suoi-ngoc',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Bộ gốm men Suối Ngọc', nameEn: 'Suoi Ngoc jade glaze ceramic set',
    descriptionVi: 'Bộ gốm 10 món phủ men ngọc Suối Ngọc trong xanh như nước suối, mỗi món có sắc men hơi khác nhau do nung củi. Thích hợp làm quà tặng đối ngoại.',
    descriptionEn: 'A 10-piece set in the clear jade Suoi Ngoc glaze; wood firing gives each piece a slightly different tone. A fitting diplomatic gift.',
    priceVnd: 3_200_000, unitVi: 'bộ 10 món', unitEn: '10-piece set', weightGrams: 5_500, stock: 8,
    status: 'PUBLISHED', publishedDaysAgo: 200,
    certificates: [national(94, 2361, 420)],
  },
  {
    producerSlug: 'du-lich-cong-dong-bat-trang', sku: 'DL-GOM-01', slug: 'trai-nghiem-lam-gom-bat-trang',
    groupCode: 'du-lich', subgroupCode: 'du-lich-cong-dong',
    nameVi: 'Trải nghiệm làm gốm Bát Tràng nửa ngày', nameEn: 'Half-day Bat Trang pottery experience',
    descriptionVi: 'Tham quan lò gốm cổ, tự tay nặn và vẽ một sản phẩm gốm cùng nghệ nhân. Sản phẩm được nung và gửi về nhà sau một tuần.',
    descriptionEn: 'Visit an old kiln, then throw and paint your own piece with a master potter. Your piece is fired and posted to you a week later.',
    priceVnd: 250_000, unitVi: 'vé/người', unitEn: 'ticket per person', weightGrams: 5, stock: 500,
    status: 'PUBLISHED', publishedDaysAgo: 150,
    certificates: [provincial(4, 76, UBND_HA_NOI, 3315, 380)],
  },
  // ── Hà Nội: silk and textiles
  {
    producerSlug: 'dau-tam-to-my-duc', sku: 'MD-CB-22', slug: 'chan-bong-to-tam-tu-det',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'vai-may-mac',
    nameVi: 'Chăn bông tơ tằm tự dệt', nameEn: 'Hand-made silk floss quilt',
    descriptionVi: 'Ruột chăn kéo từ kén tằm nuôi tại Mỹ Đức, nhẹ, ấm mùa đông và thoáng mùa hè. Vỏ chăn bằng lụa tơ tằm dệt thủ công, có thể tháo giặt.',
    descriptionEn: 'Filled with silk floss drawn from cocoons raised in My Duc: light, warm in winter and breathable in summer. The removable cover is hand-woven silk.',
    priceVnd: 2_800_000, unitVi: 'chiếc 2 × 2,2 m', unitEn: '2 × 2.2 m quilt', weightGrams: 2_400, stock: 6,
    status: 'PUBLISHED', publishedDaysAgo: 240,
    certificates: [national(90, 1852, 700)],
  },
  {
    producerSlug: 'htx-vun-art', sku: 'VA-AP-01', slug: 'ao-phong-ghep-lua',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'vai-may-mac',
    nameVi: 'Áo phông ghép lụa', nameEn: 'Silk-patch cotton T-shirt',
    descriptionVi: 'Áo phông cotton được ghép túi và viền bằng lụa Vạn Phúc tái chế. Mỗi chiếc có phối màu riêng, không chiếc nào giống chiếc nào.',
    descriptionEn: 'A cotton T-shirt with pocket and trims of recycled Van Phuc silk. Every shirt has its own colour mix; no two are alike.',
    priceVnd: 450_000, unitVi: 'chiếc', unitEn: 'piece', weightGrams: 250, stock: 40,
    status: 'PUBLISHED', publishedDaysAgo: 120,
    certificates: [provincial(4, 76, UBND_HA_NOI, 4120, 250)],
  },
  {
    producerSlug: 'htx-vun-art', sku: 'VA-TUI-02', slug: 'tui-vai-tho-ghep-lua',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'vai-may-mac',
    nameVi: 'Túi vải thô ghép lụa', nameEn: 'Canvas tote with silk patchwork',
    descriptionVi: 'Túi vải thô bền chắc, mặt trước ghép hoa văn từ lụa vụn. Vừa máy tính 14 inch, có túi trong.',
    descriptionEn: 'A sturdy canvas tote with a front panel of silk offcut patchwork. Fits a 14-inch laptop and has an inner pocket.',
    priceVnd: 320_000, unitVi: 'chiếc', unitEn: 'piece', weightGrams: 300, stock: 35,
    status: 'PUBLISHED', publishedDaysAgo: 118,
    certificates: [provincial(4, 74, UBND_HA_NOI, 4121, 250)],
  },
  {
    producerSlug: 'htx-vun-art', sku: 'VA-TR-03', slug: 'tranh-ghep-vai-vun',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Tranh ghép vải vụn phố cổ', nameEn: 'Old Quarter patchwork picture',
    descriptionVi: 'Tranh khổ 40 × 60 cm ghép từ hàng trăm mảnh lụa vụn, tái hiện mái ngói phố cổ Hà Nội. Có khung gỗ và kính.',
    descriptionEn: 'A 40 × 60 cm picture pieced from hundreds of silk scraps, showing the tiled roofs of Hanoi’s Old Quarter. Framed under glass.',
    priceVnd: 1_200_000, unitVi: 'bức 40 × 60 cm', unitEn: '40 × 60 cm picture', weightGrams: 1_500, stock: 7,
    status: 'PUBLISHED', publishedDaysAgo: 117,
    certificates: [provincial(4, 72, UBND_HA_NOI, 4122, 250)],
  },
  {
    producerSlug: 'htx-det-lua-van-phuc', sku: 'VP-LUA-M', slug: 'vai-lua-to-tam-van-phuc',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'vai-may-mac',
    nameVi: 'Vải lụa tơ tằm Vạn Phúc', nameEn: 'Van Phuc mulberry silk fabric',
    descriptionVi: 'Lụa vân hoa dệt từ tơ tằm nguyên chất, khổ 90 cm, mặt lụa mềm và có độ rủ đẹp. Phù hợp may áo dài, khăn và đồ ngủ.',
    descriptionEn: 'Patterned pure mulberry silk, 90 cm wide, soft with a lovely drape. Ideal for ao dai, scarves and sleepwear.',
    priceVnd: 480_000, unitVi: 'mét', unitEn: 'metre', weightGrams: 80, stock: 200,
    status: 'PUBLISHED', publishedDaysAgo: 380,
    certificates: [provincial(3, 66, UBND_HA_NOI, 2750, 820)],
  },
  {
    producerSlug: 'htx-det-lua-van-phuc', sku: 'VP-KHAN-01', slug: 'khan-lua-van-phuc-in-hoa',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'vai-may-mac',
    nameVi: 'Khăn lụa Vạn Phúc in hoa', nameEn: 'Van Phuc printed silk scarf',
    descriptionVi: 'Khăn lụa khổ 50 × 180 cm in họa tiết hoa sen và hoa đào. Viền được se tay.',
    descriptionEn: 'A 50 × 180 cm silk scarf printed with lotus and peach blossom. Hand-rolled edges.',
    priceVnd: 350_000, unitVi: 'chiếc 50 × 180 cm', unitEn: '50 × 180 cm scarf', weightGrams: 90, stock: 50,
    status: 'PUBLISHED', publishedDaysAgo: 45,
    certificates: [],
  },
  {
    producerSlug: 'htx-det-lua-van-phuc', sku: 'VP-TOUR-01', slug: 'tour-trai-nghiem-det-lua-van-phuc',
    groupCode: 'du-lich', subgroupCode: 'du-lich-cong-dong',
    nameVi: 'Tour trải nghiệm dệt lụa Vạn Phúc', nameEn: 'Van Phuc silk weaving tour',
    descriptionVi: 'Hai giờ tham quan xưởng ươm tơ, mắc cửi và dệt lụa, có hướng dẫn viên là người làng. Khách được tự tay dệt vài đường lụa trên khung cửi cổ.',
    descriptionEn: 'A two-hour visit to reeling, warping and weaving workshops guided by a villager. Try a few passes on an old loom yourself.',
    priceVnd: 180_000, unitVi: 'vé/người', unitEn: 'ticket per person', weightGrams: 5, stock: 300,
    status: 'PUBLISHED', publishedDaysAgo: 20,
    certificates: [],
  },
  {
    producerSlug: 'lua-to-sen-phung-xa', sku: 'PX-TS-01', slug: 'khan-lua-to-sen-phung-xa',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'vai-may-mac',
    nameVi: 'Khăn lụa tơ sen Phùng Xá', nameEn: 'Phung Xa lotus silk scarf',
    descriptionVi: 'Khăn dệt hoàn toàn từ tơ cuống sen, mỗi chiếc cần tơ của khoảng 4.000 cuống sen và hơn một tháng làm thủ công. Sợi tơ sen mềm, thoáng và có mùi thơm nhẹ.',
    descriptionEn: 'Woven entirely from lotus-stem fibre; each scarf takes the fibre of about 4,000 stems and more than a month of handwork. Lotus silk is soft, airy and faintly fragrant.',
    priceVnd: 6_500_000, unitVi: 'chiếc 25 × 170 cm', unitEn: '25 × 170 cm scarf', weightGrams: 80, stock: 0,
    status: 'PUBLISHED', publishedDaysAgo: 90,
    certificates: [provincial(4, 85, UBND_HA_NOI, 5102, 200)],
  },
  // ── Hà Nội: tea
  {
    producerSlug: 'nong-nghiep-cnc-thang-long', sku: 'TL-PHUC-100', slug: 'tra-phuc',
    groupCode: 'thuc-pham', subgroupCode: 'che',
    nameVi: 'Trà Phúc', nameEn: 'Phuc tea',
    descriptionVi: 'Chè xanh tuyển chọn phối hoa nhài tự nhiên, vị thanh và hương dịu. Đóng hộp thiếc 100 g giữ hương.',
    descriptionEn: 'Selected green tea blended with natural jasmine flowers, light in taste and gently fragrant. Packed in a 100 g tin to keep the aroma.',
    priceVnd: 320_000, unitVi: 'hộp 100 g', unitEn: '100 g tin', weightGrams: 250, stock: 60,
    status: 'PUBLISHED', publishedDaysAgo: 95,
    certificates: [national(93, 2362, 480)],
  },
  {
    producerSlug: 'nong-nghiep-cnc-thang-long', sku: 'TL-LOC-100', slug: 'tra-loc',
    groupCode: 'thuc-pham', subgroupCode: 'che',
    nameVi: 'Trà Lộc', nameEn: 'Loc tea',
    descriptionVi: 'Trà ô long phối hoa sen sấy lạnh, nước vàng sáng, hậu ngọt kéo dài. Hợp để pha ấm tiếp khách.',
    descriptionEn: 'Oolong blended with freeze-dried lotus flowers: bright golden liquor and a long sweet finish. Perfect for serving guests.',
    priceVnd: 340_000, unitVi: 'hộp 100 g', unitEn: '100 g tin', weightGrams: 250, stock: 55,
    status: 'PUBLISHED', publishedDaysAgo: 94,
    certificates: [national(92, 2363, 480)],
  },
  {
    producerSlug: 'nong-nghiep-cnc-thang-long', sku: 'TL-THO-100', slug: 'tra-tho',
    groupCode: 'thuc-pham', subgroupCode: 'che',
    nameVi: 'Trà Thọ', nameEn: 'Tho tea',
    descriptionVi: 'Chè shan tuyết phối hoa cúc và kỷ tử, vị êm, phù hợp người cao tuổi. Là món quà mừng thọ ý nghĩa.',
    descriptionEn: 'Shan tuyet tea blended with chrysanthemum and goji, mellow and suited to older drinkers. A meaningful longevity gift.',
    priceVnd: 360_000, unitVi: 'hộp 100 g', unitEn: '100 g tin', weightGrams: 250, stock: 48,
    status: 'PUBLISHED', publishedDaysAgo: 93,
    certificates: [national(91, 2364, 480)],
  },
  {
    producerSlug: 'tra-sen-hien-xiem', sku: 'HX-TS-100', slug: 'tra-sen-tay-ho-hien-xiem',
    groupCode: 'thuc-pham', subgroupCode: 'che',
    nameVi: 'Trà sen Tây Hồ Hiền Xiêm', nameEn: 'Hien Xiem West Lake lotus tea',
    descriptionVi: 'Chè Thái Nguyên được ướp nhiều lần với gạo sen Bách Diệp hồ Tây, cần khoảng 1.000 bông sen cho mỗi cân trà. Hương sen đậm, vị chè êm và ngọt hậu.',
    descriptionEn: 'Thai Nguyen tea scented several times with the stamens of West Lake’s hundred-petal lotus, about 1,000 flowers per kilo of tea. Deep lotus aroma, mellow tea and a sweet finish.',
    priceVnd: 1_200_000, unitVi: 'hộp 100 g', unitEn: '100 g box', weightGrams: 300, stock: 15,
    status: 'PUBLISHED', publishedDaysAgo: 160,
    certificates: [provincial(4, 87, UBND_HA_NOI, 3980, 300, { potentialFiveStar: true })],
  },
  // ── Hà Nội: bronze, lacquer, inlay, bamboo
  {
    producerSlug: 'duc-dong-ngu-xa', sku: 'NX-DTL-01', slug: 'doi-den-tu-linh',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Đôi đèn Tứ Linh', nameEn: 'Pair of Four Sacred Beasts bronze lamps',
    descriptionVi: 'Đôi đèn thờ bằng đồng vàng đúc khuôn đất, chạm long, ly, quy, phượng. Bề mặt được giả cổ thủ công.',
    descriptionEn: 'A pair of altar lamps in yellow bronze cast in clay moulds, chased with dragon, unicorn, tortoise and phoenix. Hand-finished antique patina.',
    priceVnd: 6_800_000, unitVi: 'đôi', unitEn: 'pair', weightGrams: 5_200, stock: 4,
    status: 'PUBLISHED', publishedDaysAgo: 340,
    certificates: [provincial(4, 82, UBND_HA_NOI, 2410, 610)],
  },
  {
    producerSlug: 'duc-dong-ngu-xa', sku: 'NX-LSN-01', slug: 'lo-song-ngu',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Lọ Song Ngư bằng đồng', nameEn: 'Twin-fish bronze vase',
    descriptionVi: 'Lọ đồng cao 35 cm với hai con cá chép quấn quanh thân, biểu tượng của sung túc. Đúc nguyên khối, đánh bóng thủ công.',
    descriptionEn: 'A 35 cm bronze vase with two carp coiling around it, a symbol of abundance. Cast in one piece and hand-polished.',
    priceVnd: 2_900_000, unitVi: 'chiếc cao 35 cm', unitEn: '35 cm vase', weightGrams: 2_100, stock: 5,
    status: 'PUBLISHED', publishedDaysAgo: 360,
    certificates: [provincial(4, 78, UBND_HA_NOI, 1325, 1080)],
  },
  {
    producerSlug: 'son-mai-an-huy', sku: 'AH-HOP-01', slug: 'hop-son-mai-kham-trung',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Hộp sơn mài khảm vỏ trứng Hạ Thái', nameEn: 'Ha Thai eggshell-inlaid lacquer box',
    descriptionVi: 'Hộp sơn mài 20 × 15 cm khảm vỏ trứng thành họa tiết hoa sen, trong lót sơn son. Dùng đựng trang sức hoặc trà.',
    descriptionEn: 'A 20 × 15 cm lacquer box with a lotus motif inlaid in eggshell and a vermilion interior. For jewellery or tea.',
    priceVnd: 850_000, unitVi: 'chiếc 20 × 15 cm', unitEn: '20 × 15 cm box', weightGrams: 600, stock: 14,
    status: 'PUBLISHED', publishedDaysAgo: 210,
    certificates: [provincial(4, 79, UBND_HA_NOI, 3620, 390)],
  },
  {
    producerSlug: 'son-mai-an-huy', sku: 'AH-TRANH-02', slug: 'tranh-son-mai-lang-que',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Tranh sơn mài làng quê Bắc Bộ', nameEn: 'Northern village lacquer painting',
    descriptionVi: 'Tranh sơn mài 60 × 90 cm vẽ cổng làng, cây đa, giếng nước, được mài và phủ hàng chục lớp sơn ta. Mỗi bức mất khoảng ba tháng để hoàn thành.',
    descriptionEn: 'A 60 × 90 cm lacquer painting of a village gate, banyan tree and well, built up and sanded through dozens of coats. Each takes about three months.',
    priceVnd: 3_500_000, unitVi: 'bức 60 × 90 cm', unitEn: '60 × 90 cm painting', weightGrams: 4_500, stock: 3,
    status: 'PUBLISHED', publishedDaysAgo: 398,
    certificates: [provincial(4, 83, UBND_HA_NOI, 1331, 1085)],
  },
  {
    producerSlug: 'kham-trai-vu-van-dinh', sku: 'VD-HTS-01', slug: 'hop-trang-suc-kham-trai',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Hộp trang sức khảm trai Chuyên Mỹ', nameEn: 'Chuyen My mother-of-pearl jewellery box',
    descriptionVi: 'Hộp gỗ hương khảm trai hình chim hạc và hoa mai, lót nhung bên trong. Từng mảnh trai được cưa và mài bằng tay.',
    descriptionEn: 'A rosewood box inlaid with cranes and apricot blossom in mother-of-pearl, velvet-lined. Every piece of shell is cut and ground by hand.',
    priceVnd: 1_450_000, unitVi: 'chiếc', unitEn: 'piece', weightGrams: 900, stock: 9,
    status: 'PUBLISHED', publishedDaysAgo: 260,
    certificates: [provincial(4, 77, UBND_HA_NOI, 2280, 640)],
  },
  {
    producerSlug: 'kham-trai-vu-van-dinh', sku: 'VD-TVM-02', slug: 'tranh-kham-trai-van-mieu',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Tranh khảm trai Văn Miếu', nameEn: 'Temple of Literature mother-of-pearl picture',
    descriptionVi: 'Tranh 60 × 120 cm khảm trai cảnh Khuê Văn Các trên nền sơn đen. Nhận khắc chữ theo yêu cầu làm quà tặng.',
    descriptionEn: 'A 60 × 120 cm picture of the Khue Van Cac pavilion in mother-of-pearl on black lacquer. Custom engraving available for gifts.',
    priceVnd: 5_500_000, unitVi: 'bức 60 × 120 cm', unitEn: '60 × 120 cm picture', weightGrams: 8_000, stock: 2,
    status: 'PUBLISHED', publishedDaysAgo: 30,
    certificates: [],
  },
  {
    producerSlug: 'my-nghe-dai-viet', sku: 'DV-GIO-01', slug: 'gio-giang-dan-binh-phu',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Giỏ giang đan Bình Phú', nameEn: 'Binh Phu woven bamboo basket',
    descriptionVi: 'Giỏ đan bằng nan giang mảnh, có quai cầm, dùng đựng đồ hoặc làm giỏ quà Tết. Nan được luộc và sấy chống mốc.',
    descriptionEn: 'A basket woven from fine giang bamboo strips with a handle, for storage or Tet gift hampers. The strips are boiled and dried against mould.',
    priceVnd: 185_000, unitVi: 'chiếc', unitEn: 'piece', weightGrams: 400, stock: 150,
    status: 'PUBLISHED', publishedDaysAgo: 280,
    certificates: [provincial(4, 75, UBND_HA_NOI, 2965, 530)],
  },
  {
    producerSlug: 'my-nghe-dai-viet', sku: 'DV-KHAY-03', slug: 'bo-khay-may-tre-dan',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Bộ khay mây tre đan xuất khẩu', nameEn: 'Export-grade rattan tray set',
    descriptionVi: 'Bộ ba khay lồng nhau đan từ mây tự nhiên, phủ sơn PU gốc nước an toàn thực phẩm. Mẫu đang xuất khẩu sang Nhật Bản.',
    descriptionEn: 'A set of three nesting trays in natural rattan with a food-safe water-based finish. The same model is exported to Japan.',
    priceVnd: 420_000, unitVi: 'bộ 3 chiếc', unitEn: 'set of 3', weightGrams: 1_200, stock: 80,
    status: 'PUBLISHED', publishedDaysAgo: 275,
    certificates: [provincial(4, 73, UBND_HA_NOI, 2966, 530)],
  },
  // ── Hà Nội: honey
  {
    producerSlug: 'mat-ong-vinh-hoa', sku: 'VH-MO-500', slug: 'mat-ong-vinh-hoa',
    groupCode: 'thuc-pham', subgroupCode: 'mat-ong-nong-san-khac',
    nameVi: 'Mật ong Vinh Hoa Ba Vì', nameEn: 'Vinh Hoa Ba Vi honey',
    descriptionVi: 'Mật ong hoa rừng núi Ba Vì, độ ẩm dưới 20%, không pha đường. Màu hổ phách, vị ngọt đậm.',
    descriptionEn: 'Wildflower honey from Ba Vi mountain, under 20% moisture with no added sugar. Amber coloured with a rich sweetness.',
    priceVnd: 220_000, unitVi: 'chai 500 ml', unitEn: '500 ml bottle', weightGrams: 750, stock: 80,
    status: 'PUBLISHED', publishedDaysAgo: 370,
    certificates: [provincial(3, 64, UBND_HA_NOI, 1340, 1083)],
  },
  {
    producerSlug: 'htx-ong-tuan-minh', sku: 'TM-NHAN-500', slug: 'mat-ong-hoa-nhan-tuan-minh',
    groupCode: 'thuc-pham', subgroupCode: 'mat-ong-nong-san-khac',
    nameVi: 'Mật ong hoa nhãn Tuấn Minh', nameEn: 'Tuan Minh longan blossom honey',
    descriptionVi: 'Mật ong hoa nhãn thu hoạch vụ tháng Ba, thơm mùi nhãn chín, kết tinh mịn khi trời lạnh. Được kiểm nghiệm dư lượng kháng sinh từng lô.',
    descriptionEn: 'Longan blossom honey from the March harvest, smelling of ripe longan and crystallising finely in cold weather. Every batch is tested for antibiotic residues.',
    priceVnd: 250_000, unitVi: 'chai 500 ml', unitEn: '500 ml bottle', weightGrams: 750, stock: 120,
    status: 'PUBLISHED', publishedDaysAgo: 300,
    certificates: [provincial(4, 80, UBND_HA_NOI, 2660, 560)],
  },
  {
    producerSlug: 'htx-ong-tuan-minh', sku: 'TM-SOC-100', slug: 'sua-ong-chua-tuan-minh',
    groupCode: 'duoc-lieu', subgroupCode: 'thuc-pham-chuc-nang',
    nameVi: 'Sữa ong chúa tươi Tuấn Minh', nameEn: 'Tuan Minh fresh royal jelly',
    descriptionVi: 'Sữa ong chúa khai thác trong 72 giờ, bảo quản đông lạnh ngay tại trại. Giao hàng bằng thùng giữ lạnh.',
    descriptionEn: 'Royal jelly harvested within 72 hours and frozen at the apiary. Shipped in an insulated box.',
    priceVnd: 280_000, unitVi: 'hũ 100 g', unitEn: '100 g jar', weightGrams: 200, stock: 30,
    status: 'PUBLISHED', publishedDaysAgo: 70,
    certificates: [provincial(3, 61, UBND_HA_NOI, 6215, 150)],
  },
  // ── Hà Nội: foods
  {
    producerSlug: 'gio-lua-cong-thinh', sku: 'CT-GL-1KG', slug: 'gio-lua-cong-thinh',
    groupCode: 'thuc-pham', subgroupCode: 'che-bien-tu-thit-thuy-san',
    nameVi: 'Giò lụa Công Thịnh', nameEn: 'Cong Thinh pork roll',
    descriptionVi: 'Giò lụa giã từ thịt thăn nóng trong ngày với nước mắm cốt, gói lá chuối và luộc chín. Bảo quản ngăn mát trong năm ngày.',
    descriptionEn: 'Pork roll pounded from same-day loin with first-press fish sauce, wrapped in banana leaves and boiled. Keeps five days refrigerated.',
    priceVnd: 230_000, unitVi: 'cây 1 kg', unitEn: '1 kg roll', weightGrams: 1_050, stock: 25,
    status: 'PUBLISHED', publishedDaysAgo: 390,
    certificates: [provincial(3, 62, 'UBND huyện Thanh Trì', 3012, 1250)],
  },
  {
    producerSlug: 'cha-ca-hue-duong', sku: 'HD-CC-500', slug: 'cha-ca-that-lat-hue-duong',
    groupCode: 'thuc-pham', subgroupCode: 'che-bien-tu-thit-thuy-san',
    nameVi: 'Chả cá thát lát Huệ Dương', nameEn: 'Hue Duong clown knifefish cakes',
    descriptionVi: 'Chả cá thát lát quết tay, dai giòn tự nhiên, không dùng hàn the. Chiên vàng là ăn được.',
    descriptionEn: 'Hand-pounded clown knifefish cakes, naturally springy and borax-free. Just pan-fry until golden.',
    priceVnd: 160_000, unitVi: 'hộp 500 g', unitEn: '500 g pack', weightGrams: 550, stock: 30,
    status: 'PUBLISHED', publishedDaysAgo: 330,
    certificates: [provincial(3, 65, 'UBND huyện Thường Tín', 4567, 700)],
  },
  {
    producerSlug: 'htx-rau-huu-co-trung-gia', sku: 'TG-CAI-500', slug: 'rau-cai-huu-co-trung-gia',
    groupCode: 'thuc-pham', subgroupCode: 'rau-cu-qua-hat-tuoi',
    nameVi: 'Rau cải ngọt hữu cơ Trung Giã', nameEn: 'Trung Gia organic choy sum',
    descriptionVi: 'Cải ngọt trồng hữu cơ, không phân bón hóa học và thuốc trừ sâu, thu hoạch buổi sáng và giao trong ngày. Đóng túi 500 g.',
    descriptionEn: 'Organically grown choy sum with no chemical fertiliser or pesticide, picked in the morning and delivered the same day. 500 g bags.',
    priceVnd: 45_000, unitVi: 'túi 500 g', unitEn: '500 g bag', weightGrams: 520, stock: 60,
    status: 'PUBLISHED', publishedDaysAgo: 365,
    certificates: [provincial(3, 63, UBND_HA_NOI, 1352, 1088)],
  },
  {
    producerSlug: 'nam-kms-minh-phu', sku: 'KMS-SO-500', slug: 'nam-so-kms-minh-phu',
    groupCode: 'thuc-pham', subgroupCode: 'rau-cu-qua-hat-tuoi',
    nameVi: 'Nấm sò tươi KMS Minh Phú', nameEn: 'KMS Minh Phu fresh oyster mushrooms',
    descriptionVi: 'Nấm sò trồng trên mùn cưa trong nhà màng, hái khi mũ nấm còn cuộn. Sản phẩm tạm ngừng kinh doanh.',
    descriptionEn: 'Oyster mushrooms grown on sawdust in a greenhouse and picked while the caps are still curled. Temporarily discontinued.',
    priceVnd: 55_000, unitVi: 'túi 500 g', unitEn: '500 g bag', weightGrams: 520, stock: 0,
    status: 'ARCHIVED', publishedDaysAgo: 400,
    certificates: [provincial(3, 58, UBND_HA_NOI, 3701, 400)],
  },
  {
    producerSlug: 'banh-chung-hai-yen', sku: 'HY-BC-1KG', slug: 'banh-chung-xanh-hai-yen',
    groupCode: 'thuc-pham', subgroupCode: 'che-bien-tu-gao',
    nameVi: 'Bánh chưng xanh Hải Yến', nameEn: 'Hai Yen green sticky rice cake',
    descriptionVi: 'Bánh chưng gói lá dong rừng, nhân đậu xanh và thịt ba chỉ, luộc củi mười tiếng nên vỏ xanh và dẻo. Bánh nặng khoảng 1 kg.',
    descriptionEn: 'Banh chung wrapped in forest dong leaves, filled with mung bean and pork belly and wood-boiled for ten hours for a green, soft crust. About 1 kg each.',
    priceVnd: 85_000, unitVi: 'chiếc 1 kg', unitEn: '1 kg cake', weightGrams: 1_000, stock: 40,
    status: 'PUBLISHED', publishedDaysAgo: 355,
    certificates: [provincial(3, 60, UBND_HA_NOI, 1177, 1150)],
  },
  // ── Hà Nội: ornamental plants
  {
    producerSlug: 'vuon-dao-nhat-tan', sku: 'NT-DAO-150', slug: 'cay-dao-the-nhat-tan',
    groupCode: 'sinh-vat-canh', subgroupCode: 'cay-canh',
    nameVi: 'Cây đào thế Nhật Tân', nameEn: 'Nhat Tan shaped peach tree',
    descriptionVi: 'Cây đào bích thế trực cao khoảng 1,5 m, được hãm nụ để nở đúng dịp Tết. Giao kèm chậu sứ và hướng dẫn chăm sóc.',
    descriptionEn: 'A 1.5 m upright-style deep-pink peach tree, timed to bloom for Tet. Delivered with a ceramic pot and care instructions.',
    priceVnd: 3_500_000, unitVi: 'cây cao 1,5 m', unitEn: '1.5 m tree', weightGrams: 25_000, stock: 6,
    status: 'PUBLISHED', publishedDaysAgo: 12,
    certificates: [provincial(3, 68, UBND_HA_NOI, 5540, 330)],
  },
  {
    producerSlug: 'htx-hoa-me-linh', sku: 'ML-HONG-20', slug: 'hoa-hong-me-linh',
    groupCode: 'sinh-vat-canh', subgroupCode: 'hoa',
    nameVi: 'Hoa hồng Mê Linh', nameEn: 'Me Linh roses',
    descriptionVi: 'Bó 20 bông hồng cắt cành trồng theo VietGAP, cành dài 60 cm. Cắt sáng sớm, giao trong ngày tại Hà Nội.',
    descriptionEn: 'A bunch of 20 VietGAP-grown cut roses on 60 cm stems. Cut at dawn and delivered the same day in Hanoi.',
    priceVnd: 150_000, unitVi: 'bó 20 bông', unitEn: 'bunch of 20 stems', weightGrams: 800, stock: 50,
    status: 'PUBLISHED', publishedDaysAgo: 8,
    certificates: [provincial(3, 62, UBND_HA_NOI, 2890, 450)],
  },
  // ── Vĩnh Long (former Trà Vinh)
  {
    producerSlug: 'tra-vinh-farm', sku: 'TVF-MHD-250', slug: 'mat-hoa-dua-tra-vinh-farm',
    groupCode: 'thuc-pham', subgroupCode: 'mat-ong-nong-san-khac',
    nameVi: 'Mật hoa dừa Trà Vinh FARM', nameEn: 'Tra Vinh FARM coconut blossom nectar',
    descriptionVi: 'Mật cô đặc từ nhựa hoa dừa tươi, chỉ số đường huyết thấp, giàu khoáng chất. Dùng thay đường trong đồ uống và nấu ăn.',
    descriptionEn: 'Nectar concentrated from fresh coconut blossom sap: low glycaemic index and rich in minerals. Use instead of sugar in drinks and cooking.',
    priceVnd: 120_000, unitVi: 'chai 250 ml', unitEn: '250 ml bottle', weightGrams: 380, stock: 90,
    status: 'PUBLISHED', publishedDaysAgo: 390,
    certificates: [national(93, 1703, 800)],
  },
  {
    producerSlug: 'tra-vinh-farm', sku: 'TVF-DHD-250', slug: 'duong-hoa-dua-tra-vinh-farm',
    groupCode: 'thuc-pham', subgroupCode: 'gia-vi-khac',
    nameVi: 'Đường hoa dừa Trà Vinh FARM', nameEn: 'Tra Vinh FARM coconut sugar',
    descriptionVi: 'Đường hoa dừa dạng hạt, hương caramel tự nhiên, không tẩy trắng. Đạt OCOP 5 sao cấp quốc gia.',
    descriptionEn: 'Granulated coconut blossom sugar with a natural caramel note, unbleached. Five OCOP stars at national level.',
    priceVnd: 95_000, unitVi: 'hũ 250 g', unitEn: '250 g jar', weightGrams: 320, stock: 100,
    status: 'PUBLISHED', publishedDaysAgo: 388,
    certificates: [national(92, 1704, 800)],
  },
  {
    producerSlug: 'tra-vinh-farm', sku: 'TVF-XB-100', slug: 'xa-bong-dua-thien-nhien',
    groupCode: 'duoc-lieu', subgroupCode: 'my-pham-duoc-lieu',
    nameVi: 'Xà bông dầu dừa thiên nhiên', nameEn: 'Natural coconut oil soap',
    descriptionVi: 'Xà bông ép lạnh từ dầu dừa nguyên chất và tinh dầu sả, dịu nhẹ cho da nhạy cảm. Mỗi bánh 100 g, ủ 6 tuần trước khi bán.',
    descriptionEn: 'Cold-process soap made with virgin coconut oil and lemongrass essential oil, gentle on sensitive skin. 100 g bars cured for six weeks.',
    priceVnd: 45_000, unitVi: 'bánh 100 g', unitEn: '100 g bar', weightGrams: 110, stock: 200,
    status: 'PUBLISHED', publishedDaysAgo: 60,
    certificates: [provincial(3, 59, 'UBND tỉnh Vĩnh Long', 1288, 120)],
  },
  {
    producerSlug: 'vicosap', sku: 'VCS-DS-250', slug: 'dua-sap-soi-vicosap',
    groupCode: 'thuc-pham', subgroupCode: 'che-bien-tu-rau-qua',
    nameVi: 'Dừa sáp sợi VICOSAP', nameEn: 'VICOSAP shredded macapuno coconut',
    descriptionVi: 'Cơm dừa sáp Cầu Kè cắt sợi, ngâm nước đường nhẹ và tiệt trùng. Dùng làm chè, kem hoặc ăn trực tiếp.',
    descriptionEn: 'Cau Ke macapuno flesh cut into strands, lightly syruped and sterilised. For desserts, ice cream or eating as is.',
    priceVnd: 85_000, unitVi: 'hộp 250 g', unitEn: '250 g tub', weightGrams: 300, stock: 70,
    status: 'PUBLISHED', publishedDaysAgo: 180,
    certificates: [national(95, 2365, 360)],
  },
  // ── An Giang (former Kiên Giang)
  {
    producerSlug: 'nuoc-mam-khai-hoan', sku: 'KH-40N-500', slug: 'nuoc-mam-phu-quoc-khai-hoan-40-do-dam',
    groupCode: 'thuc-pham', subgroupCode: 'tuong-nuoc-mam',
    nameVi: 'Nước mắm Phú Quốc Khải Hoàn 40 độ đạm', nameEn: 'Khai Hoan Phu Quoc fish sauce, 40° protein',
    descriptionVi: 'Nước mắm nhĩ ủ chượp cá cơm than với muối trong thùng gỗ bời lời 12 tháng. Màu cánh gián, vị mặn đằm và hậu ngọt.',
    descriptionEn: 'First-drip fish sauce from black anchovies and salt aged 12 months in wooden barrels. Deep amber, rounded saltiness and a sweet finish.',
    priceVnd: 145_000, unitVi: 'chai 500 ml', unitEn: '500 ml bottle', weightGrams: 800, stock: 150,
    status: 'PUBLISHED', publishedDaysAgo: 392,
    certificates: [national(96, 1705, 900)],
  },
  {
    producerSlug: 'nuoc-mam-thanh-quoc', sku: 'TQ-43N-500', slug: 'nuoc-mam-thanh-quoc-43-do-dam',
    groupCode: 'thuc-pham', subgroupCode: 'tuong-nuoc-mam',
    nameVi: 'Nước mắm Thanh Quốc 43 độ đạm', nameEn: 'Thanh Quoc fish sauce, 43° protein',
    descriptionVi: 'Nước mắm cốt độ đạm 43, chỉ lấy phần nước đầu tiên chảy ra từ thùng chượp. Thích hợp chấm trực tiếp.',
    descriptionEn: 'Fish sauce at 43° protein, only the very first drip from the barrel. Best used as a dipping sauce.',
    priceVnd: 175_000, unitVi: 'chai 500 ml', unitEn: '500 ml bottle', weightGrams: 800, stock: 90,
    status: 'PUBLISHED', publishedDaysAgo: 250,
    certificates: [national(94, 1920, 600)],
  },
  {
    producerSlug: 'nuoc-mam-thanh-quoc', sku: 'TQ-35N-250', slug: 'nuoc-mam-nhi-ca-com-35-do-dam',
    groupCode: 'thuc-pham', subgroupCode: 'tuong-nuoc-mam',
    nameVi: 'Nước mắm nhĩ cá cơm 35 độ đạm', nameEn: 'Anchovy first-drip fish sauce, 35° protein',
    descriptionVi: 'Dòng nước mắm mới đóng chai 250 ml tiện dùng cho bếp gia đình. Sản phẩm đang chờ đánh giá OCOP.',
    descriptionEn: 'A new 250 ml bottling for home kitchens. Awaiting OCOP evaluation.',
    priceVnd: 95_000, unitVi: 'chai 250 ml', unitEn: '250 ml bottle', weightGrams: 420, stock: 40,
    status: 'PUBLISHED', publishedDaysAgo: 3,
    certificates: [],
  },
  {
    producerSlug: 'htx-phu-nu-phu-my', sku: 'PM-GIO-01', slug: 'gio-co-bang-phu-my',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Giỏ cỏ bàng Phú Mỹ', nameEn: 'Phu My sedge basket',
    descriptionVi: 'Giỏ đan tay từ cỏ bàng phơi khô, màu nâu vàng tự nhiên, bền và thoáng. Dùng đựng đồ hoặc làm chậu cây trang trí.',
    descriptionEn: 'A basket hand-woven from dried sedge in its natural golden brown, durable and airy. For storage or as a plant-pot cover.',
    priceVnd: 150_000, unitVi: 'chiếc', unitEn: 'piece', weightGrams: 350, stock: 70,
    status: 'PUBLISHED', publishedDaysAgo: 320,
    certificates: [provincial(4, 76, 'UBND tỉnh Kiên Giang', 2215, 700)],
  },
  {
    producerSlug: 'htx-phu-nu-phu-my', sku: 'PM-TUI-02', slug: 'tui-xach-co-bang-phu-my',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'vai-may-mac',
    nameVi: 'Túi xách cỏ bàng Phú Mỹ', nameEn: 'Phu My sedge handbag',
    descriptionVi: 'Túi xách đan cỏ bàng phối quai da, lót vải bên trong. Mỗi chiếc do một chị em Khmer đan trong khoảng hai ngày.',
    descriptionEn: 'A sedge handbag with leather handles and a fabric lining. Each takes one Khmer weaver about two days.',
    priceVnd: 220_000, unitVi: 'chiếc', unitEn: 'piece', weightGrams: 400, stock: 55,
    status: 'PUBLISHED', publishedDaysAgo: 318,
    certificates: [provincial(4, 78, 'UBND tỉnh Kiên Giang', 2216, 700)],
  },
  {
    producerSlug: 'htx-nong-nghiep-phu-loi', sku: 'PL-NH-5KG', slug: 'gao-nang-huong-giang-thanh',
    groupCode: 'thuc-pham', subgroupCode: 'gao-ngu-coc',
    nameVi: 'Gạo Nàng Hương Giang Thành', nameEn: 'Giang Thanh Nang Huong fragrant rice',
    descriptionVi: 'Gạo Nàng Hương hạt thon dài, cơm mềm và thơm lá dứa. Túi 5 kg hút chân không.',
    descriptionEn: 'Long, slender Nang Huong grains cooking soft with a pandan-like aroma. Vacuum-packed 5 kg bag.',
    priceVnd: 125_000, unitVi: 'túi 5 kg', unitEn: '5 kg bag', weightGrams: 5_050, stock: 100,
    status: 'DRAFT', publishedDaysAgo: 5,
    certificates: [provincial(4, 71, 'UBND tỉnh Kiên Giang', 2208, 690)],
  },
  // ── Thái Nguyên
  {
    producerSlug: 'htx-nong-san-phu-luong', sku: 'PL-TTN-200', slug: 'tra-tom-non-phu-luong',
    groupCode: 'thuc-pham', subgroupCode: 'che',
    nameVi: 'Trà tôm nõn Phú Lương', nameEn: 'Phu Luong first-bud tea',
    descriptionVi: 'Chỉ hái phần tôm nõn trên đỉnh búp chè, sao tay trên chảo gang. Nước xanh trong, hương cốm, vị chát nhẹ và ngọt sâu.',
    descriptionEn: 'Only the unopened bud tip is picked, then pan-roasted by hand in a cast-iron wok. Clear green liquor, a young-rice aroma, light astringency and deep sweetness.',
    priceVnd: 480_000, unitVi: 'hộp 200 g', unitEn: '200 g box', weightGrams: 350, stock: 40,
    status: 'PUBLISHED', publishedDaysAgo: 376,
    certificates: [national(93, 1706, 760)],
  },
  {
    producerSlug: 'htx-che-hao-dat', sku: 'HD-TC-200', slug: 'che-tan-cuong-dac-biet-hao-dat',
    groupCode: 'thuc-pham', subgroupCode: 'che',
    nameVi: 'Chè Tân Cương đặc biệt Hảo Đạt', nameEn: 'Hao Dat special Tan Cuong tea',
    descriptionVi: 'Chè móc câu Tân Cương một tôm hai lá, trồng theo VietGAP. Được tỉnh đề xuất đánh giá 5 sao.',
    descriptionEn: 'Tan Cuong hook-shaped tea, one bud and two leaves, grown to VietGAP. Put forward by the province for a five-star evaluation.',
    priceVnd: 280_000, unitVi: 'hộp 200 g', unitEn: '200 g box', weightGrams: 300, stock: 75,
    status: 'PUBLISHED', publishedDaysAgo: 170,
    certificates: [provincial(4, 88, 'UBND tỉnh Thái Nguyên', 1634, 350, { potentialFiveStar: true })],
  },
  // ── Quảng Ninh
  {
    producerSlug: 'htx-tra-hoa-vang-ba-che', sku: 'BC-THV-50', slug: 'tra-hoa-vang-ba-che',
    groupCode: 'thuc-pham', subgroupCode: 'tra-thao-moc',
    nameVi: 'Trà hoa vàng Ba Chẽ', nameEn: 'Ba Che golden camellia tea',
    descriptionVi: 'Bông trà hoa vàng sấy lạnh nguyên bông, pha cho nước vàng óng, vị ngọt thanh. Cây được trồng dưới tán rừng tự nhiên của người Dao.',
    descriptionEn: 'Whole golden camellia flowers, freeze-dried, brewing a bright gold cup with a clean sweetness. Grown under natural forest by Dao families.',
    priceVnd: 850_000, unitVi: 'hộp 50 g', unitEn: '50 g box', weightGrams: 180, stock: 25,
    status: 'PUBLISHED', publishedDaysAgo: 385,
    certificates: [national(92, 1530, 980)],
  },
  {
    producerSlug: 'htx-tra-hoa-vang-ba-che', sku: 'BC-CAO-100', slug: 'cao-tra-hoa-vang-ba-che',
    groupCode: 'duoc-lieu', subgroupCode: 'thuc-pham-chuc-nang',
    nameVi: 'Cao trà hoa vàng Ba Chẽ', nameEn: 'Ba Che golden camellia extract',
    descriptionVi: 'Cao đặc chiết từ lá và hoa trà hoa vàng, pha với nước ấm dùng hằng ngày. Lọ thủy tinh 100 g.',
    descriptionEn: 'A thick extract of golden camellia leaves and flowers, to stir into warm water daily. 100 g glass jar.',
    priceVnd: 650_000, unitVi: 'lọ 100 g', unitEn: '100 g jar', weightGrams: 250, stock: 20,
    status: 'PUBLISHED', publishedDaysAgo: 270,
    certificates: [provincial(4, 81, 'UBND tỉnh Quảng Ninh', 2870, 540)],
  },
  {
    producerSlug: 'htx-mien-dong-binh-lieu', sku: 'BL-MD-500', slug: 'mien-dong-binh-lieu',
    groupCode: 'thuc-pham', subgroupCode: 'che-bien-tu-rau-qua',
    nameVi: 'Miến dong Bình Liêu', nameEn: 'Binh Lieu canna starch noodles',
    descriptionVi: 'Miến làm từ tinh bột củ dong riềng trồng trên nương, sợi dai, không bị nát khi nấu. Phơi nắng tự nhiên, không chất tẩy trắng.',
    descriptionEn: 'Noodles made from hillside canna root starch: chewy strands that hold together when cooked. Sun-dried, no bleach.',
    priceVnd: 75_000, unitVi: 'gói 500 g', unitEn: '500 g pack', weightGrams: 520, stock: 140,
    status: 'PUBLISHED', publishedDaysAgo: 397,
    certificates: [provincial(4, 84, 'UBND tỉnh Quảng Ninh', 1119, 1079)],
  },
  // ── Tây Ninh
  {
    producerSlug: 'banh-trang-tan-nhien', sku: 'TN-BT-200', slug: 'banh-trang-sieu-mong-tan-nhien',
    groupCode: 'thuc-pham', subgroupCode: 'che-bien-tu-gao',
    nameVi: 'Bánh tráng siêu mỏng Tân Nhiên', nameEn: 'Tan Nhien ultra-thin rice paper',
    descriptionVi: 'Bánh tráng gạo siêu mỏng, không cần nhúng nước khi cuốn. Làm từ gạo và muối, không chất bảo quản.',
    descriptionEn: 'Ultra-thin rice paper that needs no dipping before rolling. Made from rice and salt only, no preservatives.',
    priceVnd: 38_000, unitVi: 'gói 200 g', unitEn: '200 g pack', weightGrams: 220, stock: 300,
    status: 'PUBLISHED', publishedDaysAgo: 384,
    certificates: [national(91, 1707, 850)],
  },
  // ── Hải Phòng (former Hải Dương)
  {
    producerSlug: 'gom-chu-dau', sku: 'CD-BINH-40', slug: 'binh-gom-men-lam-chu-dau',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Bình gốm men lam Chu Đậu', nameEn: 'Chu Dau blue-and-white vase',
    descriptionVi: 'Bình cao 40 cm vẽ lam dưới men họa tiết mẫu đơn, phỏng theo hiện vật thế kỷ XV. Đất và men được pha chế theo công thức khôi phục.',
    descriptionEn: 'A 40 cm vase with underglaze-blue peonies, modelled on a 15th-century piece. Clay and glaze follow the revived recipes.',
    priceVnd: 2_600_000, unitVi: 'chiếc cao 40 cm', unitEn: '40 cm vase', weightGrams: 3_200, stock: 6,
    status: 'PUBLISHED', publishedDaysAgo: 330,
    certificates: [
      { stars: 4, score: 86, level: 'PROVINCIAL', issuer: 'UBND tỉnh Hải Dương', decisionNumber: '3520/QĐ-UBND', issuedDaysAgo: 1500, legalBasis: LB_1048 },
      national(95, 2366, 400),
    ],
  },
  {
    producerSlug: 'gom-chu-dau', sku: 'CD-DIA-32', slug: 'dia-gom-ve-lam-chu-dau',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Đĩa gốm vẽ lam Chu Đậu 32 cm', nameEn: 'Chu Dau blue-painted platter, 32 cm',
    descriptionVi: 'Đĩa trang trí đường kính 32 cm vẽ cảnh cá sen, có chân treo tường. Mỗi chiếc có chữ ký của họa sĩ vẽ.',
    descriptionEn: 'A 32 cm decorative platter painted with fish and lotus, with a wall hanger. Each is signed by its painter.',
    priceVnd: 1_350_000, unitVi: 'chiếc Ø 32 cm', unitEn: '32 cm platter', weightGrams: 1_600, stock: 10,
    status: 'PUBLISHED', publishedDaysAgo: 328,
    certificates: [national(93, 2367, 400)],
  },
  {
    producerSlug: 'banh-dau-xanh-rong-vang', sku: 'RV-BDX-240', slug: 'banh-dau-xanh-rong-vang',
    groupCode: 'thuc-pham', subgroupCode: 'che-bien-tu-rau-qua',
    nameVi: 'Bánh đậu xanh Rồng Vàng', nameEn: 'Rong Vang mung bean cakes',
    descriptionVi: 'Bánh đậu xanh truyền thống làm từ đậu xanh, đường kính và mỡ lợn, tan ngay trong miệng. Hộp thiếc 240 g in hình rồng vàng.',
    descriptionEn: 'Traditional mung bean cakes of mung bean, sugar and lard that melt in the mouth. 240 g tin with the golden dragon emblem.',
    priceVnd: 65_000, unitVi: 'hộp 240 g', unitEn: '240 g tin', weightGrams: 280, stock: 200,
    status: 'PUBLISHED', publishedDaysAgo: 395,
    certificates: [national(90, 1531, 1000)],
  },
  {
    producerSlug: 'htx-ong-mat-thanh-ha', sku: 'TH-MOV-500', slug: 'mat-ong-hoa-vai-thanh-ha',
    groupCode: 'thuc-pham', subgroupCode: 'mat-ong-nong-san-khac',
    nameVi: 'Mật ong hoa vải Thanh Hà', nameEn: 'Thanh Ha lychee blossom honey',
    descriptionVi: 'Mật ong thu từ những vườn vải thiều Thanh Hà mùa hoa tháng Hai. Mùi thơm đặc trưng của hoa vải.',
    descriptionEn: 'Honey from the Thanh Ha lychee orchards during the February bloom, with the distinctive scent of lychee blossom.',
    priceVnd: 180_000, unitVi: 'chai 500 ml', unitEn: '500 ml bottle', weightGrams: 750, stock: 30,
    status: 'PUBLISHED', publishedDaysAgo: 290,
    certificates: [
      provincial(3, 57, 'UBND tỉnh Hải Dương', 2594, 560, {
        revoked: { daysAgo: 45, reason: 'Thu hồi sau hậu kiểm: chỉ tiêu HMF của lô hàng lấy mẫu vượt giới hạn cho phép.' },
      }),
    ],
  },
  // ── Phú Thọ
  {
    producerSlug: 'banh-chung-dat-to', sku: 'DT-BC-12', slug: 'banh-chung-dat-to',
    groupCode: 'thuc-pham', subgroupCode: 'che-bien-tu-gao',
    nameVi: 'Bánh chưng Đất Tổ', nameEn: 'Dat To banh chung',
    descriptionVi: 'Bánh chưng vuông gói gạo nếp cái hoa vàng, đậu xanh và thịt lợn đen, theo tích Lang Liêu của vùng Đất Tổ. Bánh nặng khoảng 1,2 kg.',
    descriptionEn: 'Square banh chung of yellow-flower sticky rice, mung bean and black pork, after the Lang Lieu legend of the ancestral land. About 1.2 kg.',
    priceVnd: 95_000, unitVi: 'chiếc 1,2 kg', unitEn: '1.2 kg cake', weightGrams: 1_200, stock: 60,
    status: 'PUBLISHED', publishedDaysAgo: 305,
    certificates: [provincial(4, 79, 'UBND tỉnh Phú Thọ', 2133, 620)],
  },
  // ── Sơn La
  {
    producerSlug: 'htx-tay-bac', sku: 'TB-TD-250', slug: 'toi-den-co-don-yen-chau',
    groupCode: 'thuc-pham', subgroupCode: 'gia-vi-khac',
    nameVi: 'Tỏi đen cô đơn Yên Châu', nameEn: 'Yen Chau single-clove black garlic',
    descriptionVi: 'Tỏi cô đơn trồng trên đất Yên Châu, lên men tự nhiên 60 ngày thành tỏi đen dẻo, ngọt, không hăng. Ăn trực tiếp hoặc ngâm mật ong.',
    descriptionEn: 'Single-clove garlic grown in Yen Chau and aged 60 days into soft, sweet black garlic with no harshness. Eat as is or steep in honey.',
    priceVnd: 280_000, unitVi: 'hộp 250 g', unitEn: '250 g box', weightGrams: 320, stock: 45,
    status: 'PUBLISHED', publishedDaysAgo: 230,
    certificates: [provincial(4, 80, 'UBND tỉnh Sơn La', 1466, 470)],
  },
  // ── Lào Cai
  {
    producerSlug: 'htx-ruou-ngo-ban-pho', sku: 'BP-RN-1L', slug: 'ruou-ngo-ban-pho',
    groupCode: 'do-uong', subgroupCode: 'ruou-trang',
    nameVi: 'Rượu ngô men lá Bản Phố', nameEn: 'Ban Pho leaf-yeast corn liquor',
    descriptionVi: 'Rượu chưng cất từ ngô nương với men lá rừng của người H’Mông, nồng độ 40% vol. Đã lọc độc tố andehit theo quy trình của hợp tác xã.',
    descriptionEn: 'Spirit distilled from upland corn with H’Mong forest-leaf yeast, 40% ABV. Filtered for aldehydes under the cooperative’s process.',
    priceVnd: 180_000, unitVi: 'chai 1 lít', unitEn: '1 litre bottle', weightGrams: 1_600, stock: 60,
    status: 'PUBLISHED', publishedDaysAgo: 381,
    certificates: [provincial(4, 75, 'UBND tỉnh Lào Cai', 3370, 880)],
  },
  // ── Bắc Ninh
  {
    producerSlug: 'tranh-dong-ho', sku: 'DH-DCC-3040', slug: 'tranh-dong-ho-dam-cuoi-chuot',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'do-gia-dung-trang-tri',
    nameVi: 'Tranh Đông Hồ Đám cưới chuột', nameEn: 'Dong Ho print “The Rats’ Wedding”',
    descriptionVi: 'Tranh in thủ công từ bốn ván khắc màu trên giấy điệp, khổ 30 × 40 cm. Kèm khung tre và giấy chứng nhận của làng nghề.',
    descriptionEn: 'Hand-printed from four colour blocks on seashell paper, 30 × 40 cm. Comes with a bamboo frame and the village’s certificate.',
    priceVnd: 250_000, unitVi: 'bức 30 × 40 cm', unitEn: '30 × 40 cm print', weightGrams: 200, stock: 80,
    status: 'PUBLISHED', publishedDaysAgo: 366,
    certificates: [provincial(4, 82, 'UBND tỉnh Bắc Ninh', 1689, 760)],
  },
  // ── Hưng Yên
  {
    producerSlug: 'htx-nhan-long-pho-hien', sku: 'PH-LN-500', slug: 'long-nhan-say-pho-hien',
    groupCode: 'thuc-pham', subgroupCode: 'che-bien-tu-rau-qua',
    nameVi: 'Long nhãn sấy Phố Hiến', nameEn: 'Pho Hien dried longan',
    descriptionVi: 'Cùi nhãn lồng tách hạt, sấy than hoa nên dẻo, màu hổ phách và ngọt đậm. Dùng nấu chè hoặc pha trà.',
    descriptionEn: 'Seedless long-an longan flesh dried over charcoal until chewy, amber and intensely sweet. For sweet soups or tea.',
    priceVnd: 260_000, unitVi: 'túi 500 g', unitEn: '500 g bag', weightGrams: 520, stock: 65,
    status: 'PUBLISHED', publishedDaysAgo: 140,
    certificates: [provincial(4, 77, 'UBND tỉnh Hưng Yên', 3105, 300)],
  },
  {
    producerSlug: 'htx-nhan-long-pho-hien', sku: 'PH-NL-KG', slug: 'nhan-long-hung-yen-tuoi',
    groupCode: 'thuc-pham', subgroupCode: 'rau-cu-qua-hat-tuoi',
    nameVi: 'Nhãn lồng Hưng Yên tươi', nameEn: 'Fresh Hung Yen longan',
    descriptionVi: 'Nhãn lồng chín cây, cùi dày, giòn và ngọt, chỉ có vào tháng Bảy, tháng Tám. Hiện đã hết mùa.',
    descriptionEn: 'Tree-ripened longan with thick, crisp, sweet flesh, available only in July and August. Currently out of season.',
    priceVnd: 85_000, unitVi: 'kg', unitEn: 'kg', weightGrams: 1_000, stock: 0,
    status: 'PUBLISHED', publishedDaysAgo: 120,
    certificates: [provincial(3, 60, 'UBND tỉnh Hưng Yên', 1210, 1130)],
  },
  // ── Đắk Lắk
  {
    producerSlug: 'htx-ca-phe-hoa-phu', sku: 'HP-RB-500', slug: 'ca-phe-robusta-rang-xay-hoa-phu',
    groupCode: 'thuc-pham', subgroupCode: 'ca-phe-ca-cao',
    nameVi: 'Cà phê Robusta rang xay Hòa Phú', nameEn: 'Hoa Phu ground Robusta coffee',
    descriptionVi: 'Cà phê Robusta hái chín đỏ trên 90%, phơi trên giàn và rang mộc không tẩm. Vị đậm, hậu đắng sô-cô-la.',
    descriptionEn: 'Robusta picked over 90% ripe, dried on raised beds and roasted plain with no additives. Bold, with a dark-chocolate finish.',
    priceVnd: 160_000, unitVi: 'túi 500 g', unitEn: '500 g bag', weightGrams: 520, stock: 120,
    status: 'PUBLISHED', publishedDaysAgo: 100,
    certificates: [provincial(4, 80, 'UBND tỉnh Đắk Lắk', 4471, 200)],
  },
  // ── Huế
  {
    producerSlug: 'non-la-phu-cam', sku: 'PC-NBT-01', slug: 'non-la-bai-tho-phu-cam',
    groupCode: 'thu-cong-my-nghe', subgroupCode: 'vai-may-mac',
    nameVi: 'Nón lá bài thơ Phú Cam', nameEn: 'Phu Cam poem conical hat',
    descriptionVi: 'Nón hai lớp lá mỏng, soi lên nắng sẽ thấy hình cầu Trường Tiền và câu thơ xứ Huế. Kèm quai lụa.',
    descriptionEn: 'A two-layer leaf hat: hold it to the light to see the Truong Tien bridge and a Hue verse. Comes with a silk strap.',
    priceVnd: 120_000, unitVi: 'chiếc', unitEn: 'piece', weightGrams: 200, stock: 90,
    status: 'PUBLISHED', publishedDaysAgo: 387,
    certificates: [provincial(3, 64, 'UBND tỉnh Thừa Thiên Huế', 2470, 900)],
  },
  {
    producerSlug: 'me-xung-thien-huong', sku: 'TH-MX-250', slug: 'me-xung-hue-thien-huong',
    groupCode: 'thuc-pham', subgroupCode: 'che-bien-tu-rau-qua',
    nameVi: 'Mè xửng Huế Thiên Hương', nameEn: 'Thien Huong Hue sesame brittle',
    descriptionVi: 'Kẹo dẻo nấu từ mạch nha, đường, đậu phộng, phủ mè rang, cắt miếng gói giấy bóng kính. Món quà quen thuộc của cố đô.',
    descriptionEn: 'Chewy candy of malt syrup, sugar and peanuts coated in toasted sesame, cut and wrapped in cellophane. A classic gift from the old capital.',
    priceVnd: 55_000, unitVi: 'hộp 250 g', unitEn: '250 g box', weightGrams: 300, stock: 150,
    status: 'PUBLISHED', publishedDaysAgo: 190,
    certificates: [provincial(4, 76, 'UBND thành phố Huế', 1795, 380)],
  },
]
