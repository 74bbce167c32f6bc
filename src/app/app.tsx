import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { BrowserRouter } from 'react-router'
import { conversationQueries } from '../api/search-conversations'
import { configQueries } from '../api/get-config'
import { parseView } from '../view/view-url'
import { createQueryClient } from '../lib/query-client'
import { startLive } from './live'
import { AppRoutes } from './router'
import { RouteErrorBoundary } from './routes/route-error'

/**
 * How long the first render waits for the opening view's first page. An answer within it is in
 * the first render, so rows appear with the page instead of after a skeleton and a second
 * render; a slower API gets the skeleton after this long.
 */
const FIRST_PAGE_WAIT_MS = 150

/**
 * The query client, with the opening view's first page (and the config) already asked for: the
 * requests start before React renders anything. Resolves when the first page is in, or after
 * `FIRST_PAGE_WAIT_MS`, whichever comes first.
 */
export async function startQueryClient(): Promise<QueryClient> {
  const queryClient = createQueryClient()
  try {
    const { view } = parseView(new URLSearchParams(window.location.search))
    const firstPage = queryClient.prefetchInfiniteQuery(conversationQueries.search(view))
    void queryClient.prefetchQuery(configQueries.config())
    await Promise.race([firstPage, new Promise((resolve) => setTimeout(resolve, FIRST_PAGE_WAIT_MS))])
  } catch {
    // Only a head start is lost: the app asks again as it renders, and reports what fails there.
  }
  return queryClient
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  useEffect(() => startLive(queryClient), [queryClient])
  return (
    <QueryClientProvider client={queryClient}>
      {/* No transitions: a clicked checkbox or radio shows its new state (the URL's) at once. */}
      <BrowserRouter useTransitions={false}>
        <RouteErrorBoundary>
          <AppRoutes />
        </RouteErrorBoundary>
      </BrowserRouter>
    </QueryClientProvider>
  )
}
