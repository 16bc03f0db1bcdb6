/**
 * The nightly expiry of requests for quotation and quotes (run by the worker's cron; idempotent):
 *
 * - a pending quote whose last valid day has passed becomes EXPIRED, and its part goes back to OPEN
 *   (the producer may quote again) while the request itself is still running;
 * - an open or quoted part whose request has passed its `expiresOn` (the needed-by day) becomes
 *   EXPIRED, and a quote still pending on it expires with it (it can no longer be accepted).
 *
 * Pages do not wait for the job: they show and refuse dates that have passed (rfq-status.ts).
 */
import { vietnamDay } from '#app/modules/orders/vietnam-time.ts'
import { getDb } from '#app/utils/db.server.ts'

/** `today` is an instant; its Vietnamese calendar day decides. Returns how many parts and quotes expired. */
export async function expireRfqsAndQuotes(today: Date): Promise<{ parts: number; quotes: number }> {
  const day = new Date(`${vietnamDay(today)}T00:00:00Z`)
  return getDb().$transaction(async (tx) => {
    const lapsedQuotes = await tx.quote.findMany({
      where: { status: 'PENDING', validUntil: { lt: day } },
      select: { partId: true },
    })
    const quotesPastValidity = await tx.quote.updateMany({
      where: { status: 'PENDING', validUntil: { lt: day } },
      data: { status: 'EXPIRED', decidedAt: new Date() },
    })
    await tx.rfqPart.updateMany({
      where: {
        id: { in: [...new Set(lapsedQuotes.map((quote) => quote.partId))] },
        status: 'QUOTED',
        rfq: { expiresOn: { gte: day } },
        quotes: { none: { status: 'PENDING' } },
      },
      data: { status: 'OPEN' },
    })
    const quotesOfLapsedRequests = await tx.quote.updateMany({
      where: { status: 'PENDING', part: { status: { in: ['OPEN', 'QUOTED'] }, rfq: { expiresOn: { lt: day } } } },
      data: { status: 'EXPIRED', decidedAt: new Date() },
    })
    const parts = await tx.rfqPart.updateMany({
      where: { status: { in: ['OPEN', 'QUOTED'] }, rfq: { expiresOn: { lt: day } } },
      data: { status: 'EXPIRED' },
    })
    return { parts: parts.count, quotes: quotesPastValidity.count + quotesOfLapsedRequests.count }
  })
}
