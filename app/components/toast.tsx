import type { Toast } from '#app/utils/toast.server.ts'

/** The one-time message set before a redirect (utils/toast.server.ts). */
export function ToastMessage({ toast }: { toast: Toast | null }) {
  if (!toast) return null
  const styles = {
    success: 'border-green-300 bg-green-50 text-green-900',
    error: 'border-red-300 bg-red-50 text-red-900',
    info: 'border-sky-300 bg-sky-50 text-sky-900',
  }[toast.kind]
  return (
    <div role="status" className={`mb-4 rounded-md border px-4 py-3 text-sm ${styles}`}>
      {toast.message}
    </div>
  )
}
