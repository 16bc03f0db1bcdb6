import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export type AssetFile = { url: string; bytes: number; gzipBytes: number }
export type PageAssets = { js: AssetFile[]; css: AssetFile[] }

// Remix Vite deletes build/client/.vite/manifest.json after the build unless build.manifest is set,
// so the page itself is the record of what a browser loads: modulepreload links, the inline
// `import` of entry.client and the route modules, and the stylesheet links, all under /assets/.
// Route chunks have parentheses in their names ("(_lang).products._index-….js").
const ASSET_REFERENCE = /["'](\/assets\/[^"'\s]+?\.(?:js|css))["']/g

export function referencedAssets(html: string): string[] {
  return [...new Set([...html.matchAll(ASSET_REFERENCE)].map((match) => match[1]))].sort()
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
