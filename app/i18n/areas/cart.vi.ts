/** Vietnamese text of the cart pages; cart.en.ts mirrors this shape. */
const count = (n: number) => n.toLocaleString('vi-VN')

export const cartVi = {
  title: 'Giỏ hàng',
  heading: 'Giỏ hàng của bạn',
  link: 'Giỏ hàng',
  itemsSuffix: (_n: number) => ' sản phẩm',
  empty: 'Giỏ hàng của bạn đang trống.',
  emptyHint: 'Hãy khám phá đặc sản OCOP từ khắp các vùng miền.',
  browse: 'Xem sản phẩm',
  itemCount: (n: number) => `${count(n)} sản phẩm`,
  shipsFrom: (producer: string, province: string) => `${producer} · gửi từ ${province}`,
  groupNote: 'Mỗi chủ thể tự đóng gói và gửi kiện hàng của mình.',
  unitPrice: 'Đơn giá',
  lineTotal: 'Thành tiền',
  quantity: 'Số lượng',
  quantityOf: (name: string) => `Số lượng: ${name}`,
  update: 'Cập nhật',
  remove: 'Xóa',
  removeLabel: (name: string) => `Xóa ${name} khỏi giỏ hàng`,
  updating: 'Đang cập nhật…',
  problems: {
    soldOut: 'Hết hàng',
    notEnoughStock: (n: number) => `Chỉ còn ${count(n)}`,
    priceChanged: (from: string, to: string) => `Giá đã đổi từ ${from} thành ${to}`,
    unavailable: 'Sản phẩm không còn bán',
  },
  shipping: {
    destination: 'Giao đến tỉnh, thành phố',
    submit: 'Tính phí',
    fee: 'Phí giao hàng (ước tính)',
    estimateNote:
      'Phí giao hàng ở đây chỉ là ước tính theo tỉnh, thành phố nhận hàng; phí chính xác được tính ở bước thanh toán, khi bạn nhập địa chỉ.',
    zones: {
      'same-province': 'nội tỉnh',
      'same-region': 'cùng vùng',
      'other-region': 'liên vùng',
    },
  },
  groupSubtotal: 'Tiền hàng',
  summary: 'Tóm tắt đơn hàng',
  subtotal: 'Tạm tính',
  shippingTotal: 'Phí giao hàng (ước tính)',
  total: 'Tổng cộng (ước tính)',
  checkout: 'Thanh toán',
  checkoutBlocked:
    'Chưa thể thanh toán: hãy xóa sản phẩm không còn bán hoặc đã hết hàng, và giảm số lượng vượt quá hàng còn lại.',
  priceChangedNote:
    'Một số giá đã thay đổi từ khi bạn thêm vào giỏ. Tiếp tục thanh toán nghĩa là bạn đồng ý với giá mới.',
  addToCart: {
    label: 'Thêm vào giỏ hàng',
    quantity: 'Số lượng',
    submit: 'Thêm vào giỏ',
    pending: 'Đang thêm…',
    added: 'Đã thêm vào giỏ',
    viewCart: 'Xem giỏ hàng',
    soldOut: 'Hết hàng',
  },
  done: {
    added: (name: string, quantity: number) => `Đã thêm ${count(quantity)} × ${name} vào giỏ hàng.`,
    capped: (name: string, max: number) =>
      `Mỗi sản phẩm chỉ đặt tối đa ${count(max)}: giỏ hàng giữ ${count(max)} × ${name}.`,
    updated: 'Đã cập nhật số lượng.',
    removed: 'Đã xóa sản phẩm khỏi giỏ hàng.',
  },
  errors: {
    quantity: (max: number) => `Số lượng phải là số nguyên từ 1 đến ${count(max)}.`,
    quantityOrZero: (max: number) => `Số lượng phải là số nguyên từ 0 đến ${count(max)} (0 để xóa).`,
    product: 'Không rõ sản phẩm nào: hãy tải lại trang và thử lại.',
    unavailable: 'Sản phẩm này không còn bán.',
    soldOut: 'Sản phẩm này đã hết hàng.',
    notEnoughStock: (stock: number, inCart: number) =>
      inCart > 0
        ? `Chỉ còn ${count(stock)} sản phẩm, và giỏ hàng của bạn đã có ${count(inCart)}.`
        : `Chỉ còn ${count(stock)} sản phẩm.`,
    notInCart: 'Sản phẩm này không có trong giỏ hàng của bạn.',
    unknownIntent: 'Yêu cầu không hợp lệ.',
  },
}
