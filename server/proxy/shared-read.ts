import type { ConversationFields } from '../../src/lib/push-events.ts'
import { jsonError } from '../http/json-error.ts'

/**
 * One read of HighLevel for every tab of the team (see docs/live.md):
 * - identical GETs in flight at once share one upstream call;
 * - answers of the routes in `rules` are served from memory while fresh;
 * - for `overlayMs` after a write through this server, search answers show the written values,
 *   because HighLevel's search lags its writes by a few seconds.
 */
export interface SharedRead<C = undefined> {
  /**
   * Drop-in for the proxy: GETs are shared, everything else goes straight through. A shared
   * call goes upstream with the `context` (pacer priority, client) of the request that started it.
   */
  fetch(request: Request, context?: C): Promise<Response>
  /** Drops cached answers (and detaches reads in flight) that a write may have made stale. */
  invalidate(predicate: (target: ReadTarget) => boolean): void
  /** Forgets every answer, read in flight and overlay: what HighLevel holds was replaced (the emulator's controls). */
  forget(): void
  /** A write went through: lay its fields over search answers, and drop cached searches. */
  recordWrite(target: WriteTarget, fields: ConversationFields): void
  readonly stats: { upstreamCalls: number; shared: number; cached: number }
}

export interface ReadTarget {
  path: string
  query: URLSearchParams
}
export type WriteTarget = { conversationId: string } | { contactId: string }

export interface FreshnessRule {
  name: string
  freshMs: number
  matches(target: ReadTarget): boolean
}

const isSearch = (target: ReadTarget): boolean => target.path.endsWith('/conversations/search')

/** What every tab asks: documented in docs/live.md. */
export const DEFAULT_FRESHNESS: readonly FreshnessRule[] = [
  { name: 'users', freshMs: 60_000, matches: (target) => target.path.endsWith('/users/') },
  { name: 'counts', freshMs: 30_000, matches: (target) => isSearch(target) && target.query.get('limit') === '1' },
  { name: 'search page 1', freshMs: 10_000, matches: (target) => isSearch(target) && !target.query.has('startAfterDate') },
]

export const OVERLAY_MS = 15_000

export interface SharedReadOptions<C = undefined> {
  upstream: (request: Request, context: C | undefined) => Promise<Response>
  rules?: readonly FreshnessRule[]
  overlayMs?: number
  /** Cached answers kept at most (oldest dropped first). */
  maxEntries?: number
  /**
   * Who asks (a tab). A kept answer serves the *other* askers: one asking the same read again (a
   * Retry, a refetch) wants HighLevel's answer now, and gets it.
   */
  clientOf?: (context: C | undefined) => string | undefined
  now?: () => number
}

interface Answer {
  status: number
  headers: [string, string][]
  body: Uint8Array
}
interface Flight {
  answer: Promise<Answer>
  waiters: number
  controller: AbortController
}
interface Overlay {
  match: WriteTarget
  fields: ConversationFields
  until: number
}

/** Method, path and the query in a stable order: the same read however the tab ordered it. */
function keyOf(method: string, target: ReadTarget): string {
  const query = [...target.query].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
  return `${method} ${target.path}?${new URLSearchParams(query).toString()}`
}

async function readAnswer(response: Response): Promise<Answer> {
  // The body is re-sent to each waiter, possibly changed: its length is theirs to compute.
  const headers = [...response.headers].filter(([name]) => name !== 'content-length')
  return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) }
}

function overlaid(body: Uint8Array, overlays: readonly Overlay[]): Uint8Array {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(body))
  } catch {
    return body
  }
  const conversations = (json as { conversations?: unknown }).conversations
  if (!Array.isArray(conversations)) return body
  for (const row of conversations as Record<string, unknown>[]) {
    for (const { match, fields } of overlays) {
      const hit = 'conversationId' in match ? row.id === match.conversationId : row.contactId === match.contactId
      if (hit) Object.assign(row, fields)
    }
  }
  return new TextEncoder().encode(JSON.stringify(json))
}

