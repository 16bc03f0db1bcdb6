/** Vietnamese text of the fulfilment pages; fulfilment.en.ts mirrors this shape. */

function group(n: number, digits = 0): string {
  return n.toLocaleString('vi-VN', { maximumFractionDigits: digits })
}

export const fulfilmentVi = {
  status: {
    PENDING: 'Chờ xác nhận',
    CONFIRMED: 'Chờ gửi hàng',
    SHIPPED: 'Đang giao',
    DELIVERED: 'Đã giao',
    CANCELLED: 'Đã hủy',
  },
  orderStatus: {
    PLACED: 'Đã đặt hàng',
    AWAITING_PAYMENT: 'Chờ thanh toán',
    PAID: 'Đã thanh toán',
    CONFIRMED: 'Đã xác nhận',
    SHIPPED: 'Đang giao',
    DELIVERED: 'Đã giao',
    CANCELLED: 'Đã hủy',
    REFUNDED: 'Đã hoàn tiền',
  },
  paymentMethod: {
    COD: 'Thanh toán khi nhận hàng (COD)',
    VIETQR: 'Chuyển khoản VietQR',
    STRIPE: 'Thẻ quốc tế (Stripe)',
  },
  /** A calendar day (YYYY-MM-DD) in a chart axis or table: 20/11. */
  shortDay: (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`,
  /** A calendar day (YYYY-MM-DD) in full: 20/11/2026. */
  longDay: (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`,
  /** A day and a time (HH:MM), Vietnam time: 20/11/2026 14:05. */
  dateTime: (day: string, time: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)} ${time}`,
  /** Money on a chart axis: 1,2 tr ₫, 850 N ₫. */
  compactVnd: (n: number) =>
    n >= 1_000_000_000
      ? `${group(n / 1_000_000_000, 1)} tỷ`
      : n >= 1_000_000
        ? `${group(n / 1_000_000, 1)} tr`
        : n >= 1_000
          ? `${group(n / 1_000)} N`
          : group(n),
  count: (n: number) => group(n),

  dashboard: {
    title: 'Tổng quan bán hàng',
    periodLabel: 'Khoảng thời gian',
    period: (days: number) => `${days} ngày qua`,
    range: (from: string, to: string) => `Từ ${from} đến ${to}`,
    revenue: 'Doanh thu',
    revenueHint: 'Tiền hàng của các đơn không bị hủy, chưa gồm phí vận chuyển.',
    orders: 'Số đơn hàng',
    versusPrevious: (from: string, to: string) => `so với kỳ trước (${from} – ${to})`,
    change: (ratio: number) => {
      const percent = Math.round(ratio * 100)
      return percent === 0 ? 'Không đổi' : `${percent > 0 ? 'Tăng' : 'Giảm'} ${group(Math.abs(percent))}%`
    },
    noPrevious: 'Kỳ trước chưa có đơn',
    previousValue: (value: string) => `Kỳ trước: ${value}`,
    chart: {
      revenueTitle: (days: number) => `Doanh thu theo ngày, ${days} ngày qua`,
      ordersTitle: (days: number) => `Số đơn hàng theo ngày, ${days} ngày qua`,
      dayAxis: 'Ngày',
      revenueAxis: 'Doanh thu (₫)',
      ordersAxis: 'Số đơn',
      summary: (total: string, best: string | null, bestDay: string | null) =>
        best && bestDay
          ? `Tổng ${total}. Cao nhất ${best} vào ngày ${bestDay}.`
          : `Tổng ${total}. Chưa có đơn hàng nào.`,
      tableCaption: 'Số liệu của biểu đồ',
    },
    pending: {
      title: 'Việc cần làm',
      toConfirm: (n: number) => `${group(n)} đơn chờ xác nhận`,
      toShip: (n: number) => `${group(n)} đơn chờ gửi hàng`,
      inTransit: (n: number) => `${group(n)} đơn đang giao`,
      nothing: 'Không có đơn nào đang chờ bạn.',
    },
    top: {
      title: 'Sản phẩm bán chạy',
      byQuantity: 'Theo số lượng bán',
      byRevenue: 'Theo doanh thu',
      product: 'Sản phẩm',
      quantity: 'Số lượng',
      revenue: 'Doanh thu',
      empty: 'Chưa có đơn hàng trong khoảng thời gian này.',
    },
    lowStock: {
      title: 'Sắp hết hàng',
      hint: (n: number) => `Sản phẩm đang bán còn từ ${n} đơn vị trở xuống.`,
      left: (n: number) => (n === 0 ? 'Hết hàng' : `Còn ${group(n)}`),
      update: (name: string) => `Cập nhật tồn kho: ${name}`,
      empty: 'Không có sản phẩm nào sắp hết hàng.',
    },
    certificates: {
      title: 'Chứng nhận OCOP cần gia hạn',
      hint: 'Chứng nhận hết hạn trong 90 ngày tới hoặc vừa hết hạn. Hãy nộp hồ sơ đánh giá lại trước khi hết hạn.',
      decision: (number: string, stars: number) => `Quyết định ${number}, ${stars} sao`,
      expiresIn: (days: number) =>
        days === 0 ? 'Hết hạn hôm nay' : days > 0 ? `Còn ${group(days)} ngày` : `Đã hết hạn ${group(-days)} ngày`,
      expiresOn: (date: string) => `Hạn: ${date}`,
      empty: 'Không có chứng nhận nào sắp hết hạn.',
    },
  },

  list: {
    title: 'Đơn hàng',
    tabs: 'Lọc theo trạng thái',
    all: 'Tất cả',
    tab: (label: string, n: number) => `${label} (${group(n)})`,
    caption: (label: string, n: number) => `${label}: ${group(n)} đơn`,
    number: 'Mã đơn',
    placedAt: 'Ngày đặt',
    buyer: 'Người mua',
    province: 'Tỉnh, thành',
    lines: 'Sản phẩm',
    lineCount: (n: number) => `${group(n)} sản phẩm`,
    subtotal: 'Tiền hàng',
    status: 'Trạng thái',
    open: (number: string) => `Xem đơn ${number}`,
    empty: 'Chưa có đơn hàng nào. Đơn mới sẽ hiện ở đây.',
    emptyStatus: 'Không có đơn nào ở trạng thái này.',
  },

  detail: {
    title: (number: string) => `Đơn ${number}`,
    back: 'Tất cả đơn hàng',
    placedAt: (date: string) => `Đặt lúc ${date}`,
    orderStatus: 'Trạng thái cả đơn',
    shipmentStatus: 'Phần của bạn',
    payment: 'Thanh toán',
    items: 'Sản phẩm trong đơn của bạn',
    sku: 'Mã hàng',
    product: 'Sản phẩm',
    price: 'Đơn giá',
    quantity: 'SL',
    lineTotal: 'Thành tiền',
    subtotal: 'Tiền hàng',
    shippingFee: 'Phí vận chuyển',
    codFee: 'Phí thu hộ (COD)',
    total: 'Cộng',
    delivery: 'Giao đến',
    contact: 'Người nhận',
    phone: 'Điện thoại',
    email: 'Email',
    address: 'Địa chỉ',
    note: 'Ghi chú của người mua',
    shipping: 'Vận chuyển',
    carrier: 'Đơn vị vận chuyển',
    trackingCode: 'Mã vận đơn',
    cancelReason: 'Lý do hủy',
    history: 'Lịch sử',
    historyEntry: (from: string | null, to: string) => (from ? `${from} → ${to}` : to),
    byActor: (name: string) => `bởi ${name}`,
    orderEvent: 'Cả đơn hàng',
    actions: 'Xử lý đơn',
    finished: 'Đơn đã kết thúc, không còn thao tác nào.',
    readOnly: 'Bạn chỉ có quyền xem đơn hàng.',
  },

  forms: {
    confirm: {
      title: 'Xác nhận đơn',
      hint: 'Xác nhận bạn có đủ hàng và sẽ chuẩn bị gửi.',
      submit: 'Xác nhận đơn',
      pending: 'Đang xác nhận…',
    },
    ship: {
      title: 'Gửi hàng',
      hint: 'Nhập đơn vị vận chuyển và mã vận đơn để người mua theo dõi.',
      carrier: 'Đơn vị vận chuyển',
      carrierPlaceholder: 'Chọn đơn vị vận chuyển',
      other: 'Khác',
      carrierName: 'Tên đơn vị vận chuyển khác',
      carrierNameHint: 'Chỉ điền khi chọn “Khác”.',
      trackingCode: 'Mã vận đơn',
      trackingCodeHint: 'Ví dụ: GHN123456789.',
      submit: 'Đánh dấu đã gửi',
      pending: 'Đang lưu…',
    },
    deliver: {
      title: 'Đã giao hàng',
      hint: 'Đánh dấu khi đơn vị vận chuyển báo người mua đã nhận hàng.',
      submit: 'Đánh dấu đã giao',
      pending: 'Đang lưu…',
    },
    cancel: {
      title: 'Hủy đơn',
      hint: 'Số lượng của đơn sẽ được cộng lại vào tồn kho. Người mua sẽ thấy lý do bạn ghi.',
      reason: 'Lý do hủy',
      submit: 'Hủy đơn',
      pending: 'Đang hủy…',
    },
    errors: {
      carrierRequired: 'Vui lòng chọn đơn vị vận chuyển.',
      carrierNameRequired: 'Vui lòng nhập tên đơn vị vận chuyển.',
      carrierNameTooLong: (max: number) => `Tên đơn vị vận chuyển dài tối đa ${max} ký tự.`,
      trackingCodeRequired: 'Vui lòng nhập mã vận đơn.',
      trackingCodeTooLong: (max: number) => `Mã vận đơn dài tối đa ${max} ký tự.`,
      trackingCodeInvalid: 'Mã vận đơn chỉ gồm chữ, số và các dấu - . _ /',
      reasonRequired: 'Vui lòng ghi lý do hủy đơn.',
      reasonTooShort: 'Lý do hủy quá ngắn, hãy ghi rõ hơn.',
      reasonTooLong: (max: number) => `Lý do hủy dài tối đa ${max} ký tự.`,
    },
  },

  toasts: {
    CONFIRMED: (number: string) => `Đã xác nhận đơn ${number}.`,
    SHIPPED: (number: string) => `Đã ghi nhận gửi hàng cho đơn ${number}.`,
    DELIVERED: (number: string) => `Đơn ${number} đã giao xong.`,
    CANCELLED: (number: string) => `Đã hủy đơn ${number} và cộng lại tồn kho.`,
    stale: (number: string) => `Đơn ${number} vừa được cập nhật (có thể bởi người khác). Hãy xem lại trạng thái mới.`,
    invalid: (number: string) => `Thao tác này không còn áp dụng được cho đơn ${number}.`,
  },
}
