import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { socketAddress, type NodeEnv } from './client-key.ts'
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

/** Wrong guesses a client may make before it has to wait between guesses. */
export const FREE_GUESSES = 5
/** The wait doubles with every further wrong guess, up to this. */
export const MAX_GUESS_WAIT_MS = 60_000
const FIRST_WAIT_MS = 1000
/** A client that stops guessing is forgotten after this long. */
const FORGET_AFTER_MS = 15 * 60_000
const CLIENTS_MAX = 10_000

interface Guesses {
  failures: number
  /** No guess from this client is even checked before then. */
  nextAt: number
  lastAt: number
}

export interface AccessSecretOptions {
  now?: () => number
}

/**
 * HTTP Basic auth against one shared secret. Both sides are hashed first so the comparison
 * takes the same time whatever the length or content of the guess. After a few wrong guesses
 * a client (by its socket's address) waits ever longer before its next guess is checked —
 * the right secret too, so the wait tells a guesser nothing; requests within the wait get 429.
 */
export function accessSecret(secret: string, options: AccessSecretOptions = {}): MiddlewareHandler<NodeEnv> {
  const now = options.now ?? Date.now
  const expected = digest(secret)
  const clients = new Map<string, Guesses>()

  const forgetOld = (at: number): void => {
    for (const [key, entry] of clients) {
      if (clients.size <= CLIENTS_MAX && entry.lastAt > at - FORGET_AFTER_MS) break
      clients.delete(key)
    }
  }

  return async (c, next) => {
    const at = now()
    const key = socketAddress(c)
    const entry = clients.get(key)
    if (entry && at < entry.nextAt) {
      const seconds = Math.ceil((entry.nextAt - at) / 1000)
      return jsonError(429, `Too many wrong access secrets from this address; try again in ${seconds} s`, { 'retry-after': String(seconds) })
    }
    const given = basicPassword(c.req.header('authorization'))
    if (given !== undefined && timingSafeEqual(digest(given), expected)) {
      clients.delete(key)
      await next()
      return
    }
    // No Authorization at all is a browser's first visit, not a guess.
    if (given !== undefined) {
      const failures = (entry?.failures ?? 0) + 1
      const wait = failures <= FREE_GUESSES ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_GUESSES - 1), MAX_GUESS_WAIT_MS)
      clients.delete(key)
      clients.set(key, { failures, nextAt: at + wait, lastAt: at })
      forgetOld(at)
    }
    return jsonError(401, 'This inbox needs its access secret (any user name)', {
      'www-authenticate': 'Basic realm="highlevel-inbox", charset="UTF-8"',
    })
  }
}
