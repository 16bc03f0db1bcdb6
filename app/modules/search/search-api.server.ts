import { localePath, pick, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { loadListingPage } from '../catalog/listing-page.server.ts'
import { noticeText } from '../catalog/listing-filters.ts'
import { getSearchIndex } from './search.server.ts'
import { type Suggestion } from './search-index.ts'
import { normaliseQuery } from './query.ts'

/**
 * GET /api/search: the same search as /products, as JSON. Names come in the requested language
 * (`lang=en`, Vietnamese otherwise); invalid parameters are ignored and listed in `warnings`.
 */
export async function searchApi(params: URLSearchParams, today: Date) {
  const locale: Locale = params.get('lang') === 'en' ? 'en' : 'vi'
  const page = await loadListingPage(params, today)
  const { result, labels } = page
  const groupNames = new Map(labels.groups.map((g) => [g.code, pick(locale, g.nameVi, g.nameEn)]))
  return {
    query: page.filters.q ?? '',
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    matchMode: result.matchMode,
    didYouMean: result.didYouMean ?? null,
    hits: result.hits.map((hit) => ({
      slug: hit.slug,
      name: pick(locale, hit.nameVi, hit.nameEn),
      highlight: locale === 'en' && hit.nameEn ? hit.highlightEn : hit.highlightVi,
      priceVnd: hit.priceVnd,
      stars: hit.stars,
      inStock: hit.stock > 0,
      producer: hit.producerName,
      village: hit.villageName,
      province: pick(locale, hit.provinceVi, hit.provinceEn),
      group: groupNames.get(hit.groupCode) ?? hit.groupCode,
      url: localePath(locale, `/products/${hit.slug}`),
    })),
    // Villages are keyed by slug in the API, as in its `village` parameter.
    facets: {
      ...result.facets,
      village: Object.fromEntries(
        labels.villages.filter((v) => result.facets.village[v.id]).map((v) => [v.slug, result.facets.village[v.id]]),
      ),
    },
    warnings: page.notices.map((notice) => noticeText(notice, messagesFor(locale))),
  }
}

export type SuggestResponse = {
  query: string
  suggestions: (Suggestion & { url: string })[]
}

const SUGGESTION_PATHS = { product: '/products', village: '/villages', producer: '/producers' } as const

function suggestionUrl(suggestion: Suggestion, locale: Locale): string {
  if (suggestion.kind === 'query')
    return `${localePath(locale, '/products')}?${new URLSearchParams({ q: suggestion.label })}`
  return localePath(locale, `${SUGGESTION_PATHS[suggestion.kind]}/${suggestion.slug}`)
}

/** GET /api/search/suggest: autocomplete over products, craft villages and producers. */
export async function suggestApi(params: URLSearchParams, today: Date): Promise<SuggestResponse> {
  const locale: Locale = params.get('lang') === 'en' ? 'en' : 'vi'
  const { text } = normaliseQuery(params.get('q'))
  const suggestions = text ? await getSearchIndex().suggest(text, 6, today) : []
  return {
    query: text,
    suggestions: suggestions.map((s) => ({ ...s, url: suggestionUrl(s, locale) })),
  }
}
