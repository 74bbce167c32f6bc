/**
 * The browser's localStorage, as the app's stores use it: reads and writes that never throw
 * (private windows and blocked storage throw on access), JSON parsed forgivingly, and one
 * subscription that hears a key change in this tab and in the others.
 */

/** The stored string; `null` when the key is not set, `undefined` when storage cannot be read. */
export function readStorage(key: string): string | null | undefined {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return undefined
  }
}

// The `storage` event only reaches the other tabs; this tab's own writes notify these.
const listenersByKey = new Map<string, Set<() => void>>()

/** Stores `value` and tells this tab's subscribers to `key`; false when storage refused it. */
export function writeStorage(key: string, value: string): boolean {
  let stored = true
  try {
    window.localStorage.setItem(key, value)
  } catch {
    stored = false
  }
  for (const listener of listenersByKey.get(key) ?? []) listener()
  return stored
}

/** Calls `listener` when `key` changes, in this tab or in another one (or storage is cleared). */
export function subscribeToStorage(key: string, listener: () => void): () => void {
  const listeners = listenersByKey.get(key) ?? new Set()
  listenersByKey.set(key, listeners)
  listeners.add(listener)
  const onStorage = (event: StorageEvent): void => {
    if (event.key === key || event.key === null) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

/**
 * One value kept in localStorage under `key`, the way every store of the app keeps one: read
 * through `parse` (which never throws and has its own fallbacks), the same object until the
 * stored string changes (as `useSyncExternalStore` needs), written as JSON, and heard in this
 * tab and the others. Where storage is blocked, the last value written lasts for the page.
 */
export interface BrowserStore<T> {
  key: string
  /** How a stored string is read (never throws). */
  parse: (raw: string | null) => T
  get: () => T
  update: (change: (current: T) => T) => void
  subscribe: (listener: () => void) => () => void
}

export function browserStore<T>(key: string, parse: (raw: string | null) => T): BrowserStore<T> {
  let memoryFallback: string | null = null
  let cached: { raw: string | null; value: T } | undefined
  const get = (): T => {
    const stored = readStorage(key)
    const raw = stored === undefined ? memoryFallback : stored
    if (cached?.raw !== raw) cached = { raw, value: parse(raw) }
    return cached.value
  }
  return {
    key,
    parse,
    get,
    update: (change) => {
      memoryFallback = JSON.stringify(change(get()))
      writeStorage(key, memoryFallback)
    },
    subscribe: (listener) => subscribeToStorage(key, listener),
  }
}

/**
 * A stored JSON object read through `schema`, whose fields carry their own fallbacks (`z.catch`),
 * so one bad value does not reset the others; `fallback` when nothing usable is stored.
 */
export function parseStoredObject<T>(raw: string | null, schema: { parse(value: unknown): T }, fallback: T): T {
  if (raw === null) return fallback
  try {
    const value: unknown = JSON.parse(raw)
    return schema.parse(typeof value === 'object' && value !== null ? value : {})
  } catch {
    return fallback
  }
}
