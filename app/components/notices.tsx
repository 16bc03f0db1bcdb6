import { useMessages } from '#app/i18n/messages.ts'
import { noticeText, type ListingNotice } from '#app/modules/catalog/listing-filters.ts'

/** Tells the user which part of the URL was corrected or ignored. */
export function Notices({ notices }: { notices: ListingNotice[] }) {
  const t = useMessages()
  if (notices.length === 0) return null
  return (
    <div role="status" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <ul className="list-inside list-disc">
        {notices.map((notice, i) => (
          <li key={i}>{noticeText(notice, t)}</li>
        ))}
      </ul>
    </div>
  )
}
