import { z } from 'zod/mini'
import { readStorage, writeStorage } from '../../lib/local-storage'

/**
 * Saved views live in the browser's localStorage, one list per HighLevel location.
 * A saved view is a name and a URL search string: the URL is the view.
 */

const savedViewSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  search: z.string().check(
    z.maxLength(4000),
    z.refine((search) => search === '' || search.startsWith('?')),
  ),
})
export type SavedView = z.infer<typeof savedViewSchema>

export const MAX_NAME_LENGTH = 80

export function storageKey(locationId: string): string {
  return `highlevel-inbox:saved-views:${locationId}`
}

/** The saved views in a stored value; entries that are not valid saved views are skipped. */
export function parseSavedViews(raw: string | null): SavedView[] {
  if (!raw) return []
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return []
  }
  if (!Array.isArray(json)) return []
  return json.flatMap((item) => {
    const parsed = savedViewSchema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}

/** One location's stored list, as a string (`null` when there is none or storage is blocked). */
export function readRaw(key: string): string | null {
  return readStorage(key) ?? null
}

function write(key: string, views: SavedView[]) {
  writeStorage(key, JSON.stringify(views))
}

function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME_LENGTH)
}

function newId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

/** Changes to one location's list; each reads the latest stored list first, so tabs do not overwrite each other. */
export function savedViewsStore(key: string) {
  const current = () => parseSavedViews(readRaw(key))
  return {
    add(name: string, search: string): SavedView | undefined {
      const clean = cleanName(name)
      if (!clean) return undefined
      const view = { id: newId(), name: clean, search }
      write(key, [...current(), view])
      return view
    },
    rename(id: string, name: string) {
      const clean = cleanName(name)
      if (!clean) return
      write(key, current().map((view) => (view.id === id ? { ...view, name: clean } : view)))
    },
    remove(id: string) {
      write(key, current().filter((view) => view.id !== id))
    },
  }
}
