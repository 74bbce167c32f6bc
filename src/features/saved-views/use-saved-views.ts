import { useBrowserStore } from '../../lib/use-browser-store'
import { savedViewsStore, storageKey, type SavedView } from './saved-views-store'

const NONE: SavedView[] = []

/** One location's saved views, in step with every open tab. */
export function useSavedViews(locationId: string) {
  const store = savedViewsStore(storageKey(locationId))
  const views = useBrowserStore(store, NONE)
  return { views, add: store.add, rename: store.rename, remove: store.remove }
}
