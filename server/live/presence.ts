import type { PresenceEntry } from '../../src/lib/push-events.ts'

export type HeartbeatResult = 'ok' | 'full'

/** Who has an inbox open, and on which conversation. Behind an interface like the hub. */
export interface PresenceStore {
  /** Adds or refreshes a tab; `full` when a new tab would exceed the bound. */
  heartbeat(entry: PresenceEntry): HeartbeatResult
  leave(clientId: string): void
  list(): PresenceEntry[]
  /** Called with everyone present whenever someone arrives, leaves, expires or moves. */
  onChange(listener: (present: PresenceEntry[]) => void): () => void
  /** Stops the expiry timer (tests, shutdown). */
  close(): void
}

export interface MemoryPresenceOptions {
  /** An entry is gone this long after its last heartbeat (default 30 s; tabs beat every ~10 s). */
  ttlMs?: number
  /** Open tabs tracked at most (default 500). */
  maxEntries?: number
}

export const PRESENCE_TTL_MS = 30_000

interface Tracked {
  entry: PresenceEntry
  expiresAt: number
}

function sameEntry(a: PresenceEntry, b: PresenceEntry): boolean {
  return a.name === b.name && a.viewing === b.viewing && a.replying === b.replying && a.browserId === b.browserId
}

/** Copies only the public fields, whatever else the caller's object carries. */
function entryOf(entry: PresenceEntry): PresenceEntry {
  const copy: PresenceEntry = { clientId: entry.clientId }
  if (entry.browserId !== undefined) copy.browserId = entry.browserId
  if (entry.name !== undefined) copy.name = entry.name
  if (entry.viewing !== undefined) copy.viewing = entry.viewing
  if (entry.replying !== undefined) copy.replying = entry.replying
  return copy
}

/** Presence in this process. One timer, set for the next expiry (uses `Date.now`/`setTimeout`). */
export function createMemoryPresence(options: MemoryPresenceOptions = {}): PresenceStore {
  const ttlMs = options.ttlMs ?? PRESENCE_TTL_MS
  const maxEntries = options.maxEntries ?? 500
  const tracked = new Map<string, Tracked>()
  const listeners = new Set<(present: PresenceEntry[]) => void>()
  let timer: ReturnType<typeof setTimeout> | undefined

  const list = (): PresenceEntry[] => [...tracked.values()].map(({ entry }) => entry)
  const changed = (): void => {
    const present = list()
    for (const listener of [...listeners]) listener(present)
  }

  const sweep = (): void => {
    timer = undefined
    const now = Date.now()
    let removed = false
    for (const [clientId, { expiresAt }] of tracked) {
      if (expiresAt <= now) removed = tracked.delete(clientId) || removed
    }
    schedule()
    if (removed) changed()
  }

  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    let next = Infinity
    for (const { expiresAt } of tracked.values()) next = Math.min(next, expiresAt)
    if (next === Infinity) return
    timer = setTimeout(sweep, Math.max(0, next - Date.now()))
    // Presence alone must not keep the process alive.
    timer.unref?.()
  }

  return {
    heartbeat(entry) {
      const before = tracked.get(entry.clientId)
      if (!before && tracked.size >= maxEntries) return 'full'
      const copy = entryOf(entry)
      tracked.set(entry.clientId, { entry: copy, expiresAt: Date.now() + ttlMs })
      // A refreshed entry expires later than the timer is set for: that sweep finds nothing and re-arms.
      if (!before) schedule()
      if (!before || !sameEntry(before.entry, copy)) changed()
      return 'ok'
    },
    leave(clientId) {
      if (!tracked.delete(clientId)) return
      schedule()
      changed()
    },
    list,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      listeners.clear()
    },
  }
}
