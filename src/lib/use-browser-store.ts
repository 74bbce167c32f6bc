import { useSyncExternalStore } from 'react'
import type { BrowserStore } from './local-storage'

/** A browser store's value, re-rendering when it changes in this tab or another one. */
export function useBrowserStore<T>(store: BrowserStore<T>, serverValue: T): T {
  return useSyncExternalStore(store.subscribe, store.get, () => serverValue)
}
