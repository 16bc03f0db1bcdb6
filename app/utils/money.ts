/** VND is an integer amount of đồng with no minor unit; shown as `1.250.000 ₫`. */
export function formatVnd(amount: number): string {
  const sign = amount < 0 ? '-' : ''
  const digits = String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${sign}${digits}\u00a0₫`
}
