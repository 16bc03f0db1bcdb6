/**
 * The client's address. The Express adapter does not pass the socket to Remix, so server/app.ts
 * copies `req.ip` (which honours `trust proxy`) into this header after dropping any value the client sent.
 */
export const CLIENT_IP_HEADER = 'X-Ocop-Client-Ip'

export function clientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? 'unknown'
}
