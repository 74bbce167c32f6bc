import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useEffect, useRef, type ReactNode } from 'react'
import { BrowserRouter } from 'react-router'
import { conversationQueries } from '../api/search-conversations'
import { configQueries } from '../api/get-config'
import { parseView } from '../view/view-url'
import { createQueryClient } from '../lib/query-client'
import { FirstScreenContext, type RenderedWith } from '../lib/first-screen-context'
import { seedQueryClient, type FirstScreen } from './first-screen'
import { startLive } from './live'
import { AppRoutes } from './router'
import { RouteErrorBoundary } from './routes/route-error'

/**
 * How long the first render waits for the opening view's first page, when the server did not
 * render the page. An answer within it is in the first render, so rows appear with the page
 * instead of after a skeleton and a second render; a slower API gets the skeleton after this
 * long. A server-rendered page waited on the server already (`FIRST_PAGE_WAIT_MS` there): it
 * hydrates at once.
 */
const FIRST_PAGE_WAIT_MS = 150

/**
 * The query client, with the opening view's first page (and the config) already asked for: the
 * requests start before React renders anything. With a first screen from the server, its
 * answers are in the cache already and only what it lacks is asked for (the first page's
 * request then joins the server's read still in flight); else resolves when the first page is
 * in, or after `FIRST_PAGE_WAIT_MS`, whichever comes first.
 */
export async function startQueryClient(firstScreen?: FirstScreen): Promise<QueryClient> {
  const queryClient = createQueryClient()
  try {
    const { view } = parseView(new URLSearchParams(window.location.search))
    if (firstScreen) await seedQueryClient(queryClient, firstScreen, window.location.search)
    const firstPage = queryClient.getQueryState(conversationQueries.search(view).queryKey)
      ? Promise.resolve()
      : queryClient.prefetchInfiniteQuery(conversationQueries.search(view))
    void queryClient.prefetchQuery(configQueries.config())
    if (!firstScreen) await Promise.race([firstPage, new Promise((resolve) => setTimeout(resolve, FIRST_PAGE_WAIT_MS))])
  } catch {
    // Only a head start is lost: the app asks again as it renders, and reports what fails there.
  }
  return queryClient
}

interface AppTreeProps {
  queryClient: QueryClient
  /** What the server rendered with, when it did: the first render must be the same. */
  firstScreen?: RenderedWith | undefined
  /** The router: the browser's history in the browser, the request's URL on the server. */
  router: (children: ReactNode) => ReactNode
}

/** The app under a router of the caller's: rendered by the browser (`App`) and by the server (`entry-server.tsx`). */
export function AppTree({ queryClient, firstScreen, router }: AppTreeProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <FirstScreenContext value={firstScreen}>
        {router(
          <RouteErrorBoundary>
            <AppRoutes />
          </RouteErrorBoundary>,
        )}
      </FirstScreenContext>
    </QueryClientProvider>
  )
}

// No transitions: a clicked checkbox or radio shows its new state (the URL's) at once.
const browserRouter = (children: ReactNode) => <BrowserRouter useTransitions={false}>{children}</BrowserRouter>

interface AppProps {
  queryClient: QueryClient
  firstScreen?: FirstScreen | undefined
  /** Called once the app has rendered (or hydrated) its first screen. */
  onStarted?: (() => void) | undefined
}

export function App({ queryClient, firstScreen, onStarted }: AppProps) {
  useEffect(() => startLive(queryClient), [queryClient])
  const started = useRef(onStarted)
  useEffect(() => {
    // Once, though StrictMode runs effects twice in development.
    const call = started.current
    started.current = undefined
    call?.()
  }, [])
  return <AppTree queryClient={queryClient} firstScreen={firstScreen} router={browserRouter} />
}
