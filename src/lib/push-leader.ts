/**
 * Which tab of this browser holds the push connection: browsers allow about six HTTP/1.1
 * connections per host, so eight tabs with one stream each would starve the page's own reads.
 *
 * With Web Locks the browser decides: the tab holding the lock leads, and when it closes the
 * next waiting tab gets the lock. Without them (rare now), tabs elect over a BroadcastChannel:
 * the leader announces itself every `heartbeatMs`; a tab that hears nothing for `timeoutMs`
 * takes over; when two lead at once, the lower tab id wins.
 */

/** The part of `navigator.locks` used here. */
export interface LockManagerLike {
  request(name: string, callback: (lock: unknown) => Promise<void>): Promise<unknown>
}

/** The part of `BroadcastChannel` used here; it never delivers a tab's own messages to itself. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void
  onmessage: ((event: MessageEvent) => void) | null
  close(): void
}

export interface LeaderCallbacks {
  onLead: () => void
  /** Only in the BroadcastChannel election: another tab turned out to lead too, and won. */
  onLose: () => void
}

export interface Leadership {
  /** Gives up (or stops waiting for) leadership: on close and pagehide. */
  resign(): void
}

export const LEADER_LOCK = 'highlevel-inbox-push'

export function leadWithLocks(locks: LockManagerLike, callbacks: LeaderCallbacks): Leadership {
  let resigned = false
  let release = (): void => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  void locks.request(LEADER_LOCK, () => {
    if (resigned) return Promise.resolve()
    callbacks.onLead()
    return held
  })
  return {
    resign() {
      resigned = true
      release()
    },
  }
}

type ElectionMessage = { kind: 'leader' | 'resign'; tabId: string }

function isElectionMessage(data: unknown): data is ElectionMessage {
  const message = data as Partial<ElectionMessage> | null
  return (message?.kind === 'leader' || message?.kind === 'resign') && typeof message.tabId === 'string'
}

export interface ElectionOptions {
  channel: BroadcastChannelLike
  tabId: string
  heartbeatMs?: number
  timeoutMs?: number
}

export function leadByElection(options: ElectionOptions, callbacks: LeaderCallbacks): Leadership {
  const { channel, tabId } = options
  const heartbeatMs = options.heartbeatMs ?? 1_000
  const timeoutMs = options.timeoutMs ?? 2_500
  let leading = false
  // A new tab first listens for a while: a leader may already be there.
  let lastHeard = Date.now()

  const announce = (): void => channel.postMessage({ kind: 'leader', tabId } satisfies ElectionMessage)
  const check = (): void => {
    if (leading) return announce()
    if (Date.now() - lastHeard < timeoutMs) return
    leading = true
    announce()
    callbacks.onLead()
  }
  const timer = setInterval(check, heartbeatMs)

  channel.onmessage = (event) => {
    if (!isElectionMessage(event.data) || event.data.tabId === tabId) return
    if (event.data.kind === 'resign') {
      lastHeard = -Infinity
      return check()
    }
    if (!leading) {
      lastHeard = Date.now()
    } else if (event.data.tabId < tabId) {
      leading = false
      lastHeard = Date.now()
      callbacks.onLose()
    } else {
      announce()
    }
  }

  return {
    resign() {
      clearInterval(timer)
      channel.onmessage = null
      if (leading) channel.postMessage({ kind: 'resign', tabId } satisfies ElectionMessage)
      leading = false
      channel.close()
    },
  }
}
