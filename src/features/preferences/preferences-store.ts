import { z } from 'zod/mini'
import { DEFAULT_RESPONSE_TARGET_MS } from '../../lib/waiting-time'

/**
 * Comfort preferences, kept in this browser's localStorage and shared by its tabs.
 * `public/theme.js` reads `theme` from the same key before the first paint: keep them in step.
 */
export const PREFERENCES_KEY = 'highlevel-inbox:preferences'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]
export const DENSITIES = ['comfortable', 'compact'] as const
export type Density = (typeof DENSITIES)[number]

const HOUR = 3_600_000

/** Each field falls back on its own, so one bad value does not reset the others. */
export const preferencesSchema = z.object({
  theme: z.catch(z.enum(THEMES), 'system'),
  density: z.catch(z.enum(DENSITIES), 'comfortable'),
  responseTargetMs: z.catch(
    z.int().check(z.minimum(60_000), z.maximum(30 * 24 * HOUR)),
    DEFAULT_RESPONSE_TARGET_MS,
  ),
  /** The HighLevel user this browser's agent is ("who am I"). */
  myUserId: z.catch(z.optional(z.string().check(z.minLength(1))), undefined),
})
export type Preferences = z.infer<typeof preferencesSchema>

export const DEFAULT_PREFERENCES: Preferences = preferencesSchema.parse({})

export function parsePreferences(raw: string | null): Preferences {
  if (raw === null) return DEFAULT_PREFERENCES
  try {
    const value: unknown = JSON.parse(raw)
    return preferencesSchema.parse(typeof value === 'object' && value !== null ? value : {})
  } catch {
    return DEFAULT_PREFERENCES
  }
}

/** Private windows and blocked storage throw on access: then preferences last for the page only. */
function readRaw(): string | null {
  try {
    return window.localStorage.getItem(PREFERENCES_KEY)
  } catch {
    return memoryFallback
  }
}

let memoryFallback: string | null = null
let cached: { raw: string | null; value: Preferences } | undefined
const listeners = new Set<() => void>()

/** The current preferences; the same object until they change (as `useSyncExternalStore` needs). */
export function getPreferences(): Preferences {
  const raw = readRaw()
  if (cached?.raw !== raw) cached = { raw, value: parsePreferences(raw) }
  return cached.value
}

export function updatePreferences(patch: Partial<Preferences>): void {
  const raw = JSON.stringify({ ...getPreferences(), ...patch })
  memoryFallback = raw
  try {
    window.localStorage.setItem(PREFERENCES_KEY, raw)
  } catch {
    // Kept in memory (above) for this page.
  }
  // The `storage` event only reaches the other tabs; this one is told here.
  for (const listener of listeners) listener()
}

/** Calls `listener` when preferences change, in this tab or in another one. */
export function subscribeToPreferences(listener: () => void): () => void {
  const onStorage = (event: StorageEvent): void => {
    if (event.key === PREFERENCES_KEY || event.key === null) listener()
  }
  listeners.add(listener)
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}
