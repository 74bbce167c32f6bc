import { jsonError } from '../http/json-error.ts'
import type { DailyBudget } from './daily-budget.ts'
import { matchRoute, type AllowedRoute, type MemberKind } from './allow-list.ts'
import type { Membership } from './membership.ts'
import { QueueFullError, type Pacer, type Priority, type Release } from './pacer.ts'
import { checkBody, checkQuery } from './request-checks.ts'
import { buildUpstreamRequest, type UpstreamTarget } from './upstream-request.ts'
import { passThrough, type Answer } from './upstream-response.ts'

/** Global `fetch` in live mode, the in-process emulator in demo mode, a fake in tests. */
export type Upstream = (request: Request) => Promise<Response>

export interface ProxyOptions extends UpstreamTarget {
  upstream: Upstream
  timeoutMs: number
  /** Undefined when pacing is off (`PROXY_RATE_LIMIT=off`). */
  pacer: Pacer | undefined
  /** Reads HighLevel's daily remaining from every answer. */
  dailyBudget?: Pick<DailyBudget, 'observe'> | undefined
  /** How long to hold all calls after HighLevel's 429 when it does not say: the pacing window. */
  holdFallbackMs: number
  /** `GHL_READ_ONLY=1`: every write is refused before it leaves. */
  readOnly: boolean
  membership: Membership
  /** Told about every write HighLevel accepted (2xx), after the answer is read. */
  onWrite?: ((write: CompletedWrite) => void) | undefined
}

/** Who asks, for the pacer: the browser's calls are 'interactive' reads and 'action' writes. */
export interface ForwardContext {
  priority?: Priority | undefined
  client?: string | undefined
  maxShare?: number | undefined
  /**
   * The caller already holds a pacer token for this call (a bulk job takes its own, so that it
   * can wait, be cancelled and hear `DailyBudgetLowError` itself): the proxy takes none for it.
   * A membership confirmation it needs still takes one of its own.
   */
  paced?: boolean | undefined
  /** Who caused the call, for the events a write publishes: a tab id, `job:<id>`. */
  by?: string | undefined
}

/** A write HighLevel accepted: what was sent (the checked body) and what it answered. */
export interface CompletedWrite {
  method: 'PUT' | 'POST'
  /** The route's member kind and the id in the path (`PUT /conversations/{id}`, `PUT /contacts/{id}`). */
  member: MemberKind
  id: string | undefined
  body: Record<string, unknown>
  answer: unknown
  by: string | undefined
}

/** One checked call to HighLevel: `rawPath` is the part after `/api`, still percent-encoded. */
export type Forward = (request: Request, rawPath: string, context?: ForwardContext) => Promise<Response>

export const READ_ONLY_MESSAGE = 'This inbox server is read-only (GHL_READ_ONLY=1): it changes nothing in HighLevel'

/** The longest HighLevel's own 429 may pause the whole server. */
const MAX_HOLD_MS = 60_000

/** How long HighLevel asks us to wait after its 429, from `Retry-After` or its window size. */
function holdAfter429(headers: Headers, fallbackMs: number): number {
  const retryAfter = Number(headers.get('retry-after'))
  const interval = Number(headers.get('x-ratelimit-interval-milliseconds'))
  const ms = retryAfter > 0 ? retryAfter * 1000 : interval > 0 ? interval : fallbackMs
  return Math.min(ms, MAX_HOLD_MS)
}

/** The browser gave up; nobody reads this answer, but the log line shows what happened. */
const CLIENT_CLOSED = 499

