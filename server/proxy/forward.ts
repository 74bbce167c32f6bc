import { jsonError } from '../http/json-error.ts'
import { matchRoute } from './allow-list.ts'
import { QueueFullError, type Pacer, type Release } from './pacer.ts'
import { buildUpstreamRequest, pinLocation, type UpstreamTarget } from './upstream-request.ts'
import { passThrough } from './upstream-response.ts'

/** Global `fetch` in live mode, the in-process emulator in demo mode, a fake in tests. */
export type Upstream = (request: Request) => Promise<Response>

export interface ProxyOptions extends UpstreamTarget {
  upstream: Upstream
  timeoutMs: number
  /** Undefined when pacing is off (`PROXY_RATE_LIMIT=off`). */
  pacer: Pacer | undefined
  /** How long to hold all calls after HighLevel's 429 when it does not say: the pacing window. */
  holdFallbackMs: number
}

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

/**
 * Forwards one browser request under `/api` to HighLevel, or refuses it before it leaves.
 * `rawPath` is the part after `/api`, still percent-encoded.
 */
export function createProxy(options: ProxyOptions): (request: Request, rawPath: string) => Promise<Response> {
  return async (request, rawPath) => {
    const match = matchRoute(request.method, rawPath)
    if (match.kind === 'unknown-path') return jsonError(404, `Not an API this server forwards: ${rawPath}`)
    if (match.kind === 'wrong-method') return jsonError(405, `${request.method} is not allowed here; the inbox is read-only`)
    const pinned = pinLocation(new URL(request.url).search, match.route, options.locationId)
    if (!pinned.ok) return jsonError(403, pinned.message)

    let release: Release
    try {
      release = options.pacer ? await options.pacer.acquire(request.signal) : () => {}
    } catch (error) {
      if (error instanceof QueueFullError) {
        const seconds = Math.ceil(error.retryAfterMs / 1000)
        return jsonError(429, `${error.message}; try again in ${seconds} s`, { 'retry-after': String(seconds) })
      }
      return jsonError(CLIENT_CLOSED, 'The browser closed the request')
    }

    const timeout = AbortSignal.timeout(options.timeoutMs)
    const signal = AbortSignal.any([request.signal, timeout])
    try {
      const upstreamRequest = buildUpstreamRequest(options, rawPath, pinned.query, signal)
      return await untilAborted(
        options.upstream(upstreamRequest).then(async (response) => {
          if (response.status === 429) options.pacer?.hold(holdAfter429(response.headers, options.holdFallbackMs))
          if (response.status < 300 || response.status >= 400) {
            const guardLocation = match.route.pinsLocation ? undefined : options.locationId
            return passThrough(response, { token: options.token, guardLocation })
          }
          await response.body?.cancel()
          return jsonError(502, `HighLevel answered with an unexpected redirect (${response.status})`)
        }),
        signal,
      )
    } catch (error) {
      if (request.signal.aborted) return jsonError(CLIENT_CLOSED, 'The browser closed the request')
      return upstreamFailure(error, timeout.aborted, options)
    } finally {
      release()
    }
  }
}
