/**
 * The import's verdicts, in Vietnamese: they are stored with the job (ImportJob.error and
 * .rejections) and printed by the CLI, so they are data written once, not UI text looked up per
 * visitor. The pages' own text lives in app/i18n/areas/catalog-import.*.ts.
 */
import { LISTING_LIMITS } from '#app/modules/producer/listing-rules.ts'

const n = (value: number) => value.toLocaleString('vi-VN')
const quote = (value: string) => `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`
const list = (values: readonly string[]) => values.join(', ')
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const SAVE_AS_UTF8 =
  'Hãy lưu lại tệp dưới dạng “CSV UTF-8” (Excel: Tệp › Lưu thành › CSV UTF-8; Google Trang tính: Tệp › Tải xuống › CSV) rồi tải lên lại.'

export const FILE_ERRORS = {
  notUtf8: (line: number) =>
    `Tệp không phải mã UTF-8 (lỗi mã hóa ký tự từ dòng ${n(line)}, có thể tệp đang ở mã Windows-1258 hoặc TCVN3). ${SAVE_AS_UTF8} Chưa có sản phẩm nào được nhập.`,
  utf16: `Tệp đang ở mã UTF-16 (“Unicode Text”), không phải CSV UTF-8. ${SAVE_AS_UTF8} Chưa có sản phẩm nào được nhập.`,
  quoteNotClosed: (line: number) =>
    `Dấu ngoặc kép mở ở bản ghi bắt đầu từ dòng ${n(line)} không được đóng cho đến hết tệp. Hãy kiểm tra dòng đó (ô có dấu ngoặc kép phải được bao trong ngoặc kép và viết dấu ngoặc kép bên trong thành "" ). Chưa có sản phẩm nào được nhập.`,
  misplacedQuote: (line: number) =>
    `Dấu ngoặc kép đặt sai chỗ ở bản ghi bắt đầu từ dòng ${n(line)}: một ô có ngoặc kép phải bắt đầu và kết thúc bằng ngoặc kép, dấu ngoặc kép bên trong viết thành "". Chưa có sản phẩm nào được nhập.`,
  recordTooLong: (line: number) =>
    `Bản ghi bắt đầu từ dòng ${n(line)} dài bất thường (có thể thiếu dấu ngoặc kép đóng). Chưa có sản phẩm nào được nhập.`,
  unreadable: (line: number, detail: string) =>
    `Không đọc được tệp CSV ở dòng ${n(line)} (${detail}). Chưa có sản phẩm nào được nhập.`,
  empty: 'Tệp trống: không có dòng tiêu đề và không có sản phẩm nào.',
  noRows: 'Tệp chỉ có dòng tiêu đề, không có sản phẩm nào để nhập.',
  missingColumns: (columns: readonly string[]) =>
    `Thiếu cột bắt buộc: ${list(columns)}. Dòng đầu tiên của tệp phải là dòng tiêu đề với tên cột đúng như tệp mẫu.`,
  unknownColumns: (columns: readonly string[], known: readonly string[]) =>
    `Tên cột không nhận ra: ${list(columns.map(quote))}. Các cột dùng được: ${list(known)}.`,
  duplicateColumns: (columns: readonly string[]) => `Cột bị lặp trong dòng tiêu đề: ${list(columns)}.`,
  tooLarge: (maxBytes: number) =>
    `Tệp lớn hơn ${n(maxBytes / 1024 / 1024)} MB. Hãy chia thành nhiều tệp nhỏ hơn. Chưa có sản phẩm nào được nhập.`,
  tooManyRows: (maxRows: number) =>
    `Tệp có hơn ${n(maxRows)} dòng sản phẩm. Hãy chia thành nhiều tệp, mỗi tệp tối đa ${n(maxRows)} dòng. Chưa có sản phẩm nào được nhập.`,
  fileMissing: 'Không tìm thấy tệp đã tải lên (có thể máy chủ đã dọn dẹp). Hãy tải tệp lên lại.',
  changedDuringImport:
    'Tệp thay đổi trong khi đang nhập. Các dòng trước đó đã được lưu; hãy tải tệp lên lại để nhập nốt (các dòng đã nhập sẽ được cập nhật, không bị nhân đôi).',
  crashed:
    'Việc nhập bị gián đoạn nhiều lần do lỗi máy chủ. Các lô đã lưu vẫn giữ nguyên; hãy tải tệp lên lại (các dòng đã nhập sẽ được cập nhật, không bị nhân đôi).',
} as const

