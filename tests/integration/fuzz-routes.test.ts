/**
 * Bad input everywhere (issue 8): every route with an action and every resource route of the
 * production build gets random and hostile requests (form data, query strings, headers, huge
 * bodies, invalid UTF-8) from five kinds of visitor, over real HTTP to one production app process.
 * Never a 500; a refusal says why (a 4xx with a message, or the page again with field errors);
 * a refused request changes no data. Bounded: about two minutes; FUZZ_RUNS multiplies the number
 * of inputs, FUZZ_SEED replays another sequence (the seed is printed with the counts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type AppProcess, ROOT, hasBuild, startApp } from '#tests/support/app-process.ts'
import { bodyLimitFor } from '../../server/body-limit.ts'
import { DataWatch, changedTables, type Fingerprint } from '#tests/support/fuzz/data-watch.ts'
import { ROLE_NAMES, type ParamValues, type RoleName, Sessions, realParamValues } from '#tests/support/fuzz/fixtures.ts'
import { type ScrapedForm, postForms } from '#tests/support/fuzz/forms.ts'
import { type RawReply, send } from '#tests/support/fuzz/http.ts'
import { type FuzzInput, fuzzInput, materialize } from '#tests/support/fuzz/requests.ts'
import { type FuzzRoute, loadBuildRoutes, paramKey } from '#tests/support/fuzz/routes.ts'

const SEED = Number(process.env.FUZZ_SEED ?? 20260801)
const RUNS = Number(process.env.FUZZ_RUNS ?? 1)
const PER_ROUTE = Math.max(1, Math.round(14 * RUNS))
/** Past this, the remaining rounds are skipped (and said so): every route still got the earlier rounds. */
const BUDGET_MS = 110_000 * RUNS
// The test process signs session cookies that the app process must accept.
process.env.SESSION_SECRET = 'fuzz-routes-session-secret-2026'

/**
 * Writes a refused request may legitimately make, each named precisely: a failed log-in is recorded
 * (LoginAttempt rows drive the rate limit; accounts/rate-limit.server.ts).
 */
const REFUSAL_WRITES: { route: RegExp; tables: string[]; why: string }[] = [
  {
    route: /\.account\.login$/,
    tables: ['public."LoginAttempt"'],
    why: 'failed log-ins are counted for the rate limit',
  },
]

let app: AppProcess
let watch: DataWatch
let folder: string
const sessions = new Sessions()
let values: ParamValues
let routes: FuzzRoute[]

beforeAll(async () => {
  if (!hasBuild()) return
  folder = mkdtempSync(path.join(tmpdir(), 'ocop-fuzz-'))
  process.env.DOCUMENTS_DIR = path.join(folder, 'documents')
  await sessions.refresh()
  values = await realParamValues(sessions)
  routes = await loadBuildRoutes()
  app = await startApp({
    JOBS: 'off',
    SESSION_SECRET: process.env.SESSION_SECRET!,
    DATA_DIR: folder,
    // Configured, so that fuzzed deliveries meet the signature check (unconfigured, it is a deliberate 503).
    STRIPE_WEBHOOK_SECRET: 'whsec_fuzz_routes_secret',
    DOCUMENTS_DIR: process.env.DOCUMENTS_DIR,
    MEDIA_DIR: path.join(ROOT, '.data/test-media'),
  })
  watch = await DataWatch.open(process.env.DATABASE_URL!)
}, 180_000)

