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

/** Bounds the memory of tabs heard of: a long day sees many tabs come and go. */
const MAX_REMEMBERED = 1000

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key)
  map.set(key, value)
  if (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value as string)
}

/** Which tab wrote each reply heard from the push channel: the collision warning names them. */
const authors = new Map<string, string>()
export const replyAuthors = {
  get: (messageId: string): string | undefined => authors.get(messageId),
  set: (messageId: string, clientId: string): void => remember(authors, messageId, clientId),
}

/**
 * The name each tab last gave while present. A reply is usually read after its author moved on
 * (closed the tab, or let its presence lapse in a hidden window): it is still theirs.
 */
const knownNames = new Map<string, string>()

/**
 * A presence snapshot heard: the names to remember (this browser's own tabs too: a reply sent
 * from one of them is named), and who is here now but `own` (this tab and its siblings).
 */
export function hearPresence(present: readonly PresenceEntry[], own: (entry: PresenceEntry) => boolean = () => false): void {
  for (const entry of present) {
    const name = entry.name?.trim()
    if (name) remember(knownNames, entry.clientId, name)
    else knownNames.delete(entry.clientId)
  }
  teamPresence.set(present.filter((entry) => !own(entry)))
}

/** "Ann is replying", "Someone is viewing"… for one conversation; undefined when nobody else is on it. */
export function presenceText(present: readonly PresenceEntry[], conversationId: string): string | undefined {
  const phrases = present.flatMap((entry) => {
    const name = entry.name?.trim() || 'Someone'
    if (entry.replying === conversationId) return [`${name} is replying`]
    return entry.viewing === conversationId ? [`${name} is viewing`] : []
  })
  return phrases.length > 0 ? [...new Set(phrases)].join(', ') : undefined
}

/**
 * The name of a tab: as it is present now, else as it was last heard; "Someone" when it gave
 * none (or was never heard of). `fallback` is a name known otherwise (the HighLevel user of a message).
 */
export function nameOf(present: readonly PresenceEntry[], clientId: string | undefined, fallback?: string): string {
  const entry = clientId === undefined ? undefined : present.find((candidate) => candidate.clientId === clientId)
  const name = entry ? entry.name?.trim() : clientId === undefined ? undefined : knownNames.get(clientId)
  return name || fallback?.trim() || 'Someone'
}
