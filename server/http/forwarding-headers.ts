import type { MiddlewareHandler } from 'hono'
import { jsonError } from './json-error.ts'

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const

/**
 * A request that came through a reverse proxy means the server is published beyond this
 * machine, even bound to 127.0.0.1: with no sign-in that publishes the token's powers.
 * Used only when neither ACCESS_SECRET nor ALLOW_UNAUTHENTICATED=1 is set.
 */
export const refuseForwarded: MiddlewareHandler = async (c, next) => {
  const header = FORWARDING_HEADERS.find((name) => c.req.header(name) !== undefined)
  if (header !== undefined) {
    return jsonError(
      403,
      `This request came through a proxy (${header}), but the server has no sign-in: set ACCESS_SECRET, or ALLOW_UNAUTHENTICATED=1 if that proxy checks users`,
    )
  }
  await next()
}
