import { describe, expect, test } from 'vitest'
import {
  allowedTransitions,
  canTransition,
  checkTransition,
  isFinal,
  SHIPMENT_STATUSES,
  type ShipmentStatus,
} from './shipment-state.ts'

describe('shipment state machine', () => {
  test('allows exactly the documented moves', () => {
    const allowed: [ShipmentStatus, ShipmentStatus][] = [
      ['PENDING', 'CONFIRMED'],
      ['PENDING', 'CANCELLED'],
      ['CONFIRMED', 'SHIPPED'],
      ['CONFIRMED', 'CANCELLED'],
      ['SHIPPED', 'DELIVERED'],
      ['SHIPPED', 'CANCELLED'],
    ]
    for (const from of SHIPMENT_STATUSES) {
      for (const to of SHIPMENT_STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to)
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected)
      }
    }
  })

  test('delivered and cancelled are final; nothing goes back to pending or skips a step', () => {
    expect(isFinal('DELIVERED')).toBe(true)
    expect(isFinal('CANCELLED')).toBe(true)
    expect(allowedTransitions('DELIVERED')).toEqual([])
    expect(isFinal('SHIPPED')).toBe(false)
    expect(checkTransition('CONFIRMED', { to: 'PENDING' })).toEqual({ ok: false, error: 'not-allowed' })
    expect(checkTransition('PENDING', { to: 'DELIVERED' })).toEqual({ ok: false, error: 'not-allowed' })
    expect(checkTransition('PENDING', { to: 'SHIPPED', carrier: 'GHN', trackingCode: 'X1' })).toEqual({
      ok: false,
      error: 'not-allowed',
    })
    expect(checkTransition('DELIVERED', { to: 'CANCELLED', reason: 'Khách trả hàng' })).toEqual({
      ok: false,
      error: 'not-allowed',
    })
  })

  test('shipping needs a carrier and a tracking code, and records them', () => {
    expect(checkTransition('CONFIRMED', { to: 'SHIPPED', trackingCode: 'GHN123' })).toEqual({
      ok: false,
      error: 'missing',
      field: 'carrier',
    })
    expect(checkTransition('CONFIRMED', { to: 'SHIPPED', carrier: 'GHN', trackingCode: '   ' })).toEqual({
      ok: false,
      error: 'missing',
      field: 'trackingCode',
    })
    const shipped = checkTransition('CONFIRMED', {
      to: 'SHIPPED',
      carrier: ' Viettel  Post ',
      trackingCode: ' VTP 889 ',
    })
    expect(shipped).toEqual({
      ok: true,
      changes: {
        status: 'SHIPPED',
        timestampColumn: 'shippedAt',
        carrier: 'Viettel Post',
        trackingCode: 'VTP889',
        note: 'Viettel Post · VTP889',
      },
    })
  })

  test('cancelling needs a reason, from any state before delivery', () => {
    for (const from of ['PENDING', 'CONFIRMED', 'SHIPPED'] as const) {
      expect(checkTransition(from, { to: 'CANCELLED', reason: '' })).toEqual({
        ok: false,
        error: 'missing',
        field: 'reason',
      })
      const cancelled = checkTransition(from, { to: 'CANCELLED', reason: 'Hết hàng' })
      expect(cancelled.ok && cancelled.changes).toMatchObject({
        status: 'CANCELLED',
        timestampColumn: 'cancelledAt',
        cancelReason: 'Hết hàng',
      })
    }
  })

  test('confirming and delivering need nothing else and set their timestamp column', () => {
    expect(checkTransition('PENDING', { to: 'CONFIRMED' })).toEqual({
      ok: true,
      changes: { status: 'CONFIRMED', timestampColumn: 'confirmedAt', note: null },
    })
    expect(checkTransition('SHIPPED', { to: 'DELIVERED' })).toEqual({
      ok: true,
      changes: { status: 'DELIVERED', timestampColumn: 'deliveredAt', note: null },
    })
  })
})
