import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { BrowserRouter } from 'react-router'
import { conversationQueries } from '../api/search-conversations'
import { parseView } from '../features/filters/view-url'
import { createQueryClient } from '../lib/query-client'
import { AppRoutes } from './router'
import { RouteErrorBoundary } from './routes/route-error'

/** The first page of the opening view is asked for at once, not after the first render. */
function createStartedQueryClient(): QueryClient {
  const queryClient = createQueryClient()
  const { view } = parseView(new URLSearchParams(window.location.search))
  void queryClient.prefetchInfiniteQuery(conversationQueries.search(view))
  return queryClient
}

export function App() {
  const [queryClient] = useState(createStartedQueryClient)
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
