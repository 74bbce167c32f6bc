import type { Context, MiddlewareHandler } from 'hono'
import { jsonError } from './json-error.ts'

/**
 * The header the app sets on every call to `/api/*` and `/_inbox/*`. A cross-site form, link
 * or image cannot set a custom header, and a cross-site `fetch` that does needs a CORS
 * preflight this server never answers: so a request carrying it was made by a page of ours
 * (or by a program, which holds no visitor's credentials).
 */
export const APP_MARKER_HEADER = 'X-HighLevel-Inbox'

function isSafe(method: string): boolean {
  return method === 'GET' || method === 'HEAD'
}

/** `Origin`'s host is the Host this request was sent to (which the host check already vetted). */
function isOwnOrigin(c: Context, origin: string): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase()
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host
}

/**
 * Cross-site requests refused, whether or not the browser labels them (plain-HTTP deployments
 * get no `Sec-Fetch-Site`): an `Origin` must be ours. Browsers send `Origin` on every write, so
 * with `writesNeedOrigin` a write without one is refused too.
 */
export function refuseCrossSite(c: Context, writesNeedOrigin: boolean): Response | undefined {
  const site = c.req.header('sec-fetch-site')
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return jsonError(403, 'Requests from other sites are not served')
  }
  const origin = c.req.header('origin')
  if (origin !== undefined && !isOwnOrigin(c, origin)) return jsonError(403, `Requests from ${origin} are not served`)
  if (origin === undefined && writesNeedOrigin && !isSafe(c.req.method)) {
    return jsonError(403, 'A change needs the Origin header of this server (browsers send it)')
  }
  return undefined
}

export interface AppRequestOptions {
  /**
   * Requests that cannot carry the marker: `GET /_inbox/events` (EventSource sets no headers).
   * They still pass the cross-site checks, and must not be a browser's image or frame load.
   */
  markerExempt?: (method: string, path: string) => boolean
}

/** `/api/*` and `/_inbox/*`: only the app's own calls. */
export function appRequestsOnly(options: AppRequestOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    const refused = refuseCrossSite(c, true)
    if (refused) return refused
    if (c.req.header(APP_MARKER_HEADER) !== '1') {
      const exempt = options.markerExempt?.(c.req.method, new URL(c.req.url).pathname) ?? false
      const dest = c.req.header('sec-fetch-dest')
      if (!exempt || (dest !== undefined && dest !== 'empty')) {
        return jsonError(403, `Only the inbox app's own requests are served here (header ${APP_MARKER_HEADER}: 1)`)
      }
    }
    await next()
  }
}
