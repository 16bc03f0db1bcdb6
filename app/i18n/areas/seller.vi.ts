/** Vietnamese text of the producer workspace (/seller) shell; seller.en.ts mirrors this shape. */
export const sellerVi = {
  title: 'Kênh người bán',
  nav: {
    label: 'Kênh người bán',
    dashboard: 'Tổng quan',
    listings: 'Sản phẩm',
    import: 'Nhập từ CSV',
    orders: 'Đơn hàng',
  },
  switchProducer: 'Đang làm việc cho',
  switchSubmit: 'Chuyển',
  switched: (name: string) => `Đã chuyển sang ${name}.`,
  memberRole: { OWNER: 'Chủ sở hữu', STAFF: 'Nhân viên' },
  status: {
    PENDING: 'Đang chờ Văn phòng OCOP xác minh: sản phẩm chưa hiển thị trên chợ cho đến khi được xác minh.',
    VERIFIED: 'Đã xác minh',
    REJECTED: 'Hồ sơ bị từ chối',
    SUSPENDED: 'Tạm ngừng: sản phẩm không hiển thị trên chợ.',
  },
  reviewNote: 'Ghi chú của Văn phòng OCOP:',
}
