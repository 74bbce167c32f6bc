import { ApiError } from '../api/http'
import { retryAfterMs } from '../api/describe-error'

const MAX_RETRIES = 3
const MAX_RATE_LIMIT_RETRIES = 6
const MAX_BACKOFF_MS = 30_000
const MAX_RATE_LIMIT_WAIT_MS = 60_000

/** When the retry after a failure is due, so the page can count down to it (see `retryAt`). */
const retryDueAt = new WeakMap<object, number>()

/**
 * Client errors need a change before they can succeed, so only rate limits (429), server errors
 * and network failures are retried.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof DOMException && error.name === 'AbortError') return false
  if (error instanceof ApiError) {
    if (error.status === 429) return failureCount < MAX_RATE_LIMIT_RETRIES
    if (error.status < 500) return false
  }
  return failureCount < MAX_RETRIES
}

/** Wait as long as a 429 says; otherwise back off exponentially from one second. */
export function retryDelay(failureCount: number, error: unknown): number {
  const asked = retryAfterMs(error)
  const delay =
    asked !== undefined ? Math.min(asked, MAX_RATE_LIMIT_WAIT_MS) : Math.min(1000 * 2 ** failureCount, MAX_BACKOFF_MS)
  // React Query asks for the delay as it schedules the retry: now is when the wait starts.
  if (typeof error === 'object' && error !== null) retryDueAt.set(error, Date.now() + delay)
  return delay
}

/** When the retry after `error` is due (epoch ms), if one was scheduled. */
export function retryAt(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? retryDueAt.get(error) : undefined
}
