import type { QueryClient } from '@tanstack/react-query'
import { applyPushEvent, countViewKey, headViewKey } from '../api/live-cache'
import { conversationKeys } from '../api/query-keys'
import type { SearchView } from '../api/schemas/search-view'
import { BROWSER_ID, CLIENT_ID } from '../lib/client-id'
import { liveStatus } from '../lib/live-status'
import { hearPresence, ownPresence, replyAuthors, teamPresence } from '../lib/presence-store'
import { browserPushOptions, createPushChannel, type PushChannelOptions } from '../lib/push-channel'
import { MAX_WATCHED_PER_CLIENT, type PushEvent } from '../lib/push-events'
import { startPresenceHeartbeat, type PresenceHeartbeatOptions } from '../lib/push-presence'

/** The push keys of the first pages and counts this tab shows now: the server watches them for it. */
export function watchedViews(queryClient: QueryClient): string[] {
  const keys = new Set<string>()
  for (const query of queryClient.getQueryCache().findAll({ queryKey: conversationKeys.all(), type: 'active' })) {
    const [, kind, third, fourth] = query.queryKey as [string, string, unknown, unknown]
    if (kind === 'list' && third === 'head') keys.add(headViewKey(fourth as SearchView))
    if (kind === 'count') keys.add(countViewKey(third as SearchView))
  }
  return [...keys].slice(0, MAX_WATCHED_PER_CLIENT)
}

/** One event into this tab: presence to its store, everything else into the caches. */
export function hearPushEvent(queryClient: QueryClient, event: PushEvent): void {
  if (event.type === 'presence') {
    // This tab, and the browser's other tabs: the same agent, not a teammate.
    hearPresence(event.present, (entry) => entry.clientId === CLIENT_ID || entry.browserId === BROWSER_ID)
    return
  }
  if (event.type === 'message' && event.by !== undefined && event.by !== CLIENT_ID) replyAuthors.set(event.message.id, event.by)
  // This tab's own writes are already in its caches, drawn as it made them.
  if (event.by === CLIENT_ID && event.type !== 'view' && event.type !== 'resync') return
  applyPushEvent(queryClient, event)
}

export interface LiveOptions {
  push?: PushChannelOptions
  heartbeat?: Partial<PresenceHeartbeatOptions>
}

/**
 * The app's one push channel and presence heartbeat, for the page's life: events patch the
 * caches; the heartbeat says who this tab is, what it views and replies to, and what it
 * watches. Returns the stop.
 */
export function startLive(queryClient: QueryClient, options: LiveOptions = {}): () => void {
  const channel = createPushChannel(options.push ?? { ...browserPushOptions(), tabId: CLIENT_ID })
  liveStatus.set(channel.status)
  const stopStatus = channel.onStatus((status) => liveStatus.set(status))
  const stopEvents = channel.subscribe((event) => hearPushEvent(queryClient, event))
  const heartbeat = startPresenceHeartbeat({
    clientId: CLIENT_ID,
    state: () => {
      const { name, viewing, replying } = ownPresence.get()
      return { name: name || undefined, browserId: BROWSER_ID, viewing, replying, watching: watchedViews(queryClient) }
    },
    ...options.heartbeat,
  })
  const stopPresence = ownPresence.subscribe(() => heartbeat.update())
  return () => {
    stopPresence()
    heartbeat.stop()
    stopEvents()
    stopStatus()
    channel.close()
    liveStatus.set('off')
    teamPresence.set([])
  }
}
