import { z } from 'zod/mini'
import { browserStore, parseStoredObject } from '../../lib/local-storage'

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
  return parseStoredObject(raw, columnPrefsSchema, DEFAULT_COLUMN_PREFS)
}

/** The column preferences of this browser, shared by its tabs. */
export const columnPrefsStore = browserStore(COLUMN_PREFS_KEY, parseColumnPrefs)

export const readColumnPrefs = columnPrefsStore.get

export function writeColumnPrefs(prefs: ColumnPrefs): void {
  columnPrefsStore.update(() => prefs)
}
