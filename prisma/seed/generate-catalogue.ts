/**
 * Deterministic generator of a large, realistic-looking catalogue for benchmarks and demos: producers
 * spread over the seeded communes and products built from per-subgroup templates ("Mật ong hoa nhãn
 * Hưng Yên 500 ml", "Bình gốm men lam Hải Phòng"…). Pure functions, no database access: the seed
 * runner (run-seed.ts) turns the output into rows.
 *
 * Randomness comes from a small seeded PRNG (mulberry32), never Math.random, so the same seed and
 * inputs always give the same catalogue.
 */
import type { CertificateSeed, ProducerSeed, ProductSeed } from './types.ts'
import { mulberry32, type Random } from '#app/utils/random.ts'
import { slugify } from '#app/utils/slug.ts'

// ───────────── Randomness ─────────────

function int(r: Random, min: number, max: number): number {
  return min + Math.floor(r() * (max - min + 1))
}

function pick<T>(r: Random, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]
}

function weighted<T>(r: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0)
  let x = r() * total
  for (const [item, weight] of items) {
    x -= weight
    if (x < 0) return item
  }
  return items[items.length - 1][0]
}

// ───────────── Text helpers ─────────────

export { slugify }

function roundPrice(value: number): number {
  const step = value >= 1_000_000 ? 50_000 : value >= 200_000 ? 5_000 : 1_000
  return Math.max(step, Math.round(value / step) * step)
}

// ───────────── Places ─────────────

/** A seeded commune with its province, as the generator needs it. */
export type PlaceRef = {
  communeCode: string
  communeName: string
  communeKind: string
  provinceCode: string
  /** "thành phố" or "tỉnh". */
  provinceKind: string
  provinceNameVi: string
  provinceNameEn: string
  regionSlug: string
}

export type VillageRef = { slug: string; communeCode: string }

/** The OCOP subgroup each reference craft village is known for (used to specialise producers). */
export const VILLAGE_SUBGROUPS: Record<string, string> = {
  'lang-lua-van-phuc': 'vai-may-mac',
  'lang-gom-bat-trang': 'do-gia-dung-trang-tri',
  'lang-kham-trai-chuyen-my': 'do-gia-dung-trang-tri',
  'lang-son-mai-ha-thai': 'do-gia-dung-trang-tri',
  'lang-duc-dong-ngu-xa': 'do-gia-dung-trang-tri',
  'lang-may-tre-dan-binh-phu': 'do-gia-dung-trang-tri',
  'lang-nuoi-ong-dan-phuong': 'mat-ong-nong-san-khac',
  'lang-det-lua-phung-xa': 'vai-may-mac',
  'lang-gom-chu-dau': 'do-gia-dung-trang-tri',
  'lang-tranh-dong-ho': 'do-gia-dung-trang-tri',
  'lang-non-phu-cam': 'vai-may-mac',
  'lang-nuoc-mam-phu-quoc': 'tuong-nuoc-mam',
  'lang-dao-nhat-tan': 'cay-canh',
  'lang-hoa-me-linh': 'hoa',
  'lang-che-tan-cuong': 'che',
  'lang-dan-co-bang-phu-my': 'do-gia-dung-trang-tri',
  'lang-ruou-ngo-ban-pho': 'ruou-trang',
}

const MOUNTAIN_REGIONS = new Set(['trung-du-mien-nui-phia-bac', 'tay-nguyen'])

// ───────────── Product templates ─────────────

type Unit = { vi: string; en: string; grams: number; price: readonly [number, number]; tagVi?: string; tagEn?: string }
type Variant = { vi: string; en: string }
type Item = {
  /** `{p}` = place (Vietnamese), `{v}` = variant. */
  vi: string
  /** `{P}` = place (English), `{V}` = variant. */
  en: string
  variants?: readonly Variant[]
  units: readonly Unit[]
  descVi: string
  descEn: string
}
type SubgroupTemplate = {
  group: string
  weight: number
  /** How a producer of this subgroup describes itself ("mật ong", "gốm"). */
  wordVi: string
  wordEn: string
  items: readonly Item[]
}

const u = (vi: string, en: string, grams: number, min: number, max: number, tag?: [string, string]): Unit => ({
  vi,
  en,
  grams,
  price: [min, max],
  tagVi: tag?.[0],
  tagEn: tag?.[1],
})

