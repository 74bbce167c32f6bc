import type { MiddlewareHandler } from 'hono'

export type LogLine = (line: string) => void

/**
 * One line per request: method, path, status, time. Never headers (they carry the access
 * secret and cookies) and never query strings (search text can name a contact).
 */
export function requestLog(log: LogLine, now: () => number = performance.now.bind(performance)): MiddlewareHandler {
  return async (c, next) => {
    const started = now()
    await next()
    const path = new URL(c.req.url).pathname
    log(`${c.req.method} ${path} ${c.res.status} ${Math.round(now() - started)}ms`)
  }
}
