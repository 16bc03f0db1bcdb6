import { type fulfilmentVi } from './fulfilment.vi.ts'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function group(n: number, digits = 0): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: digits })
}

function shortDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`
}

export const fulfilmentEn: typeof fulfilmentVi = {
  status: {
    PENDING: 'To confirm',
    CONFIRMED: 'To ship',
    SHIPPED: 'In transit',
    DELIVERED: 'Delivered',
    CANCELLED: 'Cancelled',
  },
  orderStatus: {
    PLACED: 'Placed',
    AWAITING_PAYMENT: 'Awaiting payment',
    PAID: 'Paid',
    CONFIRMED: 'Confirmed',
    SHIPPED: 'Shipped',
    DELIVERED: 'Delivered',
    CANCELLED: 'Cancelled',
    REFUNDED: 'Refunded',
  },
  paymentMethod: {
    COD: 'Cash on delivery (COD)',
    VIETQR: 'VietQR bank transfer',
    STRIPE: 'Card (Stripe)',
  },
  shortDay,
  longDay: (day: string) => `${shortDay(day)} ${day.slice(0, 4)}`,
  dateTime: (day: string, time: string) => `${shortDay(day)} ${day.slice(0, 4)}, ${time}`,
  compactVnd: (n: number) =>
    n >= 1_000_000_000
      ? `${group(n / 1_000_000_000, 1)}B`
      : n >= 1_000_000
        ? `${group(n / 1_000_000, 1)}M`
        : n >= 1_000
          ? `${group(n / 1_000)}k`
          : group(n),
  count: (n: number) => group(n),

  dashboard: {
    title: 'Sales overview',
    periodLabel: 'Period',
    period: (days: number) => `Last ${days} days`,
    range: (from: string, to: string) => `${from} to ${to}`,
    revenue: 'Revenue',
    revenueHint: 'Goods value of orders not cancelled, shipping excluded.',
    orders: 'Orders',
    versusPrevious: (from: string, to: string) => `against the previous period (${from} – ${to})`,
    change: (ratio: number) => {
      const percent = Math.round(ratio * 100)
      return percent === 0 ? 'No change' : `${percent > 0 ? 'Up' : 'Down'} ${group(Math.abs(percent))}%`
    },
    noPrevious: 'No orders in the previous period',
    previousValue: (value: string) => `Previous period: ${value}`,
    chart: {
      revenueTitle: (days: number) => `Revenue per day, last ${days} days`,
      ordersTitle: (days: number) => `Orders per day, last ${days} days`,
      dayAxis: 'Day',
      revenueAxis: 'Revenue (₫)',
      ordersAxis: 'Orders',
      summary: (total: string, best: string | null, bestDay: string | null) =>
        best && bestDay ? `Total ${total}. Highest ${best} on ${bestDay}.` : `Total ${total}. No orders yet.`,
      tableCaption: 'Chart data',
    },
    pending: {
      title: 'Waiting for you',
      toConfirm: (n: number) => `${group(n)} ${n === 1 ? 'order' : 'orders'} to confirm`,
      toShip: (n: number) => `${group(n)} ${n === 1 ? 'order' : 'orders'} to ship`,
      inTransit: (n: number) => `${group(n)} ${n === 1 ? 'order' : 'orders'} in transit`,
      nothing: 'No orders are waiting for you.',
    },
    top: {
      title: 'Best sellers',
      byQuantity: 'By quantity sold',
      byRevenue: 'By revenue',
      product: 'Product',
      quantity: 'Quantity',
      revenue: 'Revenue',
      empty: 'No orders in this period yet.',
    },
    lowStock: {
      title: 'Running low',
      hint: (n: number) => `Products on sale with ${n} or fewer left.`,
      left: (n: number) => (n === 0 ? 'Sold out' : `${group(n)} left`),
      update: (name: string) => `Update stock: ${name}`,
      empty: 'No product is running low.',
    },
    certificates: {
      title: 'OCOP certificates to renew',
      hint: 'Certificates expiring within 90 days or recently expired. Apply for re-evaluation before they expire.',
      decision: (number: string, stars: number) => `Decision ${number}, ${stars} stars`,
      expiresIn: (days: number) =>
        days === 0
          ? 'Expires today'
          : days > 0
            ? `${group(days)} ${days === 1 ? 'day' : 'days'} left`
            : `Expired ${group(-days)} ${days === -1 ? 'day' : 'days'} ago`,
      expiresOn: (date: string) => `Expires: ${date}`,
      empty: 'No certificate is about to expire.',
    },
  },

  list: {
    title: 'Orders',
    tabs: 'Filter by status',
    all: 'All',
    tab: (label: string, n: number) => `${label} (${group(n)})`,
    caption: (label: string, n: number) => `${label}: ${group(n)} ${n === 1 ? 'order' : 'orders'}`,
    number: 'Order',
    placedAt: 'Placed',
    buyer: 'Buyer',
    province: 'Province',
    lines: 'Items',
    lineCount: (n: number) => `${group(n)} ${n === 1 ? 'item' : 'items'}`,
    subtotal: 'Goods',
    status: 'Status',
    open: (number: string) => `Open order ${number}`,
    empty: 'No orders yet. New orders will appear here.',
    emptyStatus: 'No orders with this status.',
  },

  detail: {
    title: (number: string) => `Order ${number}`,
    back: 'All orders',
    placedAt: (date: string) => `Placed ${date}`,
    orderStatus: 'Whole order',
    shipmentStatus: 'Your part',
    payment: 'Payment',
    items: 'Your items in this order',
    sku: 'SKU',
    product: 'Product',
    price: 'Unit price',
    quantity: 'Qty',
    lineTotal: 'Amount',
    subtotal: 'Goods',
    shippingFee: 'Shipping',
    codFee: 'COD fee',
    total: 'Total',
    delivery: 'Deliver to',
    contact: 'Recipient',
    phone: 'Phone',
    email: 'Email',
    address: 'Address',
    note: 'Buyer’s note',
    shipping: 'Shipping',
    carrier: 'Carrier',
    trackingCode: 'Tracking code',
    cancelReason: 'Reason for cancelling',
    history: 'History',
    historyEntry: (from: string | null, to: string) => (from ? `${from} → ${to}` : to),
    byActor: (name: string) => `by ${name}`,
    orderEvent: 'Whole order',
    actions: 'Handle this order',
    finished: 'This order is finished; nothing more to do.',
    readOnly: 'You can view orders only.',
  },

  forms: {
    confirm: {
      title: 'Confirm the order',
      hint: 'Confirm that you have the goods and will prepare the parcel.',
      submit: 'Confirm order',
      pending: 'Confirming…',
    },
    ship: {
      title: 'Ship',
      hint: 'Enter the carrier and tracking code so that the buyer can follow the parcel.',
      carrier: 'Carrier',
      carrierPlaceholder: 'Choose a carrier',
      other: 'Other',
      carrierName: 'Name of the other carrier',
      carrierNameHint: 'Only when “Other” is chosen.',
      trackingCode: 'Tracking code',
      trackingCodeHint: 'For example GHN123456789.',
      submit: 'Mark as shipped',
      pending: 'Saving…',
    },
    deliver: {
      title: 'Delivered',
      hint: 'Mark when the carrier reports that the buyer received the parcel.',
      submit: 'Mark as delivered',
      pending: 'Saving…',
    },
    cancel: {
      title: 'Cancel the order',
      hint: 'The quantities go back into stock. The buyer will see the reason you give.',
      reason: 'Reason for cancelling',
      submit: 'Cancel order',
      pending: 'Cancelling…',
    },
    errors: {
      carrierRequired: 'Please choose a carrier.',
      carrierNameRequired: 'Please enter the carrier’s name.',
      carrierNameTooLong: (max: number) => `The carrier’s name can be at most ${max} characters.`,
      trackingCodeRequired: 'Please enter the tracking code.',
      trackingCodeTooLong: (max: number) => `The tracking code can be at most ${max} characters.`,
      trackingCodeInvalid: 'The tracking code may contain letters, digits and - . _ / only.',
      reasonRequired: 'Please give a reason for cancelling.',
      reasonTooShort: 'The reason is too short; please say a little more.',
      reasonTooLong: (max: number) => `The reason can be at most ${max} characters.`,
    },
  },

  toasts: {
    CONFIRMED: (number: string) => `Order ${number} confirmed.`,
    SHIPPED: (number: string) => `Order ${number} marked as shipped.`,
    DELIVERED: (number: string) => `Order ${number} delivered.`,
    CANCELLED: (number: string) => `Order ${number} cancelled; its quantities are back in stock.`,
    stale: (number: string) =>
      `Order ${number} has just been updated (perhaps by someone else). Please check its new status.`,
    invalid: (number: string) => `That action no longer applies to order ${number}.`,
  },
}
