/**
 * The rules every listing obeys, whether it is typed into /seller/listings or imported from CSV:
 * one set of limits, so the two paths can never disagree. Messages are built by the callers (in the
 * user's language) from these numbers.
 */
import { OCOP_GROUPS } from '#app/modules/catalog/ocop-groups.ts'

export const LISTING_LIMITS = {
  skuMaxLength: 64,
  nameMaxLength: 200,
  unitMaxLength: 60,
  descriptionMaxLength: 5_000,
  /** 1,000 ₫ to 1 billion ₫; whole đồng. */
  minPriceVnd: 1_000,
  maxPriceVnd: 1_000_000_000,
  minWeightGrams: 1,
  maxWeightGrams: 100_000,
  maxStock: 1_000_000,
} as const

/** Letters, digits, dot, dash, underscore and slash; no spaces (it is matched exactly on re-import). */
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/

/** The statuses a producer chooses (forms, CSV). */
export const LISTING_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const
/** HIDDEN is set and lifted by the OCOP office only (listing moderation). */
export type ListingStatus = (typeof LISTING_STATUSES)[number] | 'HIDDEN'

export function isKnownSubgroup(groupCode: string, subgroupCode: string): boolean {
  return OCOP_GROUPS.some((g) => g.code === groupCode && g.subgroups.some((s) => s.code === subgroupCode))
}

export function isKnownGroup(groupCode: string): boolean {
  return OCOP_GROUPS.some((g) => g.code === groupCode)
}

/** Allowed status changes of a listing by its producer. */
export const LISTING_TRANSITIONS: Record<ListingStatus, readonly ListingStatus[]> = {
  DRAFT: ['PUBLISHED', 'ARCHIVED'],
  PUBLISHED: ['DRAFT', 'ARCHIVED'],
  ARCHIVED: ['DRAFT'],
  HIDDEN: [],
}
