import { PUSH_EVENTS_PATH, parsePushEvent, type PushEvent } from './push-events'
import { leadByElection, leadWithLocks, type BroadcastChannelLike, type Leadership, type LockManagerLike } from './push-leader'

/**
 * The inbox's live updates: one tab per browser holds the `EventSource` and shares what it
 * hears with the others over a BroadcastChannel (see push-leader.ts). Anything but 'live'
 * means: keep polling as without it, and say nothing alarming.
 */
export type PushStatus = 'live' | 'connecting' | 'off'

export interface PushChannel {
  /** Every event once, in order, in every tab. */
  subscribe(listener: (event: PushEvent) => void): () => void
  readonly status: PushStatus
  onStatus(listener: (status: PushStatus) => void): () => void
  close(): void
}

/** The part of `EventSource` used here. */
export interface EventSourceLike {
  readonly readyState: number
  onopen: ((event: Event) => void) | null
  onmessage: ((event: MessageEvent<string>) => void) | null
  onerror: ((event: Event) => void) | null
  close(): void
}

export interface PushChannelOptions {
  url?: string
  /** Undefined where the browser has no EventSource: the status stays 'off'. */
  createEventSource: ((url: string) => EventSourceLike) | undefined
  /** Undefined without BroadcastChannel: every tab then connects on its own. */
  createBroadcastChannel: ((name: string) => BroadcastChannelLike) | undefined
  locks: LockManagerLike | undefined
  tabId: string
  /** Failed connection attempts in a row after which the status says 'off' (retries go on). */
  offAfterFailures?: number
  maxBackoffMs?: number
  random?: () => number
}

const CLOSED = 2
export const PUSH_CHANNEL = 'highlevel-inbox-push-events'
const ELECTION_CHANNEL = 'highlevel-inbox-push-leader'

type TabMessage = { kind: 'event'; event: PushEvent } | { kind: 'status'; status: PushStatus } | { kind: 'hello' }

/** `<epoch>-<seq>` ids: true when `id` is not newer than `last` (a copy heard twice). */
function seenBefore(id: string, last: string | undefined): boolean {
  if (last === undefined) return false
  const [epoch, seq] = id.split('-')
  const [lastEpoch, lastSeq] = last.split('-')
  return epoch === lastEpoch && Number(seq) <= Number(lastSeq)
}

export function browserPushOptions(): PushChannelOptions {
  return {
    createEventSource: typeof EventSource === 'undefined' ? undefined : (url) => new EventSource(url),
    createBroadcastChannel: typeof BroadcastChannel === 'undefined' ? undefined : (name) => new BroadcastChannel(name),
    locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined,
    tabId: crypto.randomUUID(),
  }
}

export function createPushChannel(options: PushChannelOptions): PushChannel {
  const url = options.url ?? PUSH_EVENTS_PATH
  const offAfter = options.offAfterFailures ?? 3
  const maxBackoffMs = options.maxBackoffMs ?? 30_000
  const random = options.random ?? Math.random
  const listeners = new Set<(event: PushEvent) => void>()
  const statusListeners = new Set<(status: PushStatus) => void>()
  const tabs = options.createBroadcastChannel?.(PUSH_CHANNEL)
  let status: PushStatus = options.createEventSource ? 'connecting' : 'off'
  let lastEventId: string | undefined
  let lastPresence: PushEvent | undefined
  let leading = false
  let source: EventSourceLike | undefined
  let failures = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined

  const post = (message: TabMessage): void => tabs?.postMessage(message)
  const setStatus = (next: PushStatus): void => {
    if (leading) post({ kind: 'status', status: next })
    if (next === status) return
    status = next
    for (const listener of [...statusListeners]) listener(next)
  }
  const deliver = (event: PushEvent): boolean => {
    if (event.id !== undefined) {
      if (seenBefore(event.id, lastEventId)) return false
      lastEventId = event.id
    }
    if (event.type === 'presence') lastPresence = event
    for (const listener of [...listeners]) listener(event)
    return true
  }

  const connect = (): void => {
    if (!options.createEventSource) return
    const from = lastEventId === undefined ? '' : `?lastEventId=${encodeURIComponent(lastEventId)}`
    const opened = options.createEventSource(`${url}${from}`)
    source = opened
    opened.onopen = () => {
      failures = 0
      setStatus('live')
    }
    opened.onmessage = (message) => {
      const event = parsePushEvent(message.data)
      if (event && deliver(event)) post({ kind: 'event', event })
    }
    opened.onerror = () => {
      // CONNECTING: the browser reconnects by itself and sends Last-Event-ID. CLOSED: it gave up
      // (the server refused, e.g. 503 when full), so this tab retries with its own backoff.
      if (opened.readyState !== CLOSED) return setStatus('connecting')
      opened.close()
      failures += 1
      setStatus(failures >= offAfter ? 'off' : 'connecting')
      const delay = Math.min(maxBackoffMs, 1000 * 2 ** (failures - 1))
      retryTimer = setTimeout(connect, delay * (0.8 + 0.4 * random()))
    }
  }
  const disconnect = (): void => {
    clearTimeout(retryTimer)
    source?.close()
    source = undefined
    failures = 0
  }

  const callbacks = {
    onLead: () => {
      leading = true
      setStatus('connecting')
      connect()
    },
    onLose: () => {
      disconnect()
      leading = false
    },
  }
  const lead = (): Leadership => {
    const noLeadership = { resign: () => {} }
    if (!options.createEventSource) return noLeadership
    if (!tabs || !options.createBroadcastChannel) {
      callbacks.onLead()
      return noLeadership
    }
    if (options.locks) return leadWithLocks(options.locks, callbacks)
    const election = options.createBroadcastChannel(ELECTION_CHANNEL)
    return leadByElection({ channel: election, tabId: options.tabId }, callbacks)
  }
  const leadership = lead()

  if (tabs) {
    tabs.onmessage = (message) => {
      const data = message.data as TabMessage | null
      if (typeof data !== 'object' || data === null) return
      if (data.kind === 'hello' && leading) {
        post({ kind: 'status', status })
        if (lastPresence) post({ kind: 'event', event: lastPresence })
      } else if (data.kind === 'event' && !leading) {
        deliver(data.event)
      } else if (data.kind === 'status' && !leading) {
        setStatus(data.status)
      }
    }
    post({ kind: 'hello' })
  }

  return {
    get status() {
      return status
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onStatus(listener) {
      statusListeners.add(listener)
      return () => statusListeners.delete(listener)
    },
    close() {
      leadership.resign()
      disconnect()
      leading = false
      tabs?.close()
      setStatus('off')
      listeners.clear()
      statusListeners.clear()
    },
  }
}
