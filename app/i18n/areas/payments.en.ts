import { type paymentsVi } from './payments.vi.ts'

type MailInput = { name: string; number: string; amount: string; url: string }

export const paymentsEn: typeof paymentsVi = {
  methods: {
    COD: 'Cash on delivery (COD)',
    VIETQR: 'Bank transfer (VietQR)',
    STRIPE: 'Card (Visa, Mastercard via Stripe)',
  },
  status: {
    PENDING: 'Awaiting payment',
    SUCCEEDED: 'Paid',
    FAILED: 'Not completed',
    CANCELLED: 'Cancelled',
    REFUNDED: 'Refunded',
  },
  cod: {
    title: 'Cash on delivery',
    text: (amount: string) => `You pay ${amount} to the courier when the parcel arrives.`,
  },
  vietqr: {
    title: 'Pay by VietQR bank transfer',
    scan: 'Open your banking app and scan the QR code: the amount and the transfer note are filled in for you.',
    qrAlt: (number: string) => `VietQR code to pay order ${number}`,
    bank: 'Bank',
    accountNumber: 'Account number',
    accountName: 'Account holder',
    amount: 'Amount',
    transferNote: 'Transfer note',
    noteHint: 'Use exactly this note so that we can match your transfer.',
    copy: 'Copy',
    waiting: 'The Chợ OCOP office confirms the payment once it reaches the account (during office hours).',
    holdUntil: (time: string) => `Your items are held for you until ${time}.`,
    demo: 'This is the demo’s example account: do not transfer real money.',
    paid: 'We have received your transfer. Thank you!',
  },
  stripe: {
    title: 'Pay by card',
    pending: 'Waiting for the card payment result.',
    paid: 'Card payment received. Thank you!',
    failed: 'The card payment session expired or did not go through.',
    retry: 'Try paying again',
    unavailable:
      'The card payment page could not be opened. Your order is still held; please try again in a few minutes.',
    alreadyPaid: 'This order has already been paid.',
    holdExpired: 'The hold on this order has run out, so it can no longer be paid.',
    notPayable: 'This order is not awaiting a card payment.',
    lineName: (number: string) => `Order ${number} – OCOP Market`,
    lineDescription: (items: number) => `${items} OCOP item${items === 1 ? '' : 's'}, shipping included`,
  },
  office: {
    title: 'Confirm VietQR transfers',
    nav: 'VietQR transfers',
    intro:
      'Check the receiving account’s statement: when a transfer with the right amount and note has arrived, press “Confirm payment received”. The order becomes “Paid” and the buyer gets an email.',
    awaiting: 'Awaiting transfer',
    awaitingCount: (n: number) => `${n.toLocaleString('en-US')} order${n === 1 ? '' : 's'} waiting`,
    empty: 'No order is awaiting a transfer.',
    columns: {
      number: 'Order',
      placedAt: 'Placed',
      buyer: 'Buyer',
      total: 'Amount',
      transferNote: 'Transfer note',
      holdUntil: 'Held until',
      action: 'Action',
    },
    confirm: 'Confirm payment received',
    confirmLabel: (number: string) => `Confirm payment received for order ${number}`,
    confirmed: (number: string) => `Payment confirmed for order ${number}. The buyer will get an email.`,
    alreadyConfirmed: (number: string) => `Order ${number} had already been confirmed.`,
    notAwaiting: (number: string) =>
      `Order ${number} is no longer awaiting a transfer (its hold may have run out). If the money arrived, contact the buyer to refund it.`,
    notFound: 'This bank-transfer order was not found.',
    unknownIntent: 'Unknown action.',
    recent: 'Recently confirmed',
    recentEmpty: 'No transfer has been confirmed yet.',
    recentColumns: {
      number: 'Order',
      total: 'Amount',
      confirmedAt: 'Confirmed',
      confirmedBy: 'Confirmed by',
    },
    guest: 'Guest (not logged in)',
    none: '—',
  },
  mail: {
    paidSubject: (number: string) => `OCOP Market received the payment for order ${number}`,
    paidText: ({ name, number, amount, url }: MailInput) =>
      [
        `Hello ${name},`,
        '',
        `OCOP Market has received ${amount} for order ${number}. The producers will now prepare and ship your items.`,
        '',
        `Your order: ${url}`,
        '',
        'OCOP Market (Chợ OCOP)',
      ].join('\n'),
    lateSubject: (number: string) => `Order ${number}: payment received after the order was cancelled`,
    lateText: ({ name, number, amount, url }: MailInput) =>
      [
        `Hello ${name},`,
        '',
        `OCOP Market has received ${amount} for order ${number}, but the order had been cancelled because its hold ran out before the payment arrived.`,
        'The office will refund the full amount and contact you.',
        '',
        `Your order: ${url}`,
        '',
        'OCOP Market (Chợ OCOP)',
      ].join('\n'),
  },
}
