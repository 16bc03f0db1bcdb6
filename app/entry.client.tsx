import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { DEFAULT_LOCALE, LOCALES, type Locale } from './i18n/locale.ts'
import { loadMessages } from './i18n/messages.ts'

/**
 * Remix's default entry, except that it first loads the page's language (the root renders it as
 * `<html lang>`): the browser fetches only that language's messages, not every language's.
 */
const lang = document.documentElement.lang
const locale: Locale = LOCALES.find((l) => l === lang) ?? DEFAULT_LOCALE

void loadMessages(locale).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  })
})
