import { ApiError, ResponseShapeError } from './http'

export interface ErrorDescription {
  title: string
  detail: string
  /** For a 422: the query parameter HighLevel named, so the message can sit beside that filter. */
  param?: string
  /** Whether trying again could help (a Retry button); 401/403/422 need a change first. */
  retryable: boolean
}

/**
 * How long HighLevel (or our server) asked us to wait before the next request, in ms. HighLevel
 * sends its window size on every answer, so it counts only on a 429.
 */
export function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof ApiError)) return undefined
  const retryAfter = error.headers.get('Retry-After')
  if (retryAfter) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
    const date = Date.parse(retryAfter)
    if (Number.isFinite(date)) return Math.max(0, date - Date.now())
  }
  if (error.status !== 429) return undefined
  const interval = Number(error.headers.get('X-RateLimit-Interval-Milliseconds'))
  return Number.isFinite(interval) && interval > 0 ? interval : undefined
}

/**
 * The query parameter a 422 message names: class-validator's messages start with it, except
 * `property x should not exist`.
 */
function paramOf(message: string): string | undefined {
  return (/^property (\w+) should not exist/.exec(message) ?? /^([A-Za-z]+)\b/.exec(message))?.[1]
}

const SCOPES = 'conversations.readonly, conversations/message.readonly and users.readonly'

/** What the server's or HighLevel's own message says, when it says more than the status. */
function messageOf(error: ApiError): string | undefined {
  return error.message && error.message !== `HTTP ${error.status}` ? error.message : undefined
}

/** What a write was doing, so its failure is told in its own words, never the search's. */
export interface WriteContext {
  /** What failed, as a verb phrase: "mark the conversation as read". */
  action: string
  /** The token scope the write needs: `conversations.write`, `contacts.write`… */
  scope: string
}

/**
 * A clear, human message — and a way forward — for anything a request can fail with. With a
 * `write` context the words are the write's: a 401 or 403 names the scope it needs.
 */
export function describeError(error: unknown, write?: WriteContext): ErrorDescription {
  if (write) return describeWriteError(error, write)
  if (error instanceof ApiError) {
    const messages = Array.isArray(error.body?.message) ? error.body.message : []
    const said = messageOf(error)
    switch (error.status) {
      case 401:
        return {
          title: 'HighLevel rejected the access token',
          detail:
            'Check that GHL_TOKEN on the server is a current Private Integration Token of this sub-account (it may have been rotated or deleted), then restart the server.',
          retryable: false,
        }
      case 403:
        return {
          title: 'HighLevel refused access to this location',
          detail: `${said ? `${said}. ` : ''}Check that GHL_LOCATION_ID is the sub-account the token was created in, and that the token has the scopes ${SCOPES}.`,
          retryable: false,
        }
      case 422: {
        const detail = messages.length > 0 ? messages.join('. ') : (said ?? 'A search parameter was not accepted')
        return {
          title: 'HighLevel did not accept a filter',
          detail: `${detail}. Change that filter and the list reloads.`,
          param: messages.map(paramOf).find(Boolean) ?? (said ? paramOf(said) : undefined),
          retryable: false,
        }
      }
      case 429: {
        const wait = retryAfterMs(error)
        return {
          title: 'Rate limited',
          detail: `${said && said !== 'Too Many Requests' ? said : 'HighLevel allows only so many requests at a time'}${wait ? `; it asked to wait ${Math.ceil(wait / 1000)} s` : ''}.`,
          retryable: true,
        }
      }
      case 502:
      case 503:
        return {
          title: 'HighLevel could not be reached',
          detail: `${said ?? 'The server got no usable answer from HighLevel'}. This is usually brief; try again in a moment.`,
          retryable: true,
        }
      case 504:
        return {
          title: 'HighLevel did not answer in time',
          detail: `${said ?? 'The request timed out'}. HighLevel may be slow right now; try again in a moment.`,
          retryable: true,
        }
      default:
        return error.status >= 500
          ? {
              title: 'HighLevel had a problem',
              detail: `${said ?? `It answered HTTP ${error.status}`}. Trying again usually helps.`,
              retryable: true,
            }
          : { title: `Request refused (HTTP ${error.status})`, detail: said ?? 'The server refused the request.', retryable: false }
    }
  }
  if (error instanceof ResponseShapeError) {
    return { title: 'Unexpected answer', detail: `${error.message}. Trying again may help.`, retryable: true }
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

/** A 422's message keyed by the parameter it names, to show beside that filter. */
export function fieldErrorsOf(error: unknown): Partial<Record<string, string>> {
  if (!(error instanceof ApiError) || error.status !== 422) return {}
  const body = error.body?.message
  const messages = Array.isArray(body) ? body : body ? [body] : []
  const errors: Partial<Record<string, string>> = {}
  for (const message of messages) {
    const param = paramOf(message)
    if (param) errors[param] = errors[param] ? `${errors[param]}. ${message}` : message
  }
  return errors
}

const isReadOnly = (said: string | undefined) => said !== undefined && /read-only/i.test(said)

function describeWriteError(error: unknown, { action, scope }: WriteContext): ErrorDescription {
  const title = `Could not ${action}`
  const scopeFix = `The token needs the scope ${scope}: add it to the Private Integration in HighLevel, update GHL_TOKEN on the server and restart it.`
  if (error instanceof ApiError) {
    const said = messageOf(error)
    const quoted = said ? `HighLevel said: ${said.replace(/\.?$/, '.')} ` : ''
    switch (error.status) {
      case 401:
        return { title, detail: `${quoted}${scopeFix}`, retryable: false }
      case 403:
        if (isReadOnly(said)) {
          return { title: 'This inbox server is read-only', detail: `${said?.replace(/\.?$/, '.')} Nothing was changed.`, retryable: false }
        }
        return {
          title,
          detail: `${quoted}Either the token lacks the scope ${scope} (add it to the Private Integration, update GHL_TOKEN and restart), or this belongs to another location.`,
          retryable: false,
        }
      case 404:
        return { title, detail: `${quoted}It may have been deleted in HighLevel; refresh the list.`, retryable: false }
      case 422: {
        const messages = Array.isArray(error.body?.message) ? error.body.message : said ? [said] : []
        return {
          title,
          detail: `HighLevel did not accept the change${messages.length > 0 ? `: ${messages.join('. ')}` : ''}.`,
          retryable: false,
        }
      }
    }
  }
  const general = describeError(error)
  return { title, detail: `${general.title}: ${general.detail}`, retryable: general.retryable }
}
