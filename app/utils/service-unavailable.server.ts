/**
 * When PostgreSQL cannot be reached (restarting, failed over, out of connections), every request
 * that needs it fails the same way: 503 with Retry-After and a message in the user's language,
 * rather than a bare 500 or a hang. Pages render the error boundary (app/components/error-boundary.tsx);
 * resource routes answer JSON (or plain text) themselves. The server entry wraps the Remix build's
 * loaders and actions once (`withServiceUnavailable`), so no route has to think about it; the pools
 * reconnect on their own, and the next request after the database is back succeeds.
 */
import { type ServerBuild } from '@remix-run/node'
import { localeFromParam, type Locale } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'

/** Seconds a client is asked to wait; a PostgreSQL restart or failover takes about this long. */
export const RETRY_AFTER_SECONDS = 10

/** Socket errors, PostgreSQL's "going away / not yet there" codes and Prisma's connection errors. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up / shutting down)
  '57P01',
  '57P02',
  '57P03',
  // connection_exception class
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  // too_many_connections
  '53300',
  // Prisma: can't reach, timed out, closed the connection, pool timeout
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
])
/** Prisma's driver-adapter error kinds that mean the same. */
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'])
/** node-postgres reports a lost socket by message only. */
const UNREACHABLE_MESSAGES = [
  /connection terminated/i,
  /connection (?:is )?closed/i,
  /client has encountered a connection error/i,
  /timeout exceeded when trying to connect/i,
  /can't reach database server/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /server closed the connection unexpectedly/i,
  /connect ECONNREFUSED/i,
]

/** True when `error` (or anything it wraps) says the database could not be reached. */
export function isDatabaseUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>()
  const visit = (value: unknown, depth: number): boolean => {
    if (typeof value !== 'object' || value === null || depth > 6 || seen.has(value)) return false
    seen.add(value)
    const record = value as Record<string, unknown>
    for (const key of ['code', 'originalCode', 'errorCode']) {
      if (typeof record[key] === 'string' && UNREACHABLE_CODES.has(record[key])) return true
    }
    if (typeof record.kind === 'string' && UNREACHABLE_KINDS.has(record.kind)) return true
    const message = record.message ?? record.originalMessage
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message))) return true
    // Prisma wraps the driver's error in meta.driverAdapterError.cause; Node in cause or errors[].
    const nested = [
      record.cause,
      record.meta,
      record.driverAdapterError,
      ...(Array.isArray(record.errors) ? record.errors : []),
    ]
    return nested.some((inner) => visit(inner, depth + 1))
  }
  return visit(error, 0)
}

function localeOf(params: Record<string, string | undefined>): Locale {
  return localeFromParam(params.lang) ?? 'vi'
}

/** What a page or an API says while the database is away. */
export function serviceUnavailableBody(locale: Locale) {
  const t = messagesFor(locale).errors
  return { status: 'unavailable', locale, title: t.unavailableTitle, message: t.unavailableText }
}

/**
 * The 503 to throw: JSON, which a page's error boundary reads (its `data`) and an API client gets
 * as is; plain text for resource routes asked for something else (a CSV, a PDF).
 */
export function serviceUnavailableResponse(request: Request, locale: Locale, resource: boolean): Response {
  const body = serviceUnavailableBody(locale)
  const headers = { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' }
  const wantsJson =
    !resource || /json/.test(request.headers.get('Accept') ?? '') || new URL(request.url).pathname.includes('/api/')
  if (wantsJson) return Response.json(body, { status: 503, headers })
  return new Response(`${body.title}. ${body.message}`, {
    status: 503,
    headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

type DataFunction = (args: { request: Request; params: Record<string, string | undefined> }) => unknown

let lastLogged = 0

/** One line per 10 s at most: an outage under load would otherwise write one per request. */
function logUnavailable(error: unknown) {
  const now = Date.now()
  if (now - lastLogged < 10_000) return
  lastLogged = now
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
  console.error(`[ocop] database unreachable, answering 503 with Retry-After: ${reason}`)
}

function guarded(fn: DataFunction, resource: boolean): DataFunction {
  return async (args) => {
    try {
      return await fn(args)
    } catch (error) {
      if (error instanceof Response || !isDatabaseUnreachable(error)) throw error
      logUnavailable(error)
      throw serviceUnavailableResponse(args.request, localeOf(args.params), resource)
    }
  }
}

/**
 * The build with every loader and action guarded, and Retry-After on 503 documents (Remix passes
 * only the cookies of a thrown response on to the document it renders).
 */
export function withServiceUnavailable(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {}
  for (const [id, route] of Object.entries(build.routes)) {
    const module = route.module as unknown as Record<string, unknown>
    const resource = !module.default
    const wrapped = { ...module }
    for (const name of ['loader', 'action'] as const) {
      if (typeof module[name] === 'function') wrapped[name] = guarded(module[name] as DataFunction, resource)
    }
    routes[id] = { ...route, module: wrapped as unknown as typeof route.module }
  }
  const handleRequest = build.entry.module.default
  const entry: ServerBuild['entry'] = {
    module: {
      ...build.entry.module,
      default: (request, status, headers, context, loadContext) => {
        if (status === 503) {
          headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
          headers.set('Cache-Control', 'no-store')
        }
        return handleRequest(request, status, headers, context, loadContext)
      },
    },
  }
  return { ...build, routes, entry }
}
