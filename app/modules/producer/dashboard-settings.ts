/** The dashboard's periods and thresholds: shared by the server queries and the page. */
export const DASHBOARD_PERIODS = [30, 90] as const
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number]

export const LOW_STOCK_THRESHOLD = 5
export const TOP_PRODUCTS = 5
/** Certificates expiring within this many days are listed… */
export const CERTIFICATE_WARNING_DAYS = 90
/** …and so are those that expired at most this many days ago (older ones are long known). */
export const CERTIFICATE_EXPIRED_RECENTLY_DAYS = 90

export function parseDashboardPeriod(value: string | null | undefined): DashboardPeriod {
  return value === '90' ? 90 : 30
}
