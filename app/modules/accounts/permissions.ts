/**
 * Permissions are `action:entity:access` strings, checked on the server for every loader and action
 * (authorization.server.ts) and mirrored in the UI with `can()`. `own` means records of a producer
 * the user is a member of (or the user's own records); `any` means every record.
 */
export const ROLES = ['CUSTOMER', 'PRODUCER', 'EXPORT_BUYER', 'OFFICE_STAFF', 'ADMIN'] as const
export type RoleName = (typeof ROLES)[number]

export type Permission =
  | 'read:account:own'
  | 'update:account:own'
  | 'read:order:own'
  | 'create:producer:own'
  | 'read:listing:own'
  | 'create:listing:own'
  | 'update:listing:own'
  | 'import:listing:own'
  | 'read:shipment:own'
  | 'update:shipment:own'
  | 'read:producer:own'
  | 'update:producer:own'
  | 'read:export-catalogue:any'
  | 'create:rfq:own'
  | 'read:rfq:own'
  | 'update:rfq:own'
  | 'read:rfq-part:own'
  | 'update:rfq-part:own'
  | 'moderate:listing:any'
  | 'read:audit:any'
  | 'update:programme:any'
  | 'read:producer:any'
  | 'verify:producer:any'
  | 'read:certificate:any'
  | 'update:certificate:any'
  | 'read:listing:any'
  | 'update:listing:any'
  | 'read:shipment:any'
  | 'update:shipment:any'
  | 'read:user:any'
  | 'update:user:any'
  | 'confirm:payment:any'

const EVERY_USER: Permission[] = ['read:account:own', 'update:account:own', 'read:order:own', 'create:producer:own']

const PRODUCER: Permission[] = [
  'read:producer:own',
  'update:producer:own',
  'read:listing:own',
  'create:listing:own',
  'update:listing:own',
  'import:listing:own',
  'read:shipment:own',
  'update:shipment:own',
  // RFQ parts addressed to the producer: read, quote, decline, message.
  'read:rfq-part:own',
  'update:rfq-part:own',
]

const OFFICE: Permission[] = [
  'read:producer:any',
  'verify:producer:any',
  'read:certificate:any',
  'update:certificate:any',
  'read:listing:any',
  // Listing moderation: hide with a reason, lift the hiding.
  'moderate:listing:any',
  'confirm:payment:any',
  'read:audit:any',
  'update:programme:any',
]

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  CUSTOMER: EVERY_USER,
  PRODUCER: [...EVERY_USER, ...PRODUCER],
  EXPORT_BUYER: [...EVERY_USER, 'read:export-catalogue:any', 'create:rfq:own', 'read:rfq:own', 'update:rfq:own'],
  OFFICE_STAFF: [...EVERY_USER, ...OFFICE, 'read:export-catalogue:any'],
  ADMIN: [
    ...EVERY_USER,
    ...OFFICE,
    'read:export-catalogue:any',
    'update:listing:any',
    'read:shipment:any',
    'update:shipment:any',
    'read:user:any',
    'update:user:any',
  ],
}

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const granted = new Set<Permission>()
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role as RoleName] ?? []) granted.add(permission)
  return granted
}

/** True when the roles grant the permission; an `any` grant covers the `own` one. */
export function can(user: { roles: readonly string[] } | null | undefined, permission: Permission): boolean {
  if (!user) return false
  const granted = permissionsOf(user.roles)
  if (granted.has(permission)) return true
  return permission.endsWith(':own') && granted.has(permission.replace(/:own$/, ':any') as Permission)
}

/**
 * True only when a role grants exactly this permission, without an `any` grant standing in. The
 * producer workspace uses it: the office may read every listing, but it is not a member of a producer.
 */
export function holds(user: { roles: readonly string[] } | null | undefined, permission: Permission): boolean {
  return !!user && permissionsOf(user.roles).has(permission)
}
