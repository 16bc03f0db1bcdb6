import { Form, useNavigate, useSearchParams } from '@remix-run/react'
import { useEffect, useId, useRef, useState } from 'react'
import { localePath, pick, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { highlight, normaliseQuery } from '#app/modules/search/query.ts'
import type { SuggestResponse } from '#app/modules/search/search-api.server.ts'
import { Highlighted } from './product-card.tsx'

const DEBOUNCE_MS = 150

/**
 * The header search: a plain GET form to /products (works without JavaScript) that, with
 * JavaScript, offers suggestions as you type, following the ARIA combobox pattern (arrow keys,
 * Enter, Escape; the active option is announced).
 */
export function SearchBox({ locale }: { locale: Locale }) {
  const t = messagesFor(locale)
  const id = useId()
  const listId = `${id}-list`
  const [searchParams] = useSearchParams()
  const navigate = useNavigate()
  const [value, setValue] = useState(searchParams.get('q') ?? '')
  const [suggestions, setSuggestions] = useState<SuggestResponse['suggestions']>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const requestRef = useRef<AbortController | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)

  useEffect(() => setValue(searchParams.get('q') ?? ''), [searchParams])

  // Letters typed before the page finished hydrating fired no onChange (React keeps them in the
  // field): take them up once, so the suggestions follow what the shopper sees.
  useEffect(() => {
    const input = inputRef.current
    if (!input || input.value === (searchParams.get('q') ?? '')) return
    setValue(input.value)
    if (document.activeElement === input) setOpen(true)
  }, []) // eslint-disable-line react-hooks/exhaustive-deps -- once, at hydration

  useEffect(() => {
    const query = value.trim()
    if (!query) {
      setSuggestions([])
      return
    }
    const timer = setTimeout(() => {
      requestRef.current?.abort()
      const controller = new AbortController()
      requestRef.current = controller
      fetch(`/api/search/suggest?${new URLSearchParams({ q: query, lang: locale })}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<SuggestResponse>) : null))
        .then((body) => {
          if (!body) return
          setSuggestions(body.suggestions)
          setActive(-1)
        })
        .catch(() => {})
    }, DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [value, locale])

  const tokens = normaliseQuery(value).tokens
  const expanded = open && suggestions.length > 0
  const kindLabel = {
    query: t.search.suggestionQuery,
    product: t.search.suggestionProduct,
    village: t.search.suggestionVillage,
    producer: t.search.suggestionProducer,
  }

  function choose(index: number) {
    const suggestion = suggestions[index]
    if (!suggestion) return
    setOpen(false)
    navigate(suggestion.url)
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault()
      setOpen(true)
      setActive((i) => (i + 1) % suggestions.length)
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault()
      setOpen(true)
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1))
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault()
      choose(active)
    } else if (event.key === 'Escape') {
      setOpen(false)
      setActive(-1)
    }
  }

  return (
    <Form
      method="get"
      action={localePath(locale, '/products')}
      role="search"
      className="relative order-2 w-full sm:order-none sm:w-auto sm:max-w-md sm:flex-1"
      onSubmit={() => setOpen(false)}
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        {t.search.label}
      </label>
      <div className="flex rounded-full border border-brand-300 bg-white focus-within:ring-2 focus-within:ring-brand-400">
        <input
          ref={inputRef}
          id={`${id}-input`}
          name="q"
          type="search"
          value={value}
          onChange={(event) => {
            setValue(event.target.value)
            setOpen(true)
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
          placeholder={t.search.placeholder}
          autoComplete="off"
          maxLength={200}
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          className="w-full min-w-0 rounded-l-full bg-transparent px-4 py-2 text-sm outline-none"
        />
        <button
          type="submit"
          className="rounded-r-full bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
        >
          {t.search.submit}
        </button>
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={t.search.suggestions}
        className={`absolute top-full right-0 left-0 z-40 mt-1 max-h-96 overflow-auto rounded-xl border border-stone-200 bg-white py-1 shadow-lg ${expanded ? '' : 'hidden'}`}
      >
        {suggestions.map((suggestion, index) => (
          // Options are chosen from the keyboard through the combobox input (aria-activedescendant).
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={`${suggestion.kind}-${suggestion.slug}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(index)}
            className={`flex cursor-pointer items-baseline justify-between gap-3 px-4 py-2 text-sm ${index === active ? 'bg-brand-100' : 'hover:bg-stone-50'}`}
          >
            <span>
              <Highlighted marked={highlight(pick(locale, suggestion.label, suggestion.labelEn), tokens)} />
              {suggestion.kind === 'product' && suggestion.stars ? (
                <span className="ml-2 text-xs text-brand-700">{'★'.repeat(suggestion.stars)}</span>
              ) : null}
            </span>
            <span className="shrink-0 text-xs text-stone-500">{kindLabel[suggestion.kind]}</span>
          </li>
        ))}
      </ul>
      <p className="sr-only" aria-live="polite">
        {open && value.trim() ? t.search.suggestionsCount(suggestions.length) : ''}
      </p>
    </Form>
  )
}
