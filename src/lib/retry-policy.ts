import { ApiError } from '../api/http'
import { retryAfterMs } from '../api/describe-error'

const MAX_RETRIES = 3
const MAX_RATE_LIMIT_RETRIES = 6
const MAX_BACKOFF_MS = 30_000

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
  if (asked !== undefined) return Math.min(asked, 60_000)
  return Math.min(1000 * 2 ** failureCount, MAX_BACKOFF_MS)
}
