/**
 * The shopping cart. A guest's cart is a Cart row found by the signed `__cart` cookie (created on
 * the first add); a logged-in user's cart is the Cart with their userId, found by the session only.
 * Every change locks the cart row first, so two changes to one cart (a double click, two tabs) run
 * one after the other, and each change refreshes `updatedAt`, which the nightly prune reads.
 */
import { createCookie } from '@remix-run/node'
import { type Prisma } from '#app/generated/prisma/client.ts'
import { getUser } from '#app/modules/accounts/session.server.ts'
import { type Place } from '#app/modules/checkout/shipping.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { isValidQuantity, MAX_QUANTITY } from './cart-forms.ts'
import { priceCart, type PricedCart } from './cart-pricing.server.ts'

export const CART_COOKIE_NAME = '__cart'
const CART_COOKIE_DAYS = 30
/** Guest carts nobody changed for this long are deleted by the `carts-prune` job. */
export const GUEST_CART_MAX_IDLE_DAYS = 60
const DAY_MS = 24 * 60 * 60 * 1000

type Tx = Prisma.TransactionClient

function cartCookie() {
  const env = getEnv()
  return createCookie(CART_COOKIE_NAME, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.COOKIE_SECURE,
    path: '/',
    secrets: env.SESSION_SECRET.split(','),
    maxAge: CART_COOKIE_DAYS * 24 * 60 * 60,
  })
}

/** The cart id the `__cart` cookie carries, if its signature holds. */
async function cookieCartId(request: Request): Promise<string | null> {
  const header = request.headers.get('Cookie')
  if (!header?.includes(`${CART_COOKIE_NAME}=`)) return null
  const value: unknown = await cartCookie().parse(header)
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : null
}

/** Whose cart a request works on: the logged-in user's, else the guest cookie's (if any). */
type CartOwner = { kind: 'user'; userId: string } | { kind: 'guest'; cartId: string | null }

async function ownerOf(request: Request): Promise<CartOwner> {
  const user = await getUser(request)
  return user ? { kind: 'user', userId: user.id } : { kind: 'guest', cartId: await cookieCartId(request) }
}

async function findCartId(db: Tx, owner: CartOwner): Promise<string | null> {
  if (owner.kind === 'user') {
    return (await db.cart.findUnique({ where: { userId: owner.userId }, select: { id: true } }))?.id ?? null
  }
  if (!owner.cartId) return null
  // A guest cookie never opens a user's cart.
  const cart = await db.cart.findFirst({ where: { id: owner.cartId, userId: null }, select: { id: true } })
  return cart?.id ?? null
}

/** The request's cart id, or null when it has none yet. Never writes. */
export async function getCartId(request: Request): Promise<string | null> {
  return findCartId(getDb(), await ownerOf(request))
}

/** The request's cart priced from the database (an empty cart when it has none). */
export async function readCart(
  request: Request,
  options: { to?: Place | null } = {},
): Promise<{ cartId: string | null; priced: PricedCart }> {
  const db = getDb()
  const cartId = await getCartId(request)
  const lines = cartId
    ? await db.cartLine.findMany({
        where: { cartId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { productId: true, quantity: true, seenPriceVnd: true },
      })
    : []
  return { cartId, priced: await priceCart(db, lines, { to: options.to ?? null }) }
}

/** How many items (the sum of quantities) the request's cart holds, for the header. Never writes. */
export async function countCartItems(request: Request): Promise<number> {
  const cartId = await getCartId(request)
  if (!cartId) return 0
  const sum = await getDb().cartLine.aggregate({ where: { cartId }, _sum: { quantity: true } })
  return sum._sum.quantity ?? 0
}

export type CartError =
  | { code: 'invalid-quantity' }
  /** Unknown id, draft or archived, or its producer is not verified. */
  | { code: 'unavailable' }
  | { code: 'sold-out' }
  | { code: 'not-enough-stock'; stock: number; inCart: number }
  | { code: 'not-in-cart' }

export type CartChange =
  | {
      ok: true
      /** The line's quantity now (0 when removed). */
      quantity: number
      /** The request asked for more than MAX_QUANTITY in all: the line holds MAX_QUANTITY. */
      capped: boolean
      product: { nameVi: string; nameEn: string } | null
      /** Set-Cookie for a guest cart created by this change, else null. */
      setCookie: string | null
    }
  | { ok: false; error: CartError }

/** Thrown inside a transaction to roll it back and answer with the error. */
class CartRefusal extends Error {
  constructor(readonly error: CartError) {
    super(error.code)
  }
}

async function refusalToResult(run: () => Promise<CartChange>): Promise<CartChange> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof CartRefusal) return { ok: false, error: error.error }
    throw error
  }
}