afterAll(async () => {
  await app?.stop()
  await watch?.close()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

type Problem = {
  route: string
  role: RoleName
  method: string
  url: string
  status: number | string
  problem: string
  body: string
  input: string
  /** The request as sent (body in base64). */
  sent: string
}

function realPath(route: FuzzRoute, lang: string): string {
  const segments = route.pattern.split('/').map((s) => {
    if (!s.startsWith(':') && s !== '*') return s
    const real = values.get(paramKey(route.pattern, s === '*' ? '*' : s.slice(1))) ?? []
    return encodeURIComponent(real[0] ?? 'x')
  })
  return (route.optionalLang ? lang : '') + (segments.join('/') || '/')
}

/** The POST forms each role sees on a route's page (for a route without a page, none). */
async function scrapeForms(route: FuzzRoute): Promise<Map<RoleName, ScrapedForm[]>> {
  const forms = new Map<RoleName, ScrapedForm[]>()
  if (!route.hasAction || route.isResource) return forms
  for (const role of ROLE_NAMES) {
    const cookie = sessions.cookie(role)
    const page = realPath(route, '')
    const reply = await send(app.base, { method: 'GET', path: page, headers: cookie ? { Cookie: cookie } : {} })
    const own = postForms(reply.body.toString('utf8')).filter(
      (f) => f.action === null || f.action === '' || f.action.split('?')[0] === page,
    )
    forms.set(role, own)
  }
  return forms
}

function isHtmlDocument(text: string) {
  // Streamed pages append the resolved deferred parts after </html>.
  return /^\s*<!DOCTYPE html>/i.test(text) && text.includes('</html>')
}

type Verdict = 'rejected' | 'accepted'

/** The kind of the one-time message (app/utils/toast.server.ts) a reply sets, if any. */
function toastKind(reply: RawReply): string | null {
  for (const cookie of reply.headers['set-cookie'] ?? []) {
    const value = /^__flash=([^;]+)/.exec(cookie)?.[1]
    if (!value) continue
    const signed = decodeURIComponent(value)
    try {
      const toast = JSON.parse(Buffer.from(signed.slice(0, signed.lastIndexOf('.')), 'base64').toString('utf8')) as {
        kind?: string
      }
      return toast.kind ?? 'success'
    } catch {
      return null
    }
  }
  return null
}

/**
 * Refused: a 4xx, a redirect to log in, a redirect back with an error message, or the page again
 * with field errors (Conform marks the fields aria-invalid).
 */
function verdictOf(reply: RawReply): Verdict {
  if (reply.status >= 400) return 'rejected'
  const location = String(reply.headers.location ?? '')
  if (reply.status >= 300 && /^(\/en)?\/account\/login\b/.test(location)) return 'rejected'
  if (reply.status >= 300 && toastKind(reply) === 'error') return 'rejected'
  if (String(reply.headers['content-type'] ?? '').includes('text/html') && reply.body.includes('aria-invalid="true"'))
    return 'rejected'
  return 'accepted'
}

/** What must hold of any reply, whatever was sent. */
function replyProblems(reply: RawReply, method: string): string[] {
  const problems: string[] = []
  const type = String(reply.headers['content-type'] ?? '')
  const text = reply.body.toString('utf8')
  if (reply.status >= 500) problems.push(`server error ${reply.status}`)
  if (reply.status >= 400 && method !== 'HEAD' && text.trim() === '') problems.push(`${reply.status} without a message`)
  if (
    type.includes('text/html') &&
    method !== 'HEAD' &&
    reply.status !== 204 &&
    reply.status !== 304 &&
    !isHtmlDocument(text)
  ) {
    problems.push('HTML that is not a whole document')
  }
  if (type.includes('application/json') && method !== 'HEAD' && text !== '') {
    try {
      JSON.parse(text)
    } catch {
      problems.push('JSON content type with a body that is not JSON')
    }
  }
  return problems
}

test.skipIf(!hasBuild())(
  'fuzzed requests to every action and resource route: never a 500, refusals explain and change nothing',
  async () => {
    const started = Date.now()
    const targets = routes.filter((r) => r.hasAction || r.isResource)
    const unmapped = targets.flatMap((r) =>
      r.params.filter((p) => !values.get(paramKey(r.pattern, p))?.length).map((p) => `${r.id} :${p}`),
    )
    console.log(
      `fuzz: ${targets.length} routes (${targets.filter((r) => r.hasAction).length} with an action, ${targets.filter((r) => r.isResource).length} resource routes), seed ${SEED}, ${PER_ROUTE} inputs each\n` +
        targets
          .map((r) => `  ${r.hasAction ? 'action  ' : 'resource'} ${r.optionalLang ? '(/en)' : '     '}${r.pattern}`)
          .join('\n') +
        (unmapped.length
          ? `\nfuzz: parameters with no real records (hostile values only): ${unmapped.join(', ')}`
          : ''),
    )
    expect(targets.length).toBeGreaterThan(30)

    const formsOf = new Map<string, Map<RoleName, ScrapedForm[]>>()
    for (const route of targets) formsOf.set(route.id, await scrapeForms(route))
    const inputsOf = new Map<string, FuzzInput[]>()
    targets.forEach((route, i) => {
      const known = [
        ...new Set([...(formsOf.get(route.id)?.values() ?? [])].flat().flatMap((f) => f.fields.map((x) => x.name))),
      ]
      inputsOf.set(route.id, fc.sample(fuzzInput(route, known), { seed: SEED + i, numRuns: PER_ROUTE }))
    })

    const problems: Problem[] = []
    const statuses = new Map<string, number>()
    const acceptedWrites = new Map<string, Set<string>>()
    let tried = 0
    let rejected = 0
    let refusedOtherwise = 0
    let accepted = 0
    let namedWrites = 0
    let fingerprints = 0
    let fingerprintMs = 0
    let resets = 0
    let rounds = 0
    let current: Fingerprint = await watch.fingerprint()

    for (let round = 0; round < PER_ROUTE; round++) {
      if (Date.now() - started > BUDGET_MS) break
      rounds++
      for (const route of targets) {
        const input = inputsOf.get(route.id)![round]!
        const roleForms = formsOf.get(route.id)!
        const forms = roleForms.get(input.role)?.length ? roleForms.get(input.role)! : [...roleForms.values()].flat()
        const { request, url, huge } = materialize(route, input, {
          origin: app.base,
          cookie: sessions.cookie(input.role),
          values,
          forms,
        })
        const report = (status: number | string, problem: string, body = '') =>
          problems.push({
            route: route.id,
            role: input.role,
            method: request.method,
            url: url.slice(0, 200),
            status,
            problem,
            body: body.slice(0, 300),
            sent: JSON.stringify({ ...request, body: request.body?.toString('base64') }),
            input: `round ${round}, body ${input.body.kind} ${request.body?.length ?? 0} bytes, content-type ${request.headers['Content-Type'] ?? 'none'}, origin ${input.origin}`,
          })

        const before = await watch.nextXid()
        let reply: RawReply | null = null
        try {
          reply = await send(app.base, request)
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? String(error)
          // A server may refuse a multi-megabyte body before reading it and close the connection.
          if (huge && ['ECONNRESET', 'EPIPE'].includes(code)) resets++
          else report('no reply', `request failed: ${code}`)
          if (app.child.exitCode !== null)
            throw new Error(`the app process exited (${app.child.exitCode}):\n${app.output().slice(-3000)}`)
        }
        tried++
        const status = reply ? String(reply.status) : 'reset'
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
        const verdict = reply ? verdictOf(reply) : 'rejected'
        if (verdict === 'accepted') accepted++
        else if (!reply || reply.status >= 400) rejected++
        else refusedOtherwise++
        if (reply)
          for (const p of replyProblems(reply, request.method)) report(reply.status, p, reply.body.toString('utf8'))
        // The cross-site request forgery guard (server/app.ts) answers before any route.
        const crossSite = input.origin === 'none' || input.origin === 'cross' || input.origin === 'null'
        if (reply && crossSite && !['GET', 'HEAD'].includes(request.method) && !url.startsWith('/api/webhooks/')) {
          if (reply.status !== 403) report(reply.status, 'a state-changing request from another site was not refused')
        }
        // Past the route's body limit (server/body-limit.ts), a request that passed the origin check gets a 413.
        const limit = bodyLimitFor(request.path.split('?')[0]!)
        if (reply && huge && (request.body?.length ?? 0) > limit && reply.status !== 413 && reply.status !== 403) {
          report(
            reply.status,
            `a ${request.body!.length}-byte body over the ${limit}-byte limit was not refused with 413`,
          )
        }

        if ((await watch.nextXid()) !== before) {
          const fingerprintStarted = Date.now()
          const after = await watch.fingerprint()
          fingerprints++
          fingerprintMs += Date.now() - fingerprintStarted
          const changed = changedTables(current, after)
          current = after
          if (verdict === 'rejected') {
            const allowed = REFUSAL_WRITES.filter((w) => w.route.test(route.id)).flatMap((w) => w.tables)
            const wrong = changed.filter((t) => !allowed.includes(t))
            if (wrong.length)
              report(status, `refused, yet changed ${wrong.join(', ')}`, reply?.body.toString('utf8') ?? '')
            else if (changed.length) namedWrites++
          } else if (changed.length) {
            const seen = acceptedWrites.get(route.id) ?? new Set()
            changed.forEach((t) => seen.add(t))
            acceptedWrites.set(route.id, seen)
          }
          if (
            changed.some((t) => t === 'public."Session"' || t === 'public."User"') &&
            (await sessions.refresh()) > 0
          ) {
            current = await watch.fingerprint()
          }
        }
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    console.log(
      `fuzz: ${tried} inputs over ${targets.length} routes, ${rejected} rejected (4xx), ` +
        `${refusedOtherwise} refused otherwise (field errors, a redirect to log in or back with an error), ${accepted} accepted, ` +
        `${problems.filter((p) => p.problem.startsWith('server error')).length} server errors (seed ${SEED}, ${seconds} s` +
        `${rounds < PER_ROUTE ? `, stopped after ${rounds} of ${PER_ROUTE} rounds at the time budget` : ''})\n` +
        `fuzz: statuses ${[...statuses]
          .sort()
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}` +
        (resets ? `; ${resets} huge bodies refused by closing the connection` : '') +
        `\nfuzz: data checks: ${fingerprints} table fingerprints (${fingerprintMs} ms) when the transaction id moved; ` +
        `${namedWrites} refusals wrote only what REFUSAL_WRITES names` +
        `\nfuzz: accepted requests wrote to: ${[...acceptedWrites].map(([r, t]) => `${r.replace(/^routes\//, '')} → ${[...t].join(' ')}`).join('; ') || 'nothing'}`,
    )
    if (problems.length) {
      // The whole story for whoever fixes it: the app's output and each failing request, replayable.
      const log = path.join(tmpdir(), `fuzz-routes-${SEED}.log`)
      writeFileSync(log, `${JSON.stringify(problems, null, 1)}\n\n${app.output()}`)
      console.log(`fuzz: details in ${log}`)
      console.log(
        `fuzz: problems:\n${problems.map((p) => `  ${p.status} ${p.problem} | ${p.method} ${p.url} as ${p.role} (${p.route}; ${p.input})`).join('\n')}`,
      )
      console.log(
        `fuzz: app output (errors):\n${app
          .output()
          .split('\n')
          .filter((l) => /error|exception|at /i.test(l))
          .slice(-80)
          .join('\n')}`,
      )
    }
    expect(problems.map((p) => `${p.status} ${p.problem} | ${p.method} ${p.url} as ${p.role}`)).toEqual([])
  },
  600_000,
)
