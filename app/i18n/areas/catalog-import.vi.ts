/** Vietnamese text of the catalog-import pages; catalog-import.en.ts mirrors this shape. */
const n = (value: number) => value.toLocaleString('vi-VN')

export const catalogImportVi = {
  title: 'Nhập sản phẩm từ tệp CSV',
  intro:
    'Tải lên một tệp CSV để thêm hoặc cập nhật nhiều sản phẩm một lần. Sản phẩm được nhận ra theo mã SKU: SKU mới được tạo, SKU đã có được cập nhật, không bao giờ bị nhân đôi.',
  format: {
    title: 'Định dạng tệp',
    items: [
      'Dòng đầu là dòng tiêu đề. Cột bắt buộc: sku, name_vi, group, subgroup, price_vnd, unit, weight_g, stock.',
      'Cột không bắt buộc: name_en, unit_en, village_slug, description_vi, description_en, status. Ô để trống: sản phẩm đã có giữ nguyên giá trị cũ.',
      'Lưu dưới dạng “CSV UTF-8” (Excel: Tệp › Lưu thành). Phân cách bằng dấu phẩy hoặc dấu chấm phẩy đều được.',
      'Giá tính bằng đồng, số nguyên: 150000, 150.000 hoặc 150,000. Khối lượng tính bằng gam.',
      'Trạng thái: nháp (draft), đang bán (published) hoặc lưu trữ (archived); để trống thì sản phẩm mới là nháp.',
      'village_slug để trống, hoặc ghi đúng làng nghề của chủ thể (sản phẩm thuộc làng nghề của chủ thể).',
      'Tối đa 20 MB và 100.000 dòng sản phẩm mỗi tệp.',
    ],
    codesTitle: 'Mã nhóm và phân nhóm sản phẩm OCOP',
    groupColumn: 'group',
    subgroupColumn: 'subgroup',
  },
  example: 'Tải tệp mẫu (8 sản phẩm mật ong)',
  fileLabel: 'Tệp CSV',
  fileHint: 'Tệp .csv, tối đa 20 MB.',
  submit: 'Tải lên và nhập',
  submitting: 'Đang tải lên…',
  started: (fileName: string) => `Đã nhận tệp ${fileName}. Việc nhập đang chạy; trang này tự cập nhật tiến độ.`,
  errors: {
    noFile: 'Hãy chọn một tệp CSV để tải lên.',
    empty: 'Tệp trống: không có dữ liệu nào.',
    tooLarge: 'Tệp lớn hơn 20 MB. Hãy chia thành nhiều tệp nhỏ hơn.',
    notCsv: 'Chỉ nhận tệp CSV (.csv). Trong Excel, chọn Tệp › Lưu thành › CSV UTF-8.',
    excel:
      'Đây là tệp Excel, chưa phải CSV. Hãy mở tệp trong Excel, chọn Tệp › Lưu thành › CSV UTF-8 (.csv) rồi tải lên tệp .csv đó.',
    unreadable: 'Không đọc được dữ liệu gửi lên. Hãy thử lại.',
    queueFailed: 'Máy chủ chưa bắt đầu nhập được. Hãy thử lại sau ít phút.',
  },
  history: {
    title: 'Các lần nhập gần đây',
    empty: 'Chưa có lần nhập nào.',
    file: 'Tệp',
    date: 'Thời gian',
    status: 'Trạng thái',
    result: 'Kết quả',
    view: 'Xem báo cáo',
  },
  status: {
    QUEUED: 'Đang chờ',
    RUNNING: 'Đang nhập',
    DONE: 'Hoàn tất',
    FAILED: 'Không nhập được',
  },
  counts: (created: number, updated: number, rejected: number) =>
    `${n(created)} tạo mới · ${n(updated)} cập nhật · ${n(rejected)} bị từ chối`,
  job: {
    title: (fileName: string) => `Nhập tệp ${fileName}`,
    progressLabel: 'Tiến độ nhập',
    queued: 'Đang chờ đến lượt…',
    checking: 'Đang kiểm tra tệp (mã hóa, tiêu đề, số dòng)…',
    progress: (processed: number, total: number) => `Đã xử lý ${n(processed)}/${n(total)} dòng`,
    autoRefresh: 'Trang tự cập nhật khi việc nhập đang chạy.',
    refresh: 'Cập nhật tiến độ',
    done: 'Đã nhập xong.',
    created: 'Tạo mới',
    updated: 'Cập nhật',
    rejected: 'Bị từ chối',
    failedTitle: 'Không nhập được tệp',
    savedBeforeFailure: (created: number, updated: number) =>
      `Trước khi dừng đã lưu ${n(created)} sản phẩm mới và ${n(updated)} cập nhật; tải tệp lên lại sẽ cập nhật chúng, không nhân đôi.`,
    rejectionsTitle: 'Các dòng bị từ chối',
    rejectionsNote:
      'Các dòng này không thay đổi gì. Sửa chúng trong tệp rồi tải lên lại: các dòng đã nhập sẽ được cập nhật, không bị nhân đôi.',
    reasonsLanguage: '',
    line: 'Dòng',
    sku: 'SKU',
    reasons: 'Lý do',
    truncated: (shown: number, total: number) => `Chỉ liệt kê ${n(shown)} trong ${n(total)} dòng bị từ chối.`,
    another: 'Nhập tệp khác',
    listings: 'Xem danh sách sản phẩm',
  },
}
