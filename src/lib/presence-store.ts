import type { PresenceEntry } from './push-events'

/**
 * Presence as this tab knows it: what it tells the team (name, the conversation it views and
 * the one it replies to) and who else is present (the push channel's latest snapshot, this
 * tab left out). Plain stores, read by the heartbeat and by `useSyncExternalStore`.
 */
export interface OwnPresence {
  name?: string
  viewing?: string
  replying?: string
}

function store<T>(initial: T) {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: (): T => value,
    set(next: T): void {
      if (Object.is(next, value)) return
      value = next
      for (const listener of [...listeners]) listener()
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export const ownPresence = store<OwnPresence>({})

/** Changes one field of this tab's presence; the same object when nothing changes. */
export function setOwnPresence(fields: OwnPresence): void {
  const current = ownPresence.get()
  const keys = Object.keys(fields) as (keyof OwnPresence)[]
  if (keys.every((key) => current[key] === fields[key])) return
  ownPresence.set({ ...current, ...fields })
}

/** The others present now. */
export const teamPresence = store<readonly PresenceEntry[]>([])

/** Which tab wrote each reply heard from the push channel: the collision warning names them. */
export const replyAuthors = new Map<string, string>()

/** "Ann is replying", "Someone is viewing"… for one conversation; undefined when nobody else is on it. */
export function presenceText(present: readonly PresenceEntry[], conversationId: string): string | undefined {
  const phrases = present.flatMap((entry) => {
    const name = entry.name?.trim() || 'Someone'
    if (entry.replying === conversationId) return [`${name} is replying`]
    return entry.viewing === conversationId ? [`${name} is viewing`] : []
  })
  return phrases.length > 0 ? [...new Set(phrases)].join(', ') : undefined
}

/** The name a tab gave, or "Someone". */
export function nameOf(present: readonly PresenceEntry[], clientId: string | undefined): string {
  return present.find((entry) => entry.clientId === clientId)?.name?.trim() || 'Someone'
}
