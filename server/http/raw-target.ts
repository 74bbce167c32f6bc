import type { HttpBindings } from '@hono/node-server'
import type { MiddlewareHandler } from 'hono'
import { jsonError } from './json-error.ts'

const DOT_SEGMENT = /^(\.|%2e){1,2}$/i

/**
 * URL parsing quietly resolves `..` before any route sees the path, so a request for
 * `/api/x/../users/` would arrive looking innocent. The raw request line still shows it:
 * anything with dot segments or backslashes is refused outright rather than reinterpreted.
 */
export function hasSuspiciousPath(rawTarget: string): boolean {
  const path = rawTarget.split('?')[0] ?? ''
  return path.includes('\\') || /%5c/i.test(path) || path.split('/').some((segment) => DOT_SEGMENT.test(segment))
}

/** Only the Node adapter exposes the raw request line; in-process requests skip this check. */
export const rawTargetCheck: MiddlewareHandler<{ Bindings: Partial<HttpBindings> }> = async (c, next) => {
  const raw = c.env?.incoming?.url
  if (raw !== undefined && hasSuspiciousPath(raw)) {
    return jsonError(400, 'Paths with dot segments or backslashes are not served')
  }
  await next()
}
