import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import { type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type ErrorRequestHandler, type RequestHandler } from 'express'
import pg from 'pg'
import { CLIENT_IP_HEADER } from '#app/utils/request.server.ts'
import { bodyLimit, wasRefusedForSize } from './body-limit.ts'
import { cspNonceOf, securityHeaders } from './security-headers.ts'

export type AppOptions = {
  /** The Remix server build, or a function returning it (development: Vite's SSR loader). */
  build: ServerBuild | (() => Promise<ServerBuild>)
  databaseUrl: string
  mediaDir: string
  /** Serves build/client when set (production). */
  clientDir?: string
  /** Extra middleware mounted before the Remix handler (development: Vite). */
  devMiddleware?: RequestHandler
  /** Serves anonymous catalogue pages from memory (server/page-cache.ts). */
  pageCache?: RequestHandler
  production: boolean
  /** Which proxies' X-Forwarded-* headers to believe (express `trust proxy`); default: TRUST_PROXY. */
  trustProxy?: boolean | number | string
}

/**
 * `TRUST_PROXY`: how many proxies sit in front (`1` behind one load balancer), `true`/`false`, or
 * addresses/subnets (`10.0.0.0/8`). Unset: only a proxy on this machine (`loopback`). Trusting every
 * hop would let a client pick its own address in X-Forwarded-For and dodge per-address limits.
 */
export function trustProxySetting(value: string | undefined): boolean | number | string {
  const text = value?.trim()
  if (!text) return 'loopback'
  if (/^\d+$/.test(text)) return Number(text)
  if (text === 'true' || text === 'false') return text === 'true'
  return text
}

/** Liveness plus database reachability, answered without touching Remix or Prisma. */
export function healthCheck(databaseUrl: string): RequestHandler {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 1,
    connectionTimeoutMillis: 2000,
    allowExitOnIdle: true,
  })
  pool.on('error', () => {})
  return async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store')
    try {
      await pool.query({ text: 'SELECT 1', query_timeout: 2000 } as pg.QueryConfig)
      res.status(200).json({ status: 'ok', database: 'ok' })
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' })
    }
  }
}

/**
 * Cross-site request forgery: session cookies are SameSite=Lax, and every state-changing request
 * must come from our own origin (Origin header, or Referer when a browser omits Origin). Requests
 * with neither are refused too: browsers always send one of them on a POST. Webhooks are exempt;
 * they authenticate with their own signatures.
 */
export function sameOriginGuard(): RequestHandler {
  return (req, res, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || req.path.startsWith('/api/webhooks/')) return next()
    const source = req.get('Origin') ?? req.get('Referer')
    let sourceHost: string | null = null
    try {
      sourceHost = source && source !== 'null' ? new URL(source).host : null
    } catch {
      sourceHost = null
    }
    if (sourceHost && sourceHost === req.get('Host')) return next()
    res.status(403).type('text/plain; charset=utf-8')
    res.end('Yêu cầu bị từ chối: không đến từ trang của Chợ OCOP. / Request refused: it did not come from this site.')
  }
}

/** Hands the client address (after `trust proxy`) to Remix in a header the client cannot set. */
function clientIpHeader(): RequestHandler {
  return (req, _res, next) => {
    req.headers[CLIENT_IP_HEADER.toLowerCase()] = req.ip ?? 'unknown'
    next()
  }
}

export function createApp(options: AppOptions) {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', options.trustProxy ?? trustProxySetting(process.env.TRUST_PROXY))

  // First, so that every response (static files, /healthz, 404s, errors) carries them.
  app.use(securityHeaders({ production: options.production }))
  app.use(compression())

  app.get('/healthz', healthCheck(options.databaseUrl))

  app.use(
    '/media',
    express.static(options.mediaDir, { maxAge: '7d', index: false, fallthrough: false, immutable: false }),
  )

  if (options.clientDir) {
    // Vite fingerprints everything under assets/: cache it for a year.
    app.use(
      '/assets',
      express.static(path.join(options.clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false }),
    )
    app.use(express.static(options.clientDir, { maxAge: '1h', index: false }))
  }
  if (options.devMiddleware) app.use(options.devMiddleware)

  app.use(sameOriginGuard())
  app.use(bodyLimit())
  app.use(clientIpHeader())
  if (options.pageCache) app.use(options.pageCache)
  const build = options.build
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: options.production ? 'production' : 'development',
      getLoadContext: (_req, res) => ({ cspNonce: cspNonceOf(res) }),
    }),
  )
  app.use(plainErrors())
  return app
}

/**
 * Errors outside Remix (a missing /media file, a malformed request) as a short bilingual text that
 * keeps the security headers (Express's own handler replaces the CSP). A request refused for its
 * size mid-body (server/body-limit.ts) has had its 413 already; what Remix makes of the cut-off body
 * afterwards is nobody's concern, so it is not logged.
 */
function plainErrors(): ErrorRequestHandler {
  return (error: { status?: number; statusCode?: number }, _req, res, next) => {
    if (wasRefusedForSize(res)) return
    if (res.headersSent) return next(error)
    const status = Number(error.status ?? error.statusCode ?? 500)
    const known = status >= 400 && status < 600 ? status : 500
    if (known >= 500) console.error(error)
    res.status(known).type('text/plain; charset=utf-8')
    res.setHeader('Cache-Control', 'no-store')
    res.end(
      known === 404
        ? 'Không tìm thấy. / Not found.'
        : known < 500
          ? 'Yêu cầu không hợp lệ. / Bad request.'
          : 'Đã có lỗi xảy ra. / Something went wrong.',
    )
  }
}
