import { type Locale } from '#app/i18n/locale.ts'
import { formatDate } from '#app/utils/dates.ts'

export type MailText = { subject: string; text: string }

export type ExpiringMailInput = {
  name: string
  productName: string
  producerName: string
  stars: number
  decisionNumber: string
  expiresOn: Date
  daysLeft: number
  /** Absolute link to the producer's certificates page. */
  url: string
}

/** The 30-day notice to a member of the producer, in the member's language. Sent once per certificate. */
export function certificateExpiringMail(locale: Locale, input: ExpiringMailInput): MailText {
  const date = formatDate(input.expiresOn, locale)
  if (locale === 'en') {
    const days = `${input.daysLeft} day${input.daysLeft === 1 ? '' : 's'}`
    return {
      subject: `The OCOP certificate of “${input.productName}” expires in ${days}`,
      text: [
        `Hello ${input.name},`,
        '',
        `The ${input.stars}-star OCOP certificate of “${input.productName}” (${input.producerName}), decision ${input.decisionNumber}, is valid until ${date}: ${days} from today.`,
        '',
        'Once it expires, the product no longer shows its OCOP stars on Chợ OCOP and drops out of the star filters. Contact the provincial OCOP office now to have the product re-evaluated.',
        '',
        'Your certificates and their QR labels:',
        input.url,
        '',
        'Chợ OCOP',
      ].join('\n'),
    }
  }
  return {
    subject: `Chứng nhận OCOP của “${input.productName}” còn ${input.daysLeft} ngày hiệu lực`,
    text: [
      `Xin chào ${input.name},`,
      '',
      `Chứng nhận OCOP ${input.stars} sao của sản phẩm “${input.productName}” (${input.producerName}), quyết định số ${input.decisionNumber}, có hiệu lực đến hết ngày ${date}: còn ${input.daysLeft} ngày.`,
      '',
      'Khi chứng nhận hết hạn, sản phẩm không còn hiển thị sao OCOP trên Chợ OCOP và không xuất hiện trong bộ lọc theo sao. Hãy liên hệ Văn phòng OCOP tỉnh ngay để được đánh giá lại.',
      '',
      'Xem chứng nhận và nhãn QR của bạn:',
      input.url,
      '',
      'Chợ OCOP',
    ].join('\n'),
  }
}
