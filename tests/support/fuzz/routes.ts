/**
 * The routes to fuzz, read from the production build (build/server/index.js exports `routes`), so
 * a route added later is fuzzed without anyone listing it here.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { type ServerBuild } from '@remix-run/node'
import { ROOT } from '#tests/support/app-process.ts'

export type FuzzRoute = {
  id: string
  /** URL pattern without the language segment, e.g. `/export/products/:slug` (`/` for the home page). */
  pattern: string
  /** Whether the pattern starts with the optional `($lang)` segment (`/x` and `/en/x` both serve it). */
  optionalLang: boolean
  hasAction: boolean
  /** A loader and no component: CSV, PDF, SVG, JSON, downloads, redirects. */
  isResource: boolean
  /** An index route: a POST to it needs `?index`, else it goes to the parent route. */
  isIndex: boolean
  params: string[]
}

type BuildRoute = ServerBuild['routes'][string]

export async function loadBuildRoutes(): Promise<FuzzRoute[]> {
  const build = (await import(pathToFileURL(path.join(ROOT, 'build/server/index.js')).href)) as ServerBuild
  const all = build.routes
  const segmentsOf = (route: BuildRoute): string[] => {
    const own = route.path ? route.path.split('/').filter(Boolean) : []
    const parent = route.parentId ? all[route.parentId] : undefined
    return parent ? [...segmentsOf(parent), ...own] : own
  }
  const routes: FuzzRoute[] = []
  for (const route of Object.values(all)) {
    if (route.id === 'root') continue
    const hasAction = Boolean(route.module.action)
    const isResource = Boolean(route.module.loader) && !route.module.default
    if (!hasAction && !isResource) continue
    const segments = segmentsOf(route)
    const optionalLang = segments[0] === ':lang?'
    const rest = optionalLang ? segments.slice(1) : segments
    routes.push({
      id: route.id,
      pattern: '/' + rest.join('/'),
      optionalLang,
      hasAction,
      isResource,
      isIndex: Boolean(route.index),
      params: rest.filter((s) => s.startsWith(':') || s === '*').map((s) => (s === '*' ? '*' : s.slice(1))),
    })
  }
  return routes.sort((a, b) => a.id.localeCompare(b.id))
}

/**
 * Which real records fill a parameter: the key is the segment before it and the parameter name
 * (`products/:slug` is a product slug, `producers/:slug` a producer's). A parameter that is not
 * listed here is still fuzzed, with hostile values only, and named in the test output.
 */
export function paramKey(pattern: string, param: string): string {
  const segments = pattern.split('/')
  const at = segments.findIndex((s) => s === `:${param}` || (param === '*' && s === '*'))
  return `${segments[at - 1] ?? ''}/${param}`
}
