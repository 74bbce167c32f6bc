import { describeError } from '../../api/describe-error'
import { ApiError, ResponseShapeError } from '../../api/http'
import type { SendOutcome } from './draft-store'

export const SEND_SCOPE = 'conversations/message.write'

/** Our own timeout: the request was given up on, not refused. */
export class SendTimeoutError extends Error {
  constructor() {
    super('HighLevel did not answer in time')
    this.name = 'SendTimeoutError'
  }
}

function saidBy(error: ApiError): string | undefined {
  const messages = error.body?.message
  const said = Array.isArray(messages) ? messages.join('. ') : messages
  return said?.trim() || undefined
}

/**
 * How a failed send ended. Only answers that prove nothing went out count as failed (the person
 * may try again); a timeout, a dropped connection or a 504 may have been sent and must be checked.
 */
export function sendOutcomeOf(error: unknown): Exclude<SendOutcome, { kind: 'sent' }> {
  if (error instanceof SendTimeoutError || error instanceof ResponseShapeError) return { kind: 'maybe-sent' }
  if (!(error instanceof ApiError)) {
    // fetch rejects with a TypeError when the connection fails, which can be after the request left.
    return error instanceof TypeError ? { kind: 'maybe-sent' } : { kind: 'failed', reason: String(error) }
  }
  if (error.status === 504) return { kind: 'maybe-sent' }
  const said = saidBy(error)
  if (error.status === 403 && said && /read[- ]?only/i.test(said)) {
    return { kind: 'failed', readOnly: true, reason: `${said}. Replies cannot be sent from this inbox.` }
  }
  if ((error.status === 401 || error.status === 403) && said && /scope/i.test(said)) {
    return {
      kind: 'failed',
      reason: `${said}. Sending needs the token scope ${SEND_SCOPE}: add it to the Private Integration token, then try again.`,
    }
  }
  if (error.status === 403) {
    return { kind: 'failed', reason: `${said ?? 'The send was refused'}. Sending needs the token scope ${SEND_SCOPE}.` }
  }
  if (error.status === 422) return { kind: 'failed', reason: `HighLevel did not accept the message: ${said ?? 'no reason given'}.` }
  const { title, detail } = describeError(error)
  return { kind: 'failed', reason: `${title}. ${detail}` }
}
