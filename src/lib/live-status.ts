import type { PushStatus } from './push-channel'

/**
 * Whether this tab hears the push channel. While it is 'live', teammates' changes and fresh
 * first pages arrive as events, so the polls of page 1 and counts only back them up, slowly;
 * anything else and the inbox polls as without it, saying nothing.
 */
let status: PushStatus = 'off'
const listeners = new Set<() => void>()

export const liveStatus = {
  get: (): PushStatus => status,
  set(next: PushStatus): void {
    if (next === status) return
    status = next
    for (const listener of [...listeners]) listener()
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

/** How much slower the polls run while push is live: a safety net, not the way news arrives. */
export const LIVE_POLL_FACTOR = 10

/** A poll's interval now: `ms` as without push, `LIVE_POLL_FACTOR` times longer while it is live. */
export function pollInterval(ms: number): number {
  return status === 'live' ? ms * LIVE_POLL_FACTOR : ms
}