/** Touches the cart row, which also locks it until the transaction ends. False when it is gone. */
async function lockCart(tx: Tx, cartId: string): Promise<boolean> {
  const touched = await tx.cart.updateMany({ where: { id: cartId }, data: { updatedAt: new Date() } })
  return touched.count === 1
}

/** The request's cart, locked, created when it has none (a new guest cart comes with its cookie). */
async function lockOrCreateCart(tx: Tx, owner: CartOwner): Promise<{ cartId: string; setCookie: string | null }> {
  if (owner.kind === 'user') {
    // The upsert runs as INSERT … ON CONFLICT DO UPDATE, which leaves the row locked.
    const cart = await tx.cart.upsert({
      where: { userId: owner.userId },
      create: { userId: owner.userId },
      update: { updatedAt: new Date() },
      select: { id: true },
    })
    return { cartId: cart.id, setCookie: null }
  }
  const existing = await findCartId(tx, owner)
  if (existing && (await lockCart(tx, existing))) return { cartId: existing, setCookie: null }
  const cart = await tx.cart.create({ data: {}, select: { id: true } })
  return { cartId: cart.id, setCookie: await cartCookie().serialize(cart.id) }
}

const SELLABLE = { status: 'PUBLISHED', producer: { status: 'VERIFIED' } } as const

function validProductId(productId: unknown): productId is string {
  return typeof productId === 'string' && productId.length > 0 && productId.length <= 100
}

/**
 * Adds a product (published, by a verified producer, in stock) to the request's cart. An existing
 * line grows, up to MAX_QUANTITY (reported as `capped`); the price seen is reset to today's.
 */
export async function addToCart(request: Request, productId: string, quantity: number): Promise<CartChange> {
  if (!isValidQuantity(quantity)) return { ok: false, error: { code: 'invalid-quantity' } }
  if (!validProductId(productId)) return { ok: false, error: { code: 'unavailable' } }
  const owner = await ownerOf(request)
  return refusalToResult(() =>
    getDb().$transaction(async (tx): Promise<CartChange> => {
      const product = await tx.product.findFirst({
        where: { id: productId, ...SELLABLE },
        select: { id: true, priceVnd: true, stock: true, nameVi: true, nameEn: true },
      })
      if (!product) throw new CartRefusal({ code: 'unavailable' })
      if (product.stock <= 0) throw new CartRefusal({ code: 'sold-out' })
      const { cartId, setCookie } = await lockOrCreateCart(tx, owner)
      const line = await tx.cartLine.findUnique({
        where: { cartId_productId: { cartId, productId } },
        select: { quantity: true },
      })
      const inCart = line?.quantity ?? 0
      const wanted = inCart + quantity
      const next = Math.min(wanted, MAX_QUANTITY)
      if (next > product.stock) throw new CartRefusal({ code: 'not-enough-stock', stock: product.stock, inCart })
      await tx.cartLine.upsert({
        where: { cartId_productId: { cartId, productId } },
        create: { cartId, productId, quantity: next, seenPriceVnd: product.priceVnd },
        update: { quantity: next, seenPriceVnd: product.priceVnd },
      })
      return {
        ok: true,
        quantity: next,
        capped: wanted > MAX_QUANTITY,
        product: { nameVi: product.nameVi, nameEn: product.nameEn },
        setCookie,
      }
    }),
  )
}

/**
 * Sets a line's quantity (0 removes it). A product no longer for sale can only be removed, and a
 * quantity may only grow up to the stock left (lowering one that is above it is always allowed).
 */
