import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { jsonError } from './json-error.ts'

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}

/** The password part of a Basic `Authorization` header; the user name is ignored. */
function basicPassword(header: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '')
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon === -1 ? undefined : decoded.slice(colon + 1)
}

/**
 * HTTP Basic auth against one shared secret. Both sides are hashed first so the comparison
 * takes the same time whatever the length or content of the guess.
 */
export function accessSecret(secret: string): MiddlewareHandler {
  const expected = digest(secret)
  return async (c, next) => {
    const given = basicPassword(c.req.header('authorization'))
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      return jsonError(401, 'This inbox needs its access secret (any user name)', {
        'www-authenticate': 'Basic realm="highlevel-inbox", charset="UTF-8"',
      })
    }
    await next()
  }
}
