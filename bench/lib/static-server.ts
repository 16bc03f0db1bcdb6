/**
 * The baseline: a minimal Node `http` server answering from memory with fixed bytes, as
 * express.static would serve a file. `node --import tsx bench/lib/static-server.ts <port>
 * <name>=<file>…` serves each file at /plain/<name> (no compression) and /gzip/<name> (through the
 * same `compression` middleware as the app, gzipping on every request).
 */
import { readFileSync } from 'node:fs'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import compression from 'compression'

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void

// compression is Connect-style middleware; it only needs Node's request and response objects.
const gzip = compression() as unknown as Middleware

function loadFiles(specs: readonly string[]): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  for (const spec of specs) {
    const [name, file] = spec.split('=')
    if (!name || !file) throw new Error(`expected <name>=<file>, got "${spec}"`)
    files.set(name, readFileSync(file))
  }
  return files
}

function sendHtml(response: ServerResponse, body: Buffer) {
  response.statusCode = 200
  response.setHeader('Content-Type', 'text/html; charset=utf-8')
  response.setHeader('Content-Length', body.length)
  response.end(body)
}

function handler(files: Map<string, Buffer>) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const [, mode, name] = (request.url ?? '').split('/')
    if (mode === 'healthz') return sendHtml(response, Buffer.from('ok'))
    const body = files.get(name ?? '')
    if (!body || (mode !== 'plain' && mode !== 'gzip')) {
      response.statusCode = 404
      return response.end()
    }
    if (mode === 'plain') return sendHtml(response, body)
    gzip(request, response, () => sendHtml(response, body))
  }
}

const [port, ...specs] = process.argv.slice(2)
const server = http.createServer(handler(loadFiles(specs)))
server.keepAliveTimeout = 65_000
server.listen(Number(port), '127.0.0.1', () => console.log(`static baseline serving on http://127.0.0.1:${port}`))

function shutdown() {
  server.close(() => process.exit(0))
  server.closeAllConnections()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
