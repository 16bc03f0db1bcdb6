import { useMessages } from '#app/i18n/messages.ts'
import { type ShipmentStatus } from '#app/modules/orders/shipment-state.ts'

const STYLES: Record<ShipmentStatus, string> = {
  PENDING: 'border-amber-300 bg-amber-50 text-amber-900',
  CONFIRMED: 'border-sky-300 bg-sky-50 text-sky-900',
  SHIPPED: 'border-indigo-300 bg-indigo-50 text-indigo-900',
  DELIVERED: 'border-green-300 bg-green-50 text-green-900',
  CANCELLED: 'border-stone-300 bg-stone-100 text-stone-700',
}

/** A shipment's status as the seller pages show it (text, never colour alone). */
export function ShipmentStatusBadge({ status }: { status: ShipmentStatus }) {
  const t = useMessages().fulfilment
  return (
    <span className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-medium ${STYLES[status]}`}>
      {t.status[status]}
    </span>
  )
}
