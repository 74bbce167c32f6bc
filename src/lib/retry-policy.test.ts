import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/http'
import { retryAt, retryDelay, shouldRetry } from './retry-policy'

const apiError = (status: number, headers: Record<string, string> = {}) =>
  new ApiError(status, { statusCode: status, message: 'x' }, new Headers(headers))

describe('shouldRetry', () => {
  it.each([400, 401, 403, 404, 422])('does not retry %i', (status) => {
    expect(shouldRetry(0, apiError(status))).toBe(false)
  })

  it('retries rate limits, server errors and network failures a bounded number of times', () => {
    expect(shouldRetry(0, apiError(429))).toBe(true)
    expect(shouldRetry(0, apiError(503))).toBe(true)
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true)
    expect(shouldRetry(3, apiError(503))).toBe(false)
    expect(shouldRetry(6, apiError(429))).toBe(false)
  })

  it('never retries an aborted request', () => {
    expect(shouldRetry(0, new DOMException('aborted', 'AbortError'))).toBe(false)
  })
})

describe('retryDelay', () => {
  it('waits as long as Retry-After says', () => {
    expect(retryDelay(0, apiError(429, { 'Retry-After': '7' }))).toBe(7000)
  })

  it('falls back to X-RateLimit-Interval-Milliseconds', () => {
    expect(retryDelay(0, apiError(429, { 'X-RateLimit-Interval-Milliseconds': '10000' }))).toBe(10_000)
  })

  it('backs off exponentially otherwise, up to a cap', () => {
    expect(retryDelay(0, apiError(500))).toBe(1000)
    expect(retryDelay(2, apiError(500))).toBe(4000)
    expect(retryDelay(20, apiError(500))).toBe(30_000)
  })

  it('does not take the window size sent with every answer for a wait on a server error', () => {
    expect(retryDelay(1, apiError(500, { 'X-RateLimit-Interval-Milliseconds': '10000' }))).toBe(2000)
  })

  it('remembers when the retry is due, for the countdown', () => {
    const error = apiError(429, { 'Retry-After': '8' })
    const before = Date.now()
    retryDelay(1, error)
    expect(retryAt(error)).toBeGreaterThanOrEqual(before + 8000)
    expect(retryAt(apiError(429))).toBeUndefined()
  })
})
