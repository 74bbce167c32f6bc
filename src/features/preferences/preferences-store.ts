import { z } from 'zod/mini'
import { browserStore, parseStoredObject } from '../../lib/local-storage'
import { DEFAULT_DENSITY, DENSITIES } from '../../lib/density'
import { DEFAULT_RESPONSE_TARGET_MS } from '../../lib/waiting-time'

/**
 * Comfort preferences, kept in this browser's localStorage and shared by its tabs.
 * `public/theme.js` reads `theme` from the same key before the first paint: keep them in step.
 */
export const PREFERENCES_KEY = 'highlevel-inbox:preferences'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

const HOUR = 3_600_000

/** Each field falls back on its own, so one bad value does not reset the others. */
export const preferencesSchema = z.object({
  theme: z.catch(z.enum(THEMES), 'system'),
  density: z.catch(z.enum(DENSITIES), DEFAULT_DENSITY),
  responseTargetMs: z.catch(
    z.int().check(z.minimum(60_000), z.maximum(30 * 24 * HOUR)),
    DEFAULT_RESPONSE_TARGET_MS,
  ),
  /** The HighLevel user this browser's agent is ("who am I"). */
  myUserId: z.catch(z.optional(z.string().check(z.minLength(1))), undefined),
  /** Opening an unread conversation marks it read. Off by default, as in HighLevel. */
  markReadOnOpen: z.catch(z.boolean(), false),
})
export type Preferences = z.infer<typeof preferencesSchema>

export const DEFAULT_PREFERENCES: Preferences = preferencesSchema.parse({})

export function parsePreferences(raw: string | null): Preferences {
  return parseStoredObject(raw, preferencesSchema, DEFAULT_PREFERENCES)
}

export const preferencesStore = browserStore(PREFERENCES_KEY, parsePreferences)

/** The current preferences; the same object until they change. */
export const getPreferences = preferencesStore.get

export function updatePreferences(patch: Partial<Preferences>): void {
  preferencesStore.update((current) => ({ ...current, ...patch }))
}

/** Calls `listener` when preferences change, in this tab or in another one. */
export const subscribeToPreferences = preferencesStore.subscribe
