/**
 * Cache-Control for anonymous catalogue pages: browsers revalidate, shared caches (a CDN) may keep
 * a page briefly and serve it stale while they refetch. Pages for a logged-in user must not use it.
 */
const POLICIES = {
  listing: 'public, max-age=0, s-maxage=30, stale-while-revalidate=300',
  page: 'public, max-age=60, s-maxage=300, stale-while-revalidate=3600',
  static: 'public, max-age=3600',
} as const

export function cacheHeaders(policy: keyof typeof POLICIES): HeadersInit {
  return { 'Cache-Control': POLICIES[policy] }
}

/**
 * A response to a request that carries a session (or a one-time message) shows personal things (the
 * user's name in the header): a `public` policy chosen by a catalogue loader becomes `private`.
 */
export function keepPersonalResponsesPrivate(request: Request, headers: Headers): void {
  const cookie = request.headers.get('Cookie')
  if (!cookie || !/(?:^|;\s*)__(?:session|flash)=/.test(cookie)) return
  const policy = headers.get('Cache-Control')
  if (!policy || policy.includes('public')) headers.set('Cache-Control', 'private, no-cache')
  headers.append('Vary', 'Cookie')
}
