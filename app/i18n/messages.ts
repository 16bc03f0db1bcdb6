import { useRouteLoaderData } from '@remix-run/react'
import { useSyncExternalStore } from 'react'
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale.ts'
import { type Messages } from './vi.ts'

/**
 * Every language's messages, imported on demand: each is a chunk of its own in the browser build,
 * which fetches only the page's language (entry.client.tsx, before hydrating). Links into the other
 * language load a whole document (site-header.tsx); any other way in shows the loaded language for
 * the moment the other one takes to arrive, then re-renders. Never import vi.ts or en.ts for their values elsewhere, or
 * both languages end up in every page's JavaScript again.
 */
const IMPORTS: Record<Locale, () => Promise<Messages>> = {
  vi: () => import('./vi.ts').then((module) => module.vi),
  en: () => import('./en.ts').then((module) => module.en),
}

const loaded: Partial<Record<Locale, Messages>> = {}
const loading: Partial<Record<Locale, Promise<Messages>>> = {}
const listeners = new Set<() => void>()

/** Loads a language's messages once; later calls get the same ones. */
export function loadMessages(locale: Locale): Promise<Messages> {
  loading[locale] ??= IMPORTS[locale]().then((messages) => {
    loaded[locale] = messages
    for (const listener of listeners) listener()
    return messages
  })
  return loading[locale]
}

// The server (and tests, scripts, the worker) holds every language from the start; the browser
// loads the page's own before hydrating.
if (typeof document === 'undefined') await Promise.all(LOCALES.map(loadMessages))

/** A language that has not arrived yet falls back to one that has (the browser loads it meanwhile). */
function availableMessages(locale: Locale): Messages {
  const messages = loaded[locale] ?? loaded[DEFAULT_LOCALE] ?? LOCALES.map((l) => loaded[l]).find(Boolean)
  if (!messages) throw new Error(`No messages loaded (wanted "${locale}"): call loadMessages first.`)
  return messages
}

export function messagesFor(locale: Locale): Messages {
  if (!loaded[locale]) void loadMessages(locale)
  return availableMessages(locale)
}

/** The current locale, from the root loader (Vietnamese when the root has no data, e.g. errors). */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>('root')
  return data?.locale ?? 'vi'
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** The current locale's messages; re-renders when a language that was still loading arrives. */
export function useMessages(): Messages {
  const locale = useLocale()
  const current = () => loaded[locale]
  useSyncExternalStore(subscribe, current, current)
  return messagesFor(locale)
}
