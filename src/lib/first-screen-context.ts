import { createContext, use, useSyncExternalStore } from 'react'

/**
 * What a server-rendered page was rendered with, outside the query cache: the server's clock and
 * the stored strings (by localStorage key) it was sent in a cookie. The server's render and the
 * browser's first one (hydration) read it, so both draw the same; undefined when the browser
 * renders alone. See src/app/first-screen.ts.
 */
export interface RenderedWith {
  now: number
  /** The page's origin as the server saw it (the browser's own replaces it after the first render). */
  origin: string
  storage: Readonly<Record<string, string>>
}

export const FirstScreenContext = createContext<RenderedWith | undefined>(undefined)

const noChanges = () => () => {}

/** `window.location.origin`, which the server can only guess (a proxy in front may change it). */
export function useOrigin(): string {
  const rendered = use(FirstScreenContext)?.origin
  return useSyncExternalStore(noChanges, () => window.location.origin, () => rendered ?? '')
}
