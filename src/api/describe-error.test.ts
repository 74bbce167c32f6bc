import { describe, expect, it } from 'vitest'
import { describeError } from './describe-error'
import { ApiError, ResponseShapeError } from './http'

const apiError = (status: number, message: string | string[], headers: Record<string, string> = {}) =>
  new ApiError(status, { statusCode: status, message }, new Headers(headers))

describe('describeError', () => {
  it('says what to check when the token is rejected', () => {
    const description = describeError(apiError(401, 'Invalid token: access token is invalid'))
    expect(description.title).toMatch(/token/)
    expect(description.detail).toMatch(/GHL_TOKEN/)
    expect(description.retryable).toBe(false)
  })

  it('names the parameter a 422 complains about', () => {
    const description = describeError(
      apiError(422, ['status must be one of the following values: all, read, unread, starred, recents']),
    )
    expect(description.param).toBe('status')
    expect(description.detail).toContain('status must be one of')
  })

  it('tells how long a rate limit asks to wait', () => {
    expect(describeError(apiError(429, 'Too Many Requests', { 'Retry-After': '12' })).detail).toContain('12 s')
  })

  it('offers a retry for server errors and odd answers, not for refusals', () => {
    expect(describeError(apiError(500, 'Internal Server Error')).retryable).toBe(true)
    expect(describeError(new ResponseShapeError('/api/x', null)).retryable).toBe(true)
    expect(describeError(apiError(403, 'Forbidden')).retryable).toBe(false)
  })

  it('describes a network failure', () => {
    expect(describeError(new TypeError('Failed to fetch')).title).toBe('Network error')
  })
})