const TEMPLATES: Record<string, SubgroupTemplate> = {
  'rau-cu-qua-hat-tuoi': {
    group: 'thuc-pham',
    weight: 7,
    wordVi: 'nông sản sạch',
    wordEn: 'fresh produce',
    items: [
      {
        vi: 'Bưởi da xanh {p}',
        en: '{P} green-skin pomelo',
        units: [u('kg', 'kg', 1_000, 45_000, 75_000), u('thùng 5 kg', '5 kg box', 5_200, 220_000, 340_000)],
        descVi: 'Bưởi chín cây, múi hồng, tép ráo và ngọt thanh.',
        descEn: 'Tree-ripened pomelo with pink, dry, sweet segments.',
      },
      {
        vi: 'Cam sành {p}',
        en: '{P} king orange',
        units: [u('kg', 'kg', 1_000, 30_000, 55_000)],
        descVi: 'Cam vỏ sần, nhiều nước, vị chua ngọt hài hòa.',
        descEn: 'Rough-skinned, juicy oranges with balanced sweetness.',
      },
      {
        vi: 'Rau cải hữu cơ {p}',
        en: '{P} organic greens',
        units: [u('túi 500 g', '500 g bag', 520, 30_000, 55_000)],
        descVi: 'Rau trồng hữu cơ, thu hoạch và giao trong ngày.',
        descEn: 'Organically grown greens, picked and delivered the same day.',
      },
      {
        vi: 'Khoai lang mật {p}',
        en: '{P} honey sweet potato',
        units: [u('kg', 'kg', 1_000, 25_000, 45_000)],
        descVi: 'Khoai ruột vàng, nướng lên chảy mật thơm lừng.',
        descEn: 'Yellow-fleshed sweet potatoes that ooze syrup when roasted.',
      },
      {
        vi: 'Nhãn chín cây {p}',
        en: '{P} tree-ripened longan',
        units: [u('kg', 'kg', 1_000, 40_000, 90_000)],
        descVi: 'Nhãn cùi dày, giòn, hái đúng độ chín.',
        descEn: 'Thick, crisp longan picked at peak ripeness.',
      },
    ],
  },
  'thit-thuy-san-trung-sua-tuoi': {
    group: 'thuc-pham',
    weight: 4,
    wordVi: 'chăn nuôi',
    wordEn: 'livestock',
    items: [
      {
        vi: 'Trứng gà ta {p}',
        en: '{P} free-range eggs',
        units: [u('hộp 10 quả', 'box of 10', 650, 35_000, 55_000)],
        descVi: 'Gà thả vườn, ăn ngô và thóc, lòng đỏ đậm màu.',
        descEn: 'Free-range hens fed on corn and paddy; deep-yellow yolks.',
      },
      {
        vi: 'Gà đồi {p}',
        en: '{P} hill chicken',
        units: [u('con 1,5 kg', '1.5 kg bird', 1_500, 220_000, 320_000)],
        descVi: 'Gà nuôi thả đồi trên 6 tháng, thịt chắc và ngọt.',
        descEn: 'Hill-raised for over six months, firm and flavourful.',
      },
      {
        vi: 'Tôm càng xanh {p}',
        en: '{P} giant river prawns',
        units: [u('kg', 'kg', 1_000, 280_000, 420_000)],
        descVi: 'Tôm nuôi ao sinh thái, giao tươi sống.',
        descEn: 'Pond-raised prawns delivered live.',
      },
      {
        vi: 'Sữa tươi thanh trùng {p}',
        en: '{P} pasteurised fresh milk',
        units: [u('chai 1 lít', '1 litre bottle', 1_080, 38_000, 55_000)],
        descVi: 'Sữa bò vắt trong ngày, thanh trùng nhẹ giữ vị ngậy.',
        descEn: 'Milked the same day and gently pasteurised to keep its richness.',
      },
    ],
  },
  'gao-ngu-coc': {
    group: 'thuc-pham',
    weight: 5,
    wordVi: 'lúa gạo',
    wordEn: 'rice',
    items: [
      {
        vi: 'Gạo {v} {p}',
        en: '{P} {V} rice',
        variants: [
          { vi: 'tám thơm', en: 'fragrant Tam' },
          { vi: 'ST25', en: 'ST25' },
          { vi: 'lứt đỏ', en: 'red brown' },
          { vi: 'nếp cái hoa vàng', en: 'yellow-flower sticky' },
          { vi: 'séng cù', en: 'Seng Cu' },
        ],
        units: [
          u('túi 2 kg', '2 kg bag', 2_020, 50_000, 90_000, ['2 kg', '2 kg']),
          u('túi 5 kg', '5 kg bag', 5_050, 110_000, 190_000, ['5 kg', '5 kg']),
        ],
        descVi: 'Lúa canh tác theo hướng an toàn, xay xát mới theo đơn hàng.',
        descEn: 'Safely farmed paddy, milled fresh to order.',
      },
      {
        vi: 'Ngô nếp khô {p}',
        en: '{P} dried sticky corn',
        units: [u('túi 1 kg', '1 kg bag', 1_010, 35_000, 60_000)],
        descVi: 'Ngô nếp địa phương phơi khô, dùng nấu xôi, làm bỏng.',
        descEn: 'Local sticky corn, sun-dried, for sticky corn dishes and puffs.',
      },
    ],
  },
  'mat-ong-nong-san-khac': {
    group: 'thuc-pham',
    weight: 7,
    wordVi: 'mật ong',
    wordEn: 'honey',
    items: [
      {
        vi: 'Mật ong hoa {v} {p}',
        en: '{P} {V} honey',
        variants: [
          { vi: 'nhãn', en: 'longan blossom' },
          { vi: 'vải', en: 'lychee blossom' },
          { vi: 'bạc hà', en: 'mint flower' },
          { vi: 'cà phê', en: 'coffee blossom' },
          { vi: 'keo', en: 'acacia' },
          { vi: 'rừng', en: 'wildflower' },
        ],
        units: [
          u('chai 500 ml', '500 ml bottle', 750, 180_000, 350_000, ['500 ml', '500 ml']),
          u('chai 1 lít', '1 litre bottle', 1_500, 320_000, 600_000, ['1 lít', '1 litre']),
        ],
        descVi: 'Mật ong nguyên chất, độ ẩm dưới 20%, không pha đường, kiểm nghiệm từng lô.',
        descEn: 'Pure honey under 20% moisture, no added sugar, tested batch by batch.',
      },
      {
        vi: 'Nấm hương rừng {p}',
        en: '{P} wild shiitake',
        units: [u('túi 200 g', '200 g bag', 220, 120_000, 220_000)],
        descVi: 'Nấm hương mọc trên gỗ rừng, phơi khô tự nhiên, thơm đậm.',
        descEn: 'Shiitake grown on forest logs and naturally dried, richly aromatic.',
      },
      {
        vi: 'Mộc nhĩ đen {p}',
        en: '{P} black wood ear',
        units: [u('túi 300 g', '300 g bag', 320, 60_000, 110_000)],
        descVi: 'Mộc nhĩ sạch, cánh dày, nở đều khi ngâm.',
        descEn: 'Clean, thick wood-ear fungus that rehydrates evenly.',
      },
    ],
  },
  'do-an-nhanh': {
    group: 'thuc-pham',
    weight: 2,
    wordVi: 'thực phẩm tiện lợi',
    wordEn: 'ready meals',
    items: [
      {
        vi: 'Bún gạo ăn liền {p}',
        en: '{P} instant rice vermicelli',
        units: [u('thùng 30 gói', 'case of 30', 2_400, 180_000, 280_000)],
        descVi: 'Sợi bún gạo sấy khô kèm gói súp, sẵn sàng sau 3 phút.',
        descEn: 'Dried rice vermicelli with a soup sachet, ready in three minutes.',
      },
      {
        vi: 'Cháo {v} ăn liền {p}',
        en: '{P} instant {V} congee',
        variants: [
          { vi: 'sen', en: 'lotus seed' },
          { vi: 'lươn', en: 'eel' },
          { vi: 'gà ác', en: 'silkie chicken' },
        ],
        units: [u('hộp 6 gói', 'box of 6', 420, 60_000, 110_000)],
        descVi: 'Cháo sấy thăng hoa giữ nguyên hương vị, chỉ cần thêm nước sôi.',
        descEn: 'Freeze-dried congee that keeps its flavour; just add boiling water.',
      },
    ],
  },
  'che-bien-tu-gao': {
    group: 'thuc-pham',
    weight: 6,
    wordVi: 'bánh truyền thống',
    wordEn: 'traditional cakes',
    items: [
      {
        vi: 'Bánh chưng {p}',
        en: '{P} square sticky rice cake',
        units: [u('chiếc 1 kg', '1 kg cake', 1_000, 70_000, 120_000)],
        descVi: 'Gạo nếp cái hoa vàng, đậu xanh và thịt lợn, gói lá dong, luộc củi.',
        descEn: 'Yellow-flower sticky rice, mung bean and pork in dong leaves, wood-boiled.',
      },
      {
        vi: 'Bún khô {p}',
        en: '{P} dried rice vermicelli',
        units: [u('gói 500 g', '500 g pack', 510, 25_000, 45_000)],
        descVi: 'Bún làm từ gạo tẻ địa phương, phơi nắng, không chất tẩy trắng.',
        descEn: 'Vermicelli of local rice, sun-dried, unbleached.',
      },
      {
        vi: 'Bánh đa nem {p}',
        en: '{P} spring roll rice paper',
        units: [u('túi 50 lá', 'pack of 50', 300, 20_000, 40_000)],
        descVi: 'Bánh tráng mỏng, dai, cuốn nem không bị rách.',
        descEn: 'Thin, supple rice paper that rolls without tearing.',
      },
      {
        vi: 'Bánh phở khô {p}',
        en: '{P} dried pho noodles',
        units: [u('gói 500 g', '500 g pack', 510, 25_000, 45_000)],
        descVi: 'Sợi phở tráng từ gạo cũ, phơi khô, trụng nhanh vẫn dai.',
        descEn: 'Pho noodles from aged rice, dried; springy after a quick blanch.',
      },
    ],
  },
  'che-bien-tu-rau-qua': {
    group: 'thuc-pham',
    weight: 8,
    wordVi: 'nông sản chế biến',
    wordEn: 'processed produce',
    items: [
      {
        vi: 'Mứt {v} {p}',
        en: '{P} candied {V}',
        variants: [
          { vi: 'gừng', en: 'ginger' },
          { vi: 'sen', en: 'lotus seeds' },
          { vi: 'dừa', en: 'coconut' },
          { vi: 'bí', en: 'winter melon' },
        ],
        units: [u('hộp 300 g', '300 g box', 350, 55_000, 110_000)],
        descVi: 'Mứt sên tay ít đường, không phẩm màu.',
        descEn: 'Hand-stirred, low-sugar, no artificial colours.',
      },
      {
        vi: '{v} sấy dẻo {p}',
        en: '{P} soft-dried {V}',
        variants: [
          { vi: 'Xoài', en: 'mango' },
          { vi: 'Chuối', en: 'banana' },
          { vi: 'Vải', en: 'lychee' },
          { vi: 'Mít', en: 'jackfruit' },
        ],
        units: [u('túi 250 g', '250 g bag', 270, 60_000, 120_000)],
        descVi: 'Trái cây chín cây sấy lạnh, giữ vị ngọt tự nhiên.',
        descEn: 'Tree-ripened fruit dried at low temperature to keep its natural sweetness.',
      },
      {
        vi: 'Hạt điều rang muối {p}',
        en: '{P} salted roasted cashews',
        units: [u('hũ 500 g', '500 g jar', 600, 160_000, 260_000)],
        descVi: 'Điều loại W320 rang củi, còn vỏ lụa.',
        descEn: 'W320 cashews wood-roasted with their skins on.',
      },
      {
        vi: 'Long nhãn {p}',
        en: '{P} dried longan',
        units: [u('túi 500 g', '500 g bag', 520, 180_000, 300_000)],
        descVi: 'Cùi nhãn sấy than hoa, dẻo và ngọt đậm.',
        descEn: 'Longan flesh dried over charcoal, chewy and sweet.',
      },
    ],
  },
  'che-bien-tu-thit-thuy-san': {
    group: 'thuc-pham',
    weight: 6,
    wordVi: 'giò chả',
    wordEn: 'charcuterie',
    items: [
      {
        vi: 'Giò lụa {p}',
        en: '{P} pork roll',
        units: [
          u('cây 500 g', '500 g roll', 520, 110_000, 150_000),
          u('cây 1 kg', '1 kg roll', 1_040, 200_000, 280_000),
        ],
        descVi: 'Thịt nóng giã với nước mắm cốt, gói lá chuối.',
        descEn: 'Warm pork pounded with first-press fish sauce, wrapped in banana leaf.',
      },
      {
        vi: 'Chả cá {v} {p}',
        en: '{P} {V} fish cakes',
        variants: [
          { vi: 'thu', en: 'mackerel' },
          { vi: 'thát lát', en: 'knifefish' },
          { vi: 'basa', en: 'basa' },
        ],
        units: [u('hộp 500 g', '500 g pack', 540, 120_000, 220_000)],
        descVi: 'Cá tươi quết tay, không hàn the, chiên vàng là dùng được.',
        descEn: 'Fresh fish pounded by hand, borax-free; pan-fry and serve.',
      },
      {
        vi: 'Lạp xưởng {p}',
        en: '{P} Chinese-style sausage',
        units: [u('gói 500 g', '500 g pack', 520, 130_000, 220_000)],
        descVi: 'Lạp xưởng phơi nắng, tỉ lệ nạc cao, thơm mùi rượu mai quế lộ.',
        descEn: 'Sun-dried sausage, high lean ratio, scented with rose liqueur.',
      },
      {
        vi: 'Khô cá lóc {p}',
        en: '{P} dried snakehead fish',
        units: [u('túi 500 g', '500 g bag', 520, 180_000, 300_000)],
        descVi: 'Cá lóc đồng xẻ bướm, phơi một nắng.',
        descEn: 'Wild snakehead butterflied and sun-dried for one day.',
      },
    ],
  },
  'tuong-nuoc-mam': {
    group: 'thuc-pham',
    weight: 4,
    wordVi: 'nước mắm',
    wordEn: 'fish sauce',
    items: [
      {
        vi: 'Nước mắm cá cơm {p} {v}',
        en: '{P} anchovy fish sauce, {V}',
        variants: [
          { vi: '30 độ đạm', en: '30° protein' },
          { vi: '35 độ đạm', en: '35° protein' },
          { vi: '40 độ đạm', en: '40° protein' },
        ],
        units: [u('chai 500 ml', '500 ml bottle', 800, 90_000, 180_000)],
        descVi: 'Ủ chượp truyền thống trong thùng gỗ từ 12 tháng, không chất bảo quản.',
        descEn: 'Brewed the traditional way in wooden barrels for 12 months or more, no preservatives.',
      },
      {
        vi: 'Tương bần {p}',
        en: '{P} fermented soybean sauce',
        units: [u('chai 500 ml', '500 ml bottle', 650, 35_000, 60_000)],
        descVi: 'Tương ủ từ gạo nếp, đậu tương và muối trong chum sành.',
        descEn: 'Fermented from sticky rice, soybeans and salt in earthenware jars.',
      },
    ],
  },
  'gia-vi-khac': {
    group: 'thuc-pham',
    weight: 4,
    wordVi: 'gia vị',
    wordEn: 'spices',
    items: [
      {
        vi: 'Tỏi đen {p}',
        en: '{P} black garlic',
        units: [u('hộp 250 g', '250 g box', 320, 180_000, 300_000)],
        descVi: 'Tỏi lên men tự nhiên 60 ngày, dẻo và ngọt.',
        descEn: 'Garlic aged naturally for 60 days, soft and sweet.',
      },
      {
        vi: 'Muối {v} {p}',
        en: '{P} {V} salt',
        variants: [
          { vi: 'tôm', en: 'shrimp' },
          { vi: 'ớt xanh', en: 'green chilli' },
          { vi: 'mắc khén', en: 'mac khen pepper' },
        ],
        units: [u('hũ 200 g', '200 g jar', 260, 35_000, 70_000)],
        descVi: 'Muối rang thủ công với gia vị địa phương.',
        descEn: 'Hand-roasted salt with local spices.',
      },
      {
        vi: 'Tinh bột nghệ {p}',
        en: '{P} turmeric starch',
        units: [u('hũ 250 g', '250 g jar', 300, 150_000, 280_000)],
        descVi: 'Nghệ vàng trồng đồi, tách dầu, lọc lấy tinh bột.',
        descEn: 'Hill-grown turmeric, de-oiled and refined to starch.',
      },
      {
        vi: 'Tiêu đen {p}',
        en: '{P} black pepper',
        units: [u('hũ 200 g', '200 g jar', 250, 60_000, 120_000)],
        descVi: 'Tiêu hạt chắc, phơi nắng, cay thơm.',
        descEn: 'Dense, sun-dried peppercorns, hot and fragrant.',
      },
    ],
  },
  che: {
    group: 'thuc-pham',
    weight: 6,
    wordVi: 'chè',
    wordEn: 'tea',
    items: [
      {
        vi: 'Chè búp {p}',
        en: '{P} green tea',
        units: [u('túi 200 g', '200 g bag', 230, 90_000, 220_000), u('hộp 500 g', '500 g box', 600, 220_000, 480_000)],
        descVi: 'Một tôm hai lá, sao chảo gang, nước xanh, hậu ngọt.',
        descEn: 'One bud and two leaves, wok-roasted: green liquor, sweet finish.',
      },
      {
        vi: 'Trà shan tuyết cổ thụ {p}',
        en: '{P} ancient shan tuyet tea',
        units: [u('hộp 100 g', '100 g box', 200, 180_000, 450_000)],
        descVi: 'Hái từ cây chè cổ thụ trên núi cao, búp phủ lông tơ trắng.',
        descEn: 'Picked from ancient mountain tea trees with white downy buds.',
      },
      {
        vi: 'Trà ô long {p}',
        en: '{P} oolong tea',
        units: [u('hộp 200 g', '200 g box', 260, 180_000, 360_000)],
        descVi: 'Trà bán lên men, viên tròn, hương hoa quả.',
        descEn: 'Semi-oxidised, rolled oolong with a fruity aroma.',
      },
    ],
  },
  'tra-thao-moc': {
    group: 'thuc-pham',
    weight: 4,
    wordVi: 'trà thảo mộc',
    wordEn: 'herbal tea',
    items: [
      {
        vi: 'Trà {v} {p}',
        en: '{P} {V} tea',
        variants: [
          { vi: 'hoa cúc', en: 'chrysanthemum' },
          { vi: 'atiso', en: 'artichoke' },
          { vi: 'giảo cổ lam', en: 'jiaogulan' },
          { vi: 'gừng mật ong', en: 'honey ginger' },
          { vi: 'lá sen', en: 'lotus leaf' },
        ],
        units: [
          u('hộp 20 túi lọc', 'box of 20 bags', 120, 45_000, 95_000),
          u('túi 100 g', '100 g bag', 130, 60_000, 140_000),
        ],
        descVi: 'Thảo mộc trồng tại địa phương, sấy lạnh, không hương liệu.',
        descEn: 'Locally grown herbs, cold-dried, no added flavourings.',
      },
    ],
  },
  'ca-phe-ca-cao': {
    group: 'thuc-pham',
    weight: 3,
    wordVi: 'cà phê',
    wordEn: 'coffee',
    items: [
      {
        vi: 'Cà phê {v} rang xay {p}',
        en: '{P} ground {V} coffee',
        variants: [
          { vi: 'Robusta', en: 'Robusta' },
          { vi: 'Arabica', en: 'Arabica' },
          { vi: 'Culi', en: 'Peaberry' },
        ],
        units: [u('túi 500 g', '500 g bag', 520, 120_000, 260_000)],
        descVi: 'Hạt hái chín, rang mộc, không tẩm hương liệu.',
        descEn: 'Ripe-picked beans, plain-roasted with no flavouring.',
      },
      {
        vi: 'Bột ca cao nguyên chất {p}',
        en: '{P} pure cocoa powder',
        units: [u('hũ 250 g', '250 g jar', 300, 120_000, 220_000)],
        descVi: 'Ca cao lên men, rang và nghiền mịn, không đường.',
        descEn: 'Fermented, roasted and finely ground cocoa, unsweetened.',
      },
    ],
  },
  'ruou-trang': {
    group: 'do-uong',
    weight: 4,
    wordVi: 'rượu truyền thống',
    wordEn: 'traditional spirits',
    items: [
      {
        vi: 'Rượu {v} {p}',
        en: '{P} {V} spirit',
        variants: [
          { vi: 'nếp cái hoa vàng', en: 'yellow-flower sticky rice' },
          { vi: 'ngô men lá', en: 'leaf-yeast corn' },
          { vi: 'gạo truyền thống', en: 'traditional rice' },
          { vi: 'thóc', en: 'paddy' },
        ],
        units: [
          u('chai 500 ml', '500 ml bottle', 900, 80_000, 160_000),
          u('chai 1 lít', '1 litre bottle', 1_600, 150_000, 280_000),
        ],
        descVi: 'Chưng cất thủ công, đã lọc andehit, nồng độ 29–40% vol.',
        descEn: 'Hand-distilled and filtered for aldehydes, 29–40% ABV.',
      },
    ],
  },
  'do-uong-co-con-khac': {
    group: 'do-uong',
    weight: 1.5,
    wordVi: 'rượu vang',
    wordEn: 'fruit wine',
    items: [
      {
        vi: 'Rượu vang {v} {p}',
        en: '{P} {V} wine',
        variants: [
          { vi: 'sim', en: 'rose myrtle' },
          { vi: 'nho', en: 'grape' },
          { vi: 'mơ', en: 'apricot' },
        ],
        units: [u('chai 750 ml', '750 ml bottle', 1_300, 120_000, 260_000)],
        descVi: 'Lên men từ trái chín địa phương, nồng độ 12–14% vol.',
        descEn: 'Fermented from ripe local fruit, 12–14% ABV.',
      },
    ],
  },
  'nuoc-khoang': {
    group: 'do-uong',
    weight: 1,
    wordVi: 'nước khoáng',
    wordEn: 'mineral water',
    items: [
      {
        vi: 'Nước khoáng thiên nhiên {p}',
        en: '{P} natural mineral water',
        units: [u('thùng 24 chai 500 ml', 'case of 24 × 500 ml', 12_500, 95_000, 150_000)],
        descVi: 'Khai thác từ mạch nước ngầm sâu, đóng chai tại nguồn.',
        descEn: 'Drawn from a deep spring and bottled at source.',
      },
    ],
  },
  'do-uong-khong-con': {
    group: 'do-uong',
    weight: 2,
    wordVi: 'đồ uống',
    wordEn: 'drinks',
    items: [
      {
        vi: 'Nước ép {v} {p}',
        en: '{P} {V} juice',
        variants: [
          { vi: 'chanh leo', en: 'passion fruit' },
          { vi: 'dứa', en: 'pineapple' },
          { vi: 'táo mèo', en: 'wild apple' },
        ],
        units: [
          u('chai 330 ml', '330 ml bottle', 450, 25_000, 45_000),
          u('thùng 12 chai', 'case of 12', 5_400, 260_000, 420_000),
        ],
        descVi: 'Ép từ trái tươi, thanh trùng nhẹ, không chất bảo quản.',
        descEn: 'Pressed from fresh fruit, lightly pasteurised, no preservatives.',
      },
      {
        vi: 'Siro gừng {p}',
        en: '{P} ginger syrup',
        units: [u('chai 500 ml', '500 ml bottle', 700, 70_000, 120_000)],
        descVi: 'Gừng già nấu với đường phèn, pha nước ấm hoặc làm đồ uống.',
        descEn: 'Mature ginger cooked with rock sugar, for warm drinks or mixing.',
      },
    ],
  },
  'thuc-pham-chuc-nang': {
    group: 'duoc-lieu',
    weight: 3,
    wordVi: 'dược liệu',
    wordEn: 'herbal products',
    items: [
      {
        vi: 'Cao {v} {p}',
        en: '{P} {V} extract',
        variants: [
          { vi: 'atiso', en: 'artichoke' },
          { vi: 'ích mẫu', en: 'motherwort' },
          { vi: 'giảo cổ lam', en: 'jiaogulan' },
        ],
        units: [u('lọ 100 g', '100 g jar', 220, 150_000, 320_000)],
        descVi: 'Cao đặc chiết xuất từ dược liệu trồng theo GACP.',
        descEn: 'A thick extract of GACP-grown medicinal herbs.',
      },
      {
        vi: 'Viên tinh nghệ mật ong {p}',
        en: '{P} turmeric and honey pills',
        units: [u('hũ 200 g', '200 g jar', 260, 160_000, 280_000)],
        descVi: 'Tinh bột nghệ vo viên cùng mật ong rừng.',
        descEn: 'Turmeric starch rolled into pills with wild honey.',
      },
      {
        vi: 'Sữa ong chúa {p}',
        en: '{P} royal jelly',
        units: [u('hũ 100 g', '100 g jar', 200, 220_000, 380_000)],
        descVi: 'Khai thác trong 72 giờ, bảo quản đông lạnh.',
        descEn: 'Harvested within 72 hours and kept frozen.',
      },
    ],
  },
  'my-pham-duoc-lieu': {
    group: 'duoc-lieu',
    weight: 2,
    wordVi: 'mỹ phẩm thiên nhiên',
    wordEn: 'natural cosmetics',
    items: [
      {
        vi: 'Xà bông {v} {p}',
        en: '{P} {V} soap',
        variants: [
          { vi: 'dầu dừa', en: 'coconut oil' },
          { vi: 'nghệ', en: 'turmeric' },
          { vi: 'than tre', en: 'bamboo charcoal' },
          { vi: 'trà xanh', en: 'green tea' },
        ],
        units: [u('bánh 100 g', '100 g bar', 110, 35_000, 70_000)],
        descVi: 'Xà bông thủ công ép lạnh, dịu nhẹ cho da.',
        descEn: 'Hand-made cold-process soap, gentle on skin.',
      },
      {
        vi: 'Dầu gội bồ kết {p}',
        en: '{P} soapberry shampoo',
        units: [u('chai 300 ml', '300 ml bottle', 380, 90_000, 160_000)],
        descVi: 'Nấu từ bồ kết, vỏ bưởi và hương nhu, không sulfate.',
        descEn: 'Brewed from soapberry, pomelo peel and holy basil, sulphate-free.',
      },
    ],
  },
  'tinh-dau-duoc-lieu-khac': {
    group: 'duoc-lieu',
    weight: 2,
    wordVi: 'tinh dầu',
    wordEn: 'essential oils',
    items: [
      {
        vi: 'Tinh dầu {v} {p}',
        en: '{P} {V} essential oil',
        variants: [
          { vi: 'sả chanh', en: 'lemongrass' },
          { vi: 'quế', en: 'cinnamon' },
          { vi: 'tràm', en: 'cajeput' },
          { vi: 'bưởi', en: 'pomelo peel' },
          { vi: 'hồi', en: 'star anise' },
        ],
        units: [
          u('chai 50 ml', '50 ml bottle', 120, 80_000, 180_000),
          u('chai 100 ml', '100 ml bottle', 200, 140_000, 300_000),
        ],
        descVi: 'Chưng cất hơi nước từ nguyên liệu trồng tại địa phương, nguyên chất 100%.',
        descEn: 'Steam-distilled from locally grown plants, 100% pure.',
      },
    ],
  },
  'do-gia-dung-trang-tri': {
    group: 'thu-cong-my-nghe',
    weight: 10,
    wordVi: 'thủ công mỹ nghệ',
    wordEn: 'handicrafts',
    items: [
      {
        vi: 'Bình gốm men {v} {p}',
        en: '{P} {V}-glaze ceramic vase',
        variants: [
          { vi: 'lam', en: 'blue' },
          { vi: 'rạn', en: 'crackle' },
          { vi: 'ngọc', en: 'celadon' },
          { vi: 'nâu', en: 'brown' },
        ],
        units: [
          u('chiếc cao 30 cm', '30 cm vase', 1_800, 450_000, 1_500_000),
          u('chiếc cao 45 cm', '45 cm vase', 3_500, 900_000, 3_200_000),
        ],
        descVi: 'Gốm vẽ tay, nung ở nhiệt độ cao, men bền màu.',
        descEn: 'Hand-painted stoneware fired at high temperature with a lasting glaze.',
      },
      {
        vi: 'Bộ ấm chén men {v} {p}',
        en: '{P} {V}-glaze tea set',
        variants: [
          { vi: 'rạn', en: 'crackle' },
          { vi: 'lam', en: 'blue' },
          { vi: 'hỏa biến', en: 'flambé' },
        ],
        units: [u('bộ ấm 6 chén', 'teapot with 6 cups', 1_700, 650_000, 3_500_000)],
        descVi: 'Bộ ấm trà gốm thủ công, vòi rót không nhỏ giọt.',
        descEn: 'A hand-made ceramic tea set with a drip-free spout.',
      },
      {
        vi: 'Giỏ {v} đan {p}',
        en: '{P} woven {V} basket',
        variants: [
          { vi: 'mây', en: 'rattan' },
          { vi: 'tre', en: 'bamboo' },
          { vi: 'cói', en: 'sedge' },
          { vi: 'lục bình', en: 'water hyacinth' },
        ],
        units: [u('chiếc', 'piece', 450, 90_000, 350_000), u('bộ 3 chiếc', 'set of 3', 1_200, 250_000, 700_000)],
        descVi: 'Đan tay từ nguyên liệu tự nhiên, xử lý chống mốc.',
        descEn: 'Hand-woven from natural fibres and treated against mould.',
      },
      {
        vi: 'Hộp sơn mài {v} {p}',
        en: '{P} {V} lacquer box',
        variants: [
          { vi: 'khảm trai', en: 'pearl-inlaid' },
          { vi: 'vẽ vàng', en: 'gold-painted' },
          { vi: 'khảm trứng', en: 'eggshell-inlaid' },
        ],
        units: [u('chiếc', 'piece', 600, 350_000, 1_200_000)],
        descVi: 'Gỗ phủ nhiều lớp sơn ta, mài thủ công.',
        descEn: 'Wood built up with many coats of natural lacquer and hand-sanded.',
      },
      {
        vi: 'Đèn lồng tre {p}',
        en: '{P} bamboo lantern',
        units: [u('chiếc', 'piece', 500, 120_000, 400_000)],
        descVi: 'Khung tre uốn tay, bọc vải lụa, kèm bóng LED.',
        descEn: 'Hand-bent bamboo frame covered in silk, with an LED bulb.',
      },
      {
        vi: 'Thớt gỗ nghiến {p}',
        en: '{P} ironwood cutting board',
        units: [u('chiếc Ø 35 cm', '35 cm board', 2_200, 250_000, 550_000)],
        descVi: 'Gỗ nghiến nguyên khối, không nứt, không mùn.',
        descEn: 'Solid ironwood that neither cracks nor crumbles.',
      },
    ],
  },
  'vai-may-mac': {
    group: 'thu-cong-my-nghe',
    weight: 5,
    wordVi: 'dệt may thủ công',
    wordEn: 'handwoven textiles',
    items: [
      {
        vi: 'Khăn lụa tơ tằm {p}',
        en: '{P} mulberry silk scarf',
        units: [u('chiếc 50 × 180 cm', '50 × 180 cm scarf', 90, 250_000, 650_000)],
        descVi: 'Lụa dệt thủ công, nhuộm màu tự nhiên, viền se tay.',
        descEn: 'Hand-woven silk, naturally dyed, with hand-rolled edges.',
      },
      {
        vi: 'Vải {v} {p}',
        en: '{P} {V} fabric',
        variants: [
          { vi: 'thổ cẩm', en: 'brocade' },
          { vi: 'lanh', en: 'hemp' },
          { vi: 'lụa tơ tằm', en: 'mulberry silk' },
        ],
        units: [u('mét', 'metre', 150, 180_000, 600_000)],
        descVi: 'Dệt trên khung cửi truyền thống, hoa văn của đồng bào địa phương.',
        descEn: 'Woven on traditional looms with local patterns.',
      },
      {
        vi: 'Túi thổ cẩm {p}',
        en: '{P} brocade bag',
        units: [u('chiếc', 'piece', 300, 150_000, 450_000)],
        descVi: 'Túi may từ vải thổ cẩm dệt tay, có khóa kéo.',
        descEn: 'A zipped bag sewn from hand-woven brocade.',
      },
      {
        vi: 'Nón lá {p}',
        en: '{P} conical hat',
        units: [u('chiếc', 'piece', 200, 80_000, 180_000)],
        descVi: 'Nón chằm tay từ lá cọ non, khung tre chuốt.',
        descEn: 'Hand-stitched from young palm leaves on a shaved bamboo frame.',
      },
    ],
  },
  hoa: {
    group: 'sinh-vat-canh',
    weight: 1.2,
    wordVi: 'hoa',
    wordEn: 'flowers',
    items: [
      {
        vi: 'Hoa {v} {p}',
        en: '{P} {V}',
        variants: [
          { vi: 'hồng', en: 'roses' },
          { vi: 'cúc', en: 'chrysanthemums' },
          { vi: 'ly', en: 'lilies' },
          { vi: 'lan hồ điệp', en: 'moth orchids' },
        ],
        units: [u('bó 20 bông', 'bunch of 20', 800, 100_000, 250_000), u('chậu', 'pot', 2_500, 250_000, 900_000)],
        descVi: 'Hoa trồng theo VietGAP, cắt sáng sớm và giao trong ngày.',
        descEn: 'VietGAP-grown, cut at dawn and delivered the same day.',
      },
    ],
  },
  'cay-canh': {
    group: 'sinh-vat-canh',
    weight: 1,
    wordVi: 'cây cảnh',
    wordEn: 'ornamental plants',
    items: [
      {
        vi: 'Cây {v} {p}',
        en: '{P} {V}',
        variants: [
          { vi: 'quất cảnh', en: 'kumquat tree' },
          { vi: 'đào thế', en: 'shaped peach tree' },
          { vi: 'bonsai sanh', en: 'banyan bonsai' },
          { vi: 'mai vàng', en: 'yellow apricot tree' },
        ],
        units: [
          u('cây cao 1 m', '1 m tree', 12_000, 600_000, 2_500_000),
          u('cây cao 1,5 m', '1.5 m tree', 25_000, 1_500_000, 6_000_000),
        ],
        descVi: 'Cây được uốn thế và chăm sóc nhiều năm, kèm chậu và hướng dẫn.',
        descEn: 'Shaped and tended for years; comes with a pot and care guide.',
      },
    ],
  },
  'dong-vat-canh': {
    group: 'sinh-vat-canh',
    weight: 0.3,
    wordVi: 'cá cảnh',
    wordEn: 'ornamental fish',
    items: [
      {
        vi: 'Cá {v} {p}',
        en: '{P} {V}',
        variants: [
          { vi: 'chép Koi', en: 'koi carp' },
          { vi: 'vàng ba đuôi', en: 'fancy goldfish' },
        ],
        units: [u('cặp', 'pair', 1_500, 200_000, 1_500_000)],
        descVi: 'Cá khỏe, đã thuần nước, giao kèm túi oxy.',
        descEn: 'Healthy, water-acclimatised fish shipped in oxygen bags.',
      },
    ],
  },
  'du-lich-cong-dong': {
    group: 'du-lich',
    weight: 1.5,
    wordVi: 'du lịch cộng đồng',
    wordEn: 'community tourism',
    items: [
      {
        vi: 'Trải nghiệm làng nghề {p} nửa ngày',
        en: 'Half-day {P} craft village experience',
        units: [u('vé/người', 'ticket per person', 5, 150_000, 400_000)],
        descVi: 'Tham quan xưởng, tự tay làm sản phẩm cùng nghệ nhân, có hướng dẫn viên người địa phương.',
        descEn: 'Visit workshops and make something with an artisan, guided by a local.',
      },
      {
        vi: 'Homestay {p} 1 đêm',
        en: '{P} homestay, 1 night',
        units: [u('phòng/đêm', 'room per night', 5, 350_000, 900_000)],
        descVi: 'Nghỉ tại nhà dân, ăn bữa cơm quê và tham gia việc đồng áng.',
        descEn: 'Stay with a local family, share a home-cooked meal and help in the fields.',
      },
      {
        vi: 'Tour sinh thái {p} 1 ngày',
        en: '{P} one-day eco tour',
        units: [u('vé/người', 'ticket per person', 5, 300_000, 850_000)],
        descVi: 'Đi bộ, đạp xe qua làng và cánh đồng, kèm bữa trưa đặc sản.',
        descEn: 'Walk and cycle through villages and fields, with a local lunch.',
      },
    ],
  },
}

