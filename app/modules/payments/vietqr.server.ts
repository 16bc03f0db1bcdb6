import QRCode from 'qrcode'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv, VIETQR_DEMO } from '#app/utils/env.server.ts'
import { type PaymentAdapter } from './payment-port.ts'
import { buildVietQrPayload } from './vietqr.ts'

/** The account transfers go to, from the environment (a demo account unless configured). */
export function vietQrAccount() {
  const env = getEnv()
  return {
    bin: env.VIETQR_BANK_BIN,
    bankName: env.VIETQR_BANK_NAME,
    accountNumber: env.VIETQR_ACCOUNT_NUMBER,
    accountName: env.VIETQR_ACCOUNT_NAME,
    demo: env.VIETQR_ACCOUNT_NUMBER === VIETQR_DEMO.accountNumber,
  }
}

/**
 * What the buyer writes in the transfer: the order number itself, which the office searches the
 * bank statement for (parseOrderNumber also reads it back when a bank app drops the dashes).
 */
export function transferNoteFor(orderNumber: string): string {
  return orderNumber
}

/** The payload as an SVG QR code (error correction M, which survives a phone photo of a screen). */
export function renderQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}

export const vietQrAdapter: PaymentAdapter = {
  method: 'VIETQR',
  async start(tx, order) {
    if (order.currency !== 'VND') throw new Error('VietQR transfers are in đồng')
    const transferNote = transferNoteFor(order.number)
    const payment = await tx.payment.create({
      data: {
        orderId: order.id,
        method: 'VIETQR',
        status: 'PENDING',
        amount: order.totalVnd,
        currency: 'VND',
        providerRef: transferNote,
      },
      select: { id: true },
    })
    return { method: 'VIETQR', paymentId: payment.id, transferNote, next: 'order-page' }
  },
  async instructions(order) {
    const account = vietQrAccount()
    const transferNote = transferNoteFor(order.number)
    const payment = await getDb().payment.findFirst({
      where: { orderId: order.id, method: 'VIETQR' },
      orderBy: { createdAt: 'desc' },
      select: { status: true },
    })
    const payload = buildVietQrPayload({
      bin: account.bin,
      accountNumber: account.accountNumber,
      amountVnd: order.totalVnd,
      purpose: transferNote,
    })
    return {
      kind: 'vietqr',
      status: payment?.status ?? 'PENDING',
      payload,
      qrSvg: await renderQrSvg(payload),
      bankName: account.bankName,
      bin: account.bin,
      accountNumber: account.accountNumber,
      accountName: account.accountName,
      amountVnd: order.totalVnd,
      transferNote,
      demo: account.demo,
      holdExpiresAt: order.holdExpiresAt,
    }
  },
}
