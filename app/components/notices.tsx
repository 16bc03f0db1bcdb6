import { useMessages } from '#app/i18n/messages.ts'
import type { ListingNotice } from '#app/modules/catalog/listing-filters.ts'

/** Tells the user which part of the URL was corrected or ignored. */
export function Notices({ notices }: { notices: ListingNotice[] }) {
  const t = useMessages()
  if (notices.length === 0) return null
  const text = (notice: ListingNotice) => {
    switch (notice.kind) {
      case 'invalidPage':
        return t.notices.invalidPage
      case 'pageTooLarge':
        return t.notices.pageTooLarge(notice.last)
      case 'priceSwapped':
        return t.notices.priceSwapped
      case 'queryTruncated':
        return t.search.truncated(notice.length)
      case 'unknownValue':
        return t.notices.unknownValue(`${notice.param}=${notice.value}`)
    }
  }
  return (
    <div role="status" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <ul className="list-inside list-disc">
        {notices.map((notice, i) => (
          <li key={i}>{text(notice)}</li>
        ))}
      </ul>
    </div>
  )
}
