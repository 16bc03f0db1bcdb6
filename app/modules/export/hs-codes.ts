/**
 * Harmonized System codes for export terms. A code is 6 digits (the international subheading) or 8
 * (Vietnam's national tariff line, AHTN 2022), typed with or without dots: `0409.00`, `2103.90.10`.
 * The first four digits are the heading; for the headings OCOP products fall under we show the
 * heading's description (WCO HS 2022 wording, shortened). A valid code under another heading is
 * accepted and shown without a description.
 */
export const HS_HEADINGS: Record<string, { en: string; vi: string }> = {
  '0410': {
    en: 'Edible products of animal origin n.e.s. (royal jelly, …)',
    vi: 'Sản phẩm ăn được gốc động vật khác (sữa ong chúa, …)',
  },
  '0409': { en: 'Natural honey', vi: 'Mật ong tự nhiên' },
  '0602': { en: 'Other live plants', vi: 'Cây sống khác' },
  '0603': { en: 'Cut flowers and flower buds', vi: 'Hoa cắt cành và nụ hoa' },
  '0709': { en: 'Other vegetables, fresh or chilled (mushrooms, …)', vi: 'Rau khác, tươi hoặc ướp lạnh (nấm, …)' },
  '0704': { en: 'Cabbages and similar edible brassicas, fresh', vi: 'Bắp cải và rau họ cải, tươi' },
  '0810': { en: 'Other fruit, fresh (longan, …)', vi: 'Quả khác, tươi (nhãn, …)' },
  '0813': { en: 'Fruit, dried', vi: 'Quả khô' },
  '0901': { en: 'Coffee, whether or not roasted', vi: 'Cà phê, đã hoặc chưa rang' },
  '0902': { en: 'Tea, whether or not flavoured', vi: 'Chè, đã hoặc chưa pha hương liệu' },
  '0904': { en: 'Pepper', vi: 'Hạt tiêu' },
  '0910': { en: 'Ginger, turmeric and other spices', vi: 'Gừng, nghệ và gia vị khác' },
  '1006': { en: 'Rice', vi: 'Lúa gạo' },
  '1302': { en: 'Vegetable saps and extracts', vi: 'Nhựa và chiết xuất thực vật' },
  '1602': { en: 'Other prepared or preserved meat', vi: 'Thịt đã chế biến hoặc bảo quản khác' },
  '1604': { en: 'Prepared or preserved fish', vi: 'Cá đã chế biến hoặc bảo quản' },
  '1702': { en: 'Other sugars (coconut sugar, …) and syrups', vi: 'Đường khác (đường dừa, …) và xi-rô' },
  '1704': { en: 'Sugar confectionery', vi: 'Kẹo đường' },
  '1902': { en: 'Pasta and noodles', vi: 'Mì, miến, bún các loại' },
  '1905': { en: 'Bread, pastry, cakes, rice paper and similar', vi: 'Bánh các loại, bánh tráng và tương tự' },
  '2008': {
    en: 'Fruit, nuts and other edible parts of plants, otherwise prepared',
    vi: 'Quả, hạt và phần ăn được khác của cây, đã chế biến',
  },
  '2103': { en: 'Sauces and preparations therefor (fish sauce, …)', vi: 'Nước chấm, nước sốt (nước mắm, …)' },
  '2106': { en: 'Food preparations n.e.s.', vi: 'Chế phẩm thực phẩm khác' },
  '2208': { en: 'Spirits and other spirituous beverages', vi: 'Rượu mạnh và đồ uống có rượu khác' },
  '3401': { en: 'Soap', vi: 'Xà phòng' },
  '4202': { en: 'Handbags, cases and similar containers', vi: 'Túi xách, hộp đựng và tương tự' },
  '4420': { en: 'Wood marquetry and inlaid wood; caskets and boxes', vi: 'Đồ gỗ khảm, dát; hộp, tráp' },
  '4602': { en: 'Basketwork and wickerwork (bamboo, rattan, sedge)', vi: 'Hàng mây tre đan, cói' },
  '4911': { en: 'Other printed matter, including pictures and prints', vi: 'Ấn phẩm khác, kể cả tranh in' },
  '5007': { en: 'Woven fabrics of silk', vi: 'Vải dệt thoi từ tơ tằm' },
  '6109': { en: 'T-shirts and vests, knitted', vi: 'Áo phông, áo may ô, dệt kim' },
  '6214': { en: 'Shawls, scarves and similar', vi: 'Khăn choàng, khăn quàng và tương tự' },
  '6504': { en: 'Hats, plaited or made by assembling strips', vi: 'Mũ, nón tết hoặc ghép từ dải' },
  '6911': { en: 'Tableware and kitchenware of porcelain', vi: 'Bộ đồ ăn, đồ bếp bằng sứ' },
  '6912': { en: 'Ceramic tableware and kitchenware, other than porcelain', vi: 'Bộ đồ ăn, đồ bếp bằng gốm (trừ sứ)' },
  '6913': { en: 'Statuettes and other ornamental ceramic articles', vi: 'Tượng và đồ trang trí bằng gốm sứ' },
  '8306': {
    en: 'Statuettes and ornaments of base metal (bronze, …)',
    vi: 'Tượng và đồ trang trí bằng kim loại cơ bản (đồng, …)',
  },
  '9404': { en: 'Bedding: quilts, eiderdowns, cushions', vi: 'Bộ đồ giường: chăn, đệm, gối' },
  '9701': { en: 'Paintings executed entirely by hand (lacquer, …)', vi: 'Tranh vẽ hoàn toàn bằng tay (sơn mài, …)' },
}

export type HsCheck =
  | { ok: true; code: string; display: string; heading: string; description: { en: string; vi: string } | null }
  | { ok: false; problem: 'format' | 'chapter' }

/**
 * Normalises and checks an HS code: digits with optional dots or spaces, 6 or 8 digits (10 for a
 * statistical suffix), chapter 01–97 except 77 (reserved). `display` groups it as 0409.00 / 2103.90.10.
 */
export function checkHsCode(input: string): HsCheck {
  const digits = input.replace(/[\s.]/g, '')
  if (!/^\d+$/.test(digits) || ![6, 8, 10].includes(digits.length)) return { ok: false, problem: 'format' }
  const chapter = Number(digits.slice(0, 2))
  if (chapter < 1 || chapter > 97 || chapter === 77) return { ok: false, problem: 'chapter' }
  const heading = digits.slice(0, 4)
  const display = [heading, digits.slice(4, 6), digits.slice(6, 8), digits.slice(8, 10)].filter(Boolean).join('.')
  return { ok: true, code: digits, display, heading, description: HS_HEADINGS[heading] ?? null }
}

export function formatHsCode(code: string): string {
  const checked = checkHsCode(code)
  return checked.ok ? checked.display : code
}
