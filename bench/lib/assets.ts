import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export type AssetFile = { url: string; bytes: number; gzipBytes: number }
export type PageAssets = { js: AssetFile[]; css: AssetFile[] }

// Remix Vite deletes build/client/.vite/manifest.json after the build unless build.manifest is set,
// so the page itself is the record of what a browser loads: the modulepreload and stylesheet links
// and the inline module script's `import`s (entry.client, root, the route modules). The inline
// __remixManifest also names modules of routes not on the page; browsers do not load those.
const LINK_TAG = /<link\b[^>]*>/g
const MODULE_IMPORT = /\bimport\s*(?:[^"'();]*?\bfrom\s*)?\(?\s*["'](\/assets\/[^"']+\.js)["']/g

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1]
}

function linkedAssets(html: string): string[] {
  const urls: string[] = []
  for (const [tag] of html.matchAll(LINK_TAG)) {
    const rel = attribute(tag, 'rel')
    const href = attribute(tag, 'href')
    if (href?.startsWith('/assets/') && (rel === 'modulepreload' || rel === 'stylesheet')) urls.push(href)
  }
  return urls
}

export function referencedAssets(html: string): string[] {
  const imported = [...html.matchAll(MODULE_IMPORT)].map((match) => match[1])
  return [...new Set([...linkedAssets(html), ...imported])].sort()
}

function measureAsset(url: string, clientDir: string): AssetFile {
  const content = readFileSync(path.join(clientDir, url))
  return { url, bytes: content.length, gzipBytes: gzipSync(content).length }
}

/** Sizes, raw and gzipped (zlib's default level, as the `compression` middleware uses), of a page's JS and CSS. */
export function pageAssets(html: string, clientDir: string): PageAssets {
  const files = referencedAssets(html).map((url) => measureAsset(url, clientDir))
  return { js: files.filter((f) => f.url.endsWith('.js')), css: files.filter((f) => f.url.endsWith('.css')) }
}

export function totals(files: readonly AssetFile[]): { bytes: number; gzipBytes: number } {
  return files.reduce((sum, f) => ({ bytes: sum.bytes + f.bytes, gzipBytes: sum.gzipBytes + f.gzipBytes }), {
    bytes: 0,
    gzipBytes: 0,
  })
}
