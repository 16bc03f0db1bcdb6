/**
 * What the people of a request for quotation are told, in the recipient's language: the e-mail
 * (subject and text) and the one-line summary the in-app notice shows under the same title.
 */
import { type Locale } from '#app/i18n/locale.ts'

export type RfqMail = { subject: string; text: string; summary: string }

const SIGNATURE = 'Chợ OCOP'

function mail(subject: string, lines: string[], summary: string): RfqMail {
  return { subject, text: [...lines, '', SIGNATURE].join('\n'), summary }
}

function quoted(text: string): string[] {
  return text ? ['', ...text.split('\n').map((line) => `> ${line}`)] : []
}

/** To a producer's members: a buyer asks them for a quote. */
export function rfqReceivedMail(
  locale: Locale,
  input: {
    name: string
    producerName: string
    number: string
    company: string
    country: string
    items: { name: string; quantity: number; unit: string }[]
    neededBy: string
    url: string
  },
): RfqMail {
  const list = input.items.map(
    (item) => `- ${item.name}: ${item.quantity.toLocaleString(locale === 'en' ? 'en-US' : 'vi-VN')} ${item.unit}`,
  )
  if (locale === 'en') {
    return mail(
      `Request for quotation ${input.number} from ${input.company}`,
      [
        `Hello ${input.name},`,
        '',
        `${input.company} (${input.country}) asks ${input.producerName} for a quotation:`,
        '',
        ...list,
        '',
        `Needed by: ${input.neededBy}`,
        '',
        `Read the request, quote or decline here: ${input.url}`,
      ],
      `${input.company} (${input.country}) asks for a quotation for ${input.items.length} product${input.items.length === 1 ? '' : 's'}.`,
    )
  }
  return mail(
    `Yêu cầu báo giá ${input.number} từ ${input.company}`,
    [
      `Xin chào ${input.name},`,
      '',
      `${input.company} (${input.country}) gửi yêu cầu báo giá đến ${input.producerName}:`,
      '',
      ...list,
      '',
      `Ngày cần hàng: ${input.neededBy}`,
      '',
      `Xem yêu cầu, gửi báo giá hoặc từ chối tại: ${input.url}`,
    ],
    `${input.company} (${input.country}) yêu cầu báo giá ${input.items.length} sản phẩm.`,
  )
}

/** To the buyer: a producer sent a quote. */
export function quoteReceivedMail(
  locale: Locale,
  input: { name: string; producerName: string; number: string; validUntil: string; url: string },
): RfqMail {
  if (locale === 'en') {
    return mail(
      `${input.producerName} sent a quote for ${input.number}`,
      [
        `Hello ${input.name},`,
        '',
        `${input.producerName} answered your request for quotation ${input.number} with a quote, valid until ${input.validUntil}.`,
        '',
        `Read it, accept or decline it here: ${input.url}`,
      ],
      `Quote valid until ${input.validUntil}.`,
    )
  }
  return mail(
    `${input.producerName} đã gửi báo giá cho ${input.number}`,
    [
      `Xin chào ${input.name},`,
      '',
      `${input.producerName} đã trả lời yêu cầu báo giá ${input.number} của bạn bằng một báo giá, có hiệu lực đến ngày ${input.validUntil}.`,
      '',
      `Xem, chấp nhận hoặc từ chối báo giá tại: ${input.url}`,
    ],
    `Báo giá có hiệu lực đến ngày ${input.validUntil}.`,
  )
}

/** To the buyer: a producer declined to quote. */
export function partDeclinedMail(
  locale: Locale,
  input: { name: string; producerName: string; number: string; reason: string; url: string },
): RfqMail {
  if (locale === 'en') {
    return mail(
      `${input.producerName} declined to quote for ${input.number}`,
      [
        `Hello ${input.name},`,
        '',
        `${input.producerName} declined your request for quotation ${input.number}. Their reason:`,
        ...quoted(input.reason),
        '',
        `Your request: ${input.url}`,
      ],
      input.reason,
    )
  }
  return mail(
    `${input.producerName} từ chối báo giá cho ${input.number}`,
    [
      `Xin chào ${input.name},`,
      '',
      `${input.producerName} đã từ chối yêu cầu báo giá ${input.number} của bạn. Lý do:`,
      ...quoted(input.reason),
      '',
      `Yêu cầu của bạn: ${input.url}`,
    ],
    input.reason,
  )
}

/** To a producer's members: the buyer accepted their quote. */
export function quoteAcceptedMail(
  locale: Locale,
  input: { name: string; company: string; number: string; url: string },
): RfqMail {
  if (locale === 'en') {
    return mail(
      `${input.company} accepted your quote for ${input.number}`,
      [
        `Hello ${input.name},`,
        '',
        `${input.company} accepted your quote for request ${input.number}. Get in touch through the request's conversation to agree the contract, samples and shipment.`,
        '',
        input.url,
      ],
      `${input.company} accepted your quote.`,
    )
  }
  return mail(
    `${input.company} đã chấp nhận báo giá ${input.number}`,
    [
      `Xin chào ${input.name},`,
      '',
      `${input.company} đã chấp nhận báo giá của bạn cho yêu cầu ${input.number}. Hãy trao đổi với người mua trong phần tin nhắn của yêu cầu để thống nhất hợp đồng, hàng mẫu và lô hàng.`,
      '',
      input.url,
    ],
    `${input.company} đã chấp nhận báo giá của bạn.`,
  )
}

/** To a producer's members: the buyer declined their quote (which closes their part). */
export function quoteDeclinedMail(
  locale: Locale,
  input: { name: string; company: string; number: string; reason: string; url: string },
): RfqMail {
  if (locale === 'en') {
    return mail(
      `${input.company} declined your quote for ${input.number}`,
      [
        `Hello ${input.name},`,
        '',
        `${input.company} declined your quote for request ${input.number}.${input.reason ? ' Their reason:' : ''}`,
        ...quoted(input.reason),
        '',
        input.url,
      ],
      input.reason || `${input.company} declined your quote.`,
    )
  }
  return mail(
    `${input.company} đã từ chối báo giá ${input.number}`,
    [
      `Xin chào ${input.name},`,
      '',
      `${input.company} đã từ chối báo giá của bạn cho yêu cầu ${input.number}.${input.reason ? ' Lý do:' : ''}`,
      ...quoted(input.reason),
      '',
      input.url,
    ],
    input.reason || `${input.company} đã từ chối báo giá của bạn.`,
  )
}

/** To the other side of a part's conversation: a new message. */
export function newMessageMail(
  locale: Locale,
  input: { name: string; from: string; number: string; body: string; url: string },
): RfqMail {
  const excerpt = input.body.length > 300 ? `${input.body.slice(0, 300)}…` : input.body
  if (locale === 'en') {
    return mail(
      `New message from ${input.from} about ${input.number}`,
      [
        `Hello ${input.name},`,
        '',
        `${input.from} wrote about request for quotation ${input.number}:`,
        ...quoted(excerpt),
        '',
        `Reply here: ${input.url}`,
      ],
      excerpt,
    )
  }
  return mail(
    `Tin nhắn mới từ ${input.from} về ${input.number}`,
    [
      `Xin chào ${input.name},`,
      '',
      `${input.from} đã nhắn về yêu cầu báo giá ${input.number}:`,
      ...quoted(excerpt),
      '',
      `Trả lời tại: ${input.url}`,
    ],
    excerpt,
  )
}
