/**
 * Lighthouse (npm `lighthouse`, its default mobile profile: simulated slow 4G and a 4× slower CPU) on
 * pages of a running app, in the installed Chromium started here with a DevTools port (pinned to the
 * load generator's CPU when pinning is possible). Median of the runs per page.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import lighthouse from 'lighthouse'
import { freePort, pinnedCommand } from './processes.ts'
import { summariseLatencies } from './stats.ts'

export const CHROMIUM = '/usr/bin/chromium'
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export type LighthouseRun = {
  score: number
  lcpMs: number
  fcpMs: number
  cls: number
  tbtMs: number
  speedIndexMs: number
  /** The LCP element as Lighthouse describes it (selector or snippet). */
  lcpElement: string | null
  /** Opportunities and diagnostics that cost time: id → estimated ms saved (or a display value). */
  findings: Record<string, string>
}

export type LighthousePage = { label: string; url: string; runs: LighthouseRun[]; median: LighthouseRun }

type Audit = {
  score: number | null
  numericValue?: number
  displayValue?: string
  details?: { items?: Record<string, unknown>[]; overallSavingsMs?: number }
}

// Audits that explain a slow LCP or a low score, reported when they find something.
const EXPLAINING_AUDITS = [
  'render-blocking-resources',
  'largest-contentful-paint-element',
  'lcp-lazy-loaded',
  'prioritize-lcp-image',
  'uses-responsive-images',
  'modern-image-formats',
  'unused-javascript',
  'unused-css-rules',
  'bootup-time',
  'mainthread-work-breakdown',
  'server-response-time',
  'total-byte-weight',
  'uses-rel-preconnect',
  'font-display',
  'unsized-images',
  'csp-xss',
  'errors-in-console',
]

function lcpElement(audit: Audit | undefined): string | null {
  const items = audit?.details?.items ?? []
  for (const item of items) {
    const nested = (item as { items?: { node?: { selector?: string; snippet?: string } }[] }).items
    const node = nested?.[0]?.node ?? (item as { node?: { selector?: string; snippet?: string } }).node
    if (node) return `${node.selector ?? ''} ${node.snippet ?? ''}`.trim()
  }
  return null
}

function findings(audits: Record<string, Audit>): Record<string, string> {
  const found: Record<string, string> = {}
  for (const id of EXPLAINING_AUDITS) {
    const audit = audits[id]
    if (!audit || audit.score === null || audit.score >= 0.9) continue
    const savings = audit.details?.overallSavingsMs
    found[id] =
      [audit.displayValue, savings ? `≈ ${Math.round(savings)} ms` : ''].filter(Boolean).join('; ') || 'flagged'
  }
  return found
}

async function waitForDevTools(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`, { signal: AbortSignal.timeout(1_000) })
      if (response.ok) return
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`Chromium's DevTools port ${port} did not answer within ${timeoutMs / 1000} s`)
}

function medianRun(runs: LighthouseRun[]): LighthouseRun {
  const median = (pick: (run: LighthouseRun) => number) => summariseLatencies(runs.map(pick)).p50
  // The run whose score is the median gives the LCP element and findings.
  const byScore = [...runs].sort((a, b) => a.score - b.score)[Math.floor((runs.length - 1) / 2)]
  return {
    score: median((r) => r.score),
    lcpMs: median((r) => r.lcpMs),
    fcpMs: median((r) => r.fcpMs),
    cls: median((r) => r.cls),
    tbtMs: median((r) => r.tbtMs),
    speedIndexMs: median((r) => r.speedIndexMs),
    lcpElement: byScore.lcpElement,
    findings: byScore.findings,
  }
}

/** Runs Lighthouse `runs` times on each page (one Chromium for all), returning the medians. */
export async function runLighthouse(
  pages: { label: string; url: string }[],
  runs: number,
  cpus: string | null,
  log: (line: string) => void,
): Promise<LighthousePage[]> {
  const port = await freePort(9300)
  const profile = mkdtempSync(path.join(os.tmpdir(), 'ocop-bench-chromium-'))
  const [command, args] = pinnedCommand(cpus, CHROMIUM, [
    ...CHROME_FLAGS,
    `--remote-debugging-port=${port}`,
    `--user-data-dir=${profile}`,
    'about:blank',
  ])
  const chromium = spawn(command, args, { stdio: 'ignore' })
  try {
    await waitForDevTools(port, 30_000)
    const results: LighthousePage[] = []
    for (const page of pages) {
      const pageRuns: LighthouseRun[] = []
      for (let i = 0; i < runs; i++) {
        const started = performance.now()
        const result = await lighthouse(page.url, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        })
        if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`)
        const audits = result.lhr.audits as Record<string, Audit>
        const run: LighthouseRun = {
          score: Math.round((result.lhr.categories.performance?.score ?? 0) * 100),
          lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
          fcpMs: audits['first-contentful-paint']?.numericValue ?? Number.NaN,
          cls: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
          tbtMs: audits['total-blocking-time']?.numericValue ?? Number.NaN,
          speedIndexMs: audits['speed-index']?.numericValue ?? Number.NaN,
          lcpElement: lcpElement(audits['largest-contentful-paint-element']),
          findings: findings(audits),
        }
        if (result.lhr.runtimeError) log(`  lighthouse ${page.label}: ${result.lhr.runtimeError.message}`)
        log(
          `  lighthouse ${page.label} run ${i + 1}/${runs}: score ${run.score}, LCP ${Math.round(run.lcpMs)} ms, ` +
            `TBT ${Math.round(run.tbtMs)} ms, CLS ${run.cls.toFixed(3)} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        )
        pageRuns.push(run)
      }
      results.push({ ...page, runs: pageRuns, median: medianRun(pageRuns) })
    }
    return results
  } finally {
    chromium.kill('SIGTERM')
    await new Promise((resolve) => (chromium.exitCode !== null ? resolve(null) : chromium.once('exit', resolve)))
    rmSync(profile, { recursive: true, force: true })
  }
}
