import type { MiddlewareHandler } from 'hono'
import { jsonError } from '../http/json-error.ts'

/**
 * What `GET /_inbox/events` checks instead of the app's marker header, which `EventSource`
 * cannot send. Host and access secret are checked before, as for every request.
 *
 * - `Sec-Fetch-Site`, when the browser sends it, must be `same-origin`: another site's page
 *   (cross-site, same-site) and a typed address (`none`) are refused.
 * - Without it (older browsers, tools), an `Origin`, when present, must name the host the
 *   request was sent to. Only the host is compared: TLS usually ends in front of this server.
 */
export const pushSourceCheck: MiddlewareHandler = async (c, next) => {
  const site = c.req.header('sec-fetch-site')
  if (site !== undefined && site !== 'same-origin') {
    return jsonError(403, 'The push channel is only served to this inbox\'s own pages')
  }
  const origin = c.req.header('origin')
  if (site === undefined && origin !== undefined && !sameHost(origin, c.req.header('host') ?? new URL(c.req.url).host)) {
    return jsonError(403, 'The push channel is only served to this inbox\'s own pages')
  }
  await next()
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host.toLowerCase()
  } catch {
    // `Origin: null` (sandboxed frames, file pages) and anything unparsable.
    return false
  }
}
