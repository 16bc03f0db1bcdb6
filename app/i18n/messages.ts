import { useRouteLoaderData } from '@remix-run/react'
import { en } from './en.ts'
import { type Locale } from './locale.ts'
import { vi, type Messages } from './vi.ts'

const MESSAGES: Record<Locale, Messages> = { vi, en }

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale]
}

/** The current locale, from the root loader (Vietnamese when the root has no data, e.g. errors). */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>('root')
  return data?.locale ?? 'vi'
}

export function useMessages(): Messages {
  return messagesFor(useLocale())
}
