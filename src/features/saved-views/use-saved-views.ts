import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { subscribeToStorage } from '../../lib/local-storage'
import { parseSavedViews, readRaw, savedViewsStore, storageKey } from './saved-views-store'

/** One location's saved views, in step with every open tab. */
export function useSavedViews(locationId: string) {
  const key = storageKey(locationId)
  // The snapshot is the stored string itself: equal strings keep React from re-rendering.
  const raw = useSyncExternalStore(
    useCallback((listener: () => void) => subscribeToStorage(key, listener), [key]),
    useCallback(() => readRaw(key), [key]),
    () => null,
  )
  const views = useMemo(() => parseSavedViews(raw), [raw])
  const store = useMemo(() => savedViewsStore(key), [key])
  return { views, ...store }
}
