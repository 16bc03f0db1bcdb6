/**
 * VietQR: the EMVCo merchant-presented QR that every Vietnamese banking app scans to prefill a
 * NAPAS 247 transfer (bank, account, amount and the transfer note). Pure and dependency-free, so the
 * same code runs on the server (the order page's SVG) and in the browser.
 *
 * Layout (NAPAS "QR Format T&C"): 00 payload format "01" · 01 point of initiation "12" (dynamic, with
 * an amount) or "11" (static) · 38 merchant account { 00 NAPAS GUID A000000727 · 01 beneficiary
 * { 00 bank BIN · 01 account number } · 02 service QRIBFTTA (transfer to an account) } · 53 "704" (VND)
 * · 54 amount in đồng · 58 "VN" · 62 additional data { 01 bill number · 08 purpose = transfer note }
 * · 63 CRC-16/CCITT-FALSE of everything before it, "6304" included, as four upper-case hex digits.
 */

export const NAPAS_GUID = 'A000000727'
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA'
export const CURRENCY_VND = '704'

/** The fields a VietQR transfer carries. */
export type VietQrFields = {
  /** The receiving bank's six-digit NAPAS BIN, e.g. 970436 (Vietcombank). */
  bin: string
  accountNumber: string
  /** Integer đồng; required for a dynamic QR, absent for a static one. */
  amountVnd?: number
  /** What the transfer note (purpose of transaction) must say: the order number. */
  purpose?: string
  billNumber?: string
  /** Dynamic ("12", the default: one payment of a fixed amount) or static ("11"). */
  initiation?: 'dynamic' | 'static'
}

export class EmvcoError extends Error {
  override name = 'EmvcoError'
}

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR. */
export function crc16CcittFalse(input: string): string {
  let crc = 0xffff
  for (const byte of new TextEncoder().encode(input)) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc.toString(16).toUpperCase().padStart(4, '0')
}

// EMVCo lengths count characters, which bank apps read as bytes: only printable ASCII is safe.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

function tlv(id: string, value: string): string {
  if (!PRINTABLE_ASCII.test(value)) throw new EmvcoError(`Field ${id} must be printable ASCII`)
  if (value.length === 0 || value.length > 99) throw new EmvcoError(`Field ${id} must be 1–99 characters`)
  return `${id}${String(value.length).padStart(2, '0')}${value}`
}

function checkText(name: string, value: string | undefined, max: number): string | undefined {
  if (value === undefined || value === '') return undefined
  if (value.length > max) throw new EmvcoError(`${name} is longer than ${max} characters`)
  return value
}

/** The VietQR payload string (what the QR code encodes), CRC included. */
export function buildVietQrPayload(fields: VietQrFields): string {
  if (!/^\d{6}$/.test(fields.bin)) throw new EmvcoError('The bank BIN must be six digits')
  if (!/^[0-9A-Za-z]{1,19}$/.test(fields.accountNumber)) throw new EmvcoError('Invalid account number')
  const initiation = fields.initiation ?? 'dynamic'
  const amount = fields.amountVnd
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount <= 0 || String(amount).length > 13)) {
    throw new EmvcoError('The amount must be a positive whole number of đồng')
  }
  if (initiation === 'dynamic' && amount === undefined) throw new EmvcoError('A dynamic VietQR needs an amount')
  const purpose = checkText('The transfer note', fields.purpose, 25)
  const billNumber = checkText('The bill number', fields.billNumber, 25)

  const beneficiary = tlv('00', fields.bin) + tlv('01', fields.accountNumber)
  const merchantAccount = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_TO_ACCOUNT)
  const additional = (billNumber ? tlv('01', billNumber) : '') + (purpose ? tlv('08', purpose) : '')
  const body =
    tlv('00', '01') +
    tlv('01', initiation === 'dynamic' ? '12' : '11') +
    tlv('38', merchantAccount) +
    tlv('53', CURRENCY_VND) +
    (amount !== undefined ? tlv('54', String(amount)) : '') +
    tlv('58', 'VN') +
    (additional ? tlv('62', additional) : '') +
    '6304'
  return body + crc16CcittFalse(body)
}

/** Decoded data objects by id (a template's value is still its raw TLV string). */
export type EmvcoObjects = Record<string, string>

