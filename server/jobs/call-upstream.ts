import { DailyBudgetLowError, QueueFullError } from '../proxy/pacer.ts'
import { dailyRemainingOf, judge, type JobPacer, type Release, type Send, type UpstreamAnswer, type UpstreamCall } from './upstream.ts'

export interface RetryPolicy {
  /** Tries for a 5xx or a network failure before the item fails. */
  maxAttempts: number
  /** Tries for a 429 before the item fails (HighLevel's budget is shared with every agent). */
  maxRateLimitedAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** 0..1; injected so tests are deterministic. */
  random: () => number
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  maxRateLimitedAttempts: 12,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  random: Math.random,
}

export interface CallContext {
  send: Send
  pacer: JobPacer
  /** The pacer's fairness key: one per job. */
  client: string
  maxShare: number
  retry: RetryPolicy
  /** Aborted on cancel: stops waiting for a token or a backoff; no request starts after it. */
  cancel: AbortSignal
  /** Aborted on shutdown: also stops a request in flight. */
  shutdown: AbortSignal
  /** Every answer, for counting requests and the daily budget. */
  onAnswer: (answer: UpstreamAnswer, dailyRemaining: number | undefined) => void
}

export type CallResult =
  | { kind: 'ok'; answer: UpstreamAnswer }
  | { kind: 'fail-item'; reason: string }
  | { kind: 'stop-job'; reason: string }

/** Rejects with the signal's reason when it aborts: a timer that cancel can cut short. */
export function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

function backoff(policy: RetryPolicy, attempt: number): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(full * (0.5 + policy.random() * 0.5))
}

const dailyStop = (error: DailyBudgetLowError): string =>
  `HighLevel's daily request budget for this location is nearly spent (${error.dailyRemaining} left), and the rest is kept for people; resume the job once it is renewed`

/**
 * The call's one pacer token (the proxy takes none for it). A full queue is waited out, not an
 * item's failure; a nearly spent daily budget stops the job with a reason.
 */
async function acquire(context: CallContext, waits: AbortSignal): Promise<Release | 'wait' | { stop: string }> {
  try {
    return await context.pacer.acquire({ signal: waits, priority: 'bulk', client: context.client, maxShare: context.maxShare })
  } catch (error) {
    if (error instanceof DailyBudgetLowError) return { stop: dailyStop(error) }
    if (!(error instanceof QueueFullError)) throw error
    await wait(error.retryAfterMs, waits)
    return 'wait'
  }
}

/**
 * One logical call: a paced request, retried through 429s and 5xx with backoff. Throws the
 * abort reason when cancelled before a request starts or shut down while one is in flight.
 */
export async function callUpstream(context: CallContext, call: UpstreamCall): Promise<CallResult> {
  const { pacer, retry } = context
  const waits = AbortSignal.any([context.cancel, context.shutdown])
  let failures = 0
  let rateLimited = 0
  for (;;) {
    const release = await acquire(context, waits)
    if (release === 'wait') continue
    if (typeof release !== 'function') return { kind: 'stop-job', reason: release.stop }
    let answer: UpstreamAnswer | undefined
    let thrown: unknown
    try {
      // A token granted as the cancel arrived must not send.
      waits.throwIfAborted()
      answer = await context.send(call, { signal: context.shutdown, priority: 'bulk', client: context.client })
    } catch (error) {
      if (waits.aborted || context.shutdown.aborted) throw error
      thrown = error
    } finally {
      release()
    }
    let reason: string
    let waitMs: number | undefined
    if (answer) {
      context.onAnswer(answer, dailyRemainingOf(answer.headers))
      const verdict = judge(answer)
      if (verdict.kind === 'ok') return { kind: 'ok', answer }
      if (verdict.kind !== 'retry') return verdict
      reason = verdict.reason
      if (verdict.rateLimited) {
        rateLimited += 1
        if (rateLimited >= retry.maxRateLimitedAttempts) return { kind: 'fail-item', reason: `${reason}, ${rateLimited} times` }
        waitMs = verdict.waitMs ?? backoff(retry, rateLimited)
        pacer.hold(waitMs)
      } else {
        failures += 1
        if (failures >= retry.maxAttempts) return { kind: 'fail-item', reason: `${reason}, ${failures} times` }
        waitMs = backoff(retry, failures)
      }
    } else {
      failures += 1
      reason = `could not reach HighLevel (${thrown instanceof Error ? thrown.message : String(thrown)})`
      if (failures >= retry.maxAttempts) return { kind: 'fail-item', reason: `${reason}, ${failures} times` }
      waitMs = backoff(retry, failures)
    }
    await wait(waitMs, waits)
  }
}
