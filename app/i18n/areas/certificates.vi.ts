/** Vietnamese text of the OCOP certificate pages (office, public, producer); certificates.en.ts mirrors this shape. */
const group = (n: number) => n.toLocaleString('vi-VN')

export const certificatesVi = {
  title: 'Chứng nhận OCOP',
  stars: (n: number) => `${n} sao`,
  starsLabel: (n: number) => `${n} sao OCOP`,
  levels: { PROVINCIAL: 'Cấp tỉnh', NATIONAL: 'Cấp quốc gia' },
  status: {
    active: 'Còn hiệu lực',
    expiring: 'Sắp hết hạn',
    expired: 'Đã hết hạn',
    revoked: 'Đã thu hồi',
    superseded: 'Đã được thay thế',
    pending: 'Chưa có hiệu lực',
  },
  daysLeft: (days: number) =>
    days === 0 ? 'Hết hạn hôm nay' : days > 0 ? `Còn ${group(days)} ngày` : `Quá hạn ${group(-days)} ngày`,
  potentialFiveStar: 'Sản phẩm tiềm năng 5 sao',
  none: '—',
  fields: {
    product: 'Sản phẩm',
    sku: 'Mã SKU',
    producer: 'Chủ thể',
    stars: 'Hạng sao',
    score: 'Điểm đánh giá',
    level: 'Cấp công nhận',
    issuer: 'Cơ quan cấp',
    decisionNumber: 'Số quyết định',
    decisionDate: 'Ngày quyết định',
    decision: 'Quyết định',
    issuedOn: 'Ngày cấp',
    expiresOn: 'Hiệu lực đến',
    validity: 'Cấp / hết hạn',
    legalBasis: 'Căn cứ (bộ tiêu chí)',
    potentialFiveStar: 'Tiềm năng 5 sao',
    decisionFile: 'Bản quét quyết định',
    status: 'Tình trạng',
    daysLeft: 'Còn lại',
    revokedAt: 'Ngày thu hồi',
    revokedReason: 'Lý do thu hồi',
    recordedAt: 'Ngày ghi nhận',
  },

  office: {
    title: 'Chứng nhận OCOP',
    intro: 'Ghi nhận, theo dõi hạn, đánh giá lại và thu hồi chứng nhận OCOP của các sản phẩm.',
    newCertificate: 'Ghi nhận chứng nhận',
    viewsLabel: 'Hàng đợi chứng nhận',
    views: {
      all: 'Tất cả',
      expiring: 'Sắp hết hạn (≤ 30 ngày)',
      expired: 'Hết hạn, cần đánh giá lại',
      revoked: 'Đã thu hồi',
    },
    searchLabel: 'Tìm chứng nhận',
    searchPlaceholder: 'Tên sản phẩm, mã SKU, chủ thể hoặc số quyết định',
    search: 'Tìm',
    clearSearch: 'Bỏ tìm kiếm',
    count: (n: number) => `${group(n)} chứng nhận`,
    empty: 'Không có chứng nhận nào trong mục này.',
    tableCaption: 'Danh sách chứng nhận OCOP',
    open: (decision: string) => `Mở chứng nhận ${decision}`,
    pagination: {
      label: 'Phân trang',
      previous: 'Trang trước',
      next: 'Trang sau',
      page: (page: number, count: number) => `Trang ${page}/${count}`,
    },
  },

  form: {
    title: 'Ghi nhận chứng nhận OCOP',
    reEvaluateTitle: 'Đánh giá lại: ghi chứng nhận mới',
    reEvaluateIntro: (decision: string) =>
      `Chứng nhận mới thay thế chứng nhận ${decision}. Chứng nhận cũ giữ nguyên lịch sử và được ghi là “Đã được thay thế”.`,
    back: 'Về danh sách chứng nhận',
    openPrevious: 'Mở chứng nhận cũ',
    findProduct: 'Chọn sản phẩm',
    findProductLabel: 'Tìm sản phẩm theo tên, mã SKU hoặc chủ thể',
    findProductSubmit: 'Tìm',
    noProducts: 'Không tìm thấy sản phẩm nào.',
    productResults: 'Sản phẩm tìm thấy',
    choose: 'Chọn',
    chooseLabel: (name: string) => `Chọn ${name}`,
    changeProduct: 'Chọn sản phẩm khác',
    currentStars: (stars: number | null) =>
      stars ? `Hiện hiển thị ${stars} sao trên Chợ OCOP.` : 'Hiện không hiển thị sao trên Chợ OCOP.',
    chooseOption: 'Chọn…',
    scoreHint: 'Thang 100 điểm: 3 sao 50–69, 4 sao 70–89, 5 sao 90–100.',
    levelHint: '5 sao do Hội đồng cấp quốc gia công nhận; 3 và 4 sao do Hội đồng cấp tỉnh.',
    issuerHint:
      'Ghi đúng cơ quan trên quyết định (trước 1/7/2025 một số chứng nhận 3 sao do UBND cấp huyện cấp: giữ nguyên).',
    decisionHint: 'Không trùng với quyết định khác của cùng sản phẩm.',
    expiresHint: 'Để trống để tự tính: đúng 36 tháng sau ngày cấp.',
    legalBasisHint: 'Chọn bộ tiêu chí trong danh sách hoặc ghi căn cứ khác.',
    potentialHint: 'Chỉ dành cho sản phẩm 4 sao (do tỉnh đề xuất).',
    decisionFileHint: (mb: number) => `PDF, JPEG hoặc PNG, tối đa ${mb} MB. Không bắt buộc.`,
    submit: 'Ghi nhận chứng nhận',
    submitReEvaluate: 'Ghi nhận chứng nhận mới',
    submitting: 'Đang lưu…',
    recorded: (decision: string) => `Đã ghi nhận chứng nhận ${decision}.`,
    reEvaluated: (decision: string, old: string) => `Đã ghi nhận chứng nhận ${decision}, thay thế chứng nhận ${old}.`,
  },

  errors: {
    productRequired: 'Hãy chọn sản phẩm.',
    productNotFound: 'Sản phẩm không tồn tại.',
    starsRequired: 'Chọn hạng sao: 3, 4 hoặc 5 sao.',
    scoreRequired: 'Nhập điểm đánh giá (0–100).',
    scoreRange: 'Điểm là số nguyên từ 0 đến 100.',
    scoreOutOfBand: (score: number, stars: number, scoreStars: number | null) =>
      scoreStars
        ? `Điểm ${score} thuộc hạng ${scoreStars} sao, không phải ${stars} sao.`
        : `Điểm ${score} dưới 50: chưa đủ để công nhận sao OCOP.`,
    levelRequired: 'Chọn cấp công nhận.',
    levelMismatch: (stars: number) =>
      stars === 5 ? 'Sản phẩm 5 sao do cấp quốc gia công nhận.' : `Sản phẩm ${stars} sao do cấp tỉnh công nhận.`,
    issuerRequired: 'Nhập cơ quan cấp chứng nhận.',
    issuerTooLong: (max: number) => `Tên cơ quan cấp tối đa ${max} ký tự.`,
    decisionRequired: 'Nhập số quyết định.',
    decisionTooLong: (max: number) => `Số quyết định tối đa ${max} ký tự.`,
    duplicateDecision: (decision: string) =>
      `Sản phẩm này đã có chứng nhận theo quyết định ${decision}: số quyết định không được trùng.`,
    dateRequired: 'Nhập ngày.',
    dateInvalid: 'Ngày không hợp lệ.',
    issuedInFuture: 'Ngày cấp không được ở tương lai.',
    decisionInFuture: 'Ngày quyết định không được ở tương lai.',
    expiryNot36Months: (expected: string) => `Hạn phải đúng 36 tháng sau ngày cấp (${expected}).`,
    issuedBeforePrevious: (previous: string) =>
      `Chứng nhận mới không được cấp trước chứng nhận cũ (cấp ngày ${previous}).`,
    legalBasisRequired: 'Ghi căn cứ (bộ tiêu chí) của lần đánh giá.',
    legalBasisTooLong: (max: number) => `Căn cứ tối đa ${max} ký tự.`,
    potentialNeedsFourStars: 'Chỉ sản phẩm 4 sao mới được đánh dấu tiềm năng 5 sao.',
    fileEmpty: 'Tệp trống.',
    fileTooBig: (mb: number) => `Tệp lớn hơn ${mb} MB.`,
    fileWrongType: 'Chỉ nhận tệp PDF, JPEG hoặc PNG.',
    fileTooMany: 'Chỉ gửi một tệp.',
    fileRequired: 'Chọn tệp bản quét quyết định.',
    reasonRequired: 'Hãy ghi lý do thu hồi.',
    reasonTooLong: (max: number) => `Lý do tối đa ${max} ký tự.`,
  },

  conflicts: {
    'not-found': 'Không tìm thấy chứng nhận.',
    revoked: 'Chứng nhận này đã bị thu hồi: không thể sửa, thu hồi lại, đánh giá lại hay đánh dấu.',
    superseded: 'Chứng nhận này đã được thay thế bằng chứng nhận mới: hãy thao tác trên chứng nhận mới.',
    'not-four-stars': 'Chỉ chứng nhận 4 sao mới được đánh dấu tiềm năng 5 sao.',
    unchanged: 'Không có gì thay đổi.',
  },

  detail: {
    title: (decision: string) => `Chứng nhận ${decision}`,
    back: 'Về danh sách chứng nhận',
    details: 'Thông tin chứng nhận',
    history: 'Chuỗi đánh giá',
    historyHint: 'Mỗi lần đánh giá lại tạo một chứng nhận mới; chứng nhận cũ giữ nguyên lịch sử.',
    thisOne: '(chứng nhận đang xem)',
    actions: 'Thao tác',
    reEvaluate: 'Đánh giá lại (ghi chứng nhận mới)',
    publicPage: 'Trang công khai',
    qr: 'Mã QR (SVG)',
    supersedes: 'Thay thế chứng nhận',
    supersededBy: 'Được thay thế bởi',
    revokeHeading: 'Thu hồi chứng nhận',
    revokeHint: 'Sản phẩm mất sao trên Chợ OCOP ngay khi thu hồi. Không thể hoàn tác.',
    revokeReason: 'Lý do thu hồi',
    revoke: 'Thu hồi chứng nhận',
    revoked: (decision: string) => `Đã thu hồi chứng nhận ${decision}.`,
    revokedNote: (date: string) => `Chứng nhận đã bị thu hồi ngày ${date}.`,
    potentialHeading: 'Tiềm năng 5 sao',
    potentialOn: 'Sản phẩm đang được đánh dấu tiềm năng 5 sao.',
    potentialOff: 'Sản phẩm chưa được đánh dấu tiềm năng 5 sao.',
    markPotential: 'Đánh dấu tiềm năng 5 sao',
    unmarkPotential: 'Bỏ đánh dấu tiềm năng 5 sao',
    marked: 'Đã đánh dấu sản phẩm tiềm năng 5 sao.',
    unmarked: 'Đã bỏ đánh dấu tiềm năng 5 sao.',
    fileHeading: 'Bản quét quyết định',
    noFile: 'Chưa có bản quét.',
    viewFile: 'Xem bản quét',
    uploadFile: 'Tải lên bản quét',
    replaceFile: 'Thay bản quét',
    fileSaved: 'Đã lưu bản quét quyết định.',
    auditHeading: 'Nhật ký thao tác',
    noAudit: 'Chưa có thao tác nào được ghi.',
    unknownIntent: 'Thao tác không hợp lệ.',
  },

  public: {
    heading: 'Chứng nhận sản phẩm OCOP',
    metaTitle: (product: string) => `Chứng nhận OCOP: ${product}`,
    intro: 'Trang kiểm tra chứng nhận OCOP (Chương trình Mỗi xã một sản phẩm) do Chợ OCOP công bố.',
    statusActive: (date: string) => `Chứng nhận còn hiệu lực đến hết ngày ${date}.`,
    statusExpiring: (days: number, date: string) =>
      `Chứng nhận còn hiệu lực, sắp hết hạn: còn ${group(days)} ngày (đến hết ngày ${date}).`,
    statusExpired: (date: string) =>
      `Chứng nhận này đã hết hạn ngày ${date}: sản phẩm không còn được hiển thị sao OCOP.`,
    statusRevoked: (date: string) =>
      `Chứng nhận này đã bị thu hồi ngày ${date}: sản phẩm không còn được hiển thị sao OCOP.`,
    statusSuperseded: 'Chứng nhận này đã được thay thế bằng chứng nhận mới sau khi sản phẩm được đánh giá lại.',
    statusPending: (date: string) => `Chứng nhận có hiệu lực từ ngày ${date}.`,
    revokedReason: (reason: string) => `Lý do: ${reason}`,
    newer: (decision: string) => `Xem chứng nhận mới (quyết định ${decision})`,
    older: (decision: string) => `Chứng nhận trước đó (quyết định ${decision})`,
    viewProduct: 'Xem sản phẩm trên Chợ OCOP',
    productUnavailable: 'Sản phẩm hiện không được bày bán trên Chợ OCOP.',
    viewDecision: 'Xem quyết định (bản quét)',
    qrLabel: 'Mã QR dẫn tới trang chứng nhận này',
  },

  seller: {
    title: 'Chứng nhận OCOP',
    intro:
      'Chứng nhận OCOP của các sản phẩm của bạn. Chứng nhận có hiệu lực 36 tháng từ ngày cấp; bạn nhận thông báo 30 ngày trước khi hết hạn. Hãy liên hệ Văn phòng OCOP tỉnh để đánh giá lại kịp thời: chứng nhận hết hạn thì sản phẩm không còn hiển thị sao.',
    empty: 'Chưa có chứng nhận OCOP nào.',
    tableCaption: 'Chứng nhận OCOP của các sản phẩm',
    labelsHeading: 'Nhãn QR để in',
    labelsHint:
      'Mỗi nhãn có mã QR dẫn tới trang chứng nhận công khai: người mua quét để kiểm tra. In và dán lên bao bì hoặc quầy hàng.',
    print: 'In nhãn',
    printLabel: (name: string) => `In nhãn QR của ${name}`,
    printNoScript: 'Dùng lệnh In của trình duyệt (Ctrl+P) để in nhãn.',
    labelScan: 'Quét mã để kiểm tra chứng nhận OCOP',
    labelCertificate: (decision: string) => `Chứng nhận số ${decision}`,
    labelValidUntil: (date: string) => `Hiệu lực đến ${date}`,
    viewPublic: 'Trang công khai',
    noLabel: 'Không in nhãn cho chứng nhận đã hết hạn, bị thu hồi hoặc đã được thay thế.',
  },

  notices: {
    title: 'Thông báo',
    empty: 'Chưa có thông báo nào.',
    unread: (n: number) => `${group(n)} chưa đọc`,
    open: 'Xem',
  },

  /** In-app notice of the producer's workspace (stored once, in Vietnamese). */
  notification: {
    expiringTitle: (product: string, days: number) => `Chứng nhận OCOP của “${product}” còn ${group(days)} ngày`,
    expiringBody: (decision: string, date: string) =>
      `Chứng nhận theo quyết định ${decision} hết hiệu lực sau ngày ${date}. Hãy liên hệ Văn phòng OCOP tỉnh để đánh giá lại.`,
  },

  /** Audit log lines (the office's language is Vietnamese). */
  audit: {
    record: (stars: number, decision: string, product: string) =>
      `Ghi nhận chứng nhận ${stars} sao (QĐ ${decision}) cho “${product}”`,
    reEvaluate: (stars: number, decision: string, old: string, product: string) =>
      `Đánh giá lại “${product}”: chứng nhận ${stars} sao (QĐ ${decision}) thay thế QĐ ${old}`,
    revoke: (decision: string, product: string, reason: string) =>
      `Thu hồi chứng nhận QĐ ${decision} của “${product}”: ${reason}`,
    markPotential: (decision: string, product: string) => `Đánh dấu tiềm năng 5 sao: “${product}” (QĐ ${decision})`,
    unmarkPotential: (decision: string, product: string) =>
      `Bỏ đánh dấu tiềm năng 5 sao: “${product}” (QĐ ${decision})`,
    decisionFile: (decision: string, product: string) => `Cập nhật bản quét quyết định ${decision} của “${product}”`,
  },
}
