import type { MiddlewareHandler } from 'hono'
import { jsonError } from './json-error.ts'

/**
 * Other sites cannot read our answers (no CORS headers), but a page could still make a
 * visitor's browser fire requests here and spend the shared HighLevel budget. Browsers
 * label such requests with `Sec-Fetch-Site`; only our own pages (or a typed URL) get through.
 */
export const sameOriginOnly: MiddlewareHandler = async (c, next) => {
  const site = c.req.header('sec-fetch-site')
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return jsonError(403, 'Requests from other sites are not served')
  }
  await next()
}
