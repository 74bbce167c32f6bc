import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

export type LazyPart<P extends object> = LazyExoticComponent<ComponentType<P>> & {
  /**
   * Starts fetching the code (on hover, focus, or the first tick: the intent before the click;
   * or before hydrating a part the server rendered), so it is there when the part renders.
   * Resolves once fetched and never rejects: after a failed preload the part's first render
   * fetches again, and its `LoadBoundary` says so if that fails too.
   */
  preload: () => Promise<void>
  /** Whether the code is here: the part then renders without suspending (see `LoadBoundary`'s `ready`). */
  isLoaded: () => boolean
}

/**
 * A part of the page whose code loads on demand: `React.lazy` of a named export, with `preload`.
 * Render it inside a `LoadBoundary`, which shows a fallback while it loads and a message with a
 * reload when it cannot (offline, or a new version deployed since the page loaded). Once
 * preloaded it renders without suspending, so a part the server rendered hydrates in the same
 * pass as the rest, over the same cache.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<ComponentType<P>> | undefined
  const start = () => {
    // A failed fetch is not kept: the next render (or intent) asks again.
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined
        throw error
      },
    )
    return loading
  }
  const part = lazy(() => {
    const ready = loaded
    // A thenable that answers at once: React.lazy then renders the component without suspending.
    if (ready) return { then: (resolve: (module: { default: ComponentType<P> }) => void) => resolve({ default: ready }) } as Promise<{ default: ComponentType<P> }>
    return start().then((component) => ({ default: component }))
  })
  return Object.assign(part, { preload: () => start().then(() => undefined, () => undefined), isLoaded: () => loaded !== undefined })
}
