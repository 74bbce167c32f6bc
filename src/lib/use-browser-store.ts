import { use, useMemo, useSyncExternalStore } from 'react'
import { FirstScreenContext } from './first-screen-context'
import type { BrowserStore } from './local-storage'

/**
 * A browser store's value, re-rendering when it changes in this tab or another one. The server's
 * render, and the browser's first one over it, read the stored string the server was sent (see
 * storage-cookie.ts), else `serverValue`.
 */
export function useBrowserStore<T>(store: BrowserStore<T>, serverValue: T): T {
  const rendered = use(FirstScreenContext)?.storage[store.key]
  const renderedValue = useMemo(() => (rendered === undefined ? serverValue : store.parse(rendered)), [rendered, serverValue, store])
  return useSyncExternalStore(store.subscribe, store.get, () => renderedValue)
}
