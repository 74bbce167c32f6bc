import type { Forward } from '../proxy/forward.ts'
import type { Send } from './upstream.ts'

/** Never sent anywhere: the proxy only reads the path and query of the URL it is given. */
const INTERNAL_ORIGIN = 'http://inbox.internal'

/**
 * A job's calls go through the same proxy as the browser's — allow-list, body checks, the pinned
 * location, membership, read-only mode — and, through `forward`, tell the shared read and the
 * open inboxes what they changed. The job holds its pacer token already (`paced`).
 */
export function sendThroughGateway(forward: Forward): Send {
  return async (call, { signal, client }) => {
    const search = call.query && call.query.size > 0 ? `?${call.query}` : ''
    // Each call its own signal, unlinked from the job's when the call ends: a Request keeps a
    // listener on the signal it is given until it is collected, and a job makes thousands.
    const own = new AbortController()
    const abort = (): void => own.abort(signal.reason)
    if (signal.aborted) abort()
    else signal.addEventListener('abort', abort, { once: true })
    try {
      const request = new Request(`${INTERNAL_ORIGIN}/api${call.path}${search}`, {
        method: call.method,
        headers: call.body === undefined ? {} : { 'content-type': 'application/json' },
        body: call.body === undefined ? null : JSON.stringify(call.body),
        signal: own.signal,
      })
      const response = await forward(request, call.path, { priority: 'bulk', client, by: client, paced: true })
      // Stopped mid-call: the proxy's 499 is no answer from HighLevel, and no outcome to record.
      signal.throwIfAborted()
      const json: unknown = await response.json().catch(() => undefined)
      return { status: response.status, headers: response.headers, json }
    } finally {
      signal.removeEventListener('abort', abort)
    }
  }
}
