/**
 * JavaScript and CSS per page from the production build's manifest (`build/server/index.js`,
 * `serverManifest`: the entry module and, per route, its module, the chunks it imports and its CSS),
 * for the routes a URL matches — what Remix itself puts in the page's modulepreload links.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { type AssetFile, type PageAssets } from './assets.ts'

type ManifestRoute = {
  id: string
  parentId: string | null
  path: string | null
  index: boolean | null
  module: string
  imports?: string[]
  css?: string[]
}

export type BuildManifest = {
  entry: { module: string; imports: string[]; css: string[] }
  routes: Record<string, ManifestRoute>
  version: string
}

/** The manifest literal the Remix Vite build writes into the server bundle (`void 0` for undefined). */
export function readBuildManifest(serverBuildFile: string): { manifest: BuildManifest; linkedCss: string[] } {
  const source = readFileSync(serverBuildFile, 'utf8')
  const literal = /const serverManifest = (\{.*\});?\s*$/m.exec(source)?.[1]
  if (!literal) throw new Error(`no serverManifest in ${serverBuildFile}`)
  const manifest = JSON.parse(literal.replace(/\bvoid 0\b/g, 'null')) as BuildManifest
  // Stylesheets imported with `?url` and linked from a route's `links()` are not in the manifest's
  // `css` lists; their URLs are string constants in the server bundle.
  const linkedCss = [...new Set([...source.matchAll(/"(\/assets\/[^"]+\.css)"/g)].map((m) => m[1]))].sort()
  return { manifest, linkedCss }
}

function fullPath(manifest: BuildManifest, route: ManifestRoute): string {
  const parts: string[] = []
  for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined)
    if (r.path) parts.unshift(r.path)
  return parts.join('/')
}

/** Whether `pathname` matches the route pattern, and how specific the match is (higher wins, as Remix ranks). */
function matchScore(pattern: string, pathname: string): number | null {
  const segments = pathname.split('/').filter(Boolean)
  const parts = pattern.split('/').filter(Boolean)
  const walk = (p: number, s: number): number | null => {
    if (p === parts.length) return s === segments.length ? 0 : null
    const part = parts[p]
    if (part === '*') return -5
    if (part.startsWith(':')) {
      const optional = part.endsWith('?')
      const taken = s < segments.length ? walk(p + 1, s + 1) : null
      const skipped = optional ? walk(p + 1, s) : null
      const best = Math.max(taken === null ? -Infinity : taken + 3, skipped === null ? -Infinity : skipped)
      return Number.isFinite(best) ? best : null
    }
    if (segments[s] !== part) return null
    const rest = walk(p + 1, s + 1)
    return rest === null ? null : rest + 10
  }
  return walk(0, 0)
}

/** The route ids a URL's page renders, root first (the most specific leaf route and its parents). */
export function matchRouteIds(manifest: BuildManifest, pathname: string): string[] {
  const parents = new Set(Object.values(manifest.routes).flatMap((r) => (r.parentId ? [r.parentId] : [])))
  let best: { id: string; score: number } | null = null
  for (const route of Object.values(manifest.routes)) {
    if (parents.has(route.id) && !route.index) continue
    const score = matchScore(fullPath(manifest, route), pathname)
    if (score !== null && (!best || score > best.score)) best = { id: route.id, score }
  }
  if (!best) return ['root']
  const ids: string[] = []
  for (
    let r: ManifestRoute | undefined = manifest.routes[best.id];
    r;
    r = r.parentId ? manifest.routes[r.parentId] : undefined
  )
    ids.unshift(r.id)
  return ids
}

function measure(url: string, clientDir: string): AssetFile {
  const content = readFileSync(path.join(clientDir, url))
  return { url, bytes: content.length, gzipBytes: gzipSync(content).length }
}

/**
 * The page's messages (app/i18n/messages.ts): entry.client.tsx imports the page's language before
 * hydrating. A dynamic import, so Remix's manifest does not list it; Rollup names the chunk after
 * the module (`assets/vi-<hash>.js`, `assets/en-<hash>.js`).
 */
function languageChunk(pathname: string, clientDir: string): string {
  const locale = pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'vi'
  const file = readdirSync(path.join(clientDir, 'assets')).find((name) =>
    new RegExp(`^${locale}-[\\w-]+\\.js$`).test(name),
  )
  if (!file) throw new Error(`no ${locale} messages chunk in ${clientDir}/assets`)
  return `/assets/${file}`
}

export type ManifestPageAssets = PageAssets & { routeIds: string[] }

/**
 * The JS (entry module and its imports, each matched route's module and imports) and CSS (the
 * manifest's css lists plus the stylesheets linked from `links()`) of the page at `pathname`,
 * raw and gzipped at zlib's default level (as the compression middleware sends them).
 */
export function manifestPageAssets(
  manifest: BuildManifest,
  linkedCss: readonly string[],
  pathname: string,
  clientDir: string,
): ManifestPageAssets {
  const routeIds = matchRouteIds(manifest, pathname)
  const js = new Set([manifest.entry.module, ...manifest.entry.imports, languageChunk(pathname, clientDir)])
  const css = new Set([...manifest.entry.css, ...linkedCss])
  for (const id of routeIds) {
    const route = manifest.routes[id]
    js.add(route.module)
    for (const url of route.imports ?? []) js.add(url)
    for (const url of route.css ?? []) css.add(url)
  }
  return {
    routeIds,
    js: [...js].sort().map((url) => measure(url, clientDir)),
    css: [...css].sort().map((url) => measure(url, clientDir)),
  }
}
