import { headerNumber, RATE_LIMIT_HEADERS } from '../proxy/rate-limit-headers.ts'

/**
 * How a job reaches HighLevel: through an injected `send` (the wiring routes it through the
 * proxy, so location pinning and membership checks apply) after taking a token from the
 * shared pacer at the lowest priority. See docs/bulk-jobs.md.
 */

export interface UpstreamCall {
  method: 'GET' | 'PUT'
  /** HighLevel's path, e.g. `/conversations/search`, without `/api`. */
  path: string
  query?: URLSearchParams
  body?: unknown
}

export interface UpstreamAnswer {
  status: number
  headers: Headers
  /** The parsed body, or undefined when it was not JSON. */
  json: unknown
}

/**
 * Sends one call on a pacer token the caller already holds (`callUpstream` takes it): `client`
 * is the job's fairness key, to tell who sent it.
 */
export type Send = (call: UpstreamCall, options: { signal: AbortSignal; priority: 'bulk'; client: string }) => Promise<UpstreamAnswer>

export type Release = () => void

/** The part of the shared pacer (server/proxy/pacer.ts, CONTRACT.md) a job uses. */
export interface JobPacer {
  /** May reject with `QueueFullError` (wait and ask again) or `DailyBudgetLowError` (stop the job). */
  acquire(options: { signal?: AbortSignal; priority?: 'bulk'; client?: string; maxShare?: number }): Promise<Release>
  /** Lets nothing out for `ms`: HighLevel answered 429. */
  hold(ms: number): void
}

/** No pacing (pacing turned off); every call goes at once. */
export const unpaced: JobPacer = {
  acquire: () => Promise.resolve(() => {}),
  hold: () => {},
}

/** What to do with one answer. */
export type Verdict =
  | { kind: 'ok' }
  | { kind: 'retry'; waitMs: number | undefined; reason: string; rateLimited: boolean }
  | { kind: 'fail-item'; reason: string }
  | { kind: 'stop-job'; reason: string }

/** HighLevel's error message: a string, or a list of them (422). */
export function messageOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || !('message' in json)) return undefined
  const { message } = json
  if (typeof message === 'string') return message
  if (Array.isArray(message)) return message.filter((part) => typeof part === 'string').join('; ')
  return undefined
}

const MAX_WAIT_MS = 60_000

/** How long HighLevel asks us to wait: `Retry-After` (seconds) or its window size. */
function waitAfter429(headers: Headers): number | undefined {
  const retryAfter = Number(headers.get('retry-after'))
  if (retryAfter > 0) return Math.min(retryAfter * 1000, MAX_WAIT_MS)
  const interval = Number(headers.get('x-ratelimit-interval-milliseconds'))
  return interval > 0 ? Math.min(interval, MAX_WAIT_MS) : undefined
}

const SCOPE = /scope/i

export function judge(answer: UpstreamAnswer): Verdict {
  const { status, headers } = answer
  if (status >= 200 && status < 300) return { kind: 'ok' }
  const message = messageOf(answer.json)
  const said = message ? `: ${message}` : ''
  if (status === 401) return { kind: 'stop-job', reason: `HighLevel refused the token (401)${said}` }
  if (status === 403 && message !== undefined && SCOPE.test(message)) {
    return { kind: 'stop-job', reason: `The token lacks a scope this job needs (403)${said}` }
  }
  if (status === 429) {
    if (headers.get('x-ratelimit-daily-remaining') === '0') {
      return { kind: 'stop-job', reason: "HighLevel's daily request budget for this location is used up; resume the job tomorrow" }
    }
    return { kind: 'retry', waitMs: waitAfter429(headers), reason: `rate limited (429)${said}`, rateLimited: true }
  }
  if (status >= 500 || status === 408) return { kind: 'retry', waitMs: undefined, reason: `HighLevel answered ${status}${said}`, rateLimited: false }
  return { kind: 'fail-item', reason: `HighLevel answered ${status}${said}` }
}

/** The last daily remaining HighLevel reported, if this answer carries it. */
export function dailyRemainingOf(headers: Headers): number | undefined {
  return headerNumber(headers, RATE_LIMIT_HEADERS.dailyRemaining)
}
