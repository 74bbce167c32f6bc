import { lazy, type ComponentType } from 'react'

/**
 * `React.lazy` that can be loaded ahead: once `preload` has resolved, rendering it does not
 * suspend (its factory answers at once). The browser loads the parts the server rendered before
 * hydrating them, so they hydrate in the same pass as the rest, over the same cache.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<ComponentType<P>> | undefined
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then((component) => (loaded = component))
    return loading
  }
  const Component = lazy(() => {
    const ready = loaded
    // A thenable that answers synchronously: React.lazy then renders the component without suspending.
    if (ready) return { then: (resolve: (module: { default: ComponentType<P> }) => void) => resolve({ default: ready }) } as Promise<{ default: ComponentType<P> }>
    return preload().then((component) => ({ default: component }))
  })
  return { Component, preload }
}