export const GENERATED_SUBGROUPS = Object.keys(TEMPLATES)

const SUBGROUP_WEIGHTS = Object.entries(TEMPLATES).map(([code, t]) => [code, t.weight] as const)

const SKU_CODES: Record<string, string> = Object.fromEntries(
  Object.keys(TEMPLATES).map((code) => [
    code,
    code
      .split('-')
      .map((word) => word[0])
      .join('')
      .toUpperCase(),
  ]),
)

// ───────────── Producers ─────────────

export type GeneratedProducer = ProducerSeed & {
  place: PlaceRef
  /** Subgroup codes this producer makes products in (first one is its main line). */
  specialties: string[]
  /** Short code used in its SKUs. */
  skuPrefix: string
}

/** What the product generator needs to know about a producer. */
export type GeneratedProducerRef = Pick<
  GeneratedProducer,
  'slug' | 'name' | 'place' | 'specialties' | 'skuPrefix' | 'verified'
>

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trịnh',
  'Lương',
]
const MIDDLE_MEN = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Xuân', 'Công']
const MIDDLE_WOMEN = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Hồng']
const GIVEN_MEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Long',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Khánh',
  'Lợi',
  'Toàn',
]
const GIVEN_WOMEN = [
  'Hà',
  'Hạnh',
  'Hoa',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Tâm',
  'Thảo',
  'Trang',
  'Vân',
  'Yến',
  'Hương',
  'Nhung',
  'Hòa',
  'Loan',
]
const BRANDS = [
  'Hương Quê',
  'Việt Xanh',
  'Đất Việt',
  'An Phú',
  'Sao Mai',
  'Hồng Hà',
  'Tâm Đức',
  'Phúc Lộc',
  'Nam Việt',
  'Thiên Phú',
  'Bảo Minh',
  'Hòa Bình',
  'Trường Sơn',
  'Kim Long',
  'Minh Tâm',
  'Quê Nhà',
]
const HTX_WORDS = ['Nông nghiệp', 'Dịch vụ nông nghiệp', 'Nông sản', 'Sản xuất và thương mại']