export const REASONS = {
  required: (column: string) => `Thiếu ${column} (cột bắt buộc).`,
  tooLong: (column: string, max: number) => `${sentence(column)} dài quá ${n(max)} ký tự.`,
  badSku: (sku: string) =>
    `Mã SKU ${quote(sku)} không hợp lệ: chỉ dùng chữ không dấu, số và . _ / - (không có khoảng trắng), bắt đầu bằng chữ hoặc số.`,
  duplicateSku: (sku: string, earlierLine: number) =>
    `Mã SKU ${quote(sku)} đã xuất hiện ở dòng ${n(earlierLine)} của tệp; mỗi SKU chỉ được có một dòng.`,
  unknownGroup: (group: string) =>
    `Nhóm sản phẩm ${quote(group)} không có trong danh mục OCOP (ví dụ đúng: thuc-pham, do-uong, duoc-lieu).`,
  unknownSubgroup: (subgroup: string) => `Phân nhóm ${quote(subgroup)} không có trong danh mục OCOP.`,
  subgroupNotInGroup: (subgroup: string, group: string) =>
    `Phân nhóm ${quote(subgroup)} không thuộc nhóm ${quote(group)}.`,
  priceNotNumber: (value: string) =>
    `Giá ${quote(value)} không phải số tiền hợp lệ (ví dụ: 150000, 150.000 hoặc 150,000).`,
  priceNegative: 'Giá không được âm.',
  priceFraction: (value: string) =>
    `Giá ${quote(value)} có phần lẻ hoặc cách ghi không rõ ràng: ghi số đồng nguyên, ví dụ 150000 hoặc 150.000.`,
  priceTooLow: `Giá thấp hơn mức tối thiểu ${n(LISTING_LIMITS.minPriceVnd)} ₫.`,
  priceTooHigh: `Giá vượt quá mức tối đa ${n(LISTING_LIMITS.maxPriceVnd)} ₫.`,
  wholeNumber: (column: string, value: string) => `${sentence(column)} ${quote(value)} phải là số nguyên không âm.`,
  weightRange: `Khối lượng (weight_g) phải từ ${n(LISTING_LIMITS.minWeightGrams)} đến ${n(LISTING_LIMITS.maxWeightGrams)} gam.`,
  stockRange: `Tồn kho (stock) phải từ 0 đến ${n(LISTING_LIMITS.maxStock)}.`,
  unknownStatus: (value: string) =>
    `Trạng thái ${quote(value)} không hợp lệ: dùng draft/nháp, published/đang bán hoặc archived/lưu trữ (để trống: nháp với sản phẩm mới, giữ nguyên với sản phẩm đã có).`,
  unknownVillage: (slug: string) => `Không có làng nghề mã ${quote(slug)}.`,
  villageMismatch: (slug: string, producerVillage: string) =>
    `Sản phẩm thuộc làng nghề của chủ thể (${producerVillage}), không phải ${quote(slug)}: để trống village_slug hoặc ghi ${producerVillage}.`,
  producerHasNoVillage: (slug: string) =>
    `Chủ thể chưa gắn với làng nghề nào nên sản phẩm không thể thuộc ${quote(slug)}: để trống village_slug (làng nghề được gắn trong hồ sơ chủ thể).`,
  columnCount: (got: number, expected: number) =>
    `Dòng có ${n(got)} ô, dòng tiêu đề có ${n(expected)} cột: kiểm tra dấu phân cách và dấu ngoặc kép.`,
  archivedToPublished:
    'Sản phẩm đang ở trạng thái lưu trữ: chỉ chuyển được về nháp, chưa thể đăng bán thẳng (ghi draft/nháp trước).',
  hiddenByOffice:
    'Sản phẩm đang bị Văn phòng OCOP ẩn: không đổi được trạng thái qua tệp (để trống cột trạng thái để cập nhật các thông tin khác; lý do ẩn xem ở trang sản phẩm).',
} as const
