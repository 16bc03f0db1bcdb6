import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import { type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type RequestHandler } from 'express'
import helmet from 'helmet'
import pg from 'pg'
import { CLIENT_IP_HEADER } from '#app/utils/request.server.ts'

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
  app.set('trust proxy', true)

  app.use(
    helmet({
      // Remix inlines its hydration scripts; a nonce-based policy comes with the hardening issue.
      contentSecurityPolicy: false,
      crossOriginEmbedderPolicy: false,
      // HSTS only where TLS terminates in front of us.
      strictTransportSecurity: options.production ? { maxAge: 15552000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      frameguard: { action: 'deny' },
    }),
  )
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
  app.use(clientIpHeader())
  if (options.pageCache) app.use(options.pageCache)
  const build = options.build
  app.all('*', createRequestHandler({ build, mode: options.production ? 'production' : 'development' }))
  return app
}