function personName(r: Random, woman: boolean): string {
  return `${pick(r, SURNAMES)} ${pick(r, woman ? MIDDLE_WOMEN : MIDDLE_MEN)} ${pick(r, woman ? GIVEN_WOMEN : GIVEN_MEN)}`
}

const MOBILE_PREFIXES = [
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '070',
  '076',
  '077',
  '078',
  '079',
  '081',
  '082',
  '083',
  '084',
  '085',
  '086',
  '088',
  '089',
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
]

function phoneNumber(r: Random): string {
  const digits = `${pick(r, MOBILE_PREFIXES)}${String(int(r, 0, 9_999_999)).padStart(7, '0')}`
  return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`
}

/** The first words of a slug, at most `max` characters (for e-mail local parts and domains). */
function shortSlug(slug: string, max: number): string {
  let out = ''
  for (const word of slug.split('-')) {
    const next = out ? `${out}-${word}` : word
    if (next.length > max) break
    out = next
  }
  return out || slug.slice(0, max)
}

export type GenerateProducersOptions = {
  count: number
  seed: number
  places: readonly PlaceRef[]
  villages?: readonly VillageRef[]
  /**
   * Makes slugs unique across runs (e.g. derived from the current row counts); slugs end in
   * `-{tag}-{index}`, so the tag should be kebab-case ASCII.
   */
  tag: string
}

export function generateProducers(options: GenerateProducersOptions): GeneratedProducer[] {
  const { count, seed, places, villages = [], tag } = options
  if (places.length === 0) throw new Error('generateProducers: no places (communes) to put producers in')
  const r = mulberry32(seed ^ 0x5eed)
  const villagesByCommune = new Map<string, VillageRef[]>()
  for (const village of villages) {
    const list = villagesByCommune.get(village.communeCode) ?? []
    list.push(village)
    villagesByCommune.set(village.communeCode, list)
  }
  // Provinces first, then a commune within: otherwise provinces with many seeded communes would
  // dominate. Hà Nội weighs more, as it holds about a fifth of all OCOP products.
  const byProvince = new Map<string, PlaceRef[]>()
  for (const place of places) {
    const list = byProvince.get(place.provinceCode) ?? []
    list.push(place)
    byProvince.set(place.provinceCode, list)
  }
  const provinceWeights = [...byProvince.keys()].map((code) => [code, code === '01' ? 3 : 1] as const)
  const producers: GeneratedProducer[] = []
  for (let i = 0; i < count; i++) {
    const place = pick(r, byProvince.get(weighted(r, provinceWeights))!)
    const local = villagesByCommune.get(place.communeCode) ?? []
    // With enough producers, the first ones cover every subgroup once so that all groups show up.
    const forced =
      count >= GENERATED_SUBGROUPS.length * 3 && i < GENERATED_SUBGROUPS.length ? GENERATED_SUBGROUPS[i] : undefined
    const village = !forced && local.length > 0 && r() < 0.45 ? pick(r, local) : undefined
    const main = forced ?? ((village && VILLAGE_SUBGROUPS[village.slug]) || weighted(r, SUBGROUP_WEIGHTS))
    const specialties = [main]
    const extra = int(r, 0, 2)
    for (let k = 0; k < extra; k++) {
      const sameGroup = GENERATED_SUBGROUPS.filter((code) => TEMPLATES[code].group === TEMPLATES[main].group)
      const next = r() < 0.7 ? pick(r, sameGroup) : weighted(r, SUBGROUP_WEIGHTS)
      if (!specialties.includes(next)) specialties.push(next)
    }
    const template = TEMPLATES[main]
    const kind = weighted(r, [
      ['HOP_TAC_XA', 32],
      ['DOANH_NGHIEP', 22],
      ['HO_KINH_DOANH', 32],
      ['TO_HOP_TAC', 14],
    ] as const)
    const womenLed = r() < 0.25
    const ethnicMinority = r() < (MOUNTAIN_REGIONS.has(place.regionSlug) ? 0.4 : 0.05)
    const where = place.communeName
    let name: string
    switch (kind) {
      case 'HOP_TAC_XA':
        name = r() < 0.5 ? `HTX ${pick(r, HTX_WORDS)} ${where}` : `HTX ${template.wordVi} ${pick(r, BRANDS)}`
        break
      case 'DOANH_NGHIEP':
        name = `Công ty ${pick(r, ['TNHH', 'CP'])} ${template.wordVi} ${pick(r, BRANDS)}`
        break
      case 'HO_KINH_DOANH':
        name = `${pick(r, ['Cơ sở', 'Hộ kinh doanh'])} ${template.wordVi} ${personName(r, womenLed)}`
        break
      default:
        name = `Tổ hợp tác ${template.wordVi} ${where}`
    }
    name = name.charAt(0).toUpperCase() + name.slice(1)
    const slug = `${slugify(name)}-${tag}-${i.toString(36)}`
    const placeVi = `${place.communeKind} ${place.communeName}, ${place.provinceNameVi}`
    producers.push({
      slug,
      name,
      kind,
      womenLed,
      ethnicMinority,
      verified: r() < 0.95,
      communeCode: place.communeCode,
      villageSlug: village?.slug,
      storyVi: `${name} sản xuất ${template.wordVi} tại ${placeVi}${village ? `, trong làng nghề truyền thống` : ''}. ${pick(
        r,
        [
          'Các thành viên cùng giữ quy trình thủ công và kiểm soát chất lượng từng lô.',
          'Sản phẩm được bán tại chợ phiên, hội chợ OCOP và giao đi khắp cả nước.',
          'Cơ sở liên kết với nông hộ trong vùng để chủ động nguồn nguyên liệu.',
        ],
      )}`,
      storyEn: `${name} makes ${template.wordEn} in ${place.communeName}, ${place.provinceNameEn}${village ? ', in a traditional craft village' : ''}. ${pick(
        r,
        [
          'Its members keep the hand-made process and check every batch.',
          'Its products sell at local markets and OCOP fairs and ship nationwide.',
          'It works with nearby farming households to secure its raw materials.',
        ],
      )}`,
      phone: phoneNumber(r),
      email: `lienhe@${shortSlug(slugify(name), 24)}-${tag}-${i.toString(36)}.example.vn`,
      address: `${pick(r, ['Thôn', 'Xóm', 'Ấp', 'Tổ'])} ${int(r, 1, 12)}, ${placeVi}`,
      place,
      specialties,
      skuPrefix: `${tag.toUpperCase()}-${i.toString(36).toUpperCase()}`,
    })
  }
  return producers
}

// ───────────── Products ─────────────

const DAY_MS = 86_400_000
const LB_148 = 'Quyết định 148/QĐ-TTg ngày 24/02/2023'
const LB_1048 = 'Quyết định 1048/QĐ-TTg ngày 21/8/2019'
const DECISION_148_DATE = Date.UTC(2023, 1, 24)
const MINISTRY_MERGER_DATE = Date.UTC(2025, 2, 1)
const REVOKE_REASONS = [
  'Thu hồi sau hậu kiểm: sản phẩm không duy trì chất lượng như hồ sơ đánh giá.',
  'Chủ thể đề nghị thu hồi do ngừng sản xuất sản phẩm.',
  'Thu hồi do vi phạm quy định về nhãn hàng hóa.',
]

export type GenerateProductsOptions = {
  count: number
  seed: number
  producers: readonly GeneratedProducerRef[]
  /** Same tag as the producers'; keeps slugs unique across runs. */
  tag: string
  /** Day the catalogue is generated for (issuer names and legal bases depend on dates). */
  today?: Date
}

function certificateFor(r: Random, place: PlaceRef, today: number): CertificateSeed[] {
  if (r() < 0.12) return []
  const stars = weighted(r, [
    [3, 70],
    [4, 27],
    [5, 3],
  ] as const)
  const issuedDaysAgo = int(r, 20, 1_200)
  const issued = today - issuedDaysAgo * DAY_MS
  const legalBasis = issued < DECISION_148_DATE ? LB_1048 : LB_148
  const score = stars === 3 ? int(r, 50, 69) : stars === 4 ? int(r, 70, 89) : int(r, 90, 100)
  const revoked =
    r() < 0.003 ? { daysAgo: int(r, 1, Math.max(1, issuedDaysAgo - 1)), reason: pick(r, REVOKE_REASONS) } : undefined
  if (stars === 5) {
    const beforeMerger = issued < MINISTRY_MERGER_DATE
    return [
      {
        stars,
        score,
        level: 'NATIONAL',
        issuer: beforeMerger ? 'Bộ Nông nghiệp và Phát triển nông thôn' : 'Bộ Nông nghiệp và Môi trường',
        decisionNumber: `${int(r, 1000, 4999)}/${beforeMerger ? 'QĐ-BNN-KTHT' : 'QĐ-BNNMT'}`,
        issuedDaysAgo,
        legalBasis,
        revoked,
      },
    ]
  }
  const province = place.provinceNameVi.startsWith('TP.')
    ? place.provinceNameVi
    : `${place.provinceKind} ${place.provinceNameVi}`
  return [
    {
      stars,
      score,
      level: 'PROVINCIAL',
      issuer: `UBND ${province}`,
      decisionNumber: `${int(r, 1000, 9999)}/QĐ-UBND`,
      issuedDaysAgo,
      legalBasis,
      potentialFiveStar: stars === 4 && score >= 86 && r() < 0.3 ? true : undefined,
      revoked,
    },
  ]
}

/**
 * Yields `count` products spread evenly over `producers` (about count / producers.length each),
 * each in one of its producer's subgroups, named from templates with the producer's province.
 */
export function* generateProducts(options: GenerateProductsOptions): Generator<ProductSeed> {
  const { count, seed, producers, tag } = options
  if (producers.length === 0) throw new Error('generateProducts: no producers')
  const today = (options.today ?? new Date()).getTime()
  const r = mulberry32(seed)
  const skuCounters = new Map<string, number>()
  for (let i = 0; i < count; i++) {
    const producer = producers[i % producers.length]
    const subgroupCode = r() < 0.7 ? producer.specialties[0] : pick(r, producer.specialties)
    const template = TEMPLATES[subgroupCode]
    const item = pick(r, template.items)
    const unit = pick(r, item.units)
    const variant = item.variants ? pick(r, item.variants) : undefined
    const useCommune = r() < 0.25
    const placeVi = useCommune ? producer.place.communeName : producer.place.provinceNameVi.replace(/^TP\. /, '')
    const placeEn = useCommune ? slugToTitle(producer.place.communeName) : producer.place.provinceNameEn
    let nameVi = item.vi.replace('{p}', placeVi).replace('{v}', variant?.vi ?? '')
    let nameEn = item.en.replace('{P}', placeEn).replace('{V}', variant?.en ?? '')
    if (unit.tagVi && !nameVi.includes(unit.tagVi)) nameVi = `${nameVi} ${unit.tagVi}`
    if (unit.tagEn && !nameEn.includes(unit.tagEn)) nameEn = `${nameEn}, ${unit.tagEn}`
    nameVi = nameVi.replace(/\s+/g, ' ').trim()
    nameEn = nameEn.replace(/\s+/g, ' ').trim()
    const n = (skuCounters.get(producer.slug) ?? 0) + 1
    skuCounters.set(producer.slug, n)
    const statusRoll = r()
    const status = !producer.verified || statusRoll < 0.03 ? 'DRAFT' : statusRoll < 0.04 ? 'ARCHIVED' : 'PUBLISHED'
    const where = `${producer.place.communeKind} ${producer.place.communeName}, ${producer.place.provinceNameVi}`
    yield {
      producerSlug: producer.slug,
      sku: `${producer.skuPrefix}-${SKU_CODES[subgroupCode]}-${String(n).padStart(3, '0')}`,
      slug: `${slugify(nameVi)}-${tag}-${i.toString(36)}`,
      groupCode: template.group,
      subgroupCode,
      nameVi,
      nameEn,
      descriptionVi: `${nameVi} do ${producer.name} sản xuất tại ${where}. ${item.descVi}`,
      descriptionEn: `${nameEn}, made by ${producer.name} in ${producer.place.communeName}, ${producer.place.provinceNameEn}. ${item.descEn}`,
      priceVnd: roundPrice(unit.price[0] + (unit.price[1] - unit.price[0]) * r()),
      unitVi: unit.vi,
      unitEn: unit.en,
      weightGrams: unit.grams,
      stock: r() < 0.05 ? 0 : int(r, 5, 500),
      status,
      // Skewed towards recent listings.
      publishedDaysAgo: 1 + Math.floor(Math.pow(r(), 1.6) * 720),
      certificates: certificateFor(r, producer.place, today),
    }
  }
}

/** "Bát Tràng" → "Bat Trang" (for English names). */
function slugToTitle(text: string): string {
  return slugify(text)
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
}
