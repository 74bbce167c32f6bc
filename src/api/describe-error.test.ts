import { describe, expect, it } from 'vitest'
import { describeError, fieldErrorsOf, retryAfterMs } from './describe-error'
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

  it("gives the server's own errors good messages (bodies as server/proxy/forward.ts sends them)", () => {
    const unreachable = describeError(apiError(502, 'Could not reach HighLevel at http://127.0.0.1:9 (ECONNREFUSED)'))
    expect(unreachable).toMatchObject({ title: 'HighLevel could not be reached', retryable: true })
    expect(unreachable.detail).toContain('ECONNREFUSED')
    const timeout = describeError(apiError(504, 'HighLevel did not answer within 15000 ms'))
    expect(timeout).toMatchObject({ title: 'HighLevel did not answer in time', retryable: true })
    expect(timeout.detail).toContain('15000 ms')
    const queueFull = describeError(
      apiError(429, 'Too many requests are already waiting for HighLevel; try again in 10 s', { 'Retry-After': '10' }),
    )
    expect(queueFull.detail).toContain('Too many requests are already waiting for HighLevel')
  })

  it('says which location and scopes to check on a 403', () => {
    const detail = describeError(apiError(403, 'The token does not have access to this location')).detail
    expect(detail).toContain('The token does not have access to this location')
    expect(detail).toMatch(/GHL_LOCATION_ID.*conversations\.readonly/)
  })
})

describe('retryAfterMs', () => {
  it('reads the window size only on a 429: HighLevel sends it on every answer', () => {
    expect(retryAfterMs(apiError(429, 'x', { 'X-RateLimit-Interval-Milliseconds': '10000' }))).toBe(10_000)
    expect(retryAfterMs(apiError(500, 'x', { 'X-RateLimit-Interval-Milliseconds': '10000' }))).toBeUndefined()
    expect(retryAfterMs(apiError(503, 'x', { 'Retry-After': '3' }))).toBe(3000)
  })
})

describe('fieldErrorsOf', () => {
  it("keys a 422's messages by the parameter each names", () => {
    expect(
      fieldErrorsOf(apiError(422, ['status must be one of the following values: all, read', 'property foo should not exist'])),
    ).toEqual({ status: 'status must be one of the following values: all, read', foo: 'property foo should not exist' })
    expect(fieldErrorsOf(apiError(400, 'Bad Request'))).toEqual({})
  })
})

describe('describeError with a write context', () => {
  const write = { action: 'assign the conversation', scope: 'contacts.write' }

  it('words a 401 as the missing scope, never as a rejected token', () => {
    const description = describeError(apiError(401, 'The token is not authorized for this scope.'), write)
    expect(description.title).toBe('Could not assign the conversation')
    expect(description.detail).toContain('contacts.write')
    expect(description.detail).toContain('The token is not authorized for this scope.')
    expect(description.detail).not.toContain('rejected the access token')
  })

  it('says a read-only server is read-only', () => {
    const description = describeError(apiError(403, 'This inbox server is read-only (GHL_READ_ONLY=1): it changes nothing in HighLevel'), write)
    expect(description.title).toBe('This inbox server is read-only')
  })

  it('names the scope on another 403, and keeps a 422 away from the filters', () => {
    expect(describeError(apiError(403, 'Forbidden resource'), write).detail).toContain('contacts.write')
    const invalid = describeError(apiError(422, ['assignedTo must be the id of an active user of this location']), write)
    expect(invalid.title).toBe('Could not assign the conversation')
    expect(invalid.detail).toContain('assignedTo must be the id of an active user')
    expect(invalid.detail).not.toContain('filter')
    expect(invalid.param).toBeUndefined()
  })
})
