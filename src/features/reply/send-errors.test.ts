import { describe, expect, it } from 'vitest'
import { ApiError, ResponseShapeError } from '../../api/http'
import { SendTimeoutError, sendOutcomeOf } from './send-errors'

const apiError = (status: number, message?: string | string[]) =>
  new ApiError(status, message === undefined ? undefined : { statusCode: status, message }, new Headers())

describe('sendOutcomeOf', () => {
  it('names the scope a token lacks', () => {
    const outcome = sendOutcomeOf(apiError(401, 'The token is not authorized for this scope.'))
    expect(outcome).toMatchObject({ kind: 'failed' })
    expect(outcome.kind === 'failed' && outcome.reason).toContain('conversations/message.write')
  })

  it('tells read-only mode apart from other refusals', () => {
    expect(sendOutcomeOf(apiError(403, 'This server is read-only (GHL_READ_ONLY=1)'))).toMatchObject({ kind: 'failed', readOnly: true })
    expect(sendOutcomeOf(apiError(403, 'Forbidden'))).not.toHaveProperty('readOnly')
  })

  it('gives HighLevel’s own words for a 422', () => {
    expect(sendOutcomeOf(apiError(422, ['Contact has no phone number']))).toEqual({
      kind: 'failed',
      reason: 'HighLevel did not accept the message: Contact has no phone number.',
    })
  })

  it('counts a timeout, a dropped connection, a 504 or an odd 2xx as maybe sent', () => {
    for (const error of [new SendTimeoutError(), new TypeError('Failed to fetch'), apiError(504), new ResponseShapeError('/api/x', null)]) {
      expect(sendOutcomeOf(error)).toEqual({ kind: 'maybe-sent' })
    }
  })

  it('counts answers that prove nothing went out as failed', () => {
    expect(sendOutcomeOf(apiError(502, 'Could not reach HighLevel'))).toMatchObject({ kind: 'failed' })
    expect(sendOutcomeOf(apiError(500))).toMatchObject({ kind: 'failed' })
    expect(sendOutcomeOf(apiError(429, 'Too Many Requests'))).toMatchObject({ kind: 'failed' })
  })
})
