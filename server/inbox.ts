import type { ForwardContext } from './proxy/forward.ts'
import { createGateway, type Gateway, type GatewayOptions } from './proxy/gateway.ts'
import { createSharedRead, type SharedRead } from './proxy/shared-read.ts'
import { sendThroughGateway } from './jobs/gateway-send.ts'
import type { JobRunner } from './jobs/runner.ts'
import type { Send } from './jobs/upstream.ts'
import { createMemoryHub, type LiveHub } from './live/hub.ts'
import { relayJobEvents, type JobEventRelay } from './live/job-events.ts'
import { createMemoryPresence, type PresenceStore } from './live/presence.ts'
import { createViewWatcher, type ViewWatcher } from './live/view-watcher.ts'
import { effectsOf } from './live/write-events.ts'

/**
 * What one server shares between every tab and every job: one gateway to HighLevel (pacer,
 * checks, membership), one shared read in front of the browsers' GETs, one hub of live events,
 * presence and the view watcher. Every write HighLevel accepts, whoever sent it, is laid over
 * the shared read's search answers and published to the open inboxes; so is a change of the
 * daily budget people should see.
 */
export interface Inbox {
  gateway: Gateway
  /** The browsers' `/api/*` calls: GETs shared (see docs/live.md), writes straight to the gateway. */
  sharedRead: SharedRead<ForwardContext>
  hub: LiveHub
  presence: PresenceStore
  watcher: ViewWatcher
  /** How bulk jobs reach HighLevel: through the gateway, on the token the job took. */
  jobSend: Send
  /** Publishes a runner's progress as `bulk` events, about once a second per job. */
  relayJobs(runner: Pick<JobRunner, 'onEvent'>): JobEventRelay
  close(): void
}

export interface InboxOptions extends Omit<GatewayOptions, 'onWrite'> {
  now?: () => number
}

/** Where the path to HighLevel starts in a browser's URL. */
const API_PREFIX = '/api'

/** The proxy's raw path of a `/api/*` URL (still percent-encoded: `URL.pathname` keeps it so). */
export const apiPathOf = (url: string): string => new URL(url).pathname.slice(API_PREFIX.length)

/** The watcher's reads share the browsers' cache entries: the same path as theirs, on no real origin. */
const INTERNAL_API = `http://inbox.internal${API_PREFIX}`

export function createInbox(options: InboxOptions): Inbox {
  const now = options.now ?? Date.now
  const hub = createMemoryHub()
  const gateway = createGateway({
    ...options,
    onWrite: (write) => {
      const effects = effectsOf(write, now())
      if (!effects) return
      sharedRead.recordWrite(effects.target, effects.fields)
      for (const event of effects.events) hub.publish(event)
    },
  })
  const sharedRead = createSharedRead<ForwardContext>({
    upstream: (request, context) => gateway.forward(request, apiPathOf(request.url), context),
    clientOf: (context) => context?.client,
  })
  const presence = createMemoryPresence()
  const watcher = createViewWatcher({
    read: (key) => sharedRead.fetch(new Request(`${INTERNAL_API}/conversations/search?${key}`), { priority: 'refresh', client: 'view-watcher' }),
    publish: (event) => hub.publish(event),
  })
  const relays = new Set<JobEventRelay>()
  // Its own figure, pushed when people should see it change: no tab polls for it.
  const stopBudgetNews = gateway.dailyBudget.onChange((budget) => hub.broadcast({ type: 'budget', budget }))

  return {
    gateway,
    sharedRead,
    hub,
    presence,
    watcher,
    jobSend: sendThroughGateway(gateway.forward),
    relayJobs(runner) {
      const relay = relayJobEvents({ onEvent: (listener) => runner.onEvent(listener), publish: (event) => hub.publish(event), now })
      relays.add(relay)
      return relay
    },
    close() {
      for (const relay of relays) relay.stop()
      stopBudgetNews()
      watcher.stop()
      presence.close()
    },
  }
}
