import { ApiError, ResponseShapeError } from './http'

export interface ErrorDescription {
  title: string
  detail: string
  /** For a 422: the query parameter HighLevel named, so the message can sit beside that filter. */
  param?: string
  /** Whether trying again could help (a Retry button); 401/403/422 need a change first. */
  retryable: boolean
}

/** How long HighLevel (or our server) asked us to wait before the next request, in ms. */
export function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof ApiError)) return undefined
  const retryAfter = error.headers.get('Retry-After')
  if (retryAfter) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
    const date = Date.parse(retryAfter)
    if (Number.isFinite(date)) return Math.max(0, date - Date.now())
  }
  const interval = Number(error.headers.get('X-RateLimit-Interval-Milliseconds'))
  return Number.isFinite(interval) && interval > 0 ? interval : undefined
}

/** The query parameter a 422 message names: HighLevel's messages start with it. */
function paramOf(messages: string[]): string | undefined {
  return messages.map((message) => /^([A-Za-z]+)\b/.exec(message)?.[1]).find(Boolean)
}

/** A clear, human message — and a way forward — for anything a request can fail with. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) {
    const messages = Array.isArray(error.body?.message) ? error.body.message : []
    switch (error.status) {
      case 401:
        return {
          title: 'HighLevel rejected the access token',
          detail:
            'Check that GHL_TOKEN on the server is a current Private Integration Token of this sub-account, then restart the server.',
          retryable: false,
        }
      case 403:
        return {
          title: 'Not allowed',
          detail:
            error.message && error.message !== 'HTTP 403'
              ? `${error.message}. The token may belong to another location or lack a scope (conversations.readonly, conversations/message.readonly, users.readonly).`
              : 'The token may belong to another location or lack a scope (conversations.readonly, conversations/message.readonly, users.readonly).',
          retryable: false,
        }
      case 422:
        return {
          title: 'HighLevel did not accept a filter',
          detail: messages.length > 0 ? messages.join('. ') : error.message,
          param: paramOf(messages),
          retryable: false,
        }
      case 429: {
        const wait = retryAfterMs(error)
        return {
          title: 'Rate limited',
          detail: `Too many requests for now${wait ? `; HighLevel asked to wait ${Math.ceil(wait / 1000)} s` : ''}.`,
          retryable: true,
        }
      }
      case 502:
      case 503:
      case 504:
        return {
          title: 'HighLevel could not be reached',
          detail: `${error.message}. This is usually brief.`,
          retryable: true,
        }
      default:
        return {
          title: error.status >= 500 ? 'HighLevel had a problem' : `Request refused (HTTP ${error.status})`,
          detail: error.message,
          retryable: error.status >= 500,
        }
    }
  }
  if (error instanceof ResponseShapeError) {
    return { title: 'Unexpected answer', detail: `${error.message}.`, retryable: true }
  }
  if (typeof navigator !== 'undefined' && !navigator.onLine) {
    return { title: 'You are offline', detail: 'The inbox will carry on when the connection is back.', retryable: true }
  }
  return {
    title: 'Network error',
    detail: 'The server could not be reached. Check that it is running and your connection works.',
    retryable: true,
  }
}
