import { Component, Suspense, type ReactNode } from 'react'

interface LoadBoundaryProps {
  /** What is being loaded, for the message: "Could not load {what}." */
  what: string
  /** Shown while the code loads. */
  fallback?: ReactNode
  /** Offers "Close" beside the message: gives up on what could not open. */
  onDismiss?: () => void
  /**
   * The part's code is loaded already (`LazyPart.isLoaded()`, read once as the part mounts): no
   * Suspense boundary. A part the server rendered then hydrates in the same pass as the rest of
   * the page; inside a boundary React would hydrate it in a later pass, over data (the users,
   * a teammate's change) that may have come in since the server drew it.
   */
  ready?: boolean
  children: ReactNode
}

/**
 * Around a part whose code loads on demand (`React.lazy`): a loading fallback, and, when the
 * code cannot be fetched (offline, or a new version deployed since the page loaded), a message
 * in its place with a reload — the rest of the page stays as it was.
 */
export class LoadBoundary extends Component<LoadBoundaryProps, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render(): ReactNode {
    const { what, fallback = null, onDismiss, ready = false, children } = this.props
    if (!this.state.failed) return ready ? children : <Suspense fallback={fallback}>{children}</Suspense>
    return (
      <div role="alert" className="flex flex-wrap items-center gap-2 px-4 py-3 text-sm text-rose-800 dark:text-rose-200">
        <span>Could not load {what}. Check the connection, then reload the page.</span>
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="rounded-md border border-rose-300 px-2 py-0.5 font-medium hover:bg-rose-50 dark:border-rose-800 dark:hover:bg-rose-950"
        >
          Reload
        </button>
        {onDismiss && (
          <button type="button" onClick={onDismiss} className="rounded-md px-2 py-0.5 font-medium hover:underline">
            Close
          </button>
        )}
      </div>
    )
  }
}