export async function setQuantity(request: Request, productId: string, quantity: number): Promise<CartChange> {
  if (!isValidQuantity(quantity, { allowZero: true })) return { ok: false, error: { code: 'invalid-quantity' } }
  if (quantity === 0) return removeLine(request, productId)
  if (!validProductId(productId)) return { ok: false, error: { code: 'not-in-cart' } }
  const owner = await ownerOf(request)
  return refusalToResult(() =>
    getDb().$transaction(async (tx): Promise<CartChange> => {
      const cartId = await findCartId(tx, owner)
      if (!cartId || !(await lockCart(tx, cartId))) throw new CartRefusal({ code: 'not-in-cart' })
      const line = await tx.cartLine.findUnique({
        where: { cartId_productId: { cartId, productId } },
        select: {
          quantity: true,
          product: {
            select: { status: true, stock: true, nameVi: true, nameEn: true, producer: { select: { status: true } } },
          },
        },
      })
      if (!line) throw new CartRefusal({ code: 'not-in-cart' })
      const { product } = line
      if (product.status !== 'PUBLISHED' || product.producer.status !== 'VERIFIED') {
        throw new CartRefusal({ code: 'unavailable' })
      }
      if (quantity > line.quantity && quantity > product.stock) {
        throw new CartRefusal(
          product.stock <= 0
            ? { code: 'sold-out' }
            : { code: 'not-enough-stock', stock: product.stock, inCart: line.quantity },
        )
      }
      await tx.cartLine.update({ where: { cartId_productId: { cartId, productId } }, data: { quantity } })
      return {
        ok: true,
        quantity,
        capped: false,
        product: { nameVi: product.nameVi, nameEn: product.nameEn },
        setCookie: null,
      }
    }),
  )
}

/** Removes a product from the request's cart. */
export async function removeLine(request: Request, productId: string): Promise<CartChange> {
  if (!validProductId(productId)) return { ok: false, error: { code: 'not-in-cart' } }
  const owner = await ownerOf(request)
  return refusalToResult(() =>
    getDb().$transaction(async (tx): Promise<CartChange> => {
      const cartId = await findCartId(tx, owner)
      if (!cartId || !(await lockCart(tx, cartId))) throw new CartRefusal({ code: 'not-in-cart' })
      const removed = await tx.cartLine.deleteMany({ where: { cartId, productId } })
      if (removed.count === 0) throw new CartRefusal({ code: 'not-in-cart' })
      return { ok: true, quantity: 0, capped: false, product: null, setCookie: null }
    }),
  )
}

/** Removes the products an order was just placed for (checkout calls it, inside its transaction). */
export async function clearLines(cartId: string, productIds: string[], db: Tx = getDb()): Promise<number> {
  if (productIds.length === 0) return 0
  const removed = await db.cartLine.deleteMany({ where: { cartId, productId: { in: productIds } } })
  return removed.count
}

/**
 * At log-in or sign-up: moves the guest cart's lines into the user's cart (quantities of a product
 * in both are summed, up to MAX_QUANTITY) and deletes the guest cart, in one transaction. Returns the
 * Set-Cookie header that clears `__cart`, or null when the request carried none.
 */
export async function mergeGuestCart(request: Request, userId: string): Promise<string | null> {
  const guestCartId = await cookieCartId(request)
  if (!guestCartId) return null
  await getDb().$transaction(async (tx) => {
    const guest = await tx.cart.updateMany({
      where: { id: guestCartId, userId: null },
      data: { updatedAt: new Date() },
    })
    if (guest.count === 0) return
    const guestLines = await tx.cartLine.findMany({
      where: { cartId: guestCartId },
      select: { productId: true, quantity: true, seenPriceVnd: true },
    })
    if (guestLines.length > 0) {
      const { cartId } = await lockOrCreateCart(tx, { kind: 'user', userId })
      const existing = await tx.cartLine.findMany({
        where: { cartId, productId: { in: guestLines.map((l) => l.productId) } },
        select: { productId: true, quantity: true },
      })
      const inUserCart = new Map(existing.map((l) => [l.productId, l.quantity]))
      for (const line of guestLines) {
        const had = inUserCart.get(line.productId)
        if (had === undefined) {
          await tx.cartLine.create({ data: { cartId, ...line } })
        } else {
          // The guest line is the one just looked at: its price seen is the more recent.
          await tx.cartLine.update({
            where: { cartId_productId: { cartId, productId: line.productId } },
            data: { quantity: Math.min(had + line.quantity, MAX_QUANTITY), seenPriceVnd: line.seenPriceVnd },
          })
        }
      }
    }
    await tx.cart.delete({ where: { id: guestCartId } })
  })
  return cartCookie().serialize('', { maxAge: 0 })
}

/** Deletes guest carts nobody changed for GUEST_CART_MAX_IDLE_DAYS (the nightly `carts-prune` job). */
export async function pruneGuestCarts(now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - GUEST_CART_MAX_IDLE_DAYS * DAY_MS)
  const pruned = await getDb().cart.deleteMany({ where: { userId: null, updatedAt: { lt: cutoff } } })
  return pruned.count
}