export type ParsedEmvco = {
  /** The top-level ids in payload order. */
  order: string[]
  objects: EmvcoObjects
  /** ID 38 decoded; null when absent. */
  merchantAccount: EmvcoObjects | null
  /** ID 38's beneficiary (01) decoded once more: 00 bank BIN, 01 account number. */
  beneficiary: EmvcoObjects | null
  /** ID 62 decoded; null when absent. */
  additionalData: EmvcoObjects | null
  crc: string
  /** The CRC the payload should carry: equal to `crc` when `crcValid`. */
  expectedCrc: string
  crcValid: boolean
}

/** Splits a TLV string into [id, value] pairs in order; throws on anything malformed. */
export function parseTlv(input: string): [string, string][] {
  const entries: [string, string][] = []
  let at = 0
  while (at < input.length) {
    const id = input.slice(at, at + 2)
    const lengthText = input.slice(at + 2, at + 4)
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(lengthText)) throw new EmvcoError(`Malformed data object at ${at}`)
    const length = Number(lengthText)
    const value = input.slice(at + 4, at + 4 + length)
    if (value.length !== length) throw new EmvcoError(`Data object ${id} is cut short`)
    if (entries.some(([seen]) => seen === id)) throw new EmvcoError(`Data object ${id} appears twice`)
    entries.push([id, value])
    at += 4 + length
  }
  return entries
}

// Ids such as "38" are integer-like keys, which objects enumerate in numeric order: the order lives in `order`.
function objectsOf(input: string): EmvcoObjects {
  return Object.fromEntries(parseTlv(input))
}

/** Decodes an EMVCo payload (nested 38 and 62 included) and checks its CRC; throws on malformed input. */
export function parseEmvco(payload: string): ParsedEmvco {
  const entries = parseTlv(payload)
  const order = entries.map(([id]) => id)
  const objects: EmvcoObjects = Object.fromEntries(entries)
  if (order[0] !== '00') throw new EmvcoError('The payload must start with the format indicator (00)')
  const crc = objects['63']
  if (crc === undefined || order.at(-1) !== '63' || !/^[0-9A-Fa-f]{4}$/.test(crc)) {
    throw new EmvcoError('The payload must end with a four-digit CRC (63)')
  }
  const expectedCrc = crc16CcittFalse(payload.slice(0, -4))
  const account = objects['38'] === undefined ? null : objectsOf(objects['38'])
  return {
    order,
    objects,
    merchantAccount: account,
    beneficiary: account?.['01'] === undefined ? null : objectsOf(account['01']),
    additionalData: objects['62'] === undefined ? null : objectsOf(objects['62']),
    crc,
    expectedCrc,
    crcValid: crc.toUpperCase() === expectedCrc,
  }
}

export type DecodedVietQr = Omit<VietQrFields, 'initiation'> & { initiation: 'dynamic' | 'static' }

/** The transfer a VietQR payload asks for, or null when it is not a valid NAPAS transfer-to-account QR. */
export function readVietQr(payload: string): DecodedVietQr | null {
  let parsed: ParsedEmvco
  try {
    parsed = parseEmvco(payload)
  } catch {
    return null
  }
  const { objects, merchantAccount, beneficiary, additionalData } = parsed
  if (!parsed.crcValid || objects['00'] !== '01' || objects['53'] !== CURRENCY_VND || objects['58'] !== 'VN')
    return null
  if (merchantAccount?.['00'] !== NAPAS_GUID || merchantAccount['02'] !== SERVICE_TO_ACCOUNT) return null
  if (!beneficiary?.['00'] || !beneficiary['01']) return null
  const amount = objects['54']
  if (amount !== undefined && !/^\d+$/.test(amount)) return null
  return {
    bin: beneficiary['00'],
    accountNumber: beneficiary['01'],
    initiation: objects['01'] === '11' ? 'static' : 'dynamic',
    ...(amount !== undefined ? { amountVnd: Number(amount) } : {}),
    ...(additionalData?.['08'] !== undefined ? { purpose: additionalData['08'] } : {}),
    ...(additionalData?.['01'] !== undefined ? { billNumber: additionalData['01'] } : {}),
  }
}
