import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

export type LazyPart<P extends object> = LazyExoticComponent<ComponentType<P>> & {
  /**
   * Starts fetching the code (on hover, focus, or the first tick: the intent before the click),
   * so it is there when the part renders. Never throws: after a failed preload the part's first
   * render fetches again, and its `LoadBoundary` says so if that fails too.
   */
  preload: () => void
}

/**
 * A part of the page whose code loads on demand: `React.lazy` of a named export, with `preload`.
 * Render it inside a `LoadBoundary`, which shows a fallback while it loads and a message with a
 * reload when it cannot (offline, or a new version deployed since the page loaded).
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined
  const start = () => {
    // A failed fetch is not kept: the next render (or intent) asks again.
    loading ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        loading = undefined
        throw error
      },
    )
    return loading
  }
  return Object.assign(lazy(start), { preload: () => void start().catch(() => undefined) })
}
