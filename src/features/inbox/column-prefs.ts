import { z } from 'zod/mini'

/** Which inbox columns are shown and how wide, kept in this browser's localStorage. */
export const COLUMN_PREFS_KEY = 'highlevel-inbox:columns'

export const MIN_COLUMN_WIDTH = 48
export const MAX_COLUMN_WIDTH = 800

const columnPrefsSchema = z.object({
  visibility: z.catch(z.record(z.string(), z.boolean()), {}),
  sizing: z.catch(z.record(z.string(), z.number().check(z.minimum(MIN_COLUMN_WIDTH), z.maximum(MAX_COLUMN_WIDTH))), {}),
})
export type ColumnPrefs = z.infer<typeof columnPrefsSchema>

export const DEFAULT_COLUMN_PREFS: ColumnPrefs = { visibility: {}, sizing: {} }

/** Stored preferences, each part falling back on its own; defaults for anything unreadable. */
export function parseColumnPrefs(raw: string | null): ColumnPrefs {
  if (raw === null) return DEFAULT_COLUMN_PREFS
  try {
    const value: unknown = JSON.parse(raw)
    return columnPrefsSchema.parse(typeof value === 'object' && value !== null ? value : {})
  } catch {
    return DEFAULT_COLUMN_PREFS
  }
}

// Private windows and blocked storage throw on access: the choice then lasts for the page only.
export function readColumnPrefs(): ColumnPrefs {
  try {
    return parseColumnPrefs(window.localStorage.getItem(COLUMN_PREFS_KEY))
  } catch {
    return DEFAULT_COLUMN_PREFS
  }
}

export function writeColumnPrefs(prefs: ColumnPrefs): void {
  try {
    window.localStorage.setItem(COLUMN_PREFS_KEY, JSON.stringify(prefs))
  } catch {
    // Nothing to do: see readColumnPrefs.
  }
}