export function createSharedRead<C = undefined>(options: SharedReadOptions<C>): SharedRead<C> {
  const rules = options.rules ?? DEFAULT_FRESHNESS
  const overlayMs = options.overlayMs ?? OVERLAY_MS
  const maxEntries = options.maxEntries ?? 500
  const now = options.now ?? Date.now
  const clientOf = options.clientOf ?? (() => undefined)
  const cache = new Map<string, { target: ReadTarget; answer: Answer; freshUntil: number; client: string | undefined }>()
  const flights = new Map<string, { target: ReadTarget; flight: Flight }>()
  let overlays: Overlay[] = []
  const stats = { upstreamCalls: 0, shared: 0, cached: 0 }

  const deliver = (target: ReadTarget, answer: Answer): Response => {
    overlays = overlays.filter((overlay) => overlay.until > now())
    const body = overlays.length > 0 && isSearch(target) && answer.status === 200 ? overlaid(answer.body, overlays) : answer.body
    return new Response(body.slice(), { status: answer.status, headers: answer.headers })
  }

  const startFlight = (key: string, target: ReadTarget, request: Request, context: C | undefined): Flight => {
    const controller = new AbortController()
    const shared = new Request(request.url, { method: 'GET', headers: request.headers, signal: controller.signal })
    stats.upstreamCalls += 1
    const flight: Flight = {
      controller,
      waiters: 0,
      answer: options.upstream(shared, context).then(readAnswer).then((answer) => {
        const rule = rules.find((candidate) => candidate.matches(target))
        // A flight detached by `invalidate` may hold a pre-write answer: its waiters get it, the cache does not.
        if (rule && answer.status === 200 && flights.get(key)?.flight === flight) {
          cache.delete(key)
          cache.set(key, { target, answer, freshUntil: now() + rule.freshMs, client: clientOf(context) })
          for (const oldest of cache.keys()) if (cache.size > maxEntries) cache.delete(oldest)
        }
        return answer
      }),
    }
    const done = (): void => {
      if (flights.get(key)?.flight === flight) flights.delete(key)
    }
    flight.answer.then(done, done)
    flights.set(key, { target, flight })
    return flight
  }

  /** Waits for the shared answer; the upstream call is aborted only once every waiter has left. */
  const join = (key: string, flight: Flight, signal: AbortSignal): Promise<Answer | 'left'> => {
    flight.waiters += 1
    return new Promise((resolve, reject) => {
      const leave = (): void => {
        flight.waiters -= 1
        if (flight.waiters === 0) {
          if (flights.get(key)?.flight === flight) flights.delete(key)
          flight.controller.abort(signal.reason)
        }
        resolve('left')
      }
      if (signal.aborted) return leave()
      signal.addEventListener('abort', leave, { once: true })
      flight.answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave))
    })
  }

  const invalidate = (predicate: (target: ReadTarget) => boolean): void => {
    for (const [key, entry] of cache) if (predicate(entry.target)) cache.delete(key)
    for (const [key, entry] of flights) if (predicate(entry.target)) flights.delete(key)
  }

  return {
    stats,
    invalidate,
    forget() {
      invalidate(() => true)
      overlays = []
    },
    recordWrite(match, fields) {
      const written = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
      overlays.push({ match, fields: written, until: now() + overlayMs })
      invalidate(isSearch)
    },
    async fetch(request, context) {
      if (request.method !== 'GET') return options.upstream(request, context)
      const url = new URL(request.url)
      const target: ReadTarget = { path: url.pathname, query: url.searchParams }
      const key = keyOf(request.method, target)
      const cached = cache.get(key)
      const asker = clientOf(context)
      if (cached && cached.freshUntil > now() && (asker === undefined || asker !== cached.client)) {
        stats.cached += 1
        return deliver(target, cached.answer)
      }
      const inFlight = flights.get(key)?.flight
      if (inFlight) stats.shared += 1
      const answer = await join(key, inFlight ?? startFlight(key, target, request, context), request.signal)
      if (answer === 'left') return jsonError(499, 'The browser closed the request')
      return deliver(target, answer)
    },
  }
}