/** Not every upstream honours its signal (the emulator may not), so the proxy stops waiting itself. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function upstreamFailure(error: unknown, timedOut: boolean, options: ProxyOptions): Response {
  if (timedOut) {
    return jsonError(504, `HighLevel did not answer within ${options.timeoutMs} ms`)
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  const code = cause instanceof Error && 'code' in cause ? ` (${String(cause.code)})` : ''
  return jsonError(502, `Could not reach HighLevel at ${new URL(options.apiBase).origin}${code}`)
}

interface Exchange {
  route: AllowedRoute
  rawPath: string
  query: URLSearchParams
  body: Record<string, unknown> | undefined
  signal: AbortSignal
  context: ForwardContext
}

/** Paces one call, sends it, and reads HighLevel's answer (as JSON only). */
async function exchange(options: ProxyOptions, call: Exchange): Promise<Answer> {
  const { route, signal, context } = call
  let release: Release
  try {
    release = options.pacer && context.paced !== true
      ? await options.pacer.acquire({ signal, priority: context.priority ?? route.priority, client: context.client, maxShare: context.maxShare })
      : () => {}
  } catch (error) {
    if (error instanceof QueueFullError) {
      const seconds = Math.ceil(error.retryAfterMs / 1000)
      return { response: jsonError(429, `${error.message}; try again in ${seconds} s`, { 'retry-after': String(seconds) }), json: undefined }
    }
    return { response: jsonError(CLIENT_CLOSED, 'The browser closed the request'), json: undefined }
  }

  const timeout = AbortSignal.timeout(options.timeoutMs)
  const both = AbortSignal.any([signal, timeout])
  try {
    const upstreamRequest = buildUpstreamRequest(options, { method: route.method, rawPath: call.rawPath, query: call.query, body: call.body }, both)
    return await untilAborted(
      options.upstream(upstreamRequest).then(async (response): Promise<Answer> => {
        options.pacer?.observe(response.headers)
        options.dailyBudget?.observe(response.headers)
        if (response.status === 429) options.pacer?.hold(holdAfter429(response.headers, options.holdFallbackMs))
        if (response.status < 300 || response.status >= 400) {
          const guardLocation = route.guardsAnswer ? options.locationId : undefined
          const answer = await passThrough(response, { token: options.token, guardLocation })
          if (route.records && answer.json !== undefined) options.membership.record(route.records, answer.json)
          return answer
        }
        await response.body?.cancel()
        return { response: jsonError(502, `HighLevel answered with an unexpected redirect (${response.status})`), json: undefined }
      }),
      both,
    )
  } catch (error) {
    if (signal.aborted) return { response: jsonError(CLIENT_CLOSED, 'The browser closed the request'), json: undefined }
    return { response: upstreamFailure(error, timeout.aborted, options), json: undefined }
  } finally {
    release()
  }
}

function searchRoute(): AllowedRoute {
  const match = matchRoute('GET', '/conversations/search')
  if (match.kind !== 'allowed') throw new Error('The allow-list lost its search route')
  return match.route
}

/**
 * Known, or else confirmed by a search pinned to the location (`id=` for a conversation,
 * `contactId=` for a contact), whose answer also records what it found.
 */
async function belongs(options: ProxyOptions, kind: MemberKind, id: string, signal: AbortSignal, context: ForwardContext): Promise<true | Response> {
  if (options.membership.knows(kind, id)) return true
  const query = new URLSearchParams({ [kind === 'conversation' ? 'id' : 'contactId']: id, limit: '1', locationId: options.locationId })
  const route = searchRoute()
  // A paced caller holds its token for the write itself; within its share, this one could wait forever.
  const confirming: ForwardContext = context.paced === true
    ? { ...context, paced: false, maxShare: undefined }
    : { ...context, priority: context.priority ?? 'action' }
  const answer = await exchange(options, { route, rawPath: '/conversations/search', query, body: undefined, signal, context: confirming })
  if (options.membership.knows(kind, id)) return true
  if (!answer.response.ok) {
    return jsonError(answer.response.status === 429 ? 429 : 502, `Could not confirm that ${kind} ${id} belongs to location ${options.locationId}: HighLevel answered ${answer.response.status}`)
  }
  return jsonError(403, `The ${kind} ${id} is not known to belong to location ${options.locationId}; nothing was changed`)
}

/**
 * Forwards one request under `/api` to HighLevel, or refuses it before it leaves: the route,
 * its query keys and body, the pinned location, read-only mode and, for a write, that the
 * object written belongs to the pinned location.
 */
export function createProxy(options: ProxyOptions): Forward {
  return async (request, rawPath, context = {}) => {
    const match = matchRoute(request.method, rawPath)
    if (match.kind === 'unknown-path') return jsonError(404, `Not an API this server forwards: ${rawPath}`)
    if (match.kind === 'wrong-method') return jsonError(405, `${request.method} is not allowed on ${rawPath}`)
    const { route } = match
    if (route.write && options.readOnly) return jsonError(403, READ_ONLY_MESSAGE)
    if (match.locationId !== undefined && match.locationId !== options.locationId) {
      return jsonError(403, `This server only serves location ${options.locationId}`)
    }
    const query = checkQuery(new URL(request.url).search, route, options.locationId)
    if (!query.ok) return jsonError(query.status, query.message)
    let body: Record<string, unknown> | undefined
    if (route.write) {
      const checked = await checkBody(request, route)
      if (!checked.ok) return jsonError(checked.status, checked.message)
      const named = checked.body.locationId
      if (named !== undefined && named !== options.locationId) return jsonError(403, `This server only serves location ${options.locationId}`)
      const memberId = route.write.memberId(match.id, checked.body)
      if (memberId === undefined) return jsonError(400, 'The request names nothing to change')
      const known = await belongs(options, route.write.member, memberId, request.signal, context)
      if (known !== true) return known
      body = route.write.body.toUpstream(checked.body, options.locationId)
    }
    const answer = await exchange(options, { route, rawPath, query: query.query, body, signal: request.signal, context })
    if (route.write && body && answer.response.ok && route.method !== 'GET') {
      options.onWrite?.({ method: route.method, member: route.write.member, id: match.id, body, answer: answer.json, by: context.by })
    }
    return answer.response
  }
}
