import { z } from 'zod'
import { LOCALES } from '#app/i18n/locale.ts'
import { type Messages } from '#app/i18n/vi.ts'

type AccountMessages = Messages['account']

/**
 * The same limits as app/modules/accounts/password.server.ts, which the browser bundle cannot import
 * (accounts.server.test.ts checks that they agree).
 */
export { PASSWORD_RULES } from '#app/modules/accounts/password-rules.ts'
import { PASSWORD_RULES } from '#app/modules/accounts/password-rules.ts'
export const NAME_MAX = 100
export const COMPANY_MAX = 150

/** Where export buyers come from: OCOP's main export markets and neighbours (ISO 3166-1 alpha-2). */
export const EXPORT_COUNTRIES = [
  'AE',
  'AU',
  'BE',
  'CA',
  'CH',
  'CN',
  'CZ',
  'DE',
  'DK',
  'ES',
  'FI',
  'FR',
  'GB',
  'HK',
  'ID',
  'IN',
  'IT',
  'JP',
  'KH',
  'KR',
  'LA',
  'MM',
  'MY',
  'NL',
  'NO',
  'NZ',
  'PH',
  'PL',
  'QA',
  'RU',
  'SA',
  'SE',
  'SG',
  'TH',
  'TW',
  'US',
  'VN',
] as const

/** The forms of the account page, told apart by the `intent` of their submit button. */
export const UPDATE_PROFILE_INTENT = 'update-profile'
export const CHANGE_PASSWORD_INTENT = 'change-password'
export const RESEND_VERIFICATION_INTENT = 'resend-verification'
export const REVOKE_SESSION_INTENT = 'revoke-session'
export const REVOKE_OTHER_SESSIONS_INTENT = 'revoke-other-sessions'

/** Mobile (0912345678, +84912345678) and landline (02438261234) numbers, once separators are dropped. */
const VIETNAMESE_PHONE = /^(?:0|\+84)(?:[35789]\d{8}|2\d{9})$/

function emailField(t: AccountMessages) {
  return z
    .string({ error: t.validation.emailRequired })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: t.validation.emailInvalid }).max(254, { error: t.validation.emailInvalid }))
}

function nameField(t: AccountMessages) {
  return z
    .string({ error: t.validation.nameRequired })
    .trim()
    .min(1, { error: t.validation.nameRequired })
    .max(NAME_MAX, { error: t.validation.nameTooLong(NAME_MAX) })
}

function newPasswordField(t: AccountMessages) {
  return z
    .string({ error: t.validation.passwordRequired })
    .min(PASSWORD_RULES.min, { error: t.validation.passwordTooShort(PASSWORD_RULES.min) })
    .max(PASSWORD_RULES.max, { error: t.validation.passwordTooLong(PASSWORD_RULES.max) })
}

function companyField(t: AccountMessages) {
  return z
    .string()
    .trim()
    .max(COMPANY_MAX, { error: t.validation.companyTooLong(COMPANY_MAX) })
    .optional()
}

function countryField(t: AccountMessages) {
  return z.enum(EXPORT_COUNTRIES, { error: t.validation.countryRequired }).optional()
}

/** Company and country become required together with the export-buyer choice. */
function requireExportDetails(
  t: AccountMessages,
  data: { company?: string; country?: string },
  ctx: z.RefinementCtx,
): void {
  if (!data.company) ctx.addIssue({ code: 'custom', path: ['company'], message: t.validation.companyRequired })
  if (!data.country) ctx.addIssue({ code: 'custom', path: ['country'], message: t.validation.countryRequired })
}

/**
 * Cross-field checks run even when a field failed (Zod skips them by default), so a form sent without
 * JavaScript lists every problem at once. They must therefore cope with missing values.
 */
export const EVEN_WITH_FIELD_ERRORS = { when: () => true }

function requireSame(ctx: z.RefinementCtx, a: string, b: string | undefined, path: string, message: string): void {
  if (b !== undefined && a !== b) ctx.addIssue({ code: 'custom', path: [path], message })
}

export function LoginSchema(t: AccountMessages) {
  return z.object({
    email: emailField(t),
    password: z
      .string({ error: t.validation.passwordRequired })
      .max(PASSWORD_RULES.max, { error: t.validation.passwordTooLong(PASSWORD_RULES.max) }),
    redirectTo: z.string().optional(),
  })
}

export function SignupSchema(t: AccountMessages) {
  return z
    .object({
      name: nameField(t),
      email: emailField(t),
      password: newPasswordField(t),
      confirmPassword: z.string({ error: t.validation.confirmRequired }),
      exportBuyer: z.boolean().optional(),
      company: companyField(t),
      country: countryField(t),
      redirectTo: z.string().optional(),
    })
    .superRefine((data, ctx) => {
      requireSame(ctx, data.password, data.confirmPassword, 'confirmPassword', t.validation.passwordMismatch)
      if (data.exportBuyer) requireExportDetails(t, data, ctx)
    }, EVEN_WITH_FIELD_ERRORS)
}

export function ForgotPasswordSchema(t: AccountMessages) {
  return z.object({ email: emailField(t) })
}

export function ResetPasswordSchema(t: AccountMessages) {
  return z
    .object({
      token: z.string(),
      password: newPasswordField(t),
      confirmPassword: z.string({ error: t.validation.confirmRequired }),
    })
    .superRefine((data, ctx) => {
      requireSame(ctx, data.password, data.confirmPassword, 'confirmPassword', t.validation.passwordMismatch)
    }, EVEN_WITH_FIELD_ERRORS)
}

export function ChangePasswordSchema(t: AccountMessages) {
  return z
    .object({
      currentPassword: z
        .string({ error: t.validation.passwordRequired })
        .max(PASSWORD_RULES.max, { error: t.validation.passwordTooLong(PASSWORD_RULES.max) }),
      newPassword: newPasswordField(t),
      confirmNewPassword: z.string({ error: t.validation.confirmRequired }),
    })
    .superRefine((data, ctx) => {
      requireSame(ctx, data.newPassword, data.confirmNewPassword, 'confirmNewPassword', t.validation.passwordMismatch)
      if (data.currentPassword && data.newPassword === data.currentPassword) {
        ctx.addIssue({ code: 'custom', path: ['newPassword'], message: t.password.sameAsCurrent })
      }
    }, EVEN_WITH_FIELD_ERRORS)
}

/** `exportBuyer`: the account is an export buyer's, whose company and country are required. */
export function ProfileSchema(t: AccountMessages, options: { exportBuyer: boolean }) {
  return z
    .object({
      name: nameField(t),
      phone: z
        .string()
        .overwrite((value) => value.replace(/[\s.()-]/g, ''))
        .regex(VIETNAMESE_PHONE, { error: t.validation.phoneInvalid })
        .optional(),
      locale: z.enum(LOCALES, { error: t.validation.localeRequired }),
      company: companyField(t),
      country: countryField(t),
    })
    .superRefine((data, ctx) => {
      if (options.exportBuyer) requireExportDetails(t, data, ctx)
    }, EVEN_WITH_FIELD_ERRORS)
}

/** The country choices with names in the page's language, sorted as a reader of that language expects. */
export function countryOptions(locale: 'vi' | 'en'): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' })
  return EXPORT_COUNTRIES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  )
}
