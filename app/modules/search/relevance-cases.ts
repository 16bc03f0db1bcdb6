/**
 * Labelled queries over the seeded catalogue (prisma/seed/reference-data.ts): what a shopper types
 * and the product(s) they expect among the first three results. `all`: every listed product must be
 * in the top 3; `any`: at least one of them (for queries with several equally right answers).
 * Used by relevance.test.ts (PostgreSQL adapter) and bench/search-relevance.ts (precision, recall).
 */
export type RelevanceCase = {
  q: string
  kind: 'no-diacritics' | 'tone-marks' | 'wrong-tones' | 'typo' | 'prefix' | 'english' | 'former-name' | 'village'
  all?: string[]
  any?: string[]
}

const HONEY = ['mat-ong-hoa-nhan-tuan-minh', 'mat-ong-vinh-hoa', 'mat-ong-hoa-vai-thanh-ha']
const FISH_SAUCE = [
  'nuoc-mam-phu-quoc-khai-hoan-40-do-dam',
  'nuoc-mam-thanh-quoc-43-do-dam',
  'nuoc-mam-nhi-ca-com-35-do-dam',
]
const VAN_PHUC = [
  'vai-lua-to-tam-van-phuc',
  'khan-lua-van-phuc-in-hoa',
  'tour-trai-nghiem-det-lua-van-phuc',
  'ao-phong-ghep-lua',
  'tui-vai-tho-ghep-lua',
  'tranh-ghep-vai-vun',
]
const BAT_TRANG = [
  'bo-bat-dia-hoa-sen-do',
  'bo-am-chen-chim-en-hoa-sen',
  'bo-gom-men-suoi-ngoc',
  'trai-nghiem-lam-gom-bat-trang',
]
const KHAM_TRAI = ['hop-trang-suc-kham-trai', 'tranh-kham-trai-van-mieu']
const SON_MAI = ['hop-son-mai-kham-trung', 'tranh-son-mai-lang-que']
const BRONZE = ['doi-den-tu-linh', 'lo-song-ngu']
const TRA_VINH = [
  'duong-hoa-dua-tra-vinh-farm',
  'mat-hoa-dua-tra-vinh-farm',
  'dua-sap-soi-vicosap',
  'xa-bong-dua-thien-nhien',
]

