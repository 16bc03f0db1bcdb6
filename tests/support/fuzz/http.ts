/** Raw HTTP for the fuzzer: the path is sent as given (bad percent escapes included), bodies as bytes. */
import http from 'node:http'

export type RawRequest = {
  method: string
  /** Path and query exactly as they go on the request line (only ASCII; escapes are not checked). */
  path: string
  headers: Record<string, string>
  body?: Buffer
}

export type RawReply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number }

export function send(base: string, request: RawRequest, timeoutMs = 20_000): Promise<RawReply> {
  const url = new URL(base)
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: { ...request.headers, ...(request.body ? { 'Content-Length': String(request.body.length) } : {}) },
        // A connection of its own per request: a refused request may close it, and no reply may be
        // blamed on the request before.
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: Date.now() - started,
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    req.on('error', reject)
    if (request.body) req.end(request.body)
    else req.end()
  })
}
