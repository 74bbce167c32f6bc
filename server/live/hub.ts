import type { PushEvent } from '../../src/lib/push-events.ts'

/** One Server-Sent Events message: `data` is the event as JSON, `id` only for stored events. */
export interface Frame {
  id?: string
  data: string
}

/** How a subscriber starts: up to date, caught up from the buffer, or told to refetch. */
export type CatchUp = 'current' | 'replayed' | 'resync'

export interface Subscription {
  catchUp: CatchUp
  unsubscribe(): void
}

/**
 * Where changes meet the open inboxes. Behind an interface so that several server processes
 * could share one (e.g. over Redis) without the routes noticing; this server runs one process.
 */
export interface LiveHub {
  /** Keeps the event for catch-up, sends it to every subscriber and returns its id. */
  publish(event: PushEvent): string
  /** Sends a snapshot of state (presence) now without keeping it: late comers get a fresh one. */
  broadcast(event: PushEvent): void
  /**
   * Delivers, synchronously and in order, what came after `lastEventId` (or a `resync` event
   * when that is no longer in the buffer), then every new event until unsubscribed.
   */
  subscribe(deliver: (frame: Frame) => void, lastEventId?: string): Subscription
  readonly subscribers: number
}

export interface MemoryHubOptions {
  /** Events kept for catch-up (default 1000). */
  capacity?: number
  /** Bytes of JSON kept for catch-up (default 4 MB): a few large page snapshots must not hoard memory. */
  maxBytes?: number
  /** Distinguishes this process's ids from a previous run's, so a restart means resync. */
  epoch?: string
}

interface Stored {
  seq: number
  frame: Frame
}

function parseId(id: string, epoch: string): number | undefined {
  const dash = id.lastIndexOf('-')
  if (dash === -1 || id.slice(0, dash) !== epoch) return undefined
  const seq = Number(id.slice(dash + 1))
  return Number.isSafeInteger(seq) && seq >= 0 ? seq : undefined
}

/** The in-process hub: a bounded ring buffer of recent events with ids `<epoch>-<seq>`. */
export function createMemoryHub(options: MemoryHubOptions = {}): LiveHub {
  const capacity = options.capacity ?? 1000
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024
  const epoch = options.epoch ?? Date.now().toString(36)
  const buffer: Stored[] = []
  const subscribers = new Set<(frame: Frame) => void>()
  let bytes = 0
  let seq = 0

  const send = (frame: Frame): void => {
    for (const deliver of [...subscribers]) deliver(frame)
  }

  const missedSince = (lastEventId: string): Stored[] | undefined => {
    const since = parseId(lastEventId, epoch)
    if (since === undefined || since > seq) return undefined
    const oldest = buffer[0]?.seq ?? seq + 1
    if (since < oldest - 1) return undefined
    return buffer.filter((stored) => stored.seq > since)
  }

  return {
    get subscribers() {
      return subscribers.size
    },
    publish(event) {
      seq += 1
      const id = `${epoch}-${seq}`
      const frame = { id, data: JSON.stringify({ ...event, id }) }
      buffer.push({ seq, frame })
      bytes += frame.data.length
      while (buffer.length > capacity || (bytes > maxBytes && buffer.length > 1)) {
        bytes -= buffer.shift()?.frame.data.length ?? 0
      }
      send(frame)
      return id
    },
    broadcast(event) {
      send({ data: JSON.stringify(event) })
    },
    subscribe(deliver, lastEventId) {
      let catchUp: CatchUp = 'current'
      if (lastEventId !== undefined) {
        const missed = missedSince(lastEventId)
        if (missed === undefined) {
          catchUp = 'resync'
          const id = `${epoch}-${seq}`
          deliver({ id, data: JSON.stringify({ type: 'resync', id } satisfies PushEvent) })
        } else if (missed.length > 0) {
          catchUp = 'replayed'
          for (const stored of missed) deliver(stored.frame)
        }
      }
      subscribers.add(deliver)
      return { catchUp, unsubscribe: () => subscribers.delete(deliver) }
    },
  }
}
