import { Component, useEffect, type ReactNode } from 'react'
import { useLocation } from 'react-router'
import { paths } from '../../lib/paths'

/**
 * What a person sees when an address matches nothing, or when something unexpected breaks the
 * page: a plain explanation and a way back — never a blank page, never a stack trace.
 */
export function RouteError({ kind }: { kind: 'not-found' | 'crash' }) {
  const notFound = kind === 'not-found'
  useEffect(() => {
    document.title = `${notFound ? 'No such page' : 'Something went wrong'} — Inbox`
  }, [notFound])
  return (
    <main className="mx-auto flex h-full max-w-lg flex-col justify-center gap-4 p-8">
      <h1 className="text-xl font-semibold">{notFound ? 'There is no such page' : 'Something went wrong'}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {notFound
          ? 'The address does not match anything in the inbox.'
          : 'The inbox hit an unexpected problem while showing this page. Your view is kept in the address, so reloading usually brings it back.'}
      </p>
      <div className="flex gap-3">
        {!notFound && (
          <button
            type="button"
            onClick={() => window.location.reload()}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Reload
          </button>
        )}
        <a href={paths.inbox.href()} className="rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Go to the inbox
        </a>
      </div>
    </main>
  )
}

/**
 * Catches whatever a page throws while rendering and shows `RouteError` instead. Going to
 * another address (Back, a link) tries the page again.
 */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { key } = useLocation()
  return <CrashBoundary resetKey={key}>{children}</CrashBoundary>
}

interface CrashBoundaryProps {
  /** A new value clears a caught error: the children render again. */
  resetKey: string
  children: ReactNode
}

class CrashBoundary extends Component<CrashBoundaryProps, { failed: boolean; resetKey: string }> {
  override state = { failed: false, resetKey: this.props.resetKey }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  static getDerivedStateFromProps(props: CrashBoundaryProps, state: { resetKey: string }) {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey }
  }

  // React reports the error on the console itself; the page shows no stack trace.
  override render(): ReactNode {
    return this.state.failed ? <RouteError kind="crash" /> : this.props.children
  }
}
