import { useMessages } from '#app/i18n/messages.ts'
import { type ImportStatus } from '#app/generated/prisma/enums.ts'

const STYLES: Record<ImportStatus, string> = {
  QUEUED: 'bg-stone-100 text-stone-800',
  RUNNING: 'bg-sky-100 text-sky-900',
  DONE: 'bg-green-100 text-green-900',
  FAILED: 'bg-red-100 text-red-900',
}

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const t = useMessages().catalogImport
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}>
      {t.status[status]}
    </span>
  )
}
