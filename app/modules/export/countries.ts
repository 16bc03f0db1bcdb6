import { type Locale } from '#app/i18n/locale.ts'

/**
 * Countries and territories Vietnamese OCOP producers export to (ISO 3166-1 alpha-2 codes), with the
 * English and Vietnamese names. A compact list of the main trading partners, not the whole standard.
 * Ordered by English name.
 */
export const COUNTRIES: ReadonlyArray<{ code: string; en: string; vi: string }> = [
  { code: 'AE', en: 'United Arab Emirates', vi: 'Các Tiểu vương quốc Ả Rập Thống nhất' },
  { code: 'AR', en: 'Argentina', vi: 'Argentina' },
  { code: 'AT', en: 'Austria', vi: 'Áo' },
  { code: 'AU', en: 'Australia', vi: 'Úc' },
  { code: 'BD', en: 'Bangladesh', vi: 'Bangladesh' },
  { code: 'BE', en: 'Belgium', vi: 'Bỉ' },
  { code: 'BN', en: 'Brunei', vi: 'Brunei' },
  { code: 'BR', en: 'Brazil', vi: 'Brazil' },
  { code: 'CA', en: 'Canada', vi: 'Canada' },
  { code: 'CH', en: 'Switzerland', vi: 'Thụy Sĩ' },
  { code: 'CL', en: 'Chile', vi: 'Chile' },
  { code: 'CN', en: 'China', vi: 'Trung Quốc' },
  { code: 'CZ', en: 'Czechia', vi: 'Séc' },
  { code: 'DE', en: 'Germany', vi: 'Đức' },
  { code: 'DK', en: 'Denmark', vi: 'Đan Mạch' },
  { code: 'DZ', en: 'Algeria', vi: 'Algeria' },
  { code: 'EG', en: 'Egypt', vi: 'Ai Cập' },
  { code: 'ES', en: 'Spain', vi: 'Tây Ban Nha' },
  { code: 'FI', en: 'Finland', vi: 'Phần Lan' },
  { code: 'FR', en: 'France', vi: 'Pháp' },
  { code: 'GB', en: 'United Kingdom', vi: 'Vương quốc Anh' },
  { code: 'GR', en: 'Greece', vi: 'Hy Lạp' },
  { code: 'HK', en: 'Hong Kong', vi: 'Hồng Kông' },
  { code: 'HU', en: 'Hungary', vi: 'Hungary' },
  { code: 'ID', en: 'Indonesia', vi: 'Indonesia' },
  { code: 'IE', en: 'Ireland', vi: 'Ireland' },
  { code: 'IL', en: 'Israel', vi: 'Israel' },
  { code: 'IN', en: 'India', vi: 'Ấn Độ' },
  { code: 'IQ', en: 'Iraq', vi: 'Iraq' },
  { code: 'IT', en: 'Italy', vi: 'Ý' },
  { code: 'JP', en: 'Japan', vi: 'Nhật Bản' },
  { code: 'KH', en: 'Cambodia', vi: 'Campuchia' },
  { code: 'KR', en: 'South Korea', vi: 'Hàn Quốc' },
  { code: 'KW', en: 'Kuwait', vi: 'Kuwait' },
  { code: 'KZ', en: 'Kazakhstan', vi: 'Kazakhstan' },
  { code: 'LA', en: 'Laos', vi: 'Lào' },
  { code: 'LK', en: 'Sri Lanka', vi: 'Sri Lanka' },
  { code: 'MA', en: 'Morocco', vi: 'Maroc' },
  { code: 'MM', en: 'Myanmar', vi: 'Myanmar' },
  { code: 'MN', en: 'Mongolia', vi: 'Mông Cổ' },
  { code: 'MO', en: 'Macao', vi: 'Ma Cao' },
  { code: 'MX', en: 'Mexico', vi: 'Mexico' },
  { code: 'MY', en: 'Malaysia', vi: 'Malaysia' },
  { code: 'NG', en: 'Nigeria', vi: 'Nigeria' },
  { code: 'NL', en: 'Netherlands', vi: 'Hà Lan' },
  { code: 'NO', en: 'Norway', vi: 'Na Uy' },
  { code: 'NZ', en: 'New Zealand', vi: 'New Zealand' },
  { code: 'OM', en: 'Oman', vi: 'Oman' },
  { code: 'PE', en: 'Peru', vi: 'Peru' },
  { code: 'PH', en: 'Philippines', vi: 'Philippines' },
  { code: 'PK', en: 'Pakistan', vi: 'Pakistan' },
  { code: 'PL', en: 'Poland', vi: 'Ba Lan' },
  { code: 'PT', en: 'Portugal', vi: 'Bồ Đào Nha' },
  { code: 'QA', en: 'Qatar', vi: 'Qatar' },
  { code: 'RO', en: 'Romania', vi: 'Romania' },
  { code: 'RU', en: 'Russia', vi: 'Nga' },
  { code: 'SA', en: 'Saudi Arabia', vi: 'Ả Rập Xê Út' },
  { code: 'SE', en: 'Sweden', vi: 'Thụy Điển' },
  { code: 'SG', en: 'Singapore', vi: 'Singapore' },
  { code: 'TH', en: 'Thailand', vi: 'Thái Lan' },
  { code: 'TR', en: 'Türkiye', vi: 'Thổ Nhĩ Kỳ' },
  { code: 'TW', en: 'Taiwan', vi: 'Đài Loan' },
  { code: 'UA', en: 'Ukraine', vi: 'Ukraina' },
  { code: 'US', en: 'United States', vi: 'Hoa Kỳ' },
  { code: 'UZ', en: 'Uzbekistan', vi: 'Uzbekistan' },
  { code: 'ZA', en: 'South Africa', vi: 'Nam Phi' },
]

const BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]))

/** True for a code in COUNTRIES (upper-case alpha-2). */
export function isCountryCode(code: string): boolean {
  return BY_CODE.has(code)
}

/** The country's name in the locale; an unknown code is returned as given. */
export function countryName(code: string, locale: Locale): string {
  const country = BY_CODE.get(code.toUpperCase())
  if (!country) return code
  return locale === 'en' ? country.en : country.vi
}

/** COUNTRIES sorted by their name in the locale (for select lists). */
export function countriesFor(locale: Locale): Array<{ code: string; name: string }> {
  return COUNTRIES.map((country) => ({ code: country.code, name: locale === 'en' ? country.en : country.vi })).sort(
    (a, b) => a.name.localeCompare(b.name, locale),
  )
}
