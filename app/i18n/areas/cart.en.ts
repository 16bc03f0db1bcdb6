import { type cartVi } from './cart.vi.ts'

const count = (n: number) => n.toLocaleString('en-US')

export const cartEn: typeof cartVi = {
  title: 'Cart',
  heading: 'Your cart',
  link: 'Cart',
  itemsSuffix: (n: number) => (n === 1 ? ' item' : ' items'),
  empty: 'Your cart is empty.',
  emptyHint: 'Discover OCOP specialties from every region of Vietnam.',
  browse: 'Browse products',
  itemCount: (n: number) => `${count(n)} ${n === 1 ? 'item' : 'items'}`,
  shipsFrom: (producer: string, province: string) => `${producer} · ships from ${province}`,
  groupNote: 'Each producer packs and ships its own parcel.',
  unitPrice: 'Unit price',
  lineTotal: 'Line total',
  quantity: 'Quantity',
  quantityOf: (name: string) => `Quantity: ${name}`,
  update: 'Update',
  remove: 'Remove',
  removeLabel: (name: string) => `Remove ${name} from the cart`,
  updating: 'Updating…',
  problems: {
    soldOut: 'Sold out',
    notEnoughStock: (n: number) => `Only ${count(n)} left`,
    priceChanged: (from: string, to: string) => `Price changed from ${from} to ${to}`,
    unavailable: 'No longer for sale',
  },
  shipping: {
    destination: 'Deliver to province or city',
    submit: 'Estimate',
    fee: 'Shipping (estimate)',
    estimateNote:
      'Shipping here is an estimate by destination province; the exact fee is calculated at checkout, once you enter your address.',
    zones: {
      'same-province': 'same province',
      'same-region': 'same region',
      'other-region': 'other region',
    },
  },
  groupSubtotal: 'Items',
  summary: 'Order summary',
  subtotal: 'Subtotal',
  shippingTotal: 'Shipping (estimate)',
  total: 'Total (estimate)',
  checkout: 'Check out',
  checkoutBlocked:
    'Checkout is not possible yet: remove products that are no longer for sale or sold out, and lower quantities above what is left.',
  priceChangedNote: 'Some prices changed since you added them. Checking out means you accept the new prices.',
  addToCart: {
    label: 'Add to cart',
    quantity: 'Quantity',
    submit: 'Add to cart',
    pending: 'Adding…',
    added: 'Added to cart',
    viewCart: 'View cart',
    soldOut: 'Sold out',
  },
  done: {
    added: (name: string, quantity: number) => `Added ${count(quantity)} × ${name} to your cart.`,
    capped: (name: string, max: number) =>
      `At most ${count(max)} of a product per order: your cart holds ${count(max)} × ${name}.`,
    updated: 'Quantity updated.',
    removed: 'Removed from your cart.',
  },
  errors: {
    quantity: (max: number) => `The quantity must be a whole number from 1 to ${count(max)}.`,
    quantityOrZero: (max: number) => `The quantity must be a whole number from 0 to ${count(max)} (0 removes it).`,
    product: 'Unknown product: please reload the page and try again.',
    unavailable: 'This product is no longer for sale.',
    soldOut: 'This product is sold out.',
    notEnoughStock: (stock: number, inCart: number) =>
      inCart > 0
        ? `Only ${count(stock)} left, and your cart already holds ${count(inCart)}.`
        : `Only ${count(stock)} left.`,
    notInCart: 'This product is not in your cart.',
    unknownIntent: 'Invalid request.',
  },
}