export const RELEVANCE_CASES: RelevanceCase[] = [
  { q: 'mat ong dan phuong', kind: 'no-diacritics', all: ['mat-ong-hoa-nhan-tuan-minh'] },
  { q: 'lua van phuc', kind: 'no-diacritics', any: VAN_PHUC },
  { q: 'nuoc mam phu quoc 40 do', kind: 'no-diacritics', all: ['nuoc-mam-phu-quoc-khai-hoan-40-do-dam'] },
  { q: 'gom bat trang', kind: 'no-diacritics', any: BAT_TRANG },
  { q: 'tra sen tay ho', kind: 'no-diacritics', all: ['tra-sen-tay-ho-hien-xiem'] },
  { q: 'banh chung', kind: 'no-diacritics', all: ['banh-chung-xanh-hai-yen', 'banh-chung-dat-to'] },
  { q: 'non la', kind: 'no-diacritics', all: ['non-la-bai-tho-phu-cam'] },
  { q: 'ca phe robusta', kind: 'no-diacritics', all: ['ca-phe-robusta-rang-xay-hoa-phu'] },
  { q: 'toi den', kind: 'no-diacritics', all: ['toi-den-co-don-yen-chau'] },
  { q: 'mien dong', kind: 'no-diacritics', all: ['mien-dong-binh-lieu'] },
  { q: 'tra hoa vang', kind: 'no-diacritics', all: ['tra-hoa-vang-ba-che'] },
  { q: 'me xung hue', kind: 'no-diacritics', all: ['me-xung-hue-thien-huong'] },
  { q: 'dua sap', kind: 'no-diacritics', all: ['dua-sap-soi-vicosap'] },
  { q: 'banh trang sieu mong', kind: 'no-diacritics', all: ['banh-trang-sieu-mong-tan-nhien'] },
  { q: 'lụa vạn phúc', kind: 'tone-marks', any: VAN_PHUC },
  { q: 'mật ong hoa nhãn', kind: 'tone-marks', all: ['mat-ong-hoa-nhan-tuan-minh'] },
  { q: 'nước mắm', kind: 'tone-marks', all: FISH_SAUCE },
  { q: 'gốm Chu Đậu', kind: 'tone-marks', all: ['binh-gom-men-lam-chu-dau', 'dia-gom-ve-lam-chu-dau'] },
  { q: 'đào Nhật Tân', kind: 'tone-marks', all: ['cay-dao-the-nhat-tan'] },
  { q: 'hoa hồng Mê Linh', kind: 'tone-marks', all: ['hoa-hong-me-linh'] },
  { q: 'mât ong', kind: 'wrong-tones', all: HONEY },
  { q: 'lúa vạn phục', kind: 'wrong-tones', any: VAN_PHUC },
  { q: 'nuóc mám', kind: 'wrong-tones', any: FISH_SAUCE },
  { q: 'trà lôc', kind: 'wrong-tones', all: ['tra-loc'] },
  { q: 'mat ongg', kind: 'typo', any: HONEY },
  { q: 'lua van phuk', kind: 'typo', any: VAN_PHUC },
  { q: 'gom bat trangg', kind: 'typo', any: BAT_TRANG },
  { q: 'nuoc mamm', kind: 'typo', any: FISH_SAUCE },
  { q: 'khamm trai', kind: 'typo', any: KHAM_TRAI },
  { q: 'mat on', kind: 'prefix', any: HONEY },
  { q: 'son ma', kind: 'prefix', any: SON_MAI },
  { q: 'tranh dong h', kind: 'prefix', all: ['tranh-dong-ho-dam-cuoi-chuot'] },
  { q: 'nhan lo', kind: 'prefix', all: ['nhan-long-hung-yen-tuoi'] },
  { q: 'silk scarf', kind: 'english', all: ['khan-lua-van-phuc-in-hoa', 'khan-lua-to-sen-phung-xa'] },
  { q: 'fish sauce', kind: 'english', any: FISH_SAUCE },
  { q: 'honey', kind: 'english', any: HONEY },
  { q: 'coffee', kind: 'english', all: ['ca-phe-robusta-rang-xay-hoa-phu'] },
  { q: 'black garlic', kind: 'english', all: ['toi-den-co-don-yen-chau'] },
  { q: 'lacquer box', kind: 'english', all: ['hop-son-mai-kham-trung'] },
  { q: 'conical hat', kind: 'english', all: ['non-la-bai-tho-phu-cam'] },
  { q: 'bronze', kind: 'english', any: BRONZE },
  { q: 'ha dong', kind: 'former-name', any: VAN_PHUC },
  { q: 'gia lam', kind: 'former-name', any: BAT_TRANG },
  { q: 'phu xuyen', kind: 'former-name', any: KHAM_TRAI },
  { q: 'mat ong ba vi', kind: 'former-name', all: ['mat-ong-vinh-hoa'] },
  { q: 'thuong tin', kind: 'former-name', any: SON_MAI },
  { q: 'tra vinh', kind: 'former-name', any: TRA_VINH },
  { q: 'lang lua van phuc', kind: 'village', any: VAN_PHUC },
  { q: 'chuyen my', kind: 'village', any: KHAM_TRAI },
  { q: 'ngu xa', kind: 'village', any: BRONZE },
  { q: 'lang tranh dong ho', kind: 'village', all: ['tranh-dong-ho-dam-cuoi-chuot'] },
  { q: 'lang gom bat trang', kind: 'village', any: BAT_TRANG },
]

/** Products a case counts as relevant (for recall@10). */
export function relevantSlugs(c: RelevanceCase): string[] {
  return [...(c.all ?? []), ...(c.any ?? [])]
}

/** Whether the top results satisfy the case. */
export function passes(c: RelevanceCase, slugs: string[]): boolean {
  const top3 = slugs.slice(0, 3)
  if (c.all && !c.all.every((slug) => top3.includes(slug))) return false
  if (c.any && !c.any.some((slug) => top3.includes(slug))) return false
  return true
}
