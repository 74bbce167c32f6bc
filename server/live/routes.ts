import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { presenceHeartbeatSchema, type PushEvent } from '../../src/lib/push-events.ts'
import { jsonError } from '../http/json-error.ts'
import { openEventStream } from './event-stream.ts'
import type { LiveHub } from './hub.ts'
import type { PresenceStore } from './presence.ts'
import { pushSourceCheck } from './push-source-check.ts'
import type { ViewWatcher } from './view-watcher.ts'

export interface LiveRoutesOptions {
  hub: LiveHub
  presence: PresenceStore
  /** Optional: without it, tabs' `watching` lists are ignored and tabs keep polling. */
  watcher?: ViewWatcher | undefined
  /** Open push connections at most (default 200: one per browser, not per tab). */
  maxConnections?: number
  heartbeatMs?: number
  retryMs?: number
  maxQueuedFrames?: number
}

const MAX_PRESENCE_BODY = 4096

/**
 * `GET /events` (Server-Sent Events) and `POST /presence`, to be mounted under `/_inbox`
 * after the Host and access-secret checks. `/presence` relies on the app's marker header and
 * the Origin check of every other `/_inbox` write; `/events` checks its source itself.
 */
export function createLiveRoutes(options: LiveRoutesOptions): Hono {
  const { hub, presence, watcher } = options
  const maxConnections = options.maxConnections ?? 200
  let connections = 0
  const presenceEvent = (): PushEvent => ({ type: 'presence', present: presence.list() })
  presence.onChange((present) => hub.broadcast({ type: 'presence', present }))

  const app = new Hono()

  app.get('/events', pushSourceCheck, (c) => {
    if (connections >= maxConnections) {
      return jsonError(503, 'Too many inboxes are connected for live updates; they keep polling', { 'retry-after': '30' })
    }
    connections += 1
    return openEventStream({
      hub,
      lastEventId: c.req.header('last-event-id') ?? c.req.query('lastEventId'),
      signal: c.req.raw.signal,
      initial: [{ data: JSON.stringify(presenceEvent()) }],
      heartbeatMs: options.heartbeatMs ?? 15_000,
      retryMs: options.retryMs ?? 3_000,
      maxQueuedFrames: options.maxQueuedFrames ?? 256,
      onClose: () => (connections -= 1),
    })
  })

  app.post(
    '/presence',
    bodyLimit({ maxSize: MAX_PRESENCE_BODY, onError: () => jsonError(413, 'A presence heartbeat is a few hundred bytes') }),
    async (c) => {
      // A cross-site form can post text/plain but not JSON without a CORS preflight we never answer.
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        return jsonError(415, 'Send the heartbeat as application/json')
      }
      const parsed = presenceHeartbeatSchema.safeParse(await c.req.json().catch(() => undefined))
      if (!parsed.success) return jsonError(400, 'Not a presence heartbeat: { clientId, name?, viewing?, replying?, watching? }')
      const { watching, leaving, ...entry } = parsed.data
      if (leaving) {
        presence.leave(entry.clientId)
        watcher?.forget(entry.clientId)
        return c.body(null, 204)
      }
      if (presence.heartbeat(entry) === 'full') {
        return jsonError(503, 'Too many inboxes are open for presence', { 'retry-after': '30' })
      }
      watcher?.watch(entry.clientId, watching ?? [])
      return c.body(null, 204)
    },
  )

  return app
}
