export const LOCALES = ['vi', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'vi'

/**
 * Vietnamese lives at the bare paths (`/products`), English under `/en` (`/en/products`).
 * Returns null for a `lang` segment that is not a supported locale (the route then 404s).
 */
export function localeFromParam(lang: string | undefined): Locale | null {
  if (lang === undefined) return 'vi'
  return lang === 'en' ? 'en' : null
}

/** Prefixes an app path with the locale's segment: localePath('en', '/products') → '/en/products'. */
export function localePath(locale: Locale, path: string): string {
  if (locale === 'vi') return path
  return path === '/' ? '/en' : `/en${path}`
}

/** The same page in the other language: strips or adds the `/en` prefix, keeping the query. */
export function switchLocalePath(pathname: string, search: string, to: Locale): string {
  const bare = pathname === '/en' ? '/' : pathname.startsWith('/en/') ? pathname.slice(3) : pathname
  return localePath(to, bare) + search
}

/** Picks the field for the locale from a pair such as { nameVi, nameEn }. */
export function pick(locale: Locale, vi: string, en: string): string {
  return locale === 'en' && en ? en : vi
}

/**
 * For route loaders and actions: the locale of the `($lang)` segment, or a 404 for anything but `en`.
 * Every route calls it first, so it also turns away a URL segment that no record can match: one with
 * a NUL character (`%00`), which PostgreSQL cannot even compare and would answer with an error.
 */
export function requireLocale(params: Readonly<Record<string, string | undefined>>): Locale {
  const locale = localeFromParam(params.lang)
  if (!locale || Object.values(params).some((value) => value?.includes('\u0000'))) {
    throw new Response('Not found', { status: 404 })
  }
  return locale
}
