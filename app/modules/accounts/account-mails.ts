import { type Locale } from '#app/i18n/locale.ts'

export type MailText = { subject: string; text: string }

/** The message with the e-mail confirmation link, in the user's language. */
export function verifyEmailMail(locale: Locale, { name, url, hours }: { name: string; url: string; hours: number }) {
  if (locale === 'en') {
    return {
      subject: 'Confirm your email for Chợ OCOP',
      text: [
        `Hello ${name},`,
        '',
        'Thank you for joining Chợ OCOP. Please confirm your email address by opening this link:',
        '',
        url,
        '',
        `The link works for ${hours} hours. If you did not create an account, you can ignore this email.`,
        '',
        'Chợ OCOP',
      ].join('\n'),
    } satisfies MailText
  }
  return {
    subject: 'Xác nhận email của bạn trên Chợ OCOP',
    text: [
      `Xin chào ${name},`,
      '',
      'Cảm ơn bạn đã đăng ký Chợ OCOP. Vui lòng xác nhận địa chỉ email bằng cách mở đường dẫn sau:',
      '',
      url,
      '',
      `Đường dẫn có hiệu lực trong ${hours} giờ. Nếu bạn không đăng ký tài khoản, hãy bỏ qua thư này.`,
      '',
      'Chợ OCOP',
    ].join('\n'),
  } satisfies MailText
}

/** The message with the password reset link, in the user's language. */
export function resetPasswordMail(locale: Locale, { name, url, hours }: { name: string; url: string; hours: number }) {
  if (locale === 'en') {
    return {
      subject: 'Reset your Chợ OCOP password',
      text: [
        `Hello ${name},`,
        '',
        'Someone (hopefully you) asked to reset the password of your Chợ OCOP account. To choose a new password, open this link:',
        '',
        url,
        '',
        `The link works for ${hours} hour${hours === 1 ? '' : 's'} and only once. If you did not ask for it, ignore this email: your password stays the same.`,
        '',
        'Chợ OCOP',
      ].join('\n'),
    } satisfies MailText
  }
  return {
    subject: 'Đặt lại mật khẩu Chợ OCOP',
    text: [
      `Xin chào ${name},`,
      '',
      'Có người (hy vọng là bạn) vừa yêu cầu đặt lại mật khẩu tài khoản Chợ OCOP của bạn. Để chọn mật khẩu mới, hãy mở đường dẫn sau:',
      '',
      url,
      '',
      `Đường dẫn có hiệu lực trong ${hours} giờ và chỉ dùng được một lần. Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn vẫn giữ nguyên.`,
      '',
      'Chợ OCOP',
    ].join('\n'),
  } satisfies MailText
}
