/**
 * A producer's shipment moves PENDING → CONFIRMED → SHIPPED → DELIVERED and may be cancelled at any
 * point before delivery (a shipped parcel that comes back is cancelled as returned). DELIVERED and
 * CANCELLED are final. Pure data and functions: the server applies them (fulfilment.server.ts) and
 * the seller pages use them to show only the buttons that can work.
 */
export const SHIPMENT_STATUSES = ['PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number]

export const SHIPMENT_TRANSITIONS: Readonly<Record<ShipmentStatus, readonly ShipmentStatus[]>> = {
  PENDING: ['CONFIRMED', 'CANCELLED'],
  CONFIRMED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED', 'CANCELLED'],
  DELIVERED: [],
  CANCELLED: [],
}

/** The column that records when a shipment reached each status after PENDING. */
export const STATUS_TIMESTAMP = {
  CONFIRMED: 'confirmedAt',
  SHIPPED: 'shippedAt',
  DELIVERED: 'deliveredAt',
  CANCELLED: 'cancelledAt',
} as const satisfies Record<Exclude<ShipmentStatus, 'PENDING'>, string>

export const MAX_CARRIER_LENGTH = 60
export const MAX_TRACKING_CODE_LENGTH = 60
export const MAX_CANCEL_REASON_LENGTH = 500

export function isShipmentStatus(value: unknown): value is ShipmentStatus {
  return typeof value === 'string' && (SHIPMENT_STATUSES as readonly string[]).includes(value)
}

export function allowedTransitions(from: ShipmentStatus): readonly ShipmentStatus[] {
  return SHIPMENT_TRANSITIONS[from]
}

export function canTransition(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return SHIPMENT_TRANSITIONS[from].includes(to)
}

export function isFinal(status: ShipmentStatus): boolean {
  return SHIPMENT_TRANSITIONS[status].length === 0
}

export type TransitionRequest = {
  to: ShipmentStatus
  carrier?: string | null
  trackingCode?: string | null
  reason?: string | null
}

/** What the shipment row gets besides its status and timestamp. */
export type TransitionChanges = {
  status: Exclude<ShipmentStatus, 'PENDING'>
  timestampColumn: (typeof STATUS_TIMESTAMP)[Exclude<ShipmentStatus, 'PENDING'>]
  carrier?: string
  trackingCode?: string
  cancelReason?: string
  /** For the event history: carrier and tracking code, or the reason. */
  note: string | null
}

export type TransitionCheck =
  | { ok: true; changes: TransitionChanges }
  | { ok: false; error: 'not-allowed' }
  | { ok: false; error: 'missing'; field: 'carrier' | 'trackingCode' | 'reason' }

function clean(value: string | null | undefined): string {
  return (value ?? '').trim().replace(/\s+/g, ' ')
}

/**
 * Whether `from → request.to` is allowed and complete: shipping needs a carrier and a tracking code,
 * cancelling needs a reason. Returns the column values to write; never throws.
 */
export function checkTransition(from: ShipmentStatus, request: TransitionRequest): TransitionCheck {
  const to = request.to
  if (to === 'PENDING' || !canTransition(from, to)) return { ok: false, error: 'not-allowed' }
  const timestampColumn = STATUS_TIMESTAMP[to]
  if (to === 'SHIPPED') {
    const carrier = clean(request.carrier).slice(0, MAX_CARRIER_LENGTH)
    const trackingCode = clean(request.trackingCode).replace(/\s/g, '').slice(0, MAX_TRACKING_CODE_LENGTH)
    if (!carrier) return { ok: false, error: 'missing', field: 'carrier' }
    if (!trackingCode) return { ok: false, error: 'missing', field: 'trackingCode' }
    return {
      ok: true,
      changes: { status: to, timestampColumn, carrier, trackingCode, note: `${carrier} · ${trackingCode}` },
    }
  }
  if (to === 'CANCELLED') {
    const reason = clean(request.reason).slice(0, MAX_CANCEL_REASON_LENGTH)
    if (!reason) return { ok: false, error: 'missing', field: 'reason' }
    return { ok: true, changes: { status: to, timestampColumn, cancelReason: reason, note: reason } }
  }
  return { ok: true, changes: { status: to, timestampColumn, note: null } }
}

/**
 * The order's status once its shipments settle: CANCELLED when every shipment is cancelled,
 * DELIVERED when none is still under way and at least one arrived (a producer's cancelled share
 * does not keep the rest of the order open). Null while any shipment is under way.
 */
export function settledOrderStatus(statuses: readonly ShipmentStatus[]): 'DELIVERED' | 'CANCELLED' | null {
  if (statuses.length === 0 || !statuses.every(isFinal)) return null
  return statuses.includes('DELIVERED') ? 'DELIVERED' : 'CANCELLED'
}
