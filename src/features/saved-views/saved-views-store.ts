import { z } from 'zod/mini'
import { browserStore, type BrowserStore } from '../../lib/local-storage'

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

function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME_LENGTH)
}

function newId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

export interface SavedViewsStore extends BrowserStore<SavedView[]> {
  add: (name: string, search: string) => SavedView | undefined
  rename: (id: string, name: string) => void
  remove: (id: string) => void
}

const stores = new Map<string, SavedViewsStore>()

/**
 * One location's list and the changes to it; each change reads the latest stored list first, so
 * tabs do not overwrite each other. One store per key, so its value stays the same object.
 */
export function savedViewsStore(key: string): SavedViewsStore {
  const existing = stores.get(key)
  if (existing) return existing
  const store = browserStore(key, parseSavedViews)
  const created: SavedViewsStore = {
    ...store,
    add(name, search) {
      const clean = cleanName(name)
      if (!clean) return undefined
      const view = { id: newId(), name: clean, search }
      store.update((views) => [...views, view])
      return view
    },
    rename(id, name) {
      const clean = cleanName(name)
      if (clean) store.update((views) => views.map((view) => (view.id === id ? { ...view, name: clean } : view)))
    },
    remove(id) {
      store.update((views) => views.filter((view) => view.id !== id))
    },
  }
  stores.set(key, created)
  return created
}
